import { createHash } from "node:crypto";
import {
  type Document,
  isCollection,
  isScalar,
  isSeq,
  parseDocument,
  stringify as stringifyYaml,
  visit,
  type YAMLError,
} from "yaml";
import { SourceRefusal, UserFacingError } from "../errors.ts";
import { hashedForm } from "../text/normalize.ts";

/** A link listed under ■ URL in a news article: not body text, kept as metadata. */
export interface ArticleLink {
  readonly name: string;
  readonly url: string;
}

/** Where an article came from. */
export type SourceFormat = "text" | "livedoor" | "html" | "markdown" | "dataset";

/** The fields a source yields, before the article is stored. */
export interface ArticleDraft {
  readonly title: string;
  readonly url: string;
  readonly publisher: string;
  readonly author: string | null;
  /** ISO 8601 with offset, e.g. 2005-10-31T15:22:00+09:00 */
  readonly publishedAt: string | null;
  readonly sourceFormat: SourceFormat;
  /** Paragraphs and headings of the body, in order. */
  readonly blocks: readonly Block[];
  readonly captions: readonly string[];
  readonly links: readonly ArticleLink[];
  readonly related: readonly string[];
}

export interface Block {
  readonly kind: "paragraph" | "heading";
  readonly text: string;
}

/** A stored article. `body` is the Markdown body; every passage is a substring of it. */
export interface Article extends Omit<ArticleDraft, "blocks"> {
  readonly id: string;
  readonly addedAt: string;
  readonly addedBy: string;
  /** Hash of the normalized body text: two articles with the same text have the same hash. */
  readonly contentHash: string;
  readonly body: string;
}

/** A block of an article body with its place in `article.body`. */
export interface BodyBlock extends Block {
  readonly start: number;
  readonly end: number;
}

const HEADING_PREFIX = "## ";
const BLOCK_SEPARATOR = "\n\n";

/** Article ids are short, stable across refetches (derived from the URL) and safe as file names. */
export function articleIdFor(url: string, contentHash: string): string {
  return createHash("sha256")
    .update(url || `content:${contentHash}`)
    .digest("hex")
    .slice(0, 12);
}

/**
 * Whether `value` is an absolute http(s) URL, the only kind of address an article is stored with: the
 * id of an article is made from its URL, and `/article refetch` fetches it again.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Whether a URL carries a user name or password (`https://user:pass@host/`): an article's URL is shown
 * to every member and written to the corpus, so such a URL is refused, as fetching refuses it.
 */
export function hasCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== "" || url.password !== "";
  } catch {
    return false;
  }
}

/**
 * A text as it may be shown or logged, with the user name and password of any URL in it masked
 * (`https://***@host/`), the URL parsable or not: 「https://user:pass@intra example.jp/」 is refused as no
 * URL, and the refusal's detail is logged. A web address needs no slashes for a URL parser to read its
 * user name and password, and takes any run of / and \\ for them (`https:user:pw@host`, `http:/\\user:pw@host`):
 * those are masked too.
 */
export function withoutCredentials(text: string): string {
  // To the last @ before the path, as a URL parser reads it (「https://user:p@ss@host/」), after // or \\\\, or
  // after a web scheme's colon and its slashes. One match takes the whole authority and the replacer looks
  // for its @: a pattern that looked for the @ itself scanned the rest of the text again from each
  // 「http:」 (100 KB of them took 5 s).
  return text.replace(
    /(\b(?:https?|wss?|ftp):[/\\]*|\/\/|\\\\)([^/?#\\]*)/giu,
    (whole, head: string, authority: string) => {
      const at = authority.lastIndexOf("@");
      return at < 0 || authority.slice(0, at) === "***" ? whole : `${head}***${authority.slice(at)}`;
    },
  );
}

/**
 * A URL as a person types or pastes it: trimmed, and without the `<…>` around it. Discord users write
 * `<https://…>` to post a link without its preview and paste it so; the bot's options and forms and the
 * command line (add, extract, refetch, summary, --url) all take it.
 * @example typedUrl(" <https://example.jp/a> ") // "https://example.jp/a"
 */
export function typedUrl(value: string): string {
  const trimmed = value.trim();
  return /^<[^<>]*>$/u.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}

/** Two URLs name the same page: scheme, `www.`, default port, fragment and a trailing slash aside. */
export function sameAddress(a: string, b: string): boolean {
  return addressKey(a) === addressKey(b);
}

/** The form of a URL that `sameAddress` compares. */
export function addressKey(value: string): string {
  try {
    const url = new URL(value);
    const host = url.hostname.toLowerCase().replace(/^www\./u, "");
    const port = url.port && url.port !== "80" && url.port !== "443" ? `:${url.port}` : "";
    const pathname = url.pathname.replace(/\/+$/u, "") || "/";
    return `${host}${port}${pathname}${url.search}`;
  } catch {
    return value.trim();
  }
}

/**
 * Refuses a source URL that is not empty nor an absolute http(s) URL. Any other text would be stored as
 * the address: 「なし」 twice is then refused as the same URL, and /article refetch cannot fetch it.
 */
export function checkSourceUrl(url: string): void {
  if (url && hasCredentials(url)) {
    // Neither shown nor logged: it holds a password.
    throw new UserFacingError(
      "出典の URL にユーザー名やパスワード（@ の前の部分）が含まれています。記事の URL は記事を見る人すべてに表示されるため、そのままでは登録しません。@ までを取り除いた URL を指定するか、URL なしで追加してください（CLI では --url を省きます）。",
      "article: url with credentials",
    );
  }
  if (!url || isHttpUrl(url)) return;
  const masked = withoutCredentials(url);
  const shown = Array.from(masked);
  throw new UserFacingError(
    `出典の URL（${shown.length > 80 ? `${shown.slice(0, 80).join("")}…` : masked}）は、ウェブページの URL として読めません。http:// か https:// で始まる正しい URL を指定するか、URL なしで追加してください（CLI では --url を省きます）。`,
    `article: url ${JSON.stringify(masked)} is not an http(s) URL`,
  );
}

/**
 * Hash of the body's normalized text, whitespace removed: the same article pasted twice hashes the same.
 * Normalized as hashes always were (hashedForm), not as search now normalizes: a stored hash is compared
 * with a new one (a duplicate, a refetch) and is an article's id when it has no URL.
 */
export function contentHashOf(blocks: readonly Block[]): string {
  const text = hashedForm(blocks.map((b) => b.text).join("\n")).replace(/\s+/gu, "");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The Markdown body of a list of blocks. Paragraphs are one line each; headings are `## ` lines. */
export function formatBody(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      // a run of whitespace holding a line break is one space; matched whole, so a long run without one
      // is not scanned again from each of its characters
      const text = b.text.replace(/\s+/gu, (run) => (run.includes("\n") ? " " : run)).trim();
      if (b.kind === "heading") return HEADING_PREFIX + text;
      // A paragraph that looks like Markdown structure, or starts with the escape itself (`\\server`), gets
      // one backslash in front, which `bodyBlocks` takes off again: every paragraph reads back as written.
      return /^(#|---|\\)/u.test(text) ? `\\${text}` : text;
    })
    .filter((line) => line !== "" && line !== HEADING_PREFIX)
    .join(BLOCK_SEPARATOR);
}

/** The blocks of a Markdown body, each with its offsets in the body. */
export function bodyBlocks(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(BLOCK_SEPARATOR, start);
    if (end < 0) end = body.length;
    const raw = body.slice(start, end);
    if (raw.trim() !== "") {
      if (raw.startsWith(HEADING_PREFIX)) {
        blocks.push({
          kind: "heading",
          text: raw.slice(HEADING_PREFIX.length),
          start: start + HEADING_PREFIX.length,
          end,
        });
      } else if (raw.startsWith("\\")) {
        blocks.push({ kind: "paragraph", text: raw.slice(1), start: start + 1, end });
      } else {
        blocks.push({ kind: "paragraph", text: raw, start, end });
      }
    }
    start = end + BLOCK_SEPARATOR.length;
  }
  return blocks;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/iu;

/**
 * A date-time in RFC 3339 form: `2012-09-04T12:45:00+0900` becomes `2012-09-04T12:45:00+09:00`, missing
 * seconds are `:00`, and a time without an offset gets `defaultOffset` when one is given. Anything else
 * (a date alone, free text) is returned as it is.
 */
export function toRfc3339(value: string, defaultOffset?: string): string {
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return value;
  const [, date, hm, seconds, zone] = m;
  let offset = zone ?? defaultOffset;
  if (offset === undefined) return value;
  if (/^z$/iu.test(offset)) offset = "Z";
  else offset = offset.replace(/^([+-]\d{2}):?(\d{2})$/u, "$1:$2");
  return `${date}T${hm}${seconds ?? ":00"}${offset}`;
}

/**
 * Control characters no article text needs: C0 controls but tab, line feed and carriage return; DEL; C1
 * controls; and the bidirectional embeddings, overrides and isolates, which can make text display in
 * another order than it reads (U+202A–202E, U+2066–2069). Pages carry them as `&#27;` or `&#7;`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\p{Cs}]/gu;

/**
 * A character that shows something: not whitespace, a control or format character (zero-width space
 * U+200B, joiners, BOM, soft hyphen, direction marks), a lone surrogate or the U+FFFD left for one, a
 * variation selector, a combining mark (an accent U+0301, a dakuten U+3099: with no letter to sit on it
 * shows nothing, or a dotted circle), nor a blank letter (the Hangul fillers U+115F, U+1160, U+3164,
 * U+FFA0 and the blank braille pattern U+2800).
 */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Cs}\p{M}\ufffd\u115f\u1160\u3164\uffa0\u2800]/u;

/**
 * Whether a text shows anything: a title or a body of zero-width spaces alone is as empty as one of
 * spaces, and would be a blank line in the article list.
 */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/** Text without control characters nor lone surrogates; vertical tab and form feed become spaces. */
export function stripControls(text: string): string {
  return text.replace(/[\v\f]/gu, " ").replace(CONTROL_CHARACTERS, "");
}

/** One-line text (a title, a name): no control characters, line breaks and tabs as spaces, trimmed. */
function oneLine(text: string): string {
  return stripControls(text)
    .replace(/[\t\r\n]+/gu, " ")
    .trim();
}

/**
 * The source has no title and none was given. The message suits the command line and `import`; what a
 * moderator can do depends on where the source came from, which `addArticle` knows and says instead.
 */
export class MissingTitleError extends SourceRefusal {
  constructor(detail: string) {
    super("記事の見出しが見つかりませんでした。", "タイトルを指定してください（CLI では --title）。", detail);
  }
}

/**
 * Makes a stored article from a draft. Every text field loses its control characters here, so that no
 * source (a page, a file, pasted text, a data set) can put them in the corpus.
 */
export function createArticle(draft: ArticleDraft, added: { by: string; at: Date }): Article {
  const { blocks: rawBlocks, ...rawMeta } = draft;
  const blocks = rawBlocks
    .map((b) => ({ kind: b.kind, text: stripControls(b.text) }))
    .filter((b) => hasVisibleText(b.text));
  const meta = {
    ...rawMeta,
    title: oneLine(rawMeta.title),
    url: oneLine(rawMeta.url),
    publisher: oneLine(rawMeta.publisher),
    author: rawMeta.author === null ? null : oneLine(rawMeta.author) || null,
    captions: rawMeta.captions.map(oneLine).filter(Boolean),
    links: rawMeta.links.map((l) => ({ name: oneLine(l.name), url: oneLine(l.url) })),
    related: rawMeta.related.map(oneLine).filter(Boolean),
  };
  if (!hasVisibleText(meta.title)) throw new MissingTitleError("article: the title shows nothing");
  if (!blocks.some((b) => b.kind === "paragraph")) {
    throw new SourceRefusal(
      "本文が見つかりませんでした。",
      "本文のあるページ・ファイル・テキストを指定してください。",
      "article: no paragraph shows anything",
    );
  }
  checkSourceUrl(meta.url);
  const contentHash = contentHashOf(blocks);
  return {
    ...meta,
    publishedAt: meta.publishedAt === null ? null : toRfc3339(meta.publishedAt),
    id: articleIdFor(draft.url, contentHash),
    addedAt: added.at.toISOString(),
    addedBy: added.by,
    contentHash,
    body: formatBody(blocks),
  };
}

interface FrontMatter {
  id: string;
  title: string;
  url: string;
  publisher: string;
  author: string | null;
  published_at: string | null;
  added_at: string;
  added_by: string;
  content_hash: string;
  source_format: SourceFormat;
  captions?: string[];
  links?: ArticleLink[];
  related?: string[];
}

/** The Markdown file of an article: YAML front matter, then the body. */
export function formatArticle(article: Article): string {
  const front: FrontMatter = {
    id: article.id,
    title: article.title,
    url: article.url,
    publisher: article.publisher,
    author: article.author,
    published_at: article.publishedAt,
    added_at: article.addedAt,
    added_by: article.addedBy,
    content_hash: article.contentHash,
    source_format: article.sourceFormat,
  };
  if (article.captions.length) front.captions = [...article.captions];
  if (article.links.length) front.links = article.links.map((l) => ({ name: l.name, url: l.url }));
  if (article.related.length) front.related = [...article.related];
  return `---\n${stringifyYaml(front, { lineWidth: 0 })}---\n\n${article.body}\n`;
}

/** The front matter (YAML text) and the body of an article file; null when it has no front matter. */
export function splitFrontMatter(markdown: string): { yaml: string; body: string } | null {
  // A file saved by an editor as "UTF-8 with BOM" starts with U+FEFF before its first ---.
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/u.exec(markdown);
  if (!match) return null;
  // Windows line ends (git's autocrlf, a Windows editor) are line ends: "\r\n\r\n" is no blank line to
  // bodyBlocks, and such a body was one paragraph, its "## " headings shown as text.
  const body = markdown
    .slice(match[0].length)
    .replace(/\r\n/gu, "\n")
    .replace(/^\s*\n/u, "")
    .trimEnd();
  return { yaml: match[1] as string, body };
}

/**
 * A malformed article file. The message (English, for logs) names the file; `reason` says what is wrong
 * in Japanese, for the operator who has to fix it.
 */
export class ArticleFormatError extends Error {
  override readonly name = "ArticleFormatError";
  readonly reason: string;
  constructor(fileName: string, detail: string, reason: string) {
    super(`article: ${fileName} ${detail}`);
    this.reason = reason;
  }
}

/** Parses an article file. Throws an ArticleFormatError naming the file when it is malformed. */
export function parseArticle(markdown: string, fileName = "(article)"): Article {
  const fail = (detail: string, reason: string) => new ArticleFormatError(fileName, detail, reason);
  const parts = splitFrontMatter(markdown);
  if (!parts) {
    throw fail("has no YAML front matter", "先頭に YAML の front matter（--- の行で囲んだ部分）がありません");
  }
  let front: Partial<FrontMatter> | null;
  try {
    front = parseFrontMatter(parts.yaml) as Partial<FrontMatter> | null;
  } catch (err) {
    // the line in the file: the front matter starts after the opening ---
    const line = err instanceof FrontMatterYamlError ? `（${err.line + 1} 行目）` : "";
    throw fail(
      `has invalid YAML front matter: ${String((err as Error).message).split("\n")[0]}`,
      `front matter の YAML を読めません${line}`,
    );
  }
  if (!front || typeof front !== "object" || Array.isArray(front)) {
    throw fail("has empty front matter", "front matter が空か、「項目: 値」の形ではありません");
  }
  for (const key of ["id", "title", "content_hash"] as const) {
    const value: unknown = front[key];
    if (value === undefined) throw fail(`lacks ${key}`, `front matter に ${key} がありません`);
    if (value === null || value === "") {
      throw fail(`has an empty ${key}`, `front matter の ${key} が空です（値を書いてください）`);
    }
  }
  const textKeys = [
    ...["id", "title", "content_hash", "url", "publisher", "author"],
    ...["published_at", "added_at", "added_by", "source_format"],
  ] as const;
  for (const key of textKeys) {
    const value: unknown = front[key];
    if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      const kind = Array.isArray(value) ? "a list" : "a mapping";
      throw fail(
        `has a ${key} that is ${kind}`,
        `front matter の ${key} が${Array.isArray(value) ? "リスト" : "「項目: 値」の組"}になっています（一行の文字列を書いてください）`,
      );
    }
  }
  for (const key of ["captions", "links", "related"] as const) {
    if (front[key] !== undefined && front[key] !== null && !Array.isArray(front[key])) {
      throw fail(`has a ${key} that is not a list`, `front matter の ${key} がリストではありません`);
    }
  }
  for (const key of ["captions", "related"] as const) {
    if ((front[key] ?? []).some((item: unknown) => item !== null && typeof item === "object")) {
      throw fail(`has a ${key} item that is not text`, `front matter の ${key} に、文字列でない項目があります`);
    }
  }
  const links = front.links ?? [];
  if (!links.every((l) => l !== null && typeof l === "object" && typeof l.url === "string")) {
    throw fail("has a link without url", "front matter の links に、name と url の組になっていない項目があります");
  }
  return {
    id: String(front.id),
    title: String(front.title),
    url: String(front.url ?? ""),
    publisher: String(front.publisher ?? ""),
    author: front.author ? String(front.author) : null,
    publishedAt: front.published_at ? toRfc3339(toIsoString(front.published_at)) : null,
    addedAt: front.added_at ? toIsoString(front.added_at) : "",
    addedBy: String(front.added_by ?? ""),
    contentHash: String(front.content_hash),
    sourceFormat: front.source_format ?? "text",
    captions: (front.captions ?? []).map(String),
    links: links.map((l) => ({ name: String(l.name ?? ""), url: String(l.url) })),
    related: (front.related ?? []).map(String),
    body: parts.body,
  };
}

/** The YAML parser's first error in a front matter, and the line of the front matter (from 1) it is on. */
class FrontMatterYamlError extends Error {
  readonly line: number;
  constructor(error: YAMLError, line: number) {
    super(error.message);
    this.line = line;
  }
}

/**
 * The front matter's YAML as plain data, every field of which is text: a number or a boolean written
 * without quotes (`title: 1984`, `id: 000123`, a hand edit) is kept as written, not as 1984 or 123.
 * Throws the YAML parser's first error as a FrontMatterYamlError.
 */
function parseFrontMatter(yaml: string): unknown {
  const doc = parseDocument(yaml);
  const [error] = doc.errors;
  if (error) throw new FrontMatterYamlError(error, lineOfError(doc, yaml, error));
  visit(doc, {
    Scalar(_key, node) {
      if ((typeof node.value === "number" || typeof node.value === "boolean") && node.source !== undefined) {
        node.value = node.source;
      }
    },
  });
  return doc.toJS();
}

/**
 * The line (from 1) where a YAML error goes wrong. The parser says where it gave up, which for a quote or
 * a bracket left open (`title: "速報`) is the end of the front matter, eight lines below the mistake: the
 * line is then the one where that quoted text or flow collection opens.
 */
function lineOfError(doc: Document, yaml: string, error: YAMLError): number {
  const at = error.pos[0];
  let start = at;
  visit(doc, (_key, node) => {
    const closing = isScalar(node)
      ? node.type === "QUOTE_DOUBLE"
        ? '"'
        : node.type === "QUOTE_SINGLE"
          ? "'"
          : null
      : isCollection(node) && node.flow === true
        ? isSeq(node)
          ? "]"
          : "}"
        : null;
    const range = closing && (isScalar(node) || isCollection(node)) ? node.range : undefined;
    // run on to where the parser gave up, and never closed: a quoted title closed on its line that ends
    // where the next line's mistake starts (a key written twice, a tab) is not it
    if (
      range &&
      range[0] < start &&
      (range[1] === at || range[2] === at) &&
      !yaml
        .slice(range[0], range[1])
        .trimEnd()
        .endsWith(closing as string)
    )
      start = range[0];
  });
  return yaml.slice(0, start).split("\n").length;
}

function toIsoString(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
