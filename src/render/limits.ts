/**
 * Discord's limits on what a bot may send, and grapheme-safe truncation to stay within them.
 *
 * Discord counts characters; JavaScript's `.length` counts UTF-16 code units, which is never less, so
 * every check here uses `.length` as a safe bound. Sources: discord-api-docs `resources/message.mdx`
 * ("Embed Limits"), `interactions/application-commands.mdx`, `components/reference.mdx`.
 */

export const EMBED_TITLE_LIMIT = 256;
export const EMBED_DESCRIPTION_LIMIT = 4_096;
export const EMBED_FIELDS_LIMIT = 25;
export const EMBED_FIELD_NAME_LIMIT = 256;
export const EMBED_FIELD_VALUE_LIMIT = 1_024;
export const EMBED_FOOTER_TEXT_LIMIT = 2_048;
export const EMBED_AUTHOR_NAME_LIMIT = 256;
/** Title, description, field names and values, footer text and author name of all embeds of a message. */
export const EMBED_TOTAL_LIMIT = 6_000;
/** Not documented; URLs longer than this are dropped rather than risk a rejected message. */
export const EMBED_URL_LIMIT = 2_048;

export const MESSAGE_CONTENT_LIMIT = 2_000;
export const MESSAGE_EMBEDS_LIMIT = 10;

export const ACTION_ROWS_LIMIT = 5;
export const ACTION_ROW_BUTTONS_LIMIT = 5;
export const BUTTON_LABEL_LIMIT = 80;
export const CUSTOM_ID_LIMIT = 100;

export const AUTOCOMPLETE_CHOICES_LIMIT = 25;
export const CHOICE_NAME_LIMIT = 100;
export const CHOICE_STRING_VALUE_LIMIT = 100;
/** The longest value a string option can carry (`max_length` may not exceed it). */
export const STRING_OPTION_LIMIT = 6_000;

export const MODAL_TITLE_LIMIT = 45;
export const MODAL_LABEL_LIMIT = 45;
/** The line under a label in a form (a Label component's description). */
export const MODAL_DESCRIPTION_LIMIT = 100;
/**
 * A text input's value and max_length. Discord counts characters (code points), so a member may type up
 * to 4,000 emoji or 𠮷, 8,000 UTF-16 units; a value given back in a form is bound in UTF-16 units, never
 * more than Discord takes, and may then hold less than was typed (see clipCounted).
 */
export const TEXT_INPUT_VALUE_LIMIT = 4_000;

/** Marks text that was cut. */
export const ELLIPSIS = "…";

/**
 * C0 and C1 controls (but tab and line feed), bidirectional marks, overrides (U+202A–202E) and isolates
 * (U+2066–2069): article text may carry them, and they can reorder or hide what a reader sees.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
export const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text without the INVISIBLE characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

const graphemeSegmenter = new Intl.Segmenter("ja", { granularity: "grapheme" });

/**
 * UTF-16 units segmented at once. Node 20's Intl.Segmenter takes time in the length of what it segments
 * times the graphemes read from it: 40,000 characters 0.5 s, 80,000 13 s, 200,000 two minutes; and
 * reading only the first graphemes of a long text still pays for its length. A text is segmented a
 * window at a time instead, and no further than it is read.
 */
const SEGMENT_WINDOW = 256;
/**
 * A window's graphemes ending this close to its cut are read again with the next window: where a
 * grapheme ends can depend on what follows it (👍 and 🏻 are one), which the window does not hold.
 */
const SEGMENT_LOOKAHEAD = 16;

/** A grapheme cluster and its UTF-16 offset in the text. */
export interface Grapheme {
  readonly segment: string;
  readonly index: number;
}

/**
 * The grapheme clusters of a text, lazily, from its start: as Intl.Segmenter gives them, but linear in
 * what is read (see SEGMENT_WINDOW). Stop reading once enough is read.
 */
export function* eachGrapheme(text: string): Generator<Grapheme, void, undefined> {
  let start = 0;
  let window = SEGMENT_WINDOW;
  while (start < text.length) {
    // (A cut between the halves of a surrogate pair leaves a lone half at the window's end, which the
    // lookahead leaves for the next window, as it does any grapheme near the cut.)
    const end = Math.min(text.length, start + window);
    const chunk = text.slice(start, end);
    const last = end === text.length;
    let next = 0;
    for (const s of graphemeSegmenter.segment(chunk)) {
      // A window starts on a boundary, so the boundaries found in it are the whole text's, but near its end.
      if (!last && s.index + s.segment.length > chunk.length - SEGMENT_LOOKAHEAD) break;
      yield { segment: s.segment, index: start + s.index };
      next = s.index + s.segment.length;
    }
    if (last) return;
    // A grapheme longer than the window (a letter with hundreds of combining marks): a wider window.
    if (next === 0) {
      window *= 2;
      continue;
    }
    start += next;
    window = SEGMENT_WINDOW;
  }
}

/** The grapheme clusters of a text with their UTF-16 offsets: 👨‍👩‍👧 is one, が (か + ゛) is one. */
export function graphemes(text: string): Grapheme[] {
  return Array.from(eachGrapheme(text));
}

/**
 * Cuts a text to at most `limit` UTF-16 code units, at a grapheme boundary, ending with `…` when cut.
 * Never splits a surrogate pair, a combining sequence or an emoji ZWJ sequence; lone surrogates become U+FFFD.
 * Controls and bidirectional overrides (INVISIBLE) are dropped first; line breaks and tabs stay.
 * @example truncate("鎌倉の建長寺で", 4) // "鎌倉の…"
 */
export function truncate(raw: string, limit: number): string {
  // A lone surrogate (from user input) is not text Discord accepts; it becomes U+FFFD.
  const text = stripInvisible(raw.toWellFormed());
  if (text.length <= limit) return text;
  if (limit < ELLIPSIS.length) return "";
  return startWithin(text, limit - ELLIPSIS.length) + ELLIPSIS;
}

/** The longest start of a text, in whole graphemes, within `budget` UTF-16 code units. */
function startWithin(text: string, budget: number): string {
  let out = "";
  for (const { segment } of eachGrapheme(text)) {
    if (out.length + segment.length > budget) break;
    out += segment;
  }
  return out;
}

/**
 * The longest start of a text within `limit` UTF-16 code units, cut at a grapheme boundary and with no
 * mark: for text given back to the member who wrote it (a form's prefilled box), which is kept as typed,
 * but for lone surrogates (U+FFFD).
 * @example clip("鎌倉の建長寺で", 4) // "鎌倉の建"
 */
export function clip(raw: string, limit: number): string {
  const text = raw.toWellFormed();
  return text.length <= limit ? text : startWithin(text, limit);
}

/**
 * clip, and how many graphemes it left out of the end (0 when the text fits): for telling the member
 * that a box given back to them does not hold all they typed.
 * @example clipCounted("🍵🍵🍵", 4) // { text: "🍵🍵", cut: 1 }
 */
export function clipCounted(raw: string, limit: number): { text: string; cut: number } {
  const text = clip(raw, limit);
  if (text.length === raw.length) return { text, cut: 0 };
  let cut = 0;
  for (const _ of eachGrapheme(raw.toWellFormed().slice(text.length))) cut++;
  return { text, cut };
}

/** One line of text: runs of whitespace (newlines included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** The parts of an embed that count towards EMBED_TOTAL_LIMIT. */
export interface CountedEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly fields?: readonly { readonly name: string; readonly value: string }[];
  readonly footer?: { readonly text: string };
  readonly author?: { readonly name: string };
}

/** The characters of an embed that count towards EMBED_TOTAL_LIMIT. */
export function embedLength(embed: CountedEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/**
 * What in an embed breaks Discord's limits (empty when it is within them), e.g.
 * `["description: 5000 > 4096"]`.
 */
export function embedProblems(embed: CountedEmbed): string[] {
  const problems: string[] = [];
  const check = (what: string, value: string | undefined, limit: number) => {
    if (value !== undefined && value.length > limit) problems.push(`${what}: ${value.length} > ${limit}`);
  };
  check("title", embed.title, EMBED_TITLE_LIMIT);
  check("description", embed.description, EMBED_DESCRIPTION_LIMIT);
  check("footer.text", embed.footer?.text, EMBED_FOOTER_TEXT_LIMIT);
  check("author.name", embed.author?.name, EMBED_AUTHOR_NAME_LIMIT);
  const fields = embed.fields ?? [];
  if (fields.length > EMBED_FIELDS_LIMIT) problems.push(`fields: ${fields.length} > ${EMBED_FIELDS_LIMIT}`);
  fields.forEach((f, i) => {
    check(`fields[${i}].name`, f.name, EMBED_FIELD_NAME_LIMIT);
    check(`fields[${i}].value`, f.value, EMBED_FIELD_VALUE_LIMIT);
    if (f.name.trim() === "") problems.push(`fields[${i}].name: empty`);
    if (f.value.trim() === "") problems.push(`fields[${i}].value: empty`);
  });
  const total = embedLength(embed);
  if (total > EMBED_TOTAL_LIMIT) problems.push(`total: ${total} > ${EMBED_TOTAL_LIMIT}`);
  return problems;
}
