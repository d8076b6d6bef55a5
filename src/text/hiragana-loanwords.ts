import { respell, type Token, type Vocabulary } from "./analyze.ts";

/**
 * Loanwords a member types in hiragana: 「すかいつりーの高さ」, 「あいふぉーんの値段」, 「だるびっしゅの移籍先」.
 * kuromoji reads such a run as Japanese, in pieces (す かい つり ー, あ いふ ぉ ー ん): searched so, they find
 * 「つり革」 and 「いふ」. A span of hiragana is read as the katakana the library writes where it is no Japanese
 * word: it has a mark of a loanword or a piece kuromoji does not know, and without its marks kuromoji reads
 * it in no words of two letters or more (すかいつり: す かい つり; but いくら of 「いくらー？」, ごめん of 「ごめーん」,
 * かな of 「かなぁ」 are words, lengthened as speech does).
 */

/** What Japanese writes in katakana only, or lengthens a spoken word with: ー, a small vowel (ふぉ, なぁ). */
const MARK = /[\u30fcぁぃぅぇぉ]/u;
const MARKS = new RegExp(MARK.source, "gu");
/** A letter of a hiragana run: hiragana or the long vowel mark. */
const RUN_LETTERS = /^[\u3041-\u3096\u30fc]+$/u;
/** No word ends before these: they lengthen or soften the kana before them. */
const NOT_AT_END = /^[\u30fcぁぃぅぇぉゃゅょゎ]/u;
/** Nor starts with one, or with っ, which doubles what follows it (the って after らーめん). */
const NOT_AT_START = /^[\u30fcぁぃぅぇぉゃゅょっゎ]/u;
/** The shortest loanword read so: 3 kana (ぱそ is no word one asks about). */
const MIN_WORD = 3;
/**
 * Longer runs are not read: a word is far shorter (でぃずにーらんど, 8), and each start of a run tries every
 * end after it, each a look-up in the library (they grow with the square of the run's length). Nor are runs
 * after the first MAX_RUNS, nor look-ups after MAX_LOOKUPS: a crafted question costs a few more, no more.
 */
const MAX_RUN = 16;
const MAX_RUNS = 4;
const MAX_LOOKUPS = 200;

/** A question's text, analysed: its tokens in context (offsets in the text). */
export interface Reading {
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** What asLoanwords asks of the library. */
export interface LoanwordLibrary {
  /** Whether the library writes the katakana, each of its words one it holds (as a question's are searched). */
  writes(katakana: string): boolean;
  /** Whether the library holds a token's term as it is written (ららぽーと, ぱみゅぱみゅの). */
  holds(token: Token): boolean;
  /** Whether kuromoji reads hiragana, without its marks, as words of two letters or more: Japanese. */
  isJapanese(hiragana: string): boolean;
}

/**
 * The text with the loanwords it writes in hiragana written in katakana (the same length: offsets hold).
 * A run is the question's tokens written in hiragana, one after another; a word in it starts where a token
 * does and ends where one does, or inside a piece kuromoji does not know (it reads びっしゅの as one). From
 * each start, the longest word is taken that has a mark (ー, a small vowel) or a piece kuromoji does not
 * know, is no Japanese word without its marks, and is katakana the library writes in words of its own, no
 * particle swallowed: 「あいふぉーんの」 is アイフォーン and の, 「だるびっしゅの」 ダルビッシュ and の. A run with a
 * token the library holds as written, with a mark or unknown to kuromoji, is the library's own hiragana
 * (ららぽーと, きゃりーぱみゅぱみゅ): it stays.
 */
export function asLoanwords(question: Reading, library: LoanwordLibrary): string {
  const { text, tokens } = question;
  let out = text;
  let runs = 0;
  let lookups = 0;
  for (const run of hiraganaRuns(text, tokens)) {
    const from = run[0]?.start ?? 0;
    const to = run.at(-1)?.end ?? 0;
    if (to - from > MAX_RUN) continue;
    const odd = run.filter((t) => t.unknown || MARK.test(text.slice(t.start, t.end)));
    if (odd.length === 0 || odd.some((t) => library.holds(t))) continue;
    // a word of speech, lengthened: 「いくらー」, 「はんたーいって」, 「そーだね」, 「しょーがない」
    const written = text.slice(from, to);
    if (spokenAs(written).some((plain) => library.isJapanese(plain))) continue;
    if (++runs > MAX_RUNS) break;
    // a word starts the run or follows a particle or an ending, and ends the run or comes before one, or
    // ends inside a piece kuromoji does not know: not ちゅーばー in ゆーちゅーばー, nor ごーの before 配信
    const isEnding = (t: Token | undefined) => t !== undefined && !t.unknown && ENDINGS.has(t.pos[0] ?? "");
    const starts = run
      .filter((t, i) => (i === 0 || isEnding(run[i - 1])) && !isEnding(t))
      .map((t) => t.start)
      .filter((at) => !NOT_AT_START.test(text.charAt(at)));
    const ends = [
      ...new Set(
        run.flatMap((t, i) => [
          ...(t.unknown ? range(t.start + 1, t.end - 1) : []),
          ...((i === run.length - 1 || isEnding(run[i + 1])) && !isEnding(t) ? [t.end] : []),
        ]),
      ),
    ]
      .filter((at) => !NOT_AT_END.test(text.charAt(at)))
      .sort((a, b) => b - a);
    let next = from;
    for (const start of starts) {
      if (start < next) continue;
      for (const end of ends) {
        if (end - start < MIN_WORD || !odd.some((t) => t.start < end && start < t.end)) continue;
        const hiragana = text.slice(start, end);
        if (++lookups > MAX_LOOKUPS) return out;
        if (spokenAs(hiragana).some((plain) => library.isJapanese(plain))) continue;
        const katakana = toKatakana(hiragana);
        if (!library.writes(katakana)) continue;
        out = out.slice(0, start) + katakana + out.slice(end);
        next = end;
        break;
      }
    }
  }
  return out;
}

/**
 * Hiragana as speech lengthens a word, read plain: without its marks (いくらー: いくら, ごめーん: ごめん,
 * かなぁ: かな), and with ー as the long vowel it stands for (そーだね: そうだね, しょーがない: しょうがない; after
 * an お or え sound, う and い).
 */
function spokenAs(hiragana: string): string[] {
  const lengthened = hiragana
    .replace(/([\u3041-\u3096])\u30fc/gu, (_, kana: string) => kana + longVowelOf(kana))
    .replace(MARKS, "");
  return [hiragana.replace(MARKS, ""), lengthened];
}

/** The kana a long vowel after `kana` is written with: う after an お sound, い after an え sound, else its own. */
function longVowelOf(kana: string): string {
  for (const [vowel, row] of VOWEL_ROWS) if (row.includes(kana)) return vowel;
  return "";
}

/** Each vowel's kana (small ones too), by the kana that writes its long vowel: おう, えい, and あ, い, う. */
const VOWEL_ROWS: readonly [string, string][] = [
  ["あ", "あかがさざただなはばぱまやらわぁゃゎ"],
  ["い", "いきぎしじちぢにひびぴみりぃ"],
  ["う", "うくぐすずつづぬふぶぷむゆるぅゅおこごそぞとどのほぼぽもよろをぉょ"],
  ["い", "えけげせぜてでねへべぺめれぇ"],
];

/** The runs of tokens written in hiragana (ー included), one right after another. */
function hiraganaRuns(text: string, tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    const written = text.slice(t.start, t.end);
    if (RUN_LETTERS.test(written) && (run.length === 0 || run.at(-1)?.end === t.start)) run.push(t);
    else {
      if (run.length > 0) runs.push(run);
      run = RUN_LETTERS.test(written) ? [t] : [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Parts of speech a word of one letter may be: particles and auxiliaries (の, が, ね, だ). */
const ENDINGS: ReadonlySet<string> = new Set(["助詞", "助動詞"]);

/** Hiragana as katakana, letter for letter (ー stays). */
export function toKatakana(hiragana: string): string {
  return hiragana.replace(/[\u3041-\u3096]/gu, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60));
}

/**
 * A question's text with its loanwords in hiragana read as the library writes them (see asLoanwords).
 * `analyze` is the analysis of a text, `tokens` the question's own.
 */
export function readLoanwords(
  text: string,
  tokens: readonly Token[],
  analyze: (text: string) => readonly Token[],
  library: Vocabulary,
): string {
  const asWritten: Vocabulary = {
    known: (term) => library.known(term),
    together: (terms) => library.together(terms),
    adjacent: (words, terms) => library.adjacent(words, terms),
    latinSpelling: (word) => library.latinSpelling?.(word),
  };
  return asLoanwords(
    { text, tokens },
    {
      writes: (katakana) => {
        // every word a term of two letters or more the library holds: no particle swallowed (ソーダネ), no
        // letter alone (キャリー and パ of きゃりーぱ); spelled as written, or in Latin letters (アイフォーン:
        // iPhone), not as heard otherwise (ソーナ is no ソナー)
        const words = respell(analyze(katakana), asWritten, katakana);
        return words.length > 0 && words.every((t) => t.term !== null && t.term.length >= 2 && library.known(t.term));
      },
      holds: (token) => token.term !== null && library.known(token.term),
      isJapanese: (hiragana) => {
        // one word IPADIC knows, of two letters or more, and the particles and endings after it (そう だ ね,
        // はんたい って); not あい ふう ん の, of 「あいふぉーんの」
        const words = analyze(hiragana);
        const content = words.filter((t) => !ENDINGS.has(t.pos[0] ?? ""));
        return (
          words.length > 0 &&
          words.every((t) => !t.unknown) &&
          content.length <= 1 &&
          content.every((t) => t.surface.length >= 2)
        );
      },
    },
  );
}
