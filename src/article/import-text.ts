import { decodeHTMLStrict } from "entities";
import { SourceRefusal } from "../errors.ts";
import { graphemes } from "../render/limits.ts";
import {
  type ArticleDraft,
  type ArticleLink,
  type Block,
  hasVisibleText,
  MissingTitleError,
  toRfc3339,
} from "./article.ts";

/** What the moderator (or the command line) says about a plain-text source. */
export interface PlainTextOptions {
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  readonly publisher?: string | undefined;
  /** UTC offset for times written without one (Japanese news: +09:00). */
  readonly defaultOffset?: string;
}

const URL_LINE = /^https?:\/\/\S+$/u;
const ISO_TIME_LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?$/u;
/** `2005/10/31 15:22`: the publication time closing an Impress Watch article. */
const TIMESTAMP_LINE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/u;
/** `( 朝夷 剛士 )`: the byline, half- or full-width parentheses. */
const BYLINE_LINE = /^[(（]([^()（）]+)[)）]$/u;
/** A byline's name, within its parentheses, at most this long. */
const MAX_BYLINE = 40;
const CAPTION_FENCE = "|";
const SECTION_MARK = /^■\s*(.*)$/u;
const RELATED_ITEM = /^・\s*(.+)$/u;

/**
 * Turns a plain-text article into a draft. Two shapes are understood:
 *
 * - livedoor news (ldcc): line 1 the URL, line 2 the ISO 8601 time, line 3 the headline, then the body;
 * - Impress Watch scrapes (the seed article): photo captions between `|` lines, `■` section headings,
 *   a `■ URL` list of name/address pairs, `■ 関連記事` items `・ …(2005/09/28)`, the byline `( NAME )` and
 *   a closing `YYYY/MM/DD HH:MM` line.
 *
 * Anything else is paragraphs, one per line, with the first line as headline when it looks like one.
 * `options.title` and `options.url` win over what the text says.
 */
export function importPlainText(text: string, options: PlainTextOptions = {}): ArticleDraft {
  const lines = text
    .toWellFormed()
    .replace(/^\ufeff/u, "")
    .split(/\r\n|\r|\n/u)
    .map(decodeReferences)
    // a line of zero-width spaces is as blank as an empty one
    .map((line) => (hasVisibleText(line) ? line.trim() : ""));
  while (lines.length && lines[0] === "") lines.shift();
  const offset = options.defaultOffset ?? "+09:00";
  if (lines.length >= 3 && URL_LINE.test(lines[0] as string) && ISO_TIME_LINE.test(lines[1] as string)) {
    return fromLivedoor(lines, options, offset);
  }
  return fromScrape(lines, options, offset);
}

/**
 * A line with the character references of the HTML it was copied from written out: text copied out of web
 * pages keeps them (「ディフェリン&reg;ゲル」, in 22 livedoor articles), and a page shows them as characters.
 * Only a reference closed by its ; (「AT&T」 and a URL's 「?a=1&b=2」 stay), decoded by the entities package,
 * which knows every name HTML defines. Read line by line: a line break written as one (&#10;) breaks no line.
 */
function decodeReferences(line: string): string {
  return decodeHTMLStrict(line)
    .toWellFormed()
    .replace(/[\r\n\u2028\u2029]+/gu, " ");
}

/**
 * The heading of a list of links to other articles in a livedoor article, alone on its line: ■関連記事,
 * 【関連情報】, ■関連リンク, 【MOVIE ENTERおすすめ記事】, ■デジ通の記事をもっと見る, ■ビデオSALON 最新記事.
 * Not 【こんな人におすすめ】 (what follows is the article's), nor 【関連情報】・ＢＣＬお客様相談室 (text after it).
 */
const LIVEDOOR_RELATED_HEADING =
  /^(?:■|●|【(?!.*】.))(?=.*(?:関連|記事|バックナンバー|おすすめ.*(?:ニュース|特集|コンテンツ)))[^。]{1,50}$/u;

/** The last line of a shop's product box in a livedoor article (an Amazon widget). */
const PRODUCT_BOX_END = "クチコミを見る";
/** A product box's lines: the product, its author and maker, 販売元：Amazon.co.jp, then PRODUCT_BOX_END. */
const MAX_PRODUCT_BOX_LINES = 5;
/** A product box's own lines, whatever comes before them: 販売元：Amazon.co.jp, 著者：…. */
const PRODUCT_BOX_LINE = /^(?:販売元|著者)：/u;

/**
 * The lines of the product boxes in a livedoor article: each ends with 「クチコミを見る」 and holds the lines
 * right before it up to a blank one (the product's name, 著者：…, its maker and date, 販売元：Amazon.co.jp).
 * A longer run before it is the article's text: then only the box's own lines go (販売元：, 著者：).
 */
function productBoxLines(lines: readonly string[]): Set<number> {
  const box = new Set<number>();
  // the line after the last blank one so far: each box's run is found without reading it back
  let runStart = 0;
  for (const [end, line] of lines.entries()) {
    if (line === "") runStart = end + 1;
    if (line !== PRODUCT_BOX_END) continue;
    let start = runStart;
    if (end - start >= MAX_PRODUCT_BOX_LINES) {
      start = end;
      while (start > 0 && end - start < MAX_PRODUCT_BOX_LINES && PRODUCT_BOX_LINE.test(lines[start - 1] as string)) {
        start--;
      }
    }
    for (let i = start; i <= end; i++) box.add(i);
  }
  return box;
}

function fromLivedoor(lines: string[], options: PlainTextOptions, offset: string): ArticleDraft {
  const [url, time, headline, ...rest] = lines as [string, string, string, ...string[]];
  // A shop's product box is not the article's text either: its product's name is kept as a caption.
  const box = productBoxLines(rest);
  const captions: string[] = [];
  // A list of links to other articles (a heading, then ・ items) is not the article's text: its items
  // are the related articles' titles, which answered questions about those articles (「ドコモの社長は？」
  // got 「・ドコモでも同じ結果では？」, a link under 【関連記事】 in 6 articles).
  const blocks: Block[] = [];
  const related: string[] = [];
  // the heading of the list being read, until its first item shows it is one (else it is text)
  let heading: string | null = null;
  let inRelated = false;
  for (const [index, line] of rest.entries()) {
    if (line === "") continue;
    if (box.has(index)) {
      // the box's first line names the product
      if (!box.has(index - 1) && line !== PRODUCT_BOX_END && !PRODUCT_BOX_LINE.test(line)) captions.push(line);
      continue;
    }
    const item = inRelated || heading !== null ? RELATED_ITEM.exec(line) : null;
    if (item) {
      related.push((item[1] as string).trim());
      heading = null;
      inRelated = true;
      continue;
    }
    if (heading !== null) blocks.push({ kind: "paragraph", text: heading });
    inRelated = false;
    // the pattern's lookahead reads the whole line: only lines short enough to be such a heading are tried
    heading = line.length <= 51 && LIVEDOOR_RELATED_HEADING.test(line) ? line : null;
    if (heading === null) blocks.push({ kind: "paragraph", text: line });
  }
  if (heading !== null) blocks.push({ kind: "paragraph", text: heading });
  const finalUrl = options.url || url;
  return {
    title: requireTitle(options.title || headline),
    url: finalUrl,
    publisher: options.publisher || publisherFromUrl(finalUrl),
    author: null,
    publishedAt: toRfc3339(time, offset),
    sourceFormat: "livedoor",
    blocks: requireBody(blocks),
    captions,
    links: [],
    related,
  };
}

type Section = "body" | "links" | "related";

function fromScrape(lines: string[], options: PlainTextOptions, offset: string): ArticleDraft {
  const blocks: Block[] = [];
  const captions: string[] = [];
  const links: ArticleLink[] = [];
  const related: string[] = [];
  let author: string | null = null;
  let publishedAt: string | null = null;
  let inCaption = false;
  let section: Section = "body";
  let pendingLinkName: string | null = null;
  // Only a news scrape lists its links under ■ URL; in other text such a heading is an ordinary one.
  const scrape = isNewsScrape(lines);
  const lastContent = lastContentIndex(lines);
  /** A line of the link list that no address followed is body text after all. */
  const flushPendingLink = () => {
    if (pendingLinkName !== null) blocks.push({ kind: "paragraph", text: pendingLinkName });
    pendingLinkName = null;
  };

  for (const [index, line] of lines.entries()) {
    if (line === CAPTION_FENCE) {
      inCaption = !inCaption;
      continue;
    }
    if (inCaption) {
      if (line !== "") captions.push(line);
      continue;
    }
    if (line === "") continue;
    const time = TIMESTAMP_LINE.exec(line);
    if (time) {
      publishedAt = toIso(time, offset);
      continue;
    }
    const byline = BYLINE_LINE.exec(line);
    const name = byline?.[1]?.trim() ?? "";
    const isByline = name !== "" && name.length <= MAX_BYLINE;
    if (isByline && section !== "body") {
      flushPendingLink();
      author = name;
      continue;
    }
    const heading = SECTION_MARK.exec(line);
    if (heading) {
      flushPendingLink();
      const name = (heading[1] as string).trim();
      if (scrape && /^(url|リンク)$/iu.test(name)) section = "links";
      else if (/^関連(記事|リンク)?$/u.test(name)) section = "related";
      else {
        section = "body";
        if (name) blocks.push({ kind: "heading", text: name });
      }
      continue;
    }
    if (section === "links") {
      if (URL_LINE.test(line)) {
        links.push({ name: pendingLinkName ?? line, url: line });
        pendingLinkName = null;
      } else {
        flushPendingLink();
        pendingLinkName = line;
      }
      continue;
    }
    if (section === "related") {
      const item = RELATED_ITEM.exec(line);
      if (item) {
        related.push((item[1] as string).trim());
        continue;
      }
      if (isByline) {
        author = name;
        continue;
      }
    }
    if (isByline && index === lastContent) {
      author = name;
      continue;
    }
    blocks.push({ kind: "paragraph", text: line });
  }
  flushPendingLink();

  let title = options.title;
  if (!title) {
    const first = blocks[0];
    // A short first line without a closing 。 is a headline: 「Xen 3.0、Windowsをサポートへ」
    if (first && first.kind === "paragraph" && first.text.length <= 80 && !/[。．.]$/u.test(first.text)) {
      // a headline alone is an article without its text, not a text without a headline
      if (blocks.length === 1) throw headlineOnly(first.text);
      title = first.text;
      blocks.shift();
    }
  }
  const url = options.url ?? "";
  return {
    title: requireTitle(title),
    url,
    publisher: options.publisher || publisherFromUrl(url),
    author,
    publishedAt,
    sourceFormat: "text",
    blocks: requireBody(blocks),
    captions,
    links,
    related,
  };
}

/**
 * The news scrape shape: photo captions between `|` lines, or a closing `YYYY/MM/DD HH:MM` line. Only
 * there is a `■ URL` / `■ リンク` section a list of links.
 */
function isNewsScrape(lines: readonly string[]): boolean {
  if (lines.includes(CAPTION_FENCE)) return true;
  const last = lines.findLast((l) => l !== "");
  return last !== undefined && TIMESTAMP_LINE.test(last);
}

/**
 * The index of the last line with content (not blank, not a caption fence, not the timestamp): a byline
 * is the last thing before the timestamp, and a parenthesised remark anywhere else is body text.
 */
function lastContentIndex(lines: readonly string[]): number {
  return lines.findLastIndex((l) => l !== "" && l !== CAPTION_FENCE && !TIMESTAMP_LINE.test(l));
}

function toIso(match: RegExpExecArray, offset: string): string {
  const [, y, mo, d, h, mi] = match;
  const pad = (v: string | undefined) => (v ?? "0").padStart(2, "0");
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00${offset}`;
}

/** The site's host name stands in for a publisher nobody named. */
export function publisherFromUrl(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

function requireTitle(title: string | undefined): string {
  const trimmed = (title ?? "").trim();
  if (hasVisibleText(trimmed)) return trimmed;
  // a title given that shows nothing (「　」) is no title missing from the text
  if (title) {
    throw new SourceRefusal(
      "指定されたタイトルは空白か見えない文字だけです。",
      "見える文字でタイトルを指定してください（CLI では --title）。",
      "import: the title given shows nothing",
    );
  }
  throw new MissingTitleError("import: no headline in the text and no title given");
}

/**
 * A text that is one short line without a closing 。: a headline whose body is missing, or a one-line note
 * whose title is (「富士山の山開きは7月1日」): both are said.
 */
function headlineOnly(headline: string): SourceRefusal {
  // cut between graphemes, never inside 𠮷 or an emoji sequence (a headline is at most 80 characters)
  const all = graphemes(headline).map((g) => g.segment);
  const shown = all.length > 30 ? `${all.slice(0, 30).join("")}…` : headline;
  return new SourceRefusal(
    `本文が見つかりませんでした（見出し「${shown}」だけのテキストです）。`,
    "見出しの次の行から本文を書いてください。この行が本文なら、タイトルを指定してください（CLI では --title）。",
    "import: a headline without a body",
  );
}

function requireBody(blocks: Block[]): Block[] {
  if (!blocks.some((b) => b.kind === "paragraph")) {
    throw new SourceRefusal(
      "本文が見つかりませんでした。",
      "本文のあるテキストを指定してください。",
      "import: empty body",
    );
  }
  return blocks;
}
