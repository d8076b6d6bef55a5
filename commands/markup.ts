import { hasVisibleText } from "../src/article/article.ts";
import { UserFacingError } from "../src/errors.ts";
import { clip } from "../src/render/limits.ts";

/**
 * An honorific after a member's mention, where it ends a word: before the end, a space, a comma or another
 * symbol, a particle (の に へ と は が も や, って), or a word in kanji, katakana or Latin letters, which
 * Discord's autocomplete leaves unspaced (「<@123> さん教えて」). Before other kana it is the start of a word:
 * 「<@123>さんまの旬は？」 is about さんま, and ちゃんと is a word before と; so are the few words it starts in
 * kanji (様式, 様子, 様々, 氏名, 殿堂, 殿下). Not 君 at all: 君が代, 君の名は and 君に届け are titles, and が, の and
 * に end an honorific too.
 */
const HONORIFIC =
  /[ \t\u3000]*(?:さん|さま|様(?![式子々相態])|くん|ちゃん(?!と)|氏(?![名族])|殿(?![堂下])|先生)(?=$|[^\p{L}\p{N}\p{M}]|[のにへとはがもやっ]|[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9])/u;

/**
 * Discord's markup in what a member types or points at: mentions, custom emoji, timestamps and command
 * mentions show as names, pictures and dates in Discord but are ids in the text the bot receives, and the
 * analysis would search their numbers as words (a role's id matched an article holding that number).
 * Spoiler bars, emphasis, quotes and headings need nothing here: their marks are symbols, which the
 * analysis never searches.
 */
const MARKUP = new RegExp(
  [
    // a member, with the honorific and the comma that address them: 「<@123> さん、…」 is 「…」, else
    // さん is asked as a word no article says
    `${/<@!?\d+>/u.source}(?:${HONORIFIC.source})?${/(?:[ \t\u3000]*[、，,])?/u.source}`,
    // a role, a channel: <@&123>, <#123>
    /<(?:@&|#)\d+>/u.source,
    // a server's emoji, still or animated: <:fuji:123>, <a:dance:123>. Nothing is kept of it: its name is
    // an ASCII identifier made for the server's reactions (kusa, pepe_cry), no word of the library's, and
    // it is a picture, as Unicode's emoji are, which the analysis never searches (maskPictographs).
    /<a?:\w+:\d+>/u.source,
    // a date shown in each reader's time zone: <t:1700000000>, <t:1700000000:F>. Nothing is kept: the
    // bot does not know the zone the member read it in, and the articles' dates are not searched.
    /<t:-?\d+(?::[A-Za-z])?>/u.source,
    // a command: </ask:123>, </article add:123>
    /<\/[-_'\p{L}\p{N}\p{M}]+(?: [-_'\p{L}\p{N}\p{M}]+){0,2}:\d+>/u.source,
    // a server's guide, channel browser and roles page: <id:guide>, <id:customize>
    /<id:[a-z-]+(?::\d+)?>/u.source,
    // the mentions of everyone, typed as words: not in an address, user@everyone.com
    // (a run of them at once: one a pass made 100,000 characters of them quadratic)
    /(?<![\w.])(?:@(?:everyone|here))+(?![A-Za-z0-9_])/u.source,
  ].join("|"),
  "gu",
);

/** A block of code: its fences and the language named after the opening one (```js) go, its text stays. */
const CODE_BLOCK = /```(?:[\w+\-.#]+(?=\n))?([\s\S]*?)```/gu;
/**
 * A link written [text](url) or [text](<url>): its text stays. Its URL (written with Japanese too, as
 * Wikipedia's are) holds no space, bracket or parenthesis, and neither holds a [, so that a run of 「[」 or
 * of unclosed links is read once, not from each of them to the end.
 */
const MASKED_LINK = /\[([^[\]\n]*)\]\(<?https?:\/\/[^\s()<>[\]]*>?\)/gu;
/**
 * A link, bare or written <https://…> so that Discord shows no preview; as Discord finds one, to a space. A
 * bare one ends at the first character that is not ASCII: a link written into a sentence,
 * 「富士山はhttps://example.com。標高は？」, took the sentence with it. A URL's own Japanese is percent-encoded
 * when copied; one typed raw leaves its Japanese as words.
 */
const LINK = /<https?:\/\/[^\s<>]*>|https?:\/\/[\x21-\x3b\x3d-\x7e]+/gu;

/** Spaces left where markup was taken out, on either side. */
const SPACES = /[ \t\u3000]{2,}/gu;

/**
 * What a member typed, without Discord's markup (see MARKUP): each mention, custom emoji, timestamp or
 * command mention becomes a space. Stable: taken out again, nothing changes (a search's page buttons
 * search again what the first page searched).
 * @example withoutMarkup("<@1400000000000000001> さん、富士山は？") // "富士山は？"
 */
export function withoutMarkup(text: string): string {
  return untilStable(text, (t) => t.replace(MARKUP, " "));
}

/**
 * The text of a message a member points at, as words to search: withoutMarkup, and links (a link shared is
 * no keyword; a masked link keeps its text) and the backticks of code (its text stays).
 * @example messageWords("```\n富士山の登山\n``` https://example.com") // "富士山の登山"
 */
export function messageWords(text: string): string {
  return untilStable(text, (t) =>
    withoutMarkup(t.replace(CODE_BLOCK, " $1 ").replace(MASKED_LINK, " $1 ").replace(LINK, " ").replaceAll("`", " ")),
  );
}

/**
 * Applies `step` until the text no longer changes (each change shortens it, so this ends), then trims it;
 * the runs of spaces left where something was taken out become one. A text with nothing to take out is
 * given back as it is, trimmed.
 */
function untilStable(text: string, step: (text: string) => string): string {
  let out = text;
  for (let next = step(out); next !== out; next = step(out)) out = next.replace(SPACES, " ");
  return out.trim();
}

/** Why a member's words are refused: they were blank, or only markup. */
export interface Refusals {
  /** Nothing that shows: spaces, zero-width spaces. */
  readonly blank: string;
  /** Something that showed, but only markup (a mention, a link): nothing left to search. */
  readonly onlyMarkup: string;
}

/** A letter or a digit: what remains of markup without one (「||」 of a spoiler, a quote's 「>」) says nothing. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The words of what a member typed or pointed at, to search or ask: `clean` of it (withoutMarkup, or
 * messageWords), trimmed, well-formed (a lone surrogate becomes U+FFFD) and cut at a grapheme to `limit`.
 * One that shows nothing, or only markup, is the member's mistake, refused with a message saying which:
 * callers check it before deferring, so that the refusal is private and the cooldown given back.
 */
export function memberWords(
  text: string,
  refusals: Refusals,
  {
    clean = withoutMarkup,
    limit = Number.POSITIVE_INFINITY,
  }: { clean?: (text: string) => string; limit?: number } = {},
): string {
  const raw = clip(text.trim(), limit);
  if (!hasVisibleText(raw)) throw new UserFacingError(refusals.blank);
  const words = clip(clean(text).trim(), limit);
  if (words === raw) return words;
  if (!hasVisibleText(words) || !WORD_CHAR.test(words)) throw new UserFacingError(refusals.onlyMarkup);
  return words;
}
