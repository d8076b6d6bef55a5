import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { type ArticleDraft, type Block, isHttpUrl } from "../article/article.ts";
import { publisherFromUrl } from "../article/import-text.ts";
import { rowText, type TableRow, tableRowTexts } from "../article/table-rows.ts";
import { SourceRefusal } from "../errors.ts";
import { clean, readPageMetadata } from "./page-metadata.ts";

/** An article extracted from a page, with what the moderator is shown besides the stored draft. */
export interface ExtractedArticle {
  readonly draft: ArticleDraft;
  /** The lead: the page's own summary when the body bears it out, else the first paragraph. */
  readonly lead: string;
  readonly siteName: string | null;
  /** The page's canonical address, when it names one. */
  readonly canonicalUrl: string | null;
}

export interface ExtractOptions {
  /** Where the page came from (after redirects), or what the moderator says it is. */
  readonly url?: string | undefined;
  /** A title that wins over the page's (given by the moderator). */
  readonly title?: string | undefined;
  /** Offset for times written without one (+09:00 by default). */
  readonly offset?: string | undefined;
}

/** Elements that never hold article text. */
const SKIP = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "SVG",
  "CANVAS",
  "BUTTON",
  "INPUT",
  "SELECT",
  "TEXTAREA",
  "OBJECT",
  "EMBED",
  "VIDEO",
  "AUDIO",
]);
/** Elements that break text into separate blocks; everything else is inline. */
const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "CENTER",
  "DD",
  "DETAILS",
  "DIALOG",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGURE",
  "FOOTER",
  "FORM",
  "HEADER",
  "HGROUP",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "THEAD",
  "TFOOT",
  "UL",
  "BR",
  "CAPTION",
]);
const HEADING = /^H[1-6]$/u;
/** Photo captions: `<figcaption>`, or a class such as caption, wp-caption-text, photo-caption. */
const CAPTION_CLASS = /(^|[\s_-])(caption|wp-caption-text|photo-?caption|img-?caption|credit)($|[\s_-])/iu;
/** Chrome that survives in fallback extraction (no Readability result). */
const CHROME = "nav, aside, footer, header, form, [role='navigation'], [role='banner'], [role='contentinfo']";
/** Navigation and forms inside the content: never article text. */
const CHROME_TAGS = new Set(["NAV", "FOOTER", "FORM", "MENU"]);
/** A byline or date line in the content (class, id, itemprop or rel saying so): metadata, not text. */
const META_LINE = /author|byline|writer|publish|posted|date|time|credit/iu;
const META_LINE_MAX = 100;
const ELLIPSIS = /(…|\.\.\.|･･･|・・・)$/u;

/**
 * Turns an HTML page into an article: metadata (see `readPageMetadata`), the main content found by
 * Mozilla's Readability (the reader view of Firefox), and that content cut into paragraphs and headings.
 * Photo captions are kept apart as metadata, never as body text. Nothing on the page is run or loaded:
 * jsdom parses the markup only, with scripts and subresources off.
 */
export function extractHtml(html: string, options: ExtractOptions = {}): ExtractedArticle {
  try {
    return extract(html, options);
  } catch (err) {
    // jsdom and Readability recurse over the tree: nesting the limits did not foresee overflows the stack
    if (err instanceof RangeError) throw tooComplex(`stack overflow (${err.message})`);
    throw err;
  }
}

function extract(html: string, options: ExtractOptions): ExtractedArticle {
  // the test the URL was checked with (checkSourceUrl): 「http:example.com/a」 is one too
  const url = options.url && isHttpUrl(options.url) ? options.url : undefined;
  const markup = shapeOfMarkup(html);
  if (markup.nesting > MAX_MARKUP_NESTING) throw tooComplex(`markup nested over ${MAX_MARKUP_NESTING}`);
  if (markup.elements > MAX_ELEMENTS) throw tooComplex(`markup of over ${MAX_ELEMENTS} elements`);
  const dom = new JSDOM(html, {
    ...(url ? { url } : {}),
    virtualConsole: new VirtualConsole(),
  });
  try {
    const document = dom.window.document;
    checkShape(document);
    const meta = readPageMetadata(document, { url, offset: options.offset });
    const readable = new Readability<Node>(document.cloneNode(true) as Document, {
      serializer: (node) => node,
      keepClasses: true,
      charThreshold: 200,
    }).parse();
    const title = (options.title?.trim() || meta.title || clean(readable?.title ?? "")).trim();
    let root: Node | null = readable?.content ?? null;
    let { blocks, captions } = root ? blocksOf(root, title) : { blocks: [], captions: [] };
    if (!blocks.some((b) => b.kind === "paragraph")) {
      for (const chrome of document.querySelectorAll(CHROME)) chrome.remove();
      root = document.querySelector("article, main, [role='main']") ?? document.body;
      ({ blocks, captions } = root ? blocksOf(root, title) : { blocks: [], captions: [] });
    }
    // A page without a title is refused by createArticle, not here: what the moderator can do about it
    // depends on where the page came from (a URL, a file, a refetch), which addArticle knows.
    if (!blocks.some((b) => b.kind === "paragraph")) {
      throw new SourceRefusal(
        "ページから本文を取り出せませんでした。",
        "記事のページか確かめるか、本文をテキストで貼り付けてください。",
        "extract: no body text",
      );
    }
    const sourceUrl = chooseUrl(url ?? "", meta.canonicalUrl);
    const author = meta.author ?? (readable?.byline ? clean(readable.byline) : null);
    const draft: ArticleDraft = {
      title,
      url: sourceUrl,
      publisher: meta.siteName ?? publisherFromUrl(sourceUrl),
      author: author || null,
      publishedAt: meta.publishedAt,
      sourceFormat: "html",
      blocks,
      captions,
      links: [],
      related: [],
    };
    return {
      draft,
      lead: chooseLead(meta.description, blocks),
      siteName: meta.siteName,
      canonicalUrl: meta.canonicalUrl,
    };
  } finally {
    dom.window.close();
  }
}

/**
 * The source URL to store: the canonical one when it is on the same site as the page (a page cannot
 * claim another site's address), else the address it was fetched from.
 */
function chooseUrl(fetched: string, canonical: string | null): string {
  if (!canonical) return fetched;
  if (!fetched) return canonical;
  try {
    const a = new URL(fetched).hostname.replace(/^(www|m|sp|amp)\./u, "");
    const b = new URL(canonical).hostname.replace(/^(www|m|sp|amp)\./u, "");
    return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`) ? canonical : fetched;
  } catch {
    return fetched;
  }
}

/** The page's summary when it is whole and the body bears it out; else the first real paragraph. */
function chooseLead(description: string | null, blocks: readonly Block[]): string {
  const paragraphs = blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);
  const first = paragraphs.find((p) => p.length >= 20 || /[。！？]$/u.test(p)) ?? paragraphs[0] ?? "";
  if (!description) return first;
  const squash = (t: string) => t.normalize("NFKC").replace(/\s+/gu, "");
  const truncated = ELLIPSIS.test(description);
  const d = squash(description.replace(ELLIPSIS, ""));
  if (d.length < 10) return first;
  const opening = paragraphs.find((p) => squash(p).startsWith(d));
  if (opening) return truncated ? opening : description;
  if (truncated) return first;
  const body = squash(paragraphs.join(""));
  return body.includes(d) || bigramOverlap(d, body) >= 0.6 ? description : first;
}

function bigramOverlap(text: string, body: string): number {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < body.length; i++) grams.add(body.slice(i, i + 2));
  let hits = 0;
  let total = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    total++;
    if (grams.has(text.slice(i, i + 2))) hits++;
  }
  return total ? hits / total : 0;
}

/** Cuts content into paragraphs and headings (in order) and photo captions (apart). */
function blocksOf(root: Node, title: string): { blocks: Block[]; captions: string[] } {
  const blocks: Block[] = [];
  const captions: string[] = [];
  let buffer = "";
  const flush = () => {
    const text = clean(buffer);
    buffer = "";
    if (text) blocks.push({ kind: "paragraph", text });
  };
  const squashedTitle = title.normalize("NFKC").replace(/\s+/gu, "");
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      buffer += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return;
    if (el !== root && (CHROME_TAGS.has(tag) || el.getAttribute("role") === "navigation")) return;
    if (el !== root && isMetaLine(el)) return;
    if (tag === "FIGCAPTION" || CAPTION_CLASS.test(el.getAttribute("class") ?? "")) {
      flush();
      const text = clean(el.textContent ?? "");
      if (text) captions.push(text);
      return;
    }
    if (HEADING.test(tag)) {
      flush();
      const text = clean(el.textContent ?? "");
      if (text && text.normalize("NFKC").replace(/\s+/gu, "") !== squashedTitle) blocks.push({ kind: "heading", text });
      return;
    }
    if (tag === "TR") {
      flush();
      const table = el.closest("table");
      const text = (table && rowTextsOf(table).get(el)) ?? rowText(cellsOf(el as HTMLTableRowElement), null);
      if (text) blocks.push({ kind: "paragraph", text });
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of el.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  // A heading with nothing after it (a trailing section title left by the extractor) is not content.
  while (blocks.length && blocks.at(-1)?.kind === "heading") blocks.pop();
  return { blocks, captions };
}

/**
 * Limits on a page's shape. jsdom's parser, Readability and the metadata reader read an element's subtree
 * for each of its ancestors: a page of 2,000 nested <div> took 141 s and 5,000 overflowed the stack, one
 * table of 20,000 rows took 91 s; depth 250 costs about 1.5 s. News pages measure far below (the Impress Watch fixtures: about 700
 * elements, 17 levels, no table); a page beyond is refused, with a message, before it stalls the bot.
 */
const MAX_DEPTH = 250;
const MAX_ELEMENTS = 50_000;
const MAX_TABLE_ROWS = 1_000;

/** A row's own cells, in order, with their spans (HTML's: colspan 1 to 1,000, rowspan 0 to 65,534). */
function cellsOf(row: HTMLTableRowElement): TableRow["cells"] {
  return Array.from(row.cells, (cell) => ({
    text: clean(cell.textContent ?? ""),
    heading: cell.tagName.toUpperCase() === "TH",
    colSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
  }));
}

/** The text of each row of a table (see tableRowTexts), read once for the table. */
function rowTextsOf(table: HTMLTableElement): Map<Element, string> {
  let texts = ROW_TEXTS.get(table);
  if (texts === undefined) {
    const rows = Array.from(table.rows);
    const groups = new Map<Element | null, number>();
    const said = tableRowTexts(
      rows.map((row) => {
        const group = groups.get(row.parentElement) ?? groups.size;
        groups.set(row.parentElement, group);
        return { cells: cellsOf(row), group };
      }),
    );
    texts = new Map(rows.map((row, i) => [row, said[i] ?? ""]));
    ROW_TEXTS.set(table, texts);
  }
  return texts;
}
const ROW_TEXTS = new WeakMap<HTMLTableElement, Map<Element, string>>();
/**
 * <h1> elements: a page has one title, or a few. Readability and the metadata reader weigh each against
 * the page's title (12,000 <h1> took 7.8 s, against 2.1 s for as many <h2>).
 */
const MAX_TOP_HEADINGS = 100;
/** Nesting of the markup, counted before parsing (see shapeOfMarkup): jsdom's parser is itself quadratic in it. */
const MAX_MARKUP_NESTING = 1_000;

function tooComplex(detail: string): SourceRefusal {
  return new SourceRefusal(
    "このページは構造が複雑すぎるため取り込めません（入れ子や表が大きすぎます）。",
    "本文をテキストで貼り付けて追加してください。",
    `extract: page refused, ${detail}`,
  );
}

/**
 * Block containers that only their end tag closes: nesting them is nesting, however sloppy the page's
 * inline markup (an unclosed <span> or <font> in each list item is not).
 */
const NESTING_NAMES = new Set([
  "div",
  "section",
  "article",
  "aside",
  "nav",
  "header",
  "footer",
  "main",
  "figure",
  "table",
  "blockquote",
  "ul",
  "ol",
  "dl",
  "form",
  "fieldset",
  "details",
  "center",
]);

/**
 * What the markup is counted in: a tag, or the start of markup that holds no elements (a comment, a
 * script, a style), skipped to its end.
 */
const TAG_OR_OPAQUE = /<!--|<(script|style)(?=[\s/>])|<(\/?)([a-z][a-z0-9-]*)\b[^<>]*>/giu;

/**
 * The markup's shape, read in one pass without parsing: the deepest nesting of NESTING_NAMES elements, and
 * how many start tags it holds. A 5 MB page of 655,000 <b> took 8.7 s to parse and then more than 512 MB;
 * counted first, it is refused in milliseconds.
 */
function shapeOfMarkup(html: string): { nesting: number; elements: number } {
  const scan = new RegExp(TAG_OR_OPAQUE.source, "giu");
  let depth = 0;
  let max = 0;
  let elements = 0;
  for (let match = scan.exec(html); match; match = scan.exec(html)) {
    if (match[0] === "<!--") {
      // <!--> and <!---> close at once, as the parser reads them; an unclosed comment runs to the end
      const end = html.indexOf("-->", match.index + 2);
      scan.lastIndex = end < 0 ? html.length : end + 3;
      continue;
    }
    const opaque = match[1];
    if (opaque) {
      const close = new RegExp(`</${opaque}`, "giu");
      close.lastIndex = scan.lastIndex;
      scan.lastIndex = close.exec(html) ? close.lastIndex : html.length;
      continue;
    }
    const closing = match[2] === "/";
    if (!closing) elements++;
    if (!NESTING_NAMES.has((match[3] as string).toLowerCase())) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return { nesting: max, elements };
}

/** Refuses a parsed page deeper, larger or with a longer table than the limits above, in one walk. */
function checkShape(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  let elements = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [Element, number];
    if (++elements > MAX_ELEMENTS) throw tooComplex(`over ${MAX_ELEMENTS} elements`);
    if (depth > MAX_DEPTH) throw tooComplex(`nested over ${MAX_DEPTH}`);
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push([child, depth + 1]);
  }
  if (document.querySelectorAll("h1").length > MAX_TOP_HEADINGS) throw tooComplex(`over ${MAX_TOP_HEADINGS} <h1>`);
  for (const table of document.querySelectorAll("table")) {
    if ((table as HTMLTableElement).rows.length > MAX_TABLE_ROWS)
      throw tooComplex(`a table of over ${MAX_TABLE_ROWS} rows`);
  }
}

/**
 * 「山田 花子」「2024年4月1日 10:30」: an element that says it is a byline or a date (class, id, itemprop
 * or rel), or a short block made only of such elements. A date inside a sentence
 * (「<span class="date">4月1日</span>に開館」) is part of the sentence and stays.
 */
function isMetaLine(el: Element): boolean {
  if (clean(el.textContent ?? "").length > META_LINE_MAX) return false;
  if (isMarked(el)) return !el.parentElement?.closest("p, li, dd, td, blockquote") || onlyMarked(el.parentElement);
  return BLOCK.has(el.tagName.toUpperCase()) && onlyMarked(el);
}

function isMarked(el: Element): boolean {
  return META_LINE.test(["class", "id", "itemprop", "rel"].map((a) => el.getAttribute(a) ?? "").join(" "));
}

/** onlyMarked's answers: a paragraph of thousands of date spans asks it of the same parent for each. */
const ONLY_MARKED = new WeakMap<Element, boolean>();

/** Every visible character of `el` is inside a marked byline or date element. */
function onlyMarked(el: Element | null): boolean {
  if (!el) return false;
  const known = ONLY_MARKED.get(el);
  if (known !== undefined) return known;
  const answer = readOnlyMarked(el);
  ONLY_MARKED.set(el, answer);
  return answer;
}

function readOnlyMarked(el: Element): boolean {
  let marked = false;
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? "").trim()) continue;
    let parent = node.parentElement;
    let inside = false;
    while (parent && parent !== el.parentElement) {
      if (isMarked(parent)) {
        inside = true;
        break;
      }
      parent = parent.parentElement;
    }
    if (!inside) return false;
    marked = true;
  }
  return marked;
}
