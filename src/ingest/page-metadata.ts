import { findDate, parseDate } from "./parse-date.ts";

/** What a page says about itself, each field from the most reliable place that has it. */
export interface PageMetadata {
  /** The headline, without the site name. */
  readonly title: string | null;
  readonly author: string | null;
  /** ISO 8601 with offset. */
  readonly publishedAt: string | null;
  readonly canonicalUrl: string | null;
  readonly siteName: string | null;
  /** The page's own summary (og:description, description): a candidate lead. */
  readonly description: string | null;
}

export interface MetadataOptions {
  /** The page's address, to resolve relative links. */
  readonly url?: string | undefined;
  /** Offset for times written without one (+09:00 by default). */
  readonly offset?: string | undefined;
}

/** JSON-LD types whose fields describe the article itself. */
const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|TechArticle|ScholarlyArticle|LiveBlogPosting|OpinionNewsArticle)$/u;
/** Separators between a headline and the site name in <title>: 「見出し - サイト名」「見出し｜サイト名」. */
const TITLE_SEPARATORS = [
  " - ",
  " | ",
  "｜",
  " – ",
  " — ",
  " :: ",
  " : ",
  "：",
  " / ",
  " ／ ",
  "／",
  "|",
  " « ",
  " » ",
];
/** Longest segment taken for a site name when the page does not name its site. */
const SITE_NAME_MAX = 25;
/** Where bylines live in page markup. */
const BYLINE_SELECTOR = [
  '[rel~="author"]',
  '[itemprop~="author"]',
  ".byline",
  ".author",
  ".writer",
  '[class*="byline"]',
  '[class*="author"]',
  '[class*="writer"]',
  '[id*="byline"]',
  '[id*="author"]',
].join(",");
/** Prefixes of Japanese and English bylines: 「文：山田太郎」「記者／山田」「Text by Taro Yamada」. */
const BYLINE_PREFIX =
  /^(?:(?:文|著|記事|取材|取材・文|執筆|筆者|著者|記者|投稿者|投稿|編集|寄稿|構成|ライター)\s*[：:／/・]\s*|text\s*(?:by)?\s*[：:]?\s*|written\s+by\s+|by\s+)/iu;
/** Elements whose text is the publication date: 「2019年2月22日 12:52」 in `<p class="publish-date">`. */
const DATE_SELECTOR = [
  '[itemprop="datePublished"]',
  '[class*="publish"]',
  '[class*="date"]',
  '[class*="time"]',
  '[id*="date"]',
  '[class*="posted"]',
].join(",");

/**
 * Reads a page's metadata: Open Graph and other `<meta>` tags (with `content`, or `value` as some
 * saved pages have), JSON-LD, `<link rel="canonical">`, `<time>`, bylines and date lines in the markup.
 *
 * - title: og:title, JSON-LD headline, the `<h1>` that the `<title>` repeats, `<title>`; the site name
 *   (og:site_name, or a suffix that the `<h1>` shows is not part of the headline) is cut off.
 * - author: JSON-LD author, a byline in the markup (rel/itemprop/class author, byline, writer), then
 *   meta author (Japanese publishers often put the company there, so it comes last).
 * - publishedAt: article:published_time, JSON-LD datePublished, other date metas, `<time datetime>`, a
 *   Japanese date in a date element (2019年2月22日 12:52, 2005/10/31 15:22).
 */
export function readPageMetadata(document: Document, options: MetadataOptions = {}): PageMetadata {
  const metas = readMetas(document);
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = metas.get(key)?.find((v) => v.trim() !== "");
      if (value) return clean(value);
    }
    return null;
  };
  const ld = readJsonLd(document);
  const dateOptions = options.offset ? { offset: options.offset } : {};

  const siteName = meta("og:site_name", "application-name", "al:site_name") ?? ld.publisher;
  const rawTitle = meta("og:title", "twitter:title", "dc.title", "title") ?? ld.headline;
  const documentTitle = clean(document.querySelector("title")?.textContent ?? "") || null;
  const h1 = headlineH1(document, [rawTitle, documentTitle]);
  const title = pickTitle([rawTitle, ld.headline, h1, documentTitle], { siteName, h1 });

  const author = ld.author ?? bylineOf(document) ?? metaAuthor(meta("article:author", "author", "dc.creator", "byl"));

  const dateCandidates = [
    meta("article:published_time", "og:published_time", "og:article:published_time"),
    ld.datePublished,
    meta(
      "datepublished",
      "pubdate",
      "publishdate",
      "publish-date",
      "publish_date",
      "parsely-pub-date",
      "sailthru.date",
      "dc.date.issued",
      "dcterms.issued",
      "dc.date",
      "dcterms.created",
      "creation_date",
      "date",
    ),
    ...timeElements(document),
  ];
  const publishedAt = bestDate(dateCandidates, document, dateOptions);

  const canonicalUrl =
    absoluteUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute("href"), options.url) ??
    absoluteUrl(meta("og:url"), options.url) ??
    absoluteUrl(ld.url, options.url);

  const description = meta("og:description", "description", "twitter:description", "dc.description") ?? ld.description;

  return { title, author, publishedAt, canonicalUrl, siteName, description };
}

/** `<meta>` values by lowercased name/property/itemprop; `content`, or `value` as some pages write it. */
function readMetas(document: Document): Map<string, string[]> {
  const metas = new Map<string, string[]>();
  for (const el of document.querySelectorAll("meta")) {
    const value = el.getAttribute("content") ?? el.getAttribute("value");
    if (value === null) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const keys = el.getAttribute(attr);
      if (!keys) continue;
      for (const key of keys.toLowerCase().split(/\s+/u)) {
        if (!key) continue;
        const list = metas.get(key) ?? [];
        list.push(value);
        metas.set(key, list);
      }
    }
  }
  return metas;
}

interface JsonLdFacts {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
  url: string | null;
  description: string | null;
}

/** The first Article-like JSON-LD object of the page (NewsArticle, BlogPosting, …), its fields as text. */
function readJsonLd(document: Document): JsonLdFacts {
  const facts: JsonLdFacts = {
    headline: null,
    author: null,
    datePublished: null,
    publisher: null,
    url: null,
    description: null,
  };
  const items: Record<string, unknown>[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) collect(v);
    else if (value && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      items.push(obj);
      if (obj["@graph"]) collect(obj["@graph"]);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse((script.textContent ?? "").replace(/^\s*<!--|-->\s*$/gu, "")));
    } catch {
      // A broken JSON-LD block is common and says nothing: the other sources still count.
    }
  }
  const typeOf = (o: Record<string, unknown>): string[] => [o["@type"]].flat().map(String);
  const article = items.find((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t)));
  if (!article) return facts;
  facts.headline = textOf(article["headline"]) ?? textOf(article["name"]);
  facts.author = namesOf(article["author"]);
  facts.datePublished = textOf(article["datePublished"]) ?? textOf(article["dateCreated"]);
  facts.publisher = namesOf(article["publisher"]);
  facts.description = textOf(article["description"]);
  const page = article["mainEntityOfPage"];
  facts.url =
    textOf(article["url"]) ??
    (typeof page === "string" ? page : textOf((page as Record<string, unknown> | undefined)?.["@id"]));
  return facts;
}

function textOf(value: unknown): string | null {
  if (typeof value === "string" && value.trim()) return clean(value);
  if (typeof value === "number") return String(value);
  return null;
}

/** `"山田"`, `{ "name": "山田" }` or a list of them, as 「山田、佐藤」. */
function namesOf(value: unknown): string | null {
  const names = [value]
    .flat()
    .map((v) => (typeof v === "string" ? v : textOf((v as Record<string, unknown> | null)?.["name"])))
    .filter((v): v is string => Boolean(v?.trim()) && !/^https?:\/\//u.test(v as string))
    .map(clean);
  return names.length ? [...new Set(names)].join("、") : null;
}

/** The `<h1>` holding the headline: the one that the title repeats, or the first inside the article. */
function headlineH1(document: Document, titles: (string | null)[]): string | null {
  const h1s = [...document.querySelectorAll("h1")].map((h) => clean(h.textContent ?? "")).filter(Boolean);
  const known = titles.filter((t): t is string => Boolean(t)).map(squash);
  const repeated = h1s.filter((h) => known.some((t) => t.includes(squash(h)) && squash(h).length >= 4));
  if (repeated.length) return repeated.sort((a, b) => b.length - a.length)[0] as string;
  const inArticle = document.querySelector("article h1, main h1, [role='main'] h1");
  return inArticle ? clean(inArticle.textContent ?? "") || null : null;
}

/** The first usable title, its site-name prefix or suffix cut off. */
function pickTitle(
  candidates: (string | null)[],
  context: { siteName: string | null; h1: string | null },
): string | null {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const title = stripSiteName(candidate, context);
    if (title) return title;
  }
  return null;
}

/**
 * 「見出し - サイト名」 → 「見出し」. A segment is cut when it is the site name, or when what remains is
 * the page's `<h1>` (then the cut segment was not part of the headline).
 */
export function stripSiteName(title: string, context: { siteName: string | null; h1: string | null }): string {
  const site = context.siteName ? squash(context.siteName) : null;
  const h1 = context.h1 ? squash(context.h1) : null;
  for (const sep of TITLE_SEPARATORS) {
    const last = title.lastIndexOf(sep);
    if (last > 0) {
      const head = title.slice(0, last).trim();
      const tail = squash(title.slice(last + sep.length));
      const isSite = site !== null && tail.length >= 2 && (tail === site || site.includes(tail) || tail.includes(site));
      // Without a known site name, only a short tail is a site name: a long one is a subtitle.
      if (isSite || (h1 !== null && squash(head) === h1 && tail.length <= SITE_NAME_MAX)) {
        return head;
      }
    }
    const first = title.indexOf(sep);
    if (first > 0) {
      const head = squash(title.slice(0, first));
      const rest = title.slice(first + sep.length).trim();
      if ((site !== null && head === site) || (h1 !== null && squash(rest) === h1 && head.length <= SITE_NAME_MAX)) {
        return rest;
      }
    }
  }
  return title.trim();
}

/** A byline from the markup: the first short text in an author/byline/writer element. */
function bylineOf(document: Document): string | null {
  for (const el of document.querySelectorAll(BYLINE_SELECTOR)) {
    if (el.closest("nav, footer, aside, form, script, style, noscript, [class*='comment']")) continue;
    if (/^(meta|link|script|style|body|html|article|section|main)$/iu.test(el.tagName)) continue;
    const named = el.querySelector('[itemprop~="name"]');
    const items = [...el.querySelectorAll("li")].map((li) => cleanByline(li.textContent ?? "")).filter(Boolean);
    const text = named
      ? cleanByline(named.textContent ?? "")
      : items.length > 1
        ? items.join("、")
        : cleanByline(el.textContent ?? "");
    if (text && text.length <= 60 && !/https?:\/\//u.test(text) && !/[。]/u.test(text)) return text;
  }
  return null;
}

function cleanByline(text: string): string {
  let t = clean(text);
  // 「（山田 太郎）」「[文:山田]」: brackets around the whole byline
  const bracketed = t.length <= 200 ? /^[(（[［]\s*(.+?)\s*[)）\]］]$/u.exec(t) : null;
  if (bracketed) t = bracketed[1] as string;
  t = t.replace(BYLINE_PREFIX, "").trim();
  return t;
}

function metaAuthor(value: string | null): string | null {
  if (!value || /^https?:\/\//u.test(value) || value.startsWith("@")) return null;
  return value;
}

function timeElements(document: Document): string[] {
  const preferred = [
    ...document.querySelectorAll("time[pubdate], time[itemprop~='datePublished'], article time, main time, time"),
  ];
  return preferred.map((t) => t.getAttribute("datetime") ?? t.textContent ?? "").filter((v) => v.trim() !== "");
}

/**
 * The first date found, in order of reliability; a date without a time of day (`<time
 * datetime="2024-04-01">`) gives way to a later source that has the same day with its time.
 */
function bestDate(candidates: (string | null)[], document: Document, options: { offset?: string }): string | null {
  let dayOnly: string | null = null;
  const consider = (source: string, parsed: string | null): string | null => {
    if (!parsed) return null;
    if (hasTimeOfDay(source)) {
      if (!dayOnly || parsed.slice(0, 10) === dayOnly.slice(0, 10)) return parsed;
      return null;
    }
    dayOnly ??= parsed;
    return null;
  };
  for (const candidate of candidates) {
    if (!candidate) continue;
    const found = consider(candidate, parseDate(candidate, options));
    if (found) return found;
  }
  for (const text of dateTexts(document)) {
    const found = consider(text, parseDate(text, options) ?? findDate(text, options));
    if (found) return found;
  }
  return dayOnly;
}

function hasTimeOfDay(text: string): boolean {
  return /\d{1,2}\s*(?::|：|時)\s*\d{1,2}/u.test(text.normalize("NFKC"));
}

/** A Japanese date written in a date element of the page: 「2019年2月22日 12:52」「2005/10/31 15:22」. */
function dateTexts(document: Document): string[] {
  const texts: string[] = [];
  for (const el of document.querySelectorAll(DATE_SELECTOR)) {
    if (el.closest("nav, footer, aside, [class*='related'], [class*='ranking'], [class*='comment']")) continue;
    const text = (el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.textContent ?? "").trim();
    if (text && text.length <= 80) texts.push(text);
  }
  return texts;
}

function absoluteUrl(value: string | null | undefined, base: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/** Collapses whitespace runs (ASCII and ideographic) and trims; the text as shown. */
export function clean(text: string): string {
  // trim() strips U+3000 too; a pattern for the end (/[\s\u3000]+$/) read a run of spaces again from each
  // of its characters (279 s for a <p> of 100,000 \u3000)
  return text.replace(/[\t\n\r\f\v \u00a0]+/gu, " ").trim();
}

/** For comparisons only: NFKC, no whitespace at all. */
function squash(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}
