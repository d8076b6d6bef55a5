import { respell, type Token, type Vocabulary } from "./analyze.ts";

/**
 * Loanwords a member types in hiragana: 「すかいつりーの高さ」, 「あいふぉーんの値段」, 「だるびっしゅの移籍先」.
 * kuromoji reads such a run as Japanese, in pieces (す かい つり ー, あ いふ ぉ ー ん): searched so, they find
 * 「つり革」 and 「いふ」. A run of hiragana that Japanese does not write, with ー or a small vowel (ぁぃぅぇぉ),
 * or one kuromoji does not know, is read as katakana where the library knows the word so written.
 */

/** Hiragana and the long vowel mark: the letters of a run. */
const HIRAGANA_RUN = /[\u3041-\u3096\u30fc]{3,}/gu;
/** What Japanese writes in katakana only: ー, a small vowel (ふぉ, てぃ), ゔ. */
const LOANWORD_MARKS = /[\u30fcぁぃぅぇぉゔ]/u;
/** No word ends before these, nor starts with one: they lengthen or soften the kana before them. */
const NOT_AT_EDGE = /^[\u30fcぁぃぅぇぉゃゅょゎ]/u;
/** Nor does a word start with っ, which doubles what follows it (the って after らーめん). */
const NOT_AT_START = /^[\u30fcぁぃぅぇぉゃゅょっゎ]/u;
/** The shortest loanword read so: 3 kana (ぱそ is no word one asks about). */
const MIN_WORD = 3;
/**
 * Longer runs are not read: a word is far shorter, and each start of a run tries every end after it (the
 * look-ups grow with the square of its length). So are runs after the first MAX_RUNS.
 */
const MAX_RUN = 24;
const MAX_RUNS = 8;

/** Where kuromoji reads no word it knows in a run: spans the library holds as words, and the others. */
export interface RunReading {
  /** Pieces the library does not hold either: a word typed as it sounds (びっしゅの of だるびっしゅの). */
  readonly unknown: readonly (readonly [number, number])[];
  /** Pieces the library holds as they are written: its own hiragana (ぱみゅぱみゅの of きゃりーぱみゅぱみゅの). */
  readonly written: readonly (readonly [number, number])[];
}

/**
 * The text with the loanwords it writes in hiragana written in katakana (the same length: offsets hold),
 * where `reads` says the library knows the katakana (as a question's words are searched). From each place
 * in a run, the longest word the library knows is taken, where it has a mark of a loanword
 * (LOANWORD_MARKS) or holds a piece kuromoji does not know (`pieces`): 「あいふぉーんの」 is アイフォーン and
 * の, 「だるびっしゅの」 ダルビッシュ and の (びっしゅの unknown). Not a word Japanese writes in hiragana: the
 * いくら of 「あいふぉーんっていくら」 is no イクラ, nor is 「すごーい」, which no article writes スゴーイ; nor a name the
 * library writes in hiragana itself (きゃりーぱみゅぱみゅ).
 */
export function asLoanwords(
  text: string,
  reads: (katakana: string) => boolean,
  pieces: (run: string) => RunReading,
): string {
  const known = new Map<string, boolean>();
  const readOnce = (katakana: string) => {
    let value = known.get(katakana);
    if (value === undefined) {
      value = reads(katakana);
      known.set(katakana, value);
    }
    return value;
  };
  let out = text;
  let runs = 0;
  for (const match of text.matchAll(HIRAGANA_RUN)) {
    const run = match[0];
    if (run.length > MAX_RUN) continue;
    const { unknown, written } = pieces(run);
    // a run the library writes a piece of, as kuromoji cannot read it, is the library's own (きゃりーぱみゅぱみゅ)
    if (written.length > 0) continue;
    const odd = (start: number, end: number) =>
      LOANWORD_MARKS.test(run.slice(start, end)) || unknown.some(([s, e]) => s < end && start < e);
    if (!odd(0, run.length)) continue;
    if (++runs > MAX_RUNS) break;
    const at = match.index;
    for (let start = 0; start + MIN_WORD <= run.length; start++) {
      if (NOT_AT_START.test(run.charAt(start))) continue;
      for (let end = run.length; end - start >= MIN_WORD; end--) {
        if (NOT_AT_EDGE.test(run.charAt(end)) || !odd(start, end)) continue;
        const katakana = toKatakana(run.slice(start, end));
        if (!readOnce(katakana)) continue;
        out = out.slice(0, at + start) + katakana + out.slice(at + end);
        start = end - 1;
        break;
      }
    }
  }
  return out;
}

/** Hiragana as katakana, letter for letter (ー stays). */
export function toKatakana(hiragana: string): string {
  return hiragana.replace(/[\u3041-\u3096]/gu, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60));
}

/**
 * A question's text with its loanwords in hiragana read as the library writes them (see asLoanwords): a
 * katakana word is the library's where each of its words, as a question's are searched (respell), is one
 * that some passage holds, of two letters or more (not キャリー and パ, of きゃりーぱ).
 */
export function readLoanwords(text: string, analyze: (text: string) => readonly Token[], library: Vocabulary): string {
  return asLoanwords(
    text,
    (katakana) => {
      const words = respell(analyze(katakana), library, katakana).filter((t) => t.term !== null);
      return words.length > 0 && words.every((t) => (t.term as string).length >= 2 && library.known(t.term as string));
    },
    (run) => {
      const unknown = analyze(run).filter((t) => t.unknown);
      const spans = (tokens: readonly Token[]) => tokens.map((t) => [t.start, t.end] as const);
      const known = (t: Token) => t.term !== null && library.known(t.term);
      return { unknown: spans(unknown.filter((t) => !known(t))), written: spans(unknown.filter(known)) };
    },
  );
}
