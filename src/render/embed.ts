import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Answer, Highlight, PassageHit, SourceRef, Summary } from "../answer/types.ts";
import { isHttpUrl } from "../article/article.ts";
import type { SearchPage } from "../engine.ts";
import { type CommandRef, plainCommandRef } from "./command-ref.ts";
import { formatDate } from "./date.ts";
import {
  ELLIPSIS,
  EMBED_AUTHOR_NAME_LIMIT,
  EMBED_DESCRIPTION_LIMIT,
  EMBED_FIELD_NAME_LIMIT,
  EMBED_FIELD_VALUE_LIMIT,
  EMBED_FIELDS_LIMIT,
  EMBED_FOOTER_TEXT_LIMIT,
  EMBED_TITLE_LIMIT,
  EMBED_TOTAL_LIMIT,
  EMBED_URL_LIMIT,
  eachGrapheme,
  INVISIBLE,
  oneLine,
  stripInvisible,
  truncate,
} from "./limits.ts";
import { missingNotes, NO_KEY_POINTS, noWordToSearch } from "./notes.ts";

/** Characters of a query shown in a search page's title. */
const SEARCH_TITLE_QUERY = 120;

/** Embed colours: Discord's own palette. */
export const COLORS = {
  answer: 0x5865f2,
  notFound: 0xfee75c,
  success: 0x57f287,
  danger: 0xed4245,
  neutral: 0x99aab5,
} as const;

/** Share of the embed for the key points of an answer; the passages get the rest. */
const ANSWER_DESCRIPTION_BUDGET = 2_000;
/** Each note of the question's words an answer leaves out is cut to this. */
const MISSING_BUDGET = 200;
/** A search hit's passage is cut to this, so that five hits fit in one embed. */
const SEARCH_PASSAGE_BUDGET = 700;
/** A passage's heading in a field name (at most 256 with the label around it). */
const HEADING_BUDGET = 200;
/** A field left with less room than this is dropped rather than shown as a stub. */
const MIN_FIELD_VALUE = 40;

/**
 * Characters that Discord's markdown reads anywhere: emphasis, code, spoilers, masked links, mentions
 * (`<@id>`, `<#id>`, `<t:…>`), `@everyone`, and the escape character itself.
 */
const INLINE_MARKUP = /[\\*_~`|<>@[\]]/gu;
/** Markup that only counts at the start of a line: headings, subtext (-#), lists (- + 1.), quotes. */
const LINE_START_MARKUP = /^[ \t]*(?:([#\-+>])|\d+(\.)(?=[ \t]))/dgmu;

/**
 * An address as Discord links it in a description, a field's value or a message: from http(s):// to a
 * space, its ASCII part only. Discord may link the Japanese written right after it too
 * (「http://example.jp/で確認」); what follows the ASCII part is escaped and put in bold as any text is, so
 * such a link can hold a backslash or a bold mark, as it could before addresses were left as written.
 */
const BARE_URL = /https?:\/\/[\x21-\x3b\x3d-\x7e]+/gu;
/**
 * Characters left as written in such an address: Discord links it with a backslash before them, which a
 * browser reads as a slash (…/c\_04.html is …/c/_04.html), and formats nothing inside a link.
 */
const URL_CHARACTER = /[_*~|@]/u;

/**
 * A slash command's mention as Discord reads it: `</ask:123…>`, `</article add:123…>` (a name and at most two
 * subcommand names, as Discord allows them, and the command's id). Discord shows it as the command's name in
 * the member's language, as a link that fills the command in; it pings nobody. Sticky: matched at one offset,
 * it reads no further than the mention there.
 */
const COMMAND_MENTION = /<\/[-_'\p{L}\p{N}]{1,32}(?: [-_'\p{L}\p{N}]{1,32}){0,2}:\d{17,20}>/uy;

/**
 * The [start, end) ranges, in `raw` rid of its INVISIBLE characters, of the command mentions written right
 * after `mark` in `raw` (see markdownText), of those starting before `before` there: each read whole, however
 * far it goes, so that one straddling a cut is seen whole.
 */
function markedMentions(raw: string, mark: string | undefined, before: number): [number, number][] {
  const ranges: [number, number][] = [];
  if (!mark) return ranges;
  if (stripInvisible(mark) !== "") throw new Error("markdownText: a mention mark is made of INVISIBLE characters");
  // how many INVISIBLE units `raw` has before `scanned`, which the offsets without them lose
  let scanned = 0;
  let invisible = 0;
  for (let at = raw.indexOf(mark); at !== -1; at = raw.indexOf(mark, at + 1)) {
    const from = at + mark.length;
    COMMAND_MENTION.lastIndex = from;
    const mention = COMMAND_MENTION.exec(raw)?.[0];
    if (mention === undefined) continue;
    const passed = raw.slice(scanned, from);
    invisible += passed.length - stripInvisible(passed).length;
    scanned = from;
    const start = from - invisible;
    if (start >= before) break;
    ranges.push([start, start + mention.length]);
  }
  return ranges;
}

/** The [start, end) UTF-16 ranges of the addresses Discord links in `text` (see BARE_URL). */
function urlRanges(text: string): [number, number][] {
  return Array.from(text.matchAll(BARE_URL), (m) => [m.index, m.index + m[0].length]);
}

/**
 * The UTF-16 offsets of the characters of `text` that must be escaped with a backslash: none of the
 * URL_CHARACTERs of the addresses at `urls` (see urlRanges), nor any of the mentions at `kept`.
 */
function escapeOffsets(
  text: string,
  urls: readonly (readonly [number, number])[] = [],
  kept: readonly (readonly [number, number])[] = [],
): Set<number> {
  const offsets = new Set<number>();
  for (const m of text.matchAll(INLINE_MARKUP)) {
    if (URL_CHARACTER.test(m[0]) && urls.some(([s, e]) => m.index >= s && m.index < e)) continue;
    if (kept.some(([s, e]) => m.index >= s && m.index < e)) continue;
    offsets.add(m.index);
  }
  for (const m of text.matchAll(LINE_START_MARKUP)) {
    const at = m.indices?.[1]?.[0] ?? m.indices?.[2]?.[0];
    if (at !== undefined) offsets.add(at);
  }
  return offsets;
}

/** One of the INVISIBLE characters (each a single UTF-16 unit). */
const INVISIBLE_UNIT = new RegExp(INVISIBLE.source, "u");

/**
 * The graphemes of a text as they are written into markdown, lazily: the invisible characters removed
 * first, so that escapes are decided on the text Discord reads (`\u200e# 見出し` is a heading once the mark is
 * gone), then escaped (with `links`, the addresses Discord links are left as written: see escapeOffsets).
 * Only those ending within the first `within` UTF-16 units of what is left (an escape depends on the
 * character after it, and `within` + 2 units are read for them). `index` and `end` are offsets in `text`
 * (where highlights point); `more` says whether shown text follows; `link` whether it is in such an address.
 * A command mention written right after `mark` is left as written and comes as one piece, read whole however
 * far past `within` it goes, so that a cut drops it whole rather than splits it. Returns whether shown text was left unread.
 */
function* escapedGraphemes(
  text: string,
  within: number,
  links = false,
  mark?: string,
): Generator<{ text: string; index: number; end: number; more: boolean; link: boolean }, boolean, undefined> {
  const raw = text.toWellFormed();
  const visible = stripInvisible(raw);
  const read = visible.slice(0, within + 2);
  const urls = links ? urlRanges(read) : [];
  const kept = markedMentions(raw, mark, read.length);
  const escaped = escapeOffsets(read, urls, kept);
  // The offset in `raw` of the unit at `to` in `visible`: walked forward, as far as graphemes are read.
  let r = 0;
  let v = 0;
  const rawOffset = (to: number): number => {
    for (;;) {
      while (r < raw.length && INVISIBLE_UNIT.test(raw[r] as string)) r++;
      if (v >= to || r >= raw.length) return r;
      r++;
      v++;
    }
  };
  const graphemes = eachGrapheme(visible);
  for (let { segment, index } of graphemes) {
    let end = index + segment.length;
    // a kept mention's graphemes, as one
    const mention = kept.find(([s]) => s === index);
    while (mention && end < mention[1]) {
      const next = graphemes.next();
      if (next.done) break;
      segment += next.value.segment;
      end += next.value.segment.length;
    }
    if (end > within) return true;
    let out = "";
    for (let i = 0; i < segment.length; i++) {
      if (escaped.has(index + i)) out += "\\";
      out += segment[i] as string;
    }
    yield {
      text: out,
      index: rawOffset(index),
      end: rawOffset(end - 1) + 1,
      more: end < visible.length,
      link: urls.some(([s, e]) => index < e && end > s),
    };
  }
  return false;
}

/**
 * Text safe to put in a Discord message or embed: markdown, mentions and masked links written by article
 * authors show as written and never format, ping or hide where they lead (a bare address stays as written,
 * which Discord may link: it shows where it goes). Invisible controls are removed first (INVISIBLE).
 * @example escapeMarkdown("**注意** @everyone") // "\\*\\*注意\\*\\* \\@everyone"
 */
export function escapeMarkdown(text: string): string {
  const visible = stripInvisible(text.toWellFormed());
  const escaped = escapeOffsets(visible);
  let out = "";
  for (let i = 0; i < visible.length; i++) {
    if (escaped.has(i)) out += "\\";
    out += visible[i] as string;
  }
  return out;
}

/**
 * Escaped text with the highlighted [start, end) ranges in bold, cut to at most `limit` characters at a
 * grapheme boundary (`…` marks the cut, and an open bold run is closed before it). Reads no more of the
 * text than fits: each grapheme shown takes a unit of the room at least. With `links` (text in a
 * description or a field's value, where Discord links an address), an address is shown as written, never
 * in bold: escaped or cut by `**`, its link led elsewhere or nowhere. With `mentionMark` (INVISIBLE characters
 * that only the writer of the message puts there, before the command mentions it wrote: the bot's, see
 * CommandMentions), a command mention right after the mark is left as written, whole or not at all; any
 * other, one quoted from a title or a member, is escaped as all text is.
 */
export function markdownText(
  text: string,
  highlights: readonly Highlight[],
  limit: number,
  { links = false, mentionMark }: { links?: boolean; mentionMark?: string } = {},
): string {
  const room = Math.max(limit, 0);
  const parts = escapedGraphemes(text, room, links, mentionMark);
  const bold = (g: { index: number; end: number; link: boolean }) =>
    !g.link && highlights.some(([s, e]) => g.index < e && g.end > s);
  let out = "";
  let open = false;
  // (`…` alone when not even the first grapheme fits: a cut is always marked, but in no room at all)
  const cut = () => `${out}${open ? "**" : ""}${ELLIPSIS}`.slice(0, room);
  for (;;) {
    const next = parts.next();
    // Text left unread: the last grapheme taken left room to close the bold run and mark the cut.
    if (next.done) return next.value ? cut() : `${out}${open ? "**" : ""}`;
    const g = next.value;
    const b = bold(g) && g.text.trim() !== "";
    const piece = (b !== open ? "**" : "") + g.text;
    // Room must remain to close the bold run and, if text is left, to mark the cut.
    if (out.length + piece.length + (b ? 2 : 0) + (g.more ? ELLIPSIS.length : 0) > room) return cut();
    out += piece;
    open = b;
  }
}

/** An http(s) URL Discord accepts, or undefined. `(` and `)` are encoded so it can sit in a masked link. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return undefined;
    const href = u.href.replace(/\(/gu, "%28").replace(/\)/gu, "%29");
    return href.length <= EMBED_URL_LIMIT ? href : undefined;
  } catch {
    return undefined;
  }
}

/** Between the facts of an article (paragraphs, characters, URL, author). */
const FACT_SEPARATOR = " · ";
/** Of an address too long to link, this much is shown, as text. */
const UNLINKED_URL_BUDGET = 200;
/** Of an address too long to link, less than this is not worth showing. */
const UNLINKED_URL_MIN = 8;

/**
 * What an article's facts say of its URL when its title cannot link to it, within `room`: that it has none,
 * or why not and as much of the start of it as fits (in a code span, which Discord neither links nor
 * formats, always closed); null when it links or nothing of it fits.
 */
function unlinkedUrl(url: string, room: number): string | null {
  const says = (text: string) => (text.length <= room ? text : null);
  if (!url) return says("URL なし");
  if (safeUrl(url)) return null;
  const why = isHttpUrl(url) ? "URL は長すぎてリンクにできません" : "URL はウェブページのアドレスではありません";
  const budget = Math.min(UNLINKED_URL_BUDGET, room - why.length - ": ``".length);
  if (budget < UNLINKED_URL_MIN) return says(why);
  return `${why}: ${urlInCode(url, budget)}`;
}

/**
 * A URL as written, in a code span, which Discord neither links nor formats (escaped markdown would show
 * some\_page), cut to `budget`. A backtick would close the span: it is shown percent-encoded, before the cut.
 */
export function urlInCode(url: string, budget: number): string {
  return `\`${truncate(oneLine(url).replace(/`/gu, "%60"), budget)}\``;
}

/**
 * A label cut shorter than this (or than itself) to make room for its URL is shown whole, unlinked: a link
 * of a few characters still takes a member to the source (a citation's 「下町の純喫茶めぐりと名…」), one of
 * 「…」 alone is nothing to read.
 */
const LINK_LABEL_MIN = 8;

/**
 * The text of a masked link, [text](url), that neither formats nor breaks the link, cut to `limit`. Discord
 * reads no escape there and shows its backslash as written (discord-api-docs#6185: 「\\[PR\\]」 for 「[PR]」),
 * and formats the rest or, on a mention, shows no link at all: each INLINE_MARKUP character is written in
 * its full-width form instead (［PR］, ＠IT), as Japanese text often writes them anyway. The text starts no
 * line, so that what would be a heading or a list item there is shown as written.
 */
function linkText(text: string, limit: number): string {
  return truncate(
    text.replace(INLINE_MARKUP, (c) => String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET)),
    limit,
  );
}

/** From an ASCII character to its full-width form (U+FF01–FF5E): ［ for [. */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * `[label](url)`, the label cut to the room its URL leaves; the label alone, whole, where there is no usable
 * URL or it leaves the label too little room: a percent-encoded Japanese slug runs to hundreds of
 * characters, and the list showed such an article as 「1. …」.
 */
function link(label: string, url: string | undefined, limit: number): string {
  const href = safeUrl(url);
  const line = oneLine(label);
  if (href) {
    const room = limit - `[](${href})`.length;
    const text = room >= Math.min(line.length, LINK_LABEL_MIN) ? linkText(line, room) : "";
    if (text) return `[${text}](${href})`;
  }
  return markdownText(line, [], Math.max(limit, 1));
}

/** The notes naming the question's words the answer leaves out (see missingNotes), a line each. */
function missingLines(answer: Answer): string {
  return missingNotes(answer)
    .map((note) => `\n${markdownText(note, [], MISSING_BUDGET)}`)
    .join("");
}

/** Publisher · date · ID, the footer of every embed about an article (ID as every message writes it). */
function sourceFooter(source: SourceRef): string {
  return [oneLine(source.publisher), formatDate(source.publishedAt), `ID: ${source.articleId}`]
    .filter(Boolean)
    .join(" · ");
}

/**
 * Builds an embed piece by piece within the per-part limits and the 6,000-character total: each part
 * takes what it needs of what is left.
 */
function embedBuilder(color: number) {
  const embed: APIEmbed = { color };
  const fields: APIEmbedField[] = [];
  let remaining = EMBED_TOTAL_LIMIT;
  const take = (text: string) => {
    remaining -= text.length;
    return text;
  };
  return {
    get remaining() {
      return remaining;
    },
    title(text: string, url?: string) {
      // Titles render markdown (not mentions or links): escaped like any article text.
      const title = take(markdownText(oneLine(text), [], Math.min(EMBED_TITLE_LIMIT, remaining)));
      if (title) embed.title = title;
      const href = safeUrl(url);
      if (href) embed.url = href;
    },
    author(text: string) {
      const name = take(truncate(oneLine(text), Math.min(EMBED_AUTHOR_NAME_LIMIT, remaining)));
      if (name) embed.author = { name };
    },
    footer(text: string) {
      const footer = take(truncate(oneLine(text), Math.min(EMBED_FOOTER_TEXT_LIMIT, remaining)));
      if (footer) embed.footer = { text: footer };
    },
    /**
     * `render` receives the room it may use and returns markdown within it, rid then of INVISIBLE characters
     * as all text shown is (the marks before the bot's command mentions among them: see markdownText).
     */
    description(render: (limit: number) => string) {
      const text = take(stripInvisible(render(Math.min(EMBED_DESCRIPTION_LIMIT, remaining))));
      if (text) embed.description = text;
    },
    field(name: string, render: (limit: number) => string, inline = false) {
      if (fields.length >= EMBED_FIELDS_LIMIT) return;
      const fieldName = truncate(oneLine(name), Math.min(EMBED_FIELD_NAME_LIMIT, remaining));
      const room = Math.min(EMBED_FIELD_VALUE_LIMIT, remaining - fieldName.length);
      if (!fieldName || room < MIN_FIELD_VALUE) return;
      // (rid of INVISIBLE characters, as a description is)
      const value = stripInvisible(render(room));
      if (value.trim() === "") return;
      take(fieldName + value);
      fields.push(inline ? { name: fieldName, value, inline } : { name: fieldName, value });
    },
    build(): APIEmbed {
      if (fields.length) embed.fields = fields;
      return embed;
    },
  };
}

/** A passage with its words in bold and, under it, where it comes from. */
function passageValue(p: PassageHit, limit: number, cite: boolean): string {
  const citation = cite ? `\n— ${link(p.title, p.url, Math.min(300, Math.floor(limit / 3)))}` : "";
  return markdownText(p.text, p.highlights, limit - citation.length, { links: true }) + citation;
}

/** Replaces line breaks one for one with spaces, keeping highlight offsets valid. */
function flatten(text: string): string {
  return text.replace(/[\r\n\t]/gu, " ");
}

/**
 * An answer as an embed: the key points (words of the question in bold), the passages they come from,
 * the first article's title, link, publisher and date; or an honest "not found" with the closest titles.
 */
export function answerToEmbed(answer: Answer): APIEmbed {
  const main = answer.keyPoints[0] ?? answer.passages[0];
  const e = embedBuilder(answer.found ? COLORS.answer : COLORS.notFound);
  e.author(`質問: ${answer.question}`);
  if (answer.found && main) {
    e.title(main.title, main.url);
    e.footer(sourceFooter(main));
    e.description((limit) => {
      // What the answer leaves out of the question's words, under the key points (the words are the member's
      // own, escaped like article text).
      const missing = missingLines(answer);
      const room = Math.min(limit, ANSWER_DESCRIPTION_BUDGET) - missing.length;
      const per = Math.floor(room / answer.keyPoints.length) - 1;
      return answer.keyPoints
        .map((k, i) => {
          const prefix = `${i + 1}. `;
          const cite =
            k.articleId === main.articleId
              ? ""
              : `\n　出典: ${link(k.title, k.url, Math.min(200, Math.floor(per / 3)))}`;
          return (
            prefix +
            markdownText(flatten(k.text), k.highlights, per - prefix.length - cite.length, { links: true }) +
            cite
          );
        })
        .join("\n")
        .concat(missing);
    });
  } else {
    e.title("答えが見つかりませんでした");
    // the words no article holds, under the message (the member's own words, escaped like article text)
    e.description(
      () =>
        (answer.terms.length === 0
          ? noWordToSearch("この質問")
          : "ライブラリの記事には、この質問に答える文が見つかりませんでした。" +
            "言葉を減らすか、記事が使っていそうな別の言葉や表記（ひらがな・カタカナ・漢字）で試してください。") +
        missingLines(answer),
    );
    if (answer.suggestions.length) {
      e.field("近いタイトルの記事", (limit) => {
        const per = Math.floor(limit / answer.suggestions.length) - 1;
        return answer.suggestions.map((s) => `・${link(s.title, s.url, per - 20)} \`${s.articleId}\``).join("\n");
      });
    }
  }
  const label = answer.found ? "出典の段落" : "関連しそうな段落";
  for (const [i, p] of answer.passages.entries()) {
    // The heading is article text: escaped, on one line, cut (never inside an escape) so 」 still closes it.
    const heading = p.heading ? markdownText(oneLine(p.heading), [], HEADING_BUDGET) : "";
    e.field(`${label} ${i + 1}${heading ? `「${heading}」` : ""}`, (limit) =>
      passageValue(p, limit, !answer.found || p.articleId !== main?.articleId),
    );
  }
  return e.build();
}

/** One page of search results: each hit's article, its best passage with the matched words in bold, its link. */
export function searchToEmbed(page: SearchPage): APIEmbed {
  const e = embedBuilder(page.hits.length ? COLORS.answer : COLORS.notFound);
  // a long query is cut inside the brackets, so that the title still says what it is (escaped, each of
  // SEARCH_TITLE_QUERY's characters may take two of the title's 256)
  e.title(`「${truncate(oneLine(page.query), SEARCH_TITLE_QUERY)}」の検索結果`);
  if (page.hits.length === 0) {
    e.description(() =>
      page.terms.length === 0
        ? noWordToSearch("この検索語")
        : "一致する記事は見つかりませんでした。キーワードを短くするか、別の表記（ひらがな・カタカナ・漢字）で試してください。",
    );
    return e.build();
  }
  const last = page.firstRank + page.hits.length - 1;
  // past the passages ranked, more may match: the count is of the best ones
  const of = page.more ? `上位 ${count(page.total)} 件` : `全 ${count(page.total)} 件`;
  e.description(
    () => `${of}中 ${count(page.firstRank)}–${count(last)} 件目（${count(page.page)}/${count(page.pageCount)} ページ）`,
  );
  e.footer("「要約」ボタンで、その記事の要点を表示します。");
  for (const [i, hit] of page.hits.entries()) {
    const rank = `${page.firstRank + i}. `;
    // The title is article text: escaped, on one line, cut (never inside an escape) within a field's name.
    e.field(rank + markdownText(oneLine(hit.title), [], EMBED_FIELD_NAME_LIMIT - rank.length), (limit) => {
      // (「記事を開く」 only where there is a link to open)
      const meta =
        [oneLine(hit.publisher), formatDate(hit.publishedAt)].filter(Boolean).join(" · ") ||
        (safeUrl(hit.url) ? "記事を開く" : "");
      const source = `\n${meta ? `${link(meta, hit.url, 200)} · ` : ""}\`${hit.articleId}\``;
      const room = Math.min(limit, SEARCH_PASSAGE_BUDGET) - source.length;
      return markdownText(hit.text, hit.highlights, room, { links: true }) + source;
    });
  }
  return e.build();
}

/** An article's key points, in its order, with its link, publisher and date. `heading` goes above the title. */
export function summaryToEmbed(summary: Summary, options: { heading?: string; color?: number } = {}): APIEmbed {
  const e = embedBuilder(options.color ?? COLORS.answer);
  if (options.heading) e.author(options.heading);
  e.title(summary.title, summary.url);
  e.footer(sourceFooter(summary));
  e.description((limit) => {
    if (summary.points.length === 0) return NO_KEY_POINTS;
    const per = Math.floor(limit / summary.points.length) - 1;
    return summary.points.map((p) => `・${markdownText(flatten(p.text), [], per - 1, { links: true })}`).join("\n");
  });
  const author = summary.author ? oneLine(summary.author) : "";
  e.field("記事の情報", (limit) => {
    // Each fact in the room the ones before it leave: the URL before the author, whose name may be long
    // enough to be cut; the author's name escaped as far as it is shown.
    // (counts before their words, as 文字 is written: 「段落 12」 read as the twelfth paragraph)
    let facts = truncate(`${count(summary.passageCount)} 段落 · ${count(summary.characters)} 文字`, limit);
    const url = unlinkedUrl(summary.url, limit - facts.length - FACT_SEPARATOR.length);
    if (url) facts += FACT_SEPARATOR + url;
    const label = `${FACT_SEPARATOR}著者: `;
    const name = author ? markdownText(author, [], limit - facts.length - label.length) : "";
    if (name && name !== ELLIPSIS) facts += label + name;
    return facts;
  });
  return e.build();
}

/** One page of the article list, newest first. */
export interface ListPage {
  readonly articles: readonly SourceRef[];
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  /** Number of the first article of the page, counting from 1. */
  readonly first: number;
}

/** A count as every reply writes one: 7,358, as /about gives the library's size. */
export function count(n: number): string {
  return n.toLocaleString("ja-JP");
}

/** The article list: titles linked to their sources, dates and ids. `commandRef` names a command (see CommandRef). */
export function listToEmbed(list: ListPage, commandRef: CommandRef = plainCommandRef): APIEmbed {
  const e = embedBuilder(COLORS.neutral);
  e.title(`記事の一覧（全 ${count(list.total)} 件）`);
  if (list.articles.length === 0) {
    e.description(
      () => `ライブラリにまだ記事がありません。モデレーターが ${commandRef("article", "add")} で追加できます。`,
    );
    return e.build();
  }
  e.footer(`${count(list.page)}/${count(list.pageCount)} ページ · 新しい順`);
  e.description((limit) => {
    const per = Math.floor(limit / list.articles.length) - 1;
    return list.articles
      .map((a, i) => {
        const meta = `\n　${[formatDate(a.publishedAt), `\`${a.articleId}\``].filter(Boolean).join(" · ")}`;
        const number = `${list.first + i}. `;
        return `${number}${link(a.title, a.url, Math.min(per - meta.length - number.length, 400))}${meta}`;
      })
      .join("\n");
  });
  return e.build();
}

/** What /about shows. */
export interface AboutInfo {
  readonly articles: number;
  readonly passages: number;
  readonly indexedAt: Date;
  readonly version: string;
  readonly startedAt: Date;
  readonly now: Date;
}

/** The bot's corpus size, index age, version and uptime. `commandRef` names a command (see CommandRef). */
export function aboutToEmbed(info: AboutInfo, commandRef: CommandRef = plainCommandRef): APIEmbed {
  const e = embedBuilder(COLORS.neutral);
  e.title("shiori について");
  e.description(
    () =>
      "ライブラリの日本語記事から、出典つきで質問に答えるボットです。\n" +
      `${commandRef("ask")} で質問、${commandRef("search")} で検索、${commandRef("summary")} で記事の要約、` +
      "メッセージのメニュー「記事を検索」でその話題の記事を探せます。",
  );
  e.field("記事", () => `${count(info.articles)} 件`, true);
  e.field("段落", () => `${count(info.passages)} 件`, true);
  e.field("索引の更新", () => `<t:${Math.floor(info.indexedAt.getTime() / 1000)}:R>`, true);
  e.field("バージョン", () => escapeMarkdown(info.version), true);
  e.field("稼働時間", () => formatDuration(info.now.getTime() - info.startedAt.getTime()), true);
  return e.build();
}

/**
 * A short notice about an article (removed, refetched, confirm …): `lines` are markdown already escaped.
 * The heading says what happened above the article's title; with no article to name, it is the title,
 * said once.
 */
export function noticeToEmbed(notice: {
  readonly heading: string;
  readonly source?: SourceRef;
  readonly lines?: readonly string[];
  readonly color?: number;
}): APIEmbed {
  const e = embedBuilder(notice.color ?? COLORS.neutral);
  if (notice.source) {
    e.author(notice.heading);
    e.title(notice.source.title, notice.source.url);
    e.footer(sourceFooter(notice.source));
  } else {
    e.title(notice.heading);
  }
  if (notice.lines?.length) e.description((limit) => truncate(notice.lines?.join("\n") ?? "", limit));
  return e.build();
}

/** A duration in Japanese units: 2日3時間, 5分12秒. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const units: [number, string][] = [
    [Math.floor(s / 86_400), "日"],
    [Math.floor((s % 86_400) / 3_600), "時間"],
    [Math.floor((s % 3_600) / 60), "分"],
    [s % 60, "秒"],
  ];
  const first = units.findIndex(([n]) => n > 0);
  if (first < 0) return "0秒";
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join("");
}
