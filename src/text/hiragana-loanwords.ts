import { respell, type Token, type Vocabulary } from "./analyze.ts";
import { vowelOfKatakana } from "./loanwords.ts";

/**
 * Loanwords a member types in hiragana: 「すかいつりーの高さ」, 「あいふぉーんの値段」, 「だるびっしゅの移籍先」.
 * kuromoji reads such a run as Japanese, in pieces (す かい つり ー, あ いふ ぉ ー ん): searched so, they find
 * 「つり革」 and 「いふ」. A word of hiragana is read as the katakana the library writes where it has a mark of a
 * loanword (ー, a small vowel of another sound: ふぉ, てぃ) or a piece kuromoji does not know, and is no word
 * of speech lengthened: 「いくらー？」, 「ごめーん」, 「そーだね」, 「すごーい」 are Japanese, as 「かなぁ」 is (a small
 * vowel of the same sound lengthens).
 */

/** ー, and the small vowels. */
const MARK_LETTERS = "\u30fcぁぃぅぇぉ";
const MARKS = new RegExp(`[${MARK_LETTERS}]`, "gu");
/** A token of marks alone: ー of いくら|ー. */
const MARKS_ONLY = new RegExp(`^[${MARK_LETTERS}]+$`, "u");
/** A letter of a hiragana run: hiragana or the long vowel mark. */
const RUN_LETTERS = /^[\u3041-\u3096\u30fc]+$/u;
/** No word ends before these: they lengthen or soften the kana before them. */
const NOT_AT_END = /^[\u30fcぁぃぅぇぉゃゅょゎ]/u;
/** Nor starts with one, or with っ, which doubles what follows it (the って after らーめん). */
const NOT_AT_START = /^[\u30fcぁぃぅぇぉゃゅょっゎ]/u;
/** Particles a word may be followed by inside one token: the の of どの, as kuromoji reads あんだーわーるどの. */
const PARTICLE_TAIL = /^[のがはをにでともへや]$/u;
/** The shortest loanword read so: 3 kana (ぱそ is no word one asks about). */
const MIN_WORD = 3;
/**
 * Longer words are not read (でぃずにーらんど is 8 kana), nor runs after the first MAX_RUNS that have a mark,
 * nor look-ups after MAX_LOOKUPS: each start tries the ends at most MAX_WORD letters after it, and each
 * word tried is a look-up in the library. A run of any length is read in time linear in it.
 */
const MAX_WORD = 16;
const MAX_RUNS = 4;
const MAX_LOOKUPS = 200;

/** A question's text, analysed: its tokens in context (offsets in the text). */
export interface Reading {
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** What asLoanwords asks of the library. */
export interface LoanwordLibrary {
  /**
   * The terms of the katakana where the library writes it: each of its words one the library holds (as a
   * question's are searched), none a letter alone, no particle swallowed; one word where `whole`. Else null.
   */
  writes(katakana: string, whole: boolean): readonly string[] | null;
  /**
   * Whether the library writes a piece of the word (one with a mark, or unknown to kuromoji) as the question
   * does, at least as often as the katakana's terms: its own hiragana (ららぽーと).
   */
  prefersWritten(token: Token, terms: readonly string[]): boolean;
  /** Whether kuromoji reads hiragana as a word that speech lengthens, and its endings: Japanese. */
  isSpoken(hiragana: string): boolean;
}

/**
 * The text with the loanwords it writes in hiragana written in katakana (the same length: offsets hold).
 * A run is the question's tokens written in hiragana, one right after another. A word in it starts the run
 * or follows a particle or an ending (kuromoji's reading: a kana it reads as a particle may start one, や of
 * やふー); it ends where a token does, or before a particle at a token's end (どの), or inside a piece
 * kuromoji does not know, then one word (だるびっしゅの: ダルビッシュ, and no カップハイ of わーるどかっぷはいつ).
 * From each start, the longest word is taken that holds a mark or an unknown piece, is not spoken Japanese
 * in either of its plain readings (see spokenAs), and is katakana the library writes, not the library's own
 * hiragana written more often (ららぽーと stays; にゅーす, which two articles write, is ニュース).
 */
export function asLoanwords(question: Reading, library: LoanwordLibrary): string {
  const { text, tokens } = question;
  const place = new Map(tokens.map((t, i) => [t, i]));
  let out = text;
  let runs = 0;
  let lookups = 0;
  for (const run of hiraganaRuns(text, tokens)) {
    const odd = run.filter((t) => isOdd(text, t, tokens[(place.get(t) ?? 0) - 1]));
    if (odd.length === 0) continue;
    if (isSpokenRun(text, run, library)) continue;
    if (++runs > MAX_RUNS) break;
    const from = run[0]?.start ?? 0;
    const to = run.at(-1)?.end ?? 0;
    // how many letters of odd tokens come before each place of the run: a word holds one where this grows
    const isOddAt = new Uint8Array(to - from);
    for (const t of odd) isOddAt.fill(1, t.start - from, t.end - from);
    const oddBefore = new Int32Array(to - from + 1);
    for (let i = 0; i < isOddAt.length; i++) oddBefore[i + 1] = (oddBefore[i] ?? 0) + (isOddAt[i] ?? 0);
    const holdsOdd = (start: number, end: number) => (oddBefore[end - from] ?? 0) > (oddBefore[start - from] ?? 0);
    const starts = run
      .filter((_, i) => i === 0 || isEnding(run[i - 1]))
      .map((t) => t.start)
      .filter((at) => !NOT_AT_START.test(text.charAt(at)));
    /** Ends inside a piece kuromoji does not know: the word there is one word. */
    const inside = new Set<number>();
    const ends = [
      ...new Set(
        run.flatMap((t) => {
          if (t.unknown) {
            // (but before a particle it ends: アイドルグループ of あいどるぐるーぷの, whose ぷの kuromoji reads as one)
            const within = range(t.start + 1, t.end - 1);
            for (const at of within) if (!PARTICLE_TAIL.test(text.slice(at, t.end))) inside.add(at);
            return [...within, t.end];
          }
          return PARTICLE_TAIL.test(text.charAt(t.end - 1)) && t.end - t.start > 1 ? [t.end - 1, t.end] : [t.end];
        }),
      ),
    ]
      .filter((at) => !NOT_AT_END.test(text.charAt(at)) && !cutsLengthenedI(text, at, to))
      .sort((a, b) => a - b);
    let next = from;
    for (const start of starts) {
      if (start < next) continue;
      // the ends a word from here may have (MIN_WORD to MAX_WORD letters), longest first: a window of the
      // sorted ends, found by halving, so that a long run costs no more than its length
      for (let e = lastAtMost(ends, start + MAX_WORD); e >= 0 && (ends[e] ?? 0) - start >= MIN_WORD; e--) {
        const end = ends[e] as number;
        if (!holdsOdd(start, end)) continue;
        if (++lookups > MAX_LOOKUPS) return out;
        const hiragana = text.slice(start, end);
        if (spokenAs(hiragana).some((plain) => library.isSpoken(plain))) continue;
        const katakana = toKatakana(hiragana);
        const terms = library.writes(katakana, inside.has(end));
        if (terms === null) continue;
        if (odd.some((t) => t.start < end && start < t.end && library.prefersWritten(t, terms))) continue;
        out = out.slice(0, start) + katakana + out.slice(end);
        next = end;
        break;
      }
    }
  }
  return out;
}

/** The index of the last of sorted numbers that is at most `value`; -1 where none is. */
function lastAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * Whether a run is a word of speech, lengthened, and its endings (「しょーがない」: しょうがない), read from its
 * first word, or from the kana its first mark lengthens (「か|ー|どの」 is read かーどの, not ーどの). Only a run
 * as short as a word: a longer one is read word by word.
 */
function isSpokenRun(text: string, run: readonly Token[], library: LoanwordLibrary): boolean {
  let said = run.findIndex((t) => !isEnding(t));
  if (said < 0) return false;
  if (said > 0 && MARKS_ONLY.test(run[said]?.surface ?? "")) said--;
  const from = run[said]?.start ?? 0;
  const to = run.at(-1)?.end ?? 0;
  return to - from <= MAX_WORD && spokenAs(text.slice(from, to)).some((plain) => library.isSpoken(plain));
}

/**
 * Whether a word would end between ー and the い that closes a lengthened word (きらーい, せんぱーい): the い
 * says the ー lengthens a Japanese word, no loanword (キラー).
 */
function cutsLengthenedI(text: string, at: number, runEnd: number): boolean {
  return (
    text.charAt(at - 1) === "ー" &&
    text.charAt(at) === "い" &&
    (at + 1 === runEnd || /^[ーっ!！?？]/u.test(text.charAt(at + 1)))
  );
}

/** Whether a token is a particle or an auxiliary kuromoji knows. */
function isEnding(t: Token | undefined): boolean {
  return t !== undefined && !t.unknown && ENDINGS.has(t.pos[0] ?? "");
}

/**
 * Whether a token of a run may be a piece of a loanword: one kuromoji does not know, or one with a mark of
 * a loanword (see hasLoanwordMark); not a word that speech lengthens with its mark (じゃー, a known
 * interjection), nor marks alone after such a word or a question word (いくら|ー, かわい|ー).
 */
function isOdd(text: string, t: Token, before: Token | undefined): boolean {
  if (t.unknown && !MARKS_ONLY.test(t.surface)) return true;
  if (!hasLoanwordMark(text, t.start, t.end)) return t.unknown === true;
  if (MARKS_ONLY.test(t.surface)) {
    // (a word, not a kana kuromoji reads as a suffix: the ぽ of さぽーと, the く of くーる)
    const lengthens =
      before !== undefined &&
      before.end === t.start &&
      before.surface.length >= 2 &&
      before.pos[1] !== "接尾" &&
      (isSpokenWord(before) || before.question !== undefined);
    return !lengthens;
  }
  return !(t.unknown !== true && isSpokenWord(t));
}

/**
 * Whether text[from, to) has a mark of a loanword: ー, or a small vowel after a kana of another sound (ふぉ,
 * てぃ, うぇ; not なぁ or ねぇ, which lengthen as speech does), or ゔ.
 */
function hasLoanwordMark(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charAt(i);
    if (c === "ー" || c === "ゔ") return true;
    if (SMALL_VOWELS.includes(c) && i > 0 && vowelOf(text.charAt(i - 1)) !== vowelOf(c)) return true;
  }
  return false;
}

const SMALL_VOWELS = "ぁぃぅぇぉ";

/**
 * The two plain readings of hiragana as speech writes it: without its marks (いくらー: いくら, ごめーん: ごめん,
 * すごーい: すごい, かなぁ: かな), and with ー after an お sound as the う it stands for (そーだね: そうだね).
 */
function spokenAs(hiragana: string): string[] {
  const plain = hiragana.replace(MARKS, "");
  const long = hiragana
    .replace(/(.)\u30fc/gu, (_, kana: string) => kana + (vowelOf(kana) === "o" ? "う" : ""))
    .replace(MARKS, "");
  return long === plain ? [plain] : [plain, long];
}

/** The vowel a hiragana letter ends in: a, i, u, e, o; "" for ん, っ and what is no kana. */
function vowelOf(kana: string): string {
  return vowelOfKatakana(toKatakana(kana));
}

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

/** Parts of speech that end what a word says: particles and auxiliaries (の, が, ね, だ, です). */
const ENDINGS: ReadonlySet<string> = new Set(["助詞", "助動詞"]);

/**
 * The words speech lengthens: adjectives (すごーい), interjections (ごめーん), adverbs (ちょー, そー), pronouns
 * and question words (だれー, いくらー), nouns of a verb or an adjective (はんたーい); not a noun or a verb
 * of a thing (ぶつ of ぶーつ, だす of だーす, える of えーる), which are loanwords with their ー.
 */
function isSpokenWord(t: Token): boolean {
  const [pos, detail] = t.pos;
  if (pos === "形容詞" || pos === "感動詞" || pos === "副詞" || pos === "連体詞") return true;
  return pos === "名詞" && SPOKEN_NOUNS.has(detail ?? "");
}

const SPOKEN_NOUNS: ReadonlySet<string> = new Set(["代名詞", "副詞可能", "サ変接続", "形容動詞語幹", "ナイ形容詞語幹"]);

/** Hiragana as katakana, letter for letter (ー stays). */
export function toKatakana(hiragana: string): string {
  return hiragana.replace(/[\u3041-\u3096]/gu, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60));
}

/**
 * A question's text with its loanwords in hiragana read as the library writes them (see asLoanwords).
 * `tokens` are the question's own analysis, `analyze` analyses any text.
 */
export function readLoanwords(
  text: string,
  tokens: readonly Token[],
  analyze: (text: string) => readonly Token[],
  library: Vocabulary & { idf(term: string): number },
): string {
  // the katakana as written, or in Latin letters (アイフォーン: iPhone), not as heard otherwise (ソーナ is no
  // ソナー)
  const asWritten: Vocabulary = {
    known: (term) => library.known(term),
    together: (terms) => library.together(terms),
    adjacent: (words, terms) => library.adjacent(words, terms),
    latinSpelling: (word) => library.latinSpelling?.(word),
  };
  return asLoanwords(
    { text, tokens },
    {
      writes: (katakana, whole) => {
        const words = respell(analyze(katakana), asWritten, katakana);
        const covered = words.reduce((sum, t) => sum + (t.end - t.start), 0) === katakana.length;
        const terms = words.flatMap((t) =>
          t.term !== null && t.term.length >= 2 && library.known(t.term) ? [t.term] : [],
        );
        if (!covered || terms.length === 0 || terms.length !== words.length || (whole && terms.length > 1)) return null;
        // words of two or more, as the library writes them one after another (スカイ ツリー; not オーサ カノ of
        // おーさかの, nor ゴー カナ of ごーかな)
        return terms.length === 1 ||
          library.adjacent(
            words.map((t) => t.surface),
            terms,
          )
          ? terms
          : null;
      },
      prefersWritten: (token, terms) =>
        token.term !== null &&
        library.known(token.term) &&
        terms.every((term) => library.idf(token.term as string) <= library.idf(term)),
      isSpoken: (hiragana) => {
        // a word, first, then only particles and endings: いくら, そう だ ね, はんたい って, しょうが ない
        const [first, ...rest] = analyze(hiragana);
        return (
          first !== undefined &&
          !first.unknown &&
          first.surface.length >= 2 &&
          isSpokenWord(first) &&
          rest.every(isEnding)
        );
      },
    },
  );
}
