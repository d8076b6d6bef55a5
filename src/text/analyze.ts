import { chunkText } from "./chunks.ts";
import { listedAlone, readDashesAsLongVowels } from "./dashes.ts";
import { normalize, normalizeWithOffsets } from "./normalize.ts";
import { CLAUSE_ENDS, COMMON_NOUN, VERBAL_NOUN } from "./pos.ts";
import { isKnowingWord, mayStartQuestionWord, NAN, type QuestionType, questionTypeOf } from "./question-words.ts";
import { SPELLING_VARIANTS, VERB_NOUNS } from "./spelling-variants.ts";
import { SYNONYMS } from "./synonyms.ts";
import type { KuromojiToken, Tokenizer } from "./tokenizer.ts";

/** One token of analysed text. Offsets point into the text given to `analyze`, before normalization. */
export interface Token {
  /** The search term, or null when the token is not one (a particle, a symbol, a question word, ...). */
  readonly term: string | null;
  /** 表層形 after normalization */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** 品詞 and its three details, e.g. ["名詞", "固有名詞", "地域", "国"] */
  readonly pos: readonly [string, string, string, string];
  /** Set on question words (いつ, どこ, 何年 ...): they are not search terms but say what kind of answer is wanted. */
  readonly question?: QuestionType;
  /**
   * The terms of a name's parts, where IPADIC lists it whole with a ・ in it (テキサス・レンジャーズ: テキサス,
   * レンジャーズ): searched and indexed beside the term of the whole, as compound terms are (see partTermsOf).
   */
  readonly parts?: readonly string[];
  /** Set on a noun IPADIC does not list (a name it does not know: メルカリ, デロリアン). */
  readonly unknown?: true;
}

/** 品詞 that never make search terms. */
const DROPPED_POS = new Set([
  "助詞", // が, を, に, は — 格助詞・係助詞・副助詞
  "助動詞", // です, ます, た, ない
  "記号", // 。、「」 and symbols
  "フィラー", // えーと
  "感動詞", // はい, ああ
  "接続詞", // しかし, また
  "連体詞", // この, その, どの
  "接頭詞", // お, ご, 各
  "その他",
]);

/** 品詞細分類1 that never make search terms, per 品詞. */
const DROPPED_DETAIL: Readonly<Record<string, ReadonlySet<string>>> = {
  名詞: new Set([
    "非自立", // こと, もの, よう — 形式名詞
    "代名詞", // これ, それ, 私
    "特殊", // そう (そうだ)
  ]),
  動詞: new Set([
    "非自立", // ている, てしまう
    "接尾", // れる, られる, させる
  ]),
  形容詞: new Set([
    "非自立", // 〜やすい, 〜にくい
    "接尾", // 〜っぽい
  ]),
};

/** A generated table of folds, one `term<TAB>target` a line, as a map. */
function foldsOf(table: string): ReadonlyMap<string, string> {
  return new Map(table.split("\n").map((line) => line.split("\t") as [string, string]));
}

/**
 * One term for the spellings IPADIC lists of one word (see scripts/generate-spelling-variants.ts): a common
 * noun with kana is its kanji spelling, 子ども → 子供 (交ぜ書き), 破たん → 破綻, 申し込み → 申込 (okurigana);
 * a verb's okurigana are its most frequent ones, 行う → 行なう, 取組む → 取り組む. kuromoji gives each
 * spelling its own base form, and livedoor writes 子供 1,015 times and 子ども 566: a question with either
 * found a third of the articles. Only where no homophone can be meant, and only common nouns and verbs.
 */
const SPELLINGS = foldsOf(SPELLING_VARIANTS);

/**
 * A noun that is a verb's 連用形 is the verb (see scripts/generate-spelling-variants.ts): 占い → 占う, 悩み →
 * 悩む, 生まれ → 生まれる, 問い合わせ and 問合せ → 問い合せる. A member asks with a verb what an article says with
 * its noun (「占ったのは誰？」: 「【占い師】美月ゆま先生」), and the other way round (「生まれはどこ？」: 「大阪で
 * 生まれた」). Only common nouns (一般, サ変接続), keyed by spelling and reading (kuromoji gives both): the script
 * says which spellings are left their own term (割 of 割に, 留置 read リュウチ, 踏切).
 */
const VERB_OF_NOUN = foldsOf(VERB_NOUNS);

/**
 * One term for the forms of one word in Sudachi's synonym dictionary (see scripts/generate-synonyms.ts):
 * its katakana and Latin spellings, abbreviations and other names: google → グーグル, コラボ → コラボレーション,
 * 日銀 → 日本銀行. Members write グーグル where an article writes Google: each found only the articles
 * that spell it their way. Applied to a term last, after SPELLINGS and long-vowel folding.
 */
const SYNONYM_OF = foldsOf(SYNONYMS);
/** The longest form SYNONYM_OF lists: no longer run of katakana is two of its words (see synonymOfRun). */
const LONGEST_SYNONYM = Math.max(...[...SYNONYM_OF.keys()].map((form) => form.length));

/** 基本形 too common to tell passages apart (light verbs and formal words that slip past the POS filter). */
const LIGHT_WORDS = ["する", "ある", "いる", "なる", "できる", "いう", "ない", "おる", "くる", "行う", "等", "的"];
/** Compared after spellings are folded (行う is 行なう): see SPELLINGS. */
const STOP_WORDS = new Set(LIGHT_WORDS.map((word) => SPELLINGS.get(word) ?? word));

/** A word of katakana alone, ー included. */
export const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/u;
const ASCII_WORD = /^[a-z0-9]+$/u;
const DIGITS = /^[0-9]+$/u;
const WHITESPACE = /\s+/gu;
const HIRAGANA_CHAR = /^[\u3041-\u309f]$/u;
const LONG_VOWEL_MARKS = /^[\u30fc\uff70]+$/u;
/** A term needs a letter or a digit: "?" or a lone zero-width joiner is not searchable. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Analyses text into tokens: normalization, chunking (linear time on any input), kuromoji, then search
 * terms as base forms with particles, auxiliaries, symbols and formal nouns dropped.
 * The same function serves documents and questions. `synonyms: false` keeps the forms of one word apart
 * (see SYNONYM_OF), for the script that lists them.
 */
export function analyze(tokenizer: Tokenizer, text: string, options: { synonyms?: boolean } = {}): Token[] {
  const synonyms = options.synonyms ?? true;
  const normalized = normalizeWithOffsets(text);
  const norm = readDashesAsLongVowels(tokenizer, maskPictographs(normalized.text));
  const raw: RawToken[] = [];
  for (const chunk of chunkText(norm)) {
    let offset = 0;
    for (const token of tokenizer.tokenize(chunk.text)) {
      const surface = token.surface_form;
      // kuromoji may drop characters it cannot place (e.g. inside emoji sequences): find the surface.
      let at = chunk.text.startsWith(surface, offset) ? offset : chunk.text.indexOf(surface, offset);
      if (at < 0) at = offset;
      offset = at + surface.length;
      raw.push({ token, start: chunk.start + at, end: chunk.start + offset, surface });
    }
  }
  const upper = (at: number) => isUpperInSource(text, normalized.sourceStart[at] ?? -1);
  const merged = tagForeignNames(
    splitAtNakaguro(
      splitModelNumbers(mergeAlphanumerics(mendMisreadings(raw, tokenizer), norm), norm, upper),
      tokenizer,
    ),
    norm,
  );
  const questions = markQuestionWords(merged);
  const tokens: Token[] = [];
  for (let i = 0; i < merged.length; i++) {
    const { token, start, end, surface } = merged[i] as RawToken;
    // Symbols and spaces are neither terms nor clues to the kind of answer: not kept.
    if (end <= start || token.pos === "記号") continue;
    const question = questions.get(i) ?? undefined;
    const pos: Token["pos"] = [token.pos, token.pos_detail_1, token.pos_detail_2, token.pos_detail_3];
    const term = questions.has(i) || isHonorific(merged, i) ? null : toTerm(token, surface);
    const sourceStart = normalized.sourceStart[start] ?? 0;
    const sourceEnd = normalized.sourceEnd[end - 1] ?? sourceStart;
    const parts = term !== null && token.word_type === "KNOWN" ? partTermsOf(surface, term, tokenizer) : null;
    tokens.push(
      question
        ? { term, surface, start: sourceStart, end: sourceEnd, pos, question }
        : parts
          ? { term, surface, start: sourceStart, end: sourceEnd, pos, parts }
          : term !== null && token.word_type === "UNKNOWN" && token.pos === "名詞"
            ? { term, surface, start: sourceStart, end: sourceEnd, pos, unknown: true }
            : { term, surface, start: sourceStart, end: sourceEnd, pos },
    );
  }
  return synonyms ? foldSynonyms(tokens) : tokens;
}

/**
 * The forms of one word as one term (see SYNONYM_OF). A loanword kuromoji cuts in two nouns is one token,
 * whose term is the word's: スマート フォン is スマートフォン, as スマホ is. Its parts are no terms of their
 * own, as the parts of a word IPADIC knows whole are not (テレビ does not find テレビ局): one token, one term,
 * in the index and in sentences alike.
 */
function foldSynonyms(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.term === null) {
      out.push(token);
      continue;
    }
    const next = tokens[i + 1];
    if (next?.term && token.end === next.start && token.pos[0] === "名詞" && next.pos[0] === "名詞") {
      const word = SYNONYM_OF.get(`${token.term} ${next.term}`);
      if (word !== undefined) {
        const surface = token.surface + next.surface;
        out.push({ term: word, surface, start: token.start, end: next.end, pos: wordPos(token, next) });
        i++;
        continue;
      }
    }
    const folded = SYNONYM_OF.get(token.term) ?? synonymOfRun(token.term);
    out.push(folded === undefined ? token : { ...token, term: folded });
  }
  return out;
}

/**
 * The word a run of katakana is, where kuromoji reads as one word what the dictionary lists as two: it
 * reads 「ファイアフォックスで」 as one unknown word ファイアフォックス, which the dictionary lists as
 * ファイア フォックス (Firefox) only. Each cut into two parts of two characters or more is looked up (a part
 * folded as a term is: ユーザー → ユーザ).
 */
function synonymOfRun(term: string): string | undefined {
  // Its two parts, a space between them and one ー less, are no shorter than it: a run longer than any form
  // listed is none (each cut of a long run looked up made it cubic: 50,000 katakana, read as words of 128
  // characters, took 11 s to ask).
  if (term.length < 4 || term.length > LONGEST_SYNONYM || !KATAKANA_WORD.test(term)) return undefined;
  for (let i = 2; i <= term.length - 2; i++) {
    const word = SYNONYM_OF.get(`${foldLongVowel(term.slice(0, i))} ${term.slice(i)}`);
    if (word !== undefined) return word;
  }
  return undefined;
}

/**
 * The 品詞 of a word read from two nouns: a part's organisation or place (AOC ホールディングス is an 組織,
 * as AOC is), else a common noun. Not the second part's alone (the サ変接続 of アウト ブレーク would make the
 * word a verb's stem, no naming word), nor a person's name kuromoji guessed for a part (the スマート of
 * ｽﾏｰﾄﾌｫﾝ).
 */
function wordPos(first: Token, second: Token): Token["pos"] {
  const named = [first, second].find((t) => t.pos[1] === "固有名詞" && (t.pos[2] === "組織" || t.pos[2] === "地域"));
  return named?.pos ?? ["名詞", "一般", "*", "*"];
}

/**
 * Emoji and their joiners, modifiers and flags (👨‍👩‍👧, 👍🏽, 🇯🇵) become spaces of the same length: they are
 * never search terms, and kuromoji spends as long on them as on words (1 MB of emoji took 1.5 s).
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: modifiers are matched alone on purpose, in runs
const PICTOGRAPHS = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1f3fb}-\u{1f3ff}\u200d\ufe0e\ufe0f\u20e3]+/gu;

function maskPictographs(text: string): string {
  return text.replace(PICTOGRAPHS, (run) => " ".repeat(run.length));
}

/** The index terms of a text: its words in order, repeats kept, then its compound terms and the parts of names. */
export function analyzeTerms(tokenizer: Tokenizer, text: string): string[] {
  const tokens = analyze(tokenizer, text);
  const terms: string[] = [];
  for (const token of tokens) if (token.term !== null) terms.push(token.term);
  for (const compound of compoundTerms(tokens)) terms.push(compound);
  for (const token of tokens) if (token.parts) terms.push(...token.parts);
  return terms;
}

/** The words (search terms) of analysed text, each once, in order. */
export function wordsOf(tokens: readonly Token[]): string[] {
  return [...new Set(tokens.flatMap((t) => (t.term === null ? [] : [t.term])))];
}

/** What a query is searched with: its words, each once, its compound terms and the parts of names. */
export function searchTermsOf(tokens: readonly Token[]): string[] {
  return [...new Set([...wordsOf(tokens), ...compoundTerms(tokens), ...tokens.flatMap((t) => t.parts ?? [])])];
}

/** The part terms of the words IPADIC lists whole with a ・ in them, by surface (a few thousand words). */
const PART_TERMS = new Map<string, readonly string[] | null>();

/**
 * The terms of the parts of a word IPADIC lists whole with a ・ in it, each as analysis reads it alone
 * (テキサス・レンジャーズ: テキサス, レンジャーズ), or null. kuromoji cuts most names it knows at
 * their ・ (グスタフ・マーラー) and shiori cuts those it does not know (see splitAtNakaguro), but a few it
 * lists whole (テキサス・レンジャーズ, ニューヨーク・ヤンキース): a member who writes one part (「ダル レンジャーズ
 * 契約 いくら」) finds them by these terms. The whole keeps its own term, so that its other spellings in the
 * synonym dictionary (ドン・キホーテ, ドンキ) still meet it.
 */
function partTermsOf(surface: string, term: string, tokenizer: Tokenizer): readonly string[] | null {
  if (!surface.includes("・")) return null;
  let parts = PART_TERMS.get(surface);
  if (parts === undefined) {
    const pieces = surface.split("・").filter((piece) => piece !== "");
    const found =
      pieces.length > 1 && pieces.length <= MAX_NAME_PARTS
        ? pieces.flatMap((piece) => {
            const alone = tokenizer.tokenize(piece);
            const word = alone.length === 1 ? alone[0] : undefined;
            const partTerm = word && word.pos === "名詞" ? toTerm(word, piece) : null;
            return partTerm === null || partTerm === term ? [] : [SYNONYM_OF.get(partTerm) ?? partTerm];
          })
        : [];
    parts = found.length ? found : null;
    PART_TERMS.set(surface, parts);
  }
  return parts;
}

/**
 * Joins the two words of a compound term. A control character: normalization drops them from every text,
 * so no word holds one.
 */
export const COMPOUND_JOINER = "\u001f";

/**
 * Compound terms: each two adjacent nouns, joined (形態素|解析, 揚子江|気団, 第22|回). IPADIC cuts compound
 * nouns into their parts; the pair keeps what the compound means, so a passage that says 形態素解析 ranks
 * above one with 形態素 in one place and 解析 in another. Measured on JSQuAD: recall@1 +0.7 points; pairs
 * of any two adjacent words gained no more, at more terms.
 */
export function compoundTerms(tokens: readonly Token[]): string[] {
  const compounds: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1] as Token;
    const b = tokens[i] as Token;
    if (a.term === null || b.term === null || a.end !== b.start) continue;
    if (a.pos[0] === "名詞" && b.pos[0] === "名詞") compounds.push(`${a.term}${COMPOUND_JOINER}${b.term}`);
  }
  return compounds;
}

/** What respelling asks of the library. */
export interface Vocabulary {
  /** Whether any passage holds the term. */
  known(term: string): boolean;
  /** Whether some passage holds all the terms. */
  together(terms: readonly string[]): boolean;
  /**
   * Whether some passage holding all the terms writes the words (as normalized) one after another, with
   * nothing, a space, ・ or - between them: 「PS Vita」 for ps and vita.
   */
  adjacent(words: readonly string[], terms: readonly string[]): boolean;
  /** The library's Latin spelling of a katakana word it does not write (see LatinSpellings), if any. */
  latinSpelling?(katakana: string): string | undefined;
  /** The library's katakana spelling of a katakana word it does not write (see KatakanaSpellings), if any. */
  katakanaSpelling?(katakana: string): string | undefined;
}

/**
 * A question's words as the library spells them. kuromoji may cut the same word one way in a question
 * and another in an article (栗山川 alone, 栗 山川 inside 「…九十九里浜に注ぐ栗山川であり」): a noun the
 * library does not know is split in two where the library knows the two parts as one compound term, so
 * that the question searches with what the articles hold; else, if it is katakana, cut into the fewest
 * katakana words the library knows, and a word of Latin letters into Latin words (see splitRun). Other tokens
 * are kept as they are.
 */
export function respell(tokens: readonly Token[], library: Vocabulary, text?: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const joined = joinKnown(token, tokens[i + 1], library, text);
    if (joined) {
      out.push(joined);
      i++;
      continue;
    }
    const unknown = token.term !== null && token.pos[0] === "名詞" && !library.known(token.term);
    const latin = unknown ? latinSpellingOf(token.surface, library) : undefined;
    if (latin !== undefined) {
      out.push({ ...token, term: latin });
      continue;
    }
    const split = unknown ? splitKnown(token, library) : null;
    if (split) {
      out.push(...split);
      continue;
    }
    // a word kuromoji does not know either, heard otherwise (グーテンベルグ): not one IPADIC lists (ガリウム)
    const heard = unknown && token.unknown ? katakanaSpellingOf(token.surface, library) : undefined;
    out.push(heard === undefined ? token : { ...token, term: heard });
  }
  return out;
}

/**
 * A katakana word's Latin spelling in the library: 「エクスペリアSXって重さ何グラム？」 asks of what livedoor
 * writes Xperia SX. Members write a product's name as it sounds (エクスペリア, シンクパッド, ゾゾタウン,
 * テクラスト), articles as the maker does. Only for a word the library does not write in katakana.
 */
function latinSpellingOf(word: string, library: Vocabulary): string | undefined {
  return mayRespell(word) ? library.latinSpelling?.(word) : undefined;
}

/**
 * A katakana word's spelling in the library's katakana, heard otherwise (see KatakanaSpellings): a member's
 * グーテンベルグ is the library's グーテンベルク. Only for a word the library does not write.
 */
function katakanaSpellingOf(word: string, library: Vocabulary): string | undefined {
  return mayRespell(word) ? library.katakanaSpelling?.(word) : undefined;
}

/** Whether a word may be respelled by how it sounds: katakana, no longer than a word is cut (MAX_KATAKANA_SPLIT). */
function mayRespell(word: string): boolean {
  return word.length <= MAX_KATAKANA_SPLIT && KATAKANA_WORD.test(word);
}

/** What may stand between two parts of one name as a question writes it: a space, ・ (full or half width). */
const JOINING_GAP = /^[\s・･]$/u;

/**
 * Two katakana nouns written one after another, or with a space or ・ between them, as one word where the
 * library knows them only so: the question's 「マキ・ヒロチ」 (マキ, ヒロチ) is the マキヒロチ of 「こんにちは、
 * マキヒロチです！」, which kuromoji reads as one word it does not know. Only where a part is no word of the
 * library: two words it knows are read as two.
 */
function joinKnown(token: Token, next: Token | undefined, library: Vocabulary, text?: string): Token | null {
  if (!next || token.term === null || next.term === null) return null;
  if (token.pos[0] !== "名詞" || next.pos[0] !== "名詞") return null;
  if (!KATAKANA_WORD.test(token.surface) || !KATAKANA_WORD.test(next.surface)) return null;
  // nothing, or one space or ・ between them in the question as written (not 、 or 。: 「マキ、ヒロチ」)
  const gap = next.start - token.end;
  if (gap > 1 || (gap === 1 && !JOINING_GAP.test(text?.charAt(token.end) ?? ""))) return null;
  if (library.known(token.term) && library.known(next.term)) return null;
  const term = partTerm(token.surface + next.surface);
  if (!library.known(term)) return null;
  return { term, surface: token.surface + next.surface, start: token.start, end: next.end, pos: token.pos };
}

/**
 * What a question searches with: its words respelled as the library spells them (see `respell`), and its
 * words as written too, since an article's title may hold one whole (the title 栗山川).
 */
export function queryOf(
  tokens: readonly Token[],
  library: Vocabulary,
  text?: string,
): { tokens: Token[]; searchTerms: string[] } {
  const respelled = respell(tokens, library, text);
  return { tokens: respelled, searchTerms: [...new Set([...searchTermsOf(respelled), ...searchTermsOf(tokens)])] };
}

/** The shortest and longest words a word the library does not know is cut into (see splitRun). */
const MIN_KATAKANA_PART = 2;
const MAX_KATAKANA_PART = 16;
/** Longer runs of katakana are not cut: 16 × 48 lookups at most for one word. */
const MAX_KATAKANA_SPLIT = 48;
/**
 * Longer words are not split in two where the library knows the two as one compound term (see splitKnown):
 * names of two words are far shorter. Each cut is a look-up of the whole word, and analysis reads a run of
 * letters or digits of any length as one word: 50,000 of them took seconds to ask.
 */
const MAX_COMPOUND_SPLIT = 64;

function splitKnown(token: Token, library: Vocabulary): Token[] | null {
  const term = token.term as string;
  // Where normalization changed the length (ｶﾞ → ガ, ヴィ → ビ), a cut does not map back to the source: each
  // part then spans the whole word as written (「オクタヴィアスペンサー」, which the library writes
  // オクタヴィア・スペンサー).
  if (token.end - token.start !== token.surface.length) {
    const parts = KATAKANA_WORD.test(token.surface) ? splitKatakana(token, library) : null;
    return parts?.map((p) => ({ ...p, start: token.start, end: token.end })) ?? null;
  }
  // Only a noun whose term is its surface can be cut at the same place in both.
  const asWritten = term.length <= MAX_COMPOUND_SPLIT && term === token.surface.toLowerCase();
  for (let k = 1; asWritten && k < term.length; k++) {
    const code = term.charCodeAt(k);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // inside a surrogate pair
    const first = partTerm(term.slice(0, k));
    const second = partTerm(term.slice(k));
    if (!library.known(`${first}${COMPOUND_JOINER}${second}`)) continue;
    const middle = token.start + k;
    return [
      { term: first, surface: token.surface.slice(0, k), start: token.start, end: middle, pos: token.pos },
      { term: second, surface: token.surface.slice(k), start: middle, end: token.end, pos: token.pos },
    ];
  }
  // A katakana word's term may have lost a final ー (ドコモスマホユーザー): cut its surface.
  if (KATAKANA_WORD.test(token.surface) && foldLongVowel(token.surface) === term) return splitKatakana(token, library);
  // A word of letters written without the space of the library's (PSVita, iPadmini): cut as katakana is.
  return LETTERS_WORD.test(term) ? splitRun(token, library) : null;
}

/** A word of Latin letters, as analysis writes it (lower case). */
const LETTERS_WORD = /^[a-z]+$/u;

/**
 * Whether a text, normalized, writes the words one after another as words of their own, with nothing, a
 * space, ・ or - between them: 「PS Vita」 and 「PS-Vita」 write ps and vita; 「Flash Player」 writes no flash
 * and play, nor 「Facebook CEO」 book and ceo. A model number may follow (「iPad mini2」 writes ipad and mini).
 * See Vocabulary.adjacent. The pattern is made once, for all the texts asked about.
 */
export function writesInOrder(words: readonly string[]): (text: string) => boolean {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  const pattern = new RegExp(`(?<![a-z])${escaped.join("[\\s・-]?")}(?![a-z])`, "u");
  return (text) => pattern.test(normalize(text));
}

/** The term of a part of a word cut in two or more, as analysis would make it of the part alone. */
function partTerm(part: string): string {
  const folded = foldLongVowel(part);
  return SYNONYM_OF.get(folded) ?? synonymOfRun(folded) ?? folded;
}

/**
 * A katakana word cut into words the library writes in katakana, else into words it writes in katakana or
 * Latin letters (シンクパッドタブレット: thinkpad, タブレット). Katakana first: a part that sounds like a Latin
 * word may take the place of two katakana ones and leave a cut whose parts no passage says together.
 */
function splitKatakana(token: Token, library: Vocabulary): Token[] | null {
  return splitRun(token, library) ?? (library.latinSpelling ? splitRun(token, library, true) : null);
}

/** A part's term, as the library writes it: in katakana (see partTerm), else, if `latin`, in Latin letters. */
function termOfPart(part: string, library: Vocabulary, latin: boolean): string | undefined {
  const term = partTerm(part);
  if (library.known(term)) return term;
  return latin ? latinSpellingOf(part, library) : undefined;
}

/** Kana no word starts with: a long-vowel mark, a small kana, ン. */
const NO_WORD_START = /^[ーァィゥェォッャュョヮヵヶン]/u;

/**
 * A katakana word the library does not know, cut into katakana words it knows, as few as can be, each of two
 * characters or more and none starting with what no word starts with (ー, ッ, ン): リッチアンドフェイマス →
 * リッチ アンド フェイマス (an article wrote 「リッチ アンド フェイマス」), ドコモスマホ → ドコモ スマホ. kuromoji
 * reads a run of katakana it does not know as one word, so the same name written without its spaces or ・
 * is another word. The parts must also be said together in some passage: メルカリ is no メル + カリ. A word of
 * Latin letters is cut the same way: 「PSVitaの値段は？」, 「iPadmini」 and 「ONEPIECE」 are what livedoor writes
 * PS Vita, iPad mini and ONE PIECE. Its parts must be written one after another in a passage: common
 * English words are said together in many (iPadAir is no iPad and air in 2012's news, Bitcoin no bit and
 * coin). No word is cut into itself twice (PayPay is no pay + pay).
 */
function splitRun(token: Token, library: Vocabulary, latin = false): Token[] | null {
  const word = token.surface;
  const n = word.length;
  if (n > MAX_KATAKANA_SPLIT) return null;
  // fewest[i]: the fewest known words word.slice(0, i) is cut into, and where the last one starts
  const fewest: { parts: number; from: number }[] = [{ parts: 0, from: 0 }];
  for (let end = 1; end <= n; end++) {
    let best: { parts: number; from: number } | undefined;
    for (let from = Math.max(0, end - MAX_KATAKANA_PART); from <= end - MIN_KATAKANA_PART; from++) {
      const before = fewest[from];
      if (!before || before.parts === Number.POSITIVE_INFINITY) continue;
      if (best && before.parts + 1 >= best.parts) continue;
      const part = word.slice(from, end);
      if (!NO_WORD_START.test(part) && termOfPart(part, library, latin) !== undefined)
        best = { parts: before.parts + 1, from };
    }
    fewest.push(best ?? { parts: Number.POSITIVE_INFINITY, from: 0 });
  }
  const last = fewest[n] as { parts: number; from: number };
  if (last.parts < 2 || last.parts === Number.POSITIVE_INFINITY) return null;
  const cuts: number[] = [];
  for (let end = n; end > 0; end = (fewest[end] as { from: number }).from) cuts.unshift(end);
  let start = 0;
  const parts = cuts.map((end) => {
    const part: Token = {
      term: termOfPart(word.slice(start, end), library, latin) as string,
      surface: word.slice(start, end),
      start: token.start + start,
      end: token.start + end,
      pos: token.pos,
    };
    start = end;
    return part;
  });
  const terms = parts.map((p) => p.term as string);
  if (new Set(terms).size !== terms.length) return null;
  const letters = LETTERS_WORD.test(word);
  const written = letters
    ? library.adjacent(
        parts.map((p) => p.surface),
        terms,
      )
    : library.together(terms);
  return written ? parts : null;
}

/** A kuromoji token placed in the normalized text. */
interface RawToken {
  readonly token: KuromojiToken;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

/** Roman numerals of a model or an edition, and their numbers: GALAXY SIII, 5D Mark II. */
const ROMAN: ReadonlyMap<string, string> = new Map([
  ["ii", "2"],
  ["iii", "3"],
  ["iv", "4"],
  ["vi", "6"],
  ["vii", "7"],
  ["viii", "8"],
  ["ix", "9"],
]);
/** Only II and III are read at the end of a word: UNIX, MIX, AVI and SIX end in IX, IV and VI. */
const ENDS_IN_ROMAN = /^([a-z]+?)(iii|ii)$/u;
const ENDS_IN_DIGIT = /^([a-z]+)([0-9])$/u;

/** Whether the source writes a character in capitals (ⅡⅢ… count: NFKC makes them ii, iii). */
function isUpperInSource(text: string, at: number): boolean {
  const ch = text[at];
  return (
    ch !== undefined && ((ch >= "A" && ch <= "Z") || (ch >= "Ａ" && ch <= "Ｚ") || (ch >= "\u2160" && ch <= "\u217f"))
  );
}

/**
 * A model's number is its own word, however the model is written: GALAXY SIII, GALAXY S III, GALAXY S3 and
 * ギャラクシーS3 are s and 3, 5D Mark III and Mark3 are mark and 3 (livedoor writes SIII 257 times, S III 82,
 * S3 once; a member types S3). A word of letters and one last digit is cut before the digit (iPhone5 is
 * iphone 5, as iPhone 5 is; x86 and v60 stay whole), and a roman numeral from II to IX written in capitals
 * after letters is that number: at the end of a word, after lower case letters or one or two capitals
 * (MarkII, SIII; not HAWAII), or alone after a word of letters and one space (Mark III), as a digit is
 * (iPhone 5). The two parts are adjacent nouns, so that their compound term (s␟3) keeps the model whole.
 */
function splitModelNumbers(tokens: RawToken[], norm: string, upper: (at: number) => boolean): RawToken[] {
  const out: RawToken[] = [];
  const numberToken = (t: RawToken, start: number, digit: string): RawToken => ({
    token: {
      ...t.token,
      surface_form: norm.slice(start, t.end),
      basic_form: digit,
      pos: "名詞",
      pos_detail_1: "数",
      pos_detail_2: "*",
    },
    start,
    end: t.end,
    surface: norm.slice(start, t.end),
  });
  const capitals = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (!upper(k)) return false;
    return true;
  };
  for (const t of tokens) {
    // only words of letters and digits hold a model's number
    if (!ASCII_WORD.test(t.surface)) {
      out.push(t);
      continue;
    }
    const roman = ROMAN.get(t.surface);
    if (roman !== undefined ? capitals(t.start, t.end) : /^[0-9]$/u.test(t.surface)) {
      // Mark III, iPhone 5: a numeral or a digit alone after a word of letters and one space (not a line
      // break or a tab: 「Windows\n7月に」); kuromoji gives a space as a token of its own
      const last = out.at(-1);
      const previous = last?.surface === " " ? out.at(-2) : last;
      const gap = previous ? norm.slice(previous.end, t.start) : "";
      if (previous && (gap === "" || gap === " ") && /^[a-z]+$/u.test(previous.surface)) {
        out.push(numberToken(t, previous.end, roman ?? t.surface));
        continue;
      }
    }
    const digit = ENDS_IN_DIGIT.exec(t.surface);
    const numeral = digit || roman ? null : ENDS_IN_ROMAN.exec(t.surface);
    const letters = digit?.[1] ?? numeral?.[1];
    const cut = letters === undefined ? -1 : t.start + letters.length;
    const isModel =
      digit !== null ||
      (numeral !== null &&
        capitals(cut, t.end) &&
        // XII, XIII and DIII are numerals whole
        !/^[ivxlcdm]+$/u.test(letters as string) &&
        ((letters as string).length <= 2 || !upper(cut - 1)));
    if (!isModel || letters === undefined) {
      out.push(t);
      continue;
    }
    out.push({
      token: { ...t.token, surface_form: letters, basic_form: letters },
      start: t.start,
      end: cut,
      surface: letters,
    });
    out.push(numberToken(t, cut, digit?.[2] ?? (ROMAN.get(numeral?.[2] ?? "") as string)));
  }
  return out;
}

/** Three digits after a thousands separator, and letters of a unit after them (500, 200mah), not 2000. */
const THOUSANDS = /^[0-9]{3}(?![0-9])/u;
/** A thousands separator inside a joined number (31,500 → 31500). */
const SEPARATOR = /(?<=[0-9]),(?=[0-9]{3})/gu;

/**
 * Joins what kuromoji splits in product names and versions: "3" "." "0" → "3.0", "x" "86" → "x86".
 * Only adjacent tokens are joined: "linux 10.0" stays two words.
 */
function mergeAlphanumerics(raw: RawToken[], norm: string): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const first = raw[i] as RawToken;
    const surface = first.surface;
    if (!ASCII_WORD.test(surface)) {
      out.push(first);
      continue;
    }
    let end = first.end;
    let j = i + 1;
    for (;;) {
      const next = raw[j];
      if (!next || next.start !== end) break;
      const s = next.token.surface_form;
      if (ASCII_WORD.test(s)) {
        end = next.end;
        j++;
        continue;
      }
      const after = raw[j + 1];
      // A thousands separator: 31,500, 3,200mAh (the term is the number without it, 31500, as members type
      // it as often); only three digits after it, so that a list (3,4日; 1,2,3) stays its numbers
      if (
        s === "," &&
        after &&
        after.start === next.end &&
        THOUSANDS.test(after.token.surface_form) &&
        /(?:^|[^0-9.])[0-9]{1,3}$/u.test(norm.slice(first.start, end))
      ) {
        end = after.end;
        j += 2;
        continue;
      }
      // A dot between digits: 3.0, 2.6.1
      if (
        s === "." &&
        after &&
        after.start === next.end &&
        DIGITS.test(after.token.surface_form) &&
        /[0-9]$/u.test(norm.slice(first.start, end))
      ) {
        end = after.end;
        j += 2;
        continue;
      }
      break;
    }
    if (j === i + 1) {
      out.push(first);
      continue;
    }
    const joined = norm.slice(first.start, end);
    const base = joined.replace(SEPARATOR, "");
    out.push({
      token: { ...first.token, surface_form: joined, basic_form: base },
      start: first.start,
      end,
      surface: joined,
    });
    i = j - 1;
  }
  return out;
}

/**
 * Splits at ・ what kuromoji reads as one unknown word: a foreign name written in katakana
 * (ヨハネス・ゲンスフライシュ・ツア・ラーデン・ツム・グーテンベルク) is its names, each searchable, as
 * kuromoji already cuts the names it knows (グスタフ・マーラー). 「グーテンベルクとは？」 found no lead that
 * opens with the whole name. On JSQuAD recall@1 0.9205 → 0.9212, answerHitAt1 0.8579 → 0.8591.
 */
function splitAtNakaguro(tokens: RawToken[], tokenizer: Tokenizer): RawToken[] {
  const out: RawToken[] = [];
  for (const t of tokens) {
    if (t.token.word_type !== "UNKNOWN" || !t.surface.includes("・")) {
      out.push(t);
      continue;
    }
    const parts = t.surface.split("・");
    // a part IPADIC knows is that word (スマホ・タブレット: two common nouns), not the whole's guessed 品詞;
    // looked up only in what may be a name (a crafted run of thousands of parts is none)
    const lookUp = parts.filter((part) => part !== "").length <= MAX_NAME_PARTS;
    let from = 0;
    for (const part of parts) {
      if (part !== "") {
        const start = t.start + from;
        const known = lookUp ? knownNoun(part, tokenizer) : null;
        out.push({
          token: known
            ? { ...t.token, surface_form: part, basic_form: part, ...known }
            : { ...t.token, surface_form: part, basic_form: part },
          start,
          end: start + part.length,
          surface: part,
        });
      }
      from += part.length + 1;
    }
  }
  return out;
}

/**
 * Readings of IPADIC that hide a question word or the spoken topic って, read again as what they are:
 * - the spoken って before なに or なん is read as ってな (the quoting ってな of 「ってなわけで」), leaving a lone
 *   に or ん: 「梅雨ってなに？」 is ってな に, 「Xenってなんですか」 ってな ん です か, 「それってなんで？」 ってな ん で;
 *   ってな before anything else stays;
 * - は + だれ after a particle is the noun はだれ (斑, a word of poems): 「デマといったのはだれ？」 is といった
 *   の はだれ (livedoor's 7,367 articles write はだれ only as は + だれ);
 * - a noun and って before a question word are read as a verb and て: 「法律の成立っていつ？」 is 成立っ (成立つ, for
 *   成り立つ) て, 「日本の公用語ってなに？」 公用 語っ (語る) て (see nounBeforeTte).
 */
function mendMisreadings(tokens: RawToken[], tokenizer: Tokenizer): RawToken[] {
  let out: RawToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const mended = mendAt(tokens, i, tokenizer);
    if (!mended) {
      out?.push(tokens[i] as RawToken);
      continue;
    }
    out ??= tokens.slice(0, i);
    out.push(...mended.tokens);
    i += mended.consumed - 1;
  }
  return out ?? tokens;
}

/** The tokens `tokens[i]` (and the next, `consumed` 2) are read as, if IPADIC misread them (see mendMisreadings). */
function mendAt(
  tokens: readonly RawToken[],
  i: number,
  tokenizer: Tokenizer,
): { tokens: RawToken[]; consumed: number } | null {
  const t = tokens[i] as RawToken;
  const next = tokens[i + 1];
  const joined = next !== undefined && next.start === t.end;
  if (t.surface === "ってな" && t.token.pos === "助詞" && joined) {
    const word = SPOKEN_NAN.get(next.surface);
    const token = word === undefined ? undefined : tokenizer.tokenize(word)[0];
    if (word === undefined || token === undefined) return null;
    const tte = { ...t.token, surface_form: "って", basic_form: "って" };
    return inTwo(tte, token, t.start, next.end, 2);
  }
  // (not before a noun: the poets' はだれ雪)
  if (
    t.surface === "はだれ" &&
    t.token.pos === "名詞" &&
    !(next?.token.pos === "名詞" && WORD_CHAR.test(next.surface))
  ) {
    const token = tokenizer.tokenize("だれ")[0];
    return token === undefined ? null : inTwo(TOPIC_HA, token, t.start, t.end, 1);
  }
  // (the explaining な ん after a noun and before a recalling close: see asksRecalling)
  if (t.surface === "な" && t.token.pos === "助動詞" && joined && next.surface === "ん" && asksRecalling(tokens, i)) {
    const token = tokenizer.tokenize("なん")[0];
    return token === undefined
      ? null
      : { tokens: [{ token, start: t.start, end: next.end, surface: "なん" }], consumed: 2 };
  }
  if (
    t.token.pos === "動詞" &&
    joined &&
    next.surface === "て" &&
    next.token.pos === "助詞" &&
    nounBeforeTte(tokens, i)
  ) {
    const noun = t.surface.slice(0, -1);
    const alone = tokenizer.tokenize(noun);
    const token = alone.length === 1 && alone[0]?.pos === "名詞" ? alone[0] : undefined;
    return token === undefined ? null : inTwo(token, QUOTING_TTE, t.start, next.end, 2);
  }
  return null;
}

/**
 * What closes 何だっけ after the copula (だ っけ, だっ た っけ, でし た っけ), or 何だった？ (see asksRecalling):
 * kuromoji reads a run of marks as one token (？？, !?).
 */
const RECALLING: readonly (readonly ((surface: string) => boolean)[])[] = [
  [is("だ"), is("っけ")],
  [is("だっ"), is("た"), is("っけ")],
  [is("でし"), is("た"), is("っけ")],
  [is("だっ"), is("た"), (surface) => surface.includes("?")],
];

function is(word: string): (surface: string) => boolean {
  return (surface) => surface === word;
}

/**
 * Whether な (`tokens[i]`) and ん, after a noun, are spoken 何 (なん) before a copula that recalls: 「タイトル
 * なんだっけ」, 「彼女の仕事なんだった？」, 「これなんだっけ」 ask what, as 「タイトルは何だっけ」 does. IPADIC
 * reads them as the explaining の だ (学生なんだ, he is a student): without っけ or ？ after the past, they
 * stay so (学生なんだ, 仕事なんだった). After the の of a clause too: 「最初に作ったのなんだっけ」. Not after
 * - a formal noun but の (そういうものなんだっけ, あの日なんだっけ: whether it is so);
 * - the stem of an adjective, whose な it is (好きなんだっけ, 大変なんだっけ);
 * - a number or a count (2013年なんだっけ, 5人なんだっけ: whether it was that many).
 * 「彼って学生なんだっけ？」, whether he is one, reads as what; the question's reading then takes it as yes or no
 * (see questionTypeOfQuestion).
 */
function asksRecalling(tokens: readonly RawToken[], i: number): boolean {
  const noun = tokens[i - 1];
  if (noun?.token.pos !== "名詞" || noun.end !== tokens[i]?.start) return false;
  const kind = noun.token.pos_detail_1;
  if ((kind === "非自立" && noun.surface !== "の") || kind === "形容動詞語幹" || kind === "数") return false;
  if (kind === "接尾" && tokens[i - 2]?.token.pos_detail_1 === "数") return false;
  return RECALLING.some((close) =>
    close.every((closes, k) => {
      const t = tokens[i + 2 + k];
      return t !== undefined && closes(t.surface) && t.start === (tokens[i + 1 + k] as RawToken).end;
    }),
  );
}

/**
 * Two tokens read in place of the `consumed` tokens from `start` to `end`: `first` as long as its surface,
 * `second` the rest (see mendAt).
 */
function inTwo(
  first: KuromojiToken,
  second: KuromojiToken,
  start: number,
  end: number,
  consumed: number,
): { tokens: RawToken[]; consumed: number } {
  const at = start + first.surface_form.length;
  return {
    tokens: [
      { token: first, start, end: at, surface: first.surface_form },
      { token: second, start: at, end, surface: second.surface_form },
    ],
    consumed,
  };
}

/**
 * Whether the verb `tokens[i]`, of kanji and っ before て and a question word (「成立っていつ？」), is a noun and
 * って (see mendMisreadings). Either
 * - two kanji or more spelled without the okurigana of the verb's usual spelling (成立っ: 成立つ for
 *   成り立つ), where the word before takes no verb (a noun, の, a symbol, nothing: not が or を). Elsewhere
 *   such a spelling is a verb as often (受取ってください, 見積ってもらった); or
 * - one kanji that ends a compound with the noun before it (公用|語っ, 共通|点っ), when 何 closes the question
 *   (「日本の公用語ってなに？」). One kanji and っ after a noun is a verb as often, its particle left out, and
 *   then a verb follows 何 (iPhone使って何する？) or another question word asks (髪切ってどう？, 車買っていくら？).
 */
function nounBeforeTte(tokens: readonly RawToken[], i: number): boolean {
  const t = tokens[i] as RawToken;
  const asked = tokens[i + 2];
  // (い only as いつ's first token, い + つ: not 成立っている)
  const itsu = asked?.surface !== "い" || tokens[i + 3]?.surface === "つ";
  const asking = asked !== undefined && itsu && mayStartQuestionWord(asked.surface);
  if (!asking || asked.start !== tokens[i + 1]?.end) return false;
  const before = tokens[i - 1];
  const joined = before !== undefined && before.end === t.start;
  if (ONE_KANJI_AND_TSU.test(t.surface)) {
    // 何 only: 「髪切ってどう？」, 「車買っていくら？」 ask about doing it; and 知って is the verb always
    if (!NAN.has(asked.surface) || isKnowingWord(t.token.basic_form)) return false;
    return joined && before.token.pos === "名詞" && closesAfter(tokens, i + 2);
  }
  if (!KANJI_AND_TSU.test(t.surface)) return false;
  if ((SPELLINGS.get(t.token.basic_form)?.length ?? 0) <= t.token.basic_form.length) return false;
  return !joined || before.token.pos === "名詞" || before.token.pos === "記号" || before.surface === "の";
}

/**
 * Whether the question word at `tokens[at]` closes its sentence: nothing follows it but a copula or a
 * sentence-final particle (なに？, 何ですか, なんなの, 何か), or a verb of knowing or telling (何か知ってる？).
 * Not 「何が悪い」, 「何する」: there it asks about what the verb before it does.
 */
function closesAfter(tokens: readonly RawToken[], at: number): boolean {
  // a text without a sentence's end is not read to its end from each question word
  for (let k = at + 1; k < Math.min(tokens.length, at + 1 + CLOSING_WORDS); k++) {
    const { token, surface, start } = tokens[k] as RawToken;
    // a sentence's end, or a comma, a space or a line break (a gap between tokens): another clause follows
    if (ENDS.test(surface) || token.pos === "記号" || start > (tokens[k - 1] as RawToken).end) return true;
    if (!closingWord(token)) return false;
  }
  return true;
}

/** A word that may follow a question word that closes its sentence (see closesAfter). */
function closingWord(token: KuromojiToken): boolean {
  if (token.pos === "助動詞") return true;
  if (token.pos === "助詞") return token.pos_detail_1.includes("終助詞") || token.pos_detail_1 === "接続助詞";
  if (token.pos === "名詞") return token.pos_detail_1 === "非自立";
  if (token.pos !== "動詞") return false;
  return token.pos_detail_1 !== "自立" || isKnowingWord(token.basic_form);
}

/** Tokens read after a question word (see closesAfter). */
const CLOSING_WORDS = 8;

/** A verb IPADIC may read in a compound noun and って: one kanji and っ (公用|語っ; see nounBeforeTte). */
const ONE_KANJI_AND_TSU = /^\p{Script=Han}っ$/u;
/** A verb IPADIC may read in a noun and って: two kanji or more and っ (成立っ; see nounBeforeTte). */
const KANJI_AND_TSU = /^\p{Script=Han}{2,}っ$/u;

/** The spoken って after a noun, as IPADIC gives it (英語って). */
const QUOTING_TTE: KuromojiToken = {
  surface_form: "って",
  pos: "助詞",
  pos_detail_1: "格助詞",
  pos_detail_2: "連語",
  pos_detail_3: "*",
  basic_form: "って",
  reading: "ッテ",
  word_type: "KNOWN",
};

/** What ってな leaves of なに and なん (see mendMisreadings): its next token, and the word they make. */
const SPOKEN_NAN: ReadonlyMap<string, string> = new Map([
  ["に", "なに"],
  ["ん", "なん"],
]);

/** The topic particle は, as IPADIC gives it. */
const TOPIC_HA: KuromojiToken = {
  surface_form: "は",
  pos: "助詞",
  pos_detail_1: "係助詞",
  pos_detail_2: "*",
  pos_detail_3: "*",
  basic_form: "は",
  reading: "ハ",
  word_type: "KNOWN",
};

/** Parts of a foreign name at most: ヨハネス・ゲンスフライシュ・ツア・ラーデン・ツム・グーテンベルク has six. */
const MAX_NAME_PARTS = 6;

/**
 * Katakana words joined by ・ are a foreign name, most often a person's: ローガン・スタントン, カール・ウーズ,
 * ジョン・ニーダム, whose parts IPADIC reads as common nouns or does not know (it tags グスタフ, a name it
 * knows, 固有名詞-人名). Such parts are tagged as IPADIC tags a person's name, so that 「…UFCのラウンド
 * ガールって誰？」 is answered by 「…ラウンドガール＝ローガン・スタントンを…」. Not a list of words IPADIC knows
 * (スマホ・タブレット, ソーシャル・ネットワーキング・サービス: a part is a known word, none a known name; トム・
 * クルーズ is a name, クルーズ a word), nor where a part is a place or an organisation it knows (アメリカ・
 * ロサンゼルス), nor a run of more than MAX_NAME_PARTS. Terms are unchanged.
 */
function tagForeignNames(out: RawToken[], text: string): RawToken[] {
  if (!text.includes("・")) return out;
  const isPart = (t: RawToken | undefined) =>
    t !== undefined && t.token.pos === "名詞" && KATAKANA_WORD.test(t.surface);
  let i = 0;
  while (i < out.length) {
    // a run of katakana nouns, each after a ・ (a token of its own, or dropped where the run was split)
    const run = [i];
    let j = i;
    while (isPart(out[j])) {
      const end = (out[j] as RawToken).end;
      if (text[end] !== "・") break;
      const next = out[j + 1]?.surface === "・" ? j + 2 : j + 1;
      if (!isPart(out[next]) || (out[next] as RawToken).start !== end + 1) break;
      run.push(next);
      j = next;
    }
    if (run.length > 1 && run.length <= MAX_NAME_PARTS) {
      const known = run.map((k) => (out[k] as RawToken).token).filter((w) => w.word_type === "KNOWN");
      const place = known.some((w) => w.pos_detail_2 === "地域" || w.pos_detail_2 === "組織");
      const name = known.some((w) => w.pos_detail_2 === "人名");
      if (!place && (name || known.length === 0)) {
        for (const k of run) {
          const t = out[k] as RawToken;
          out[k] = {
            ...t,
            token: { ...t.token, pos_detail_1: "固有名詞", pos_detail_2: "人名", pos_detail_3: "一般" },
          };
        }
      }
    }
    i = Math.max(j, i) + 1;
  }
  return out;
}

/** Nouns whose 品詞 a part cut from an unknown word takes from the dictionary: its terms stay the same. */
const KNOWN_NOUN_DETAIL = new Set(["一般", "固有名詞", "サ変接続", "形容動詞語幹"]);

/** The 品詞 IPADIC gives a katakana part alone, when it knows it as one noun (see splitAtNakaguro). */
function knownNoun(part: string, tokenizer: Tokenizer): Partial<KuromojiToken> | null {
  const word = listedAlone(tokenizer, part);
  if (word?.pos !== "名詞" || !KNOWN_NOUN_DETAIL.has(word.pos_detail_1)) return null;
  return {
    word_type: "KNOWN",
    pos: word.pos,
    pos_detail_1: word.pos_detail_1,
    pos_detail_2: word.pos_detail_2,
    pos_detail_3: word.pos_detail_3,
  };
}

/**
 * The question words of a text, by token index: a type, or null for a question word's indefinite form
 * (誰か, なぜか), which asks nothing and is no term either.
 */
function markQuestionWords(tokens: RawToken[]): Map<number, QuestionType | null> {
  const marks = new Map<number, QuestionType | null>();
  let i = 0;
  /** The tokens after the next one: one function for all tokens, no allocation per token. */
  const after = (k: number) => tokens[i + 2 + k]?.token;
  const context = { previous: undefined as KuromojiToken | undefined, topic: false };
  for (; i < tokens.length; i++) {
    const current = tokens[i] as RawToken;
    const next = tokens[i + 1];
    // the second token of a question word (年 of 何年, なん of いくらなん) is read with the first only
    const type = marks.has(i) ? null : questionTypeOf(current.token, next?.token, after, context);
    // a topic (は, って) or subject (が) of a noun before a question word lets it be asked indirectly
    // (首都はどこか教えて); a clause joined by が, けど, から … or a sentence's end starts again
    const particle = current.token.pos === "助詞" ? current.token.pos_detail_1 : null;
    if (particle === "接続助詞" || ENDS.test(current.surface)) context.topic = false;
    else if (particle && TOPIC_PARTICLES.has(current.surface) && endsNoun(tokens[i - 1], tokens[i - 2]))
      context.topic = true;
    // the の of a clause right before the question word, its は dropped as chat drops it (書いたの誰か教えて,
    // 作ったのどこか教えて: 書いたのは, 作ったのは); IPADIC reads it as the の of a noun
    else if (isNominalizer(current, tokens[i - 1]) && next && mayStartQuestionWord(next.surface)) context.topic = true;
    context.previous = current.token;
    if (!type) continue;
    marks.set(i, type.type);
    if (type.includesNext) marks.set(i + 1, type.type);
  }
  return marks;
}

const TOPIC_PARTICLES = new Set(["は", "って", "が"]);

/** The の that makes a clause a noun (作ったの, 高いの), which kuromoji tags 連体化 before a word. */
function isNominalizer(token: RawToken, before: RawToken | undefined): boolean {
  if (token.surface !== "の" || token.token.pos !== "助詞" || token.token.pos_detail_1 !== "連体化") return false;
  return CLAUSE_ENDS.has(before?.token.pos ?? "");
}

/**
 * Whether a token ends a noun: a noun, or the counter つ after a numeral, which IPADIC reads as the classical
 * 助動詞 つ (「仮説の1つは何か教えて」: 1 + つ).
 */
function endsNoun(token: RawToken | undefined, before: RawToken | undefined): boolean {
  if (token?.token.pos === "名詞") return true;
  return token?.surface === "つ" && token.token.pos === "助動詞" && before?.token.pos_detail_1 === "数";
}

/** A token that ends a sentence: 。, ？, ！ (not .net or ...). */
const ENDS = /^[?!？！。．]+$/u;

function toTerm(token: KuromojiToken, surface: string): string | null {
  if (DROPPED_POS.has(token.pos)) return null;
  if (DROPPED_DETAIL[token.pos]?.has(token.pos_detail_1)) return null;
  const base = token.basic_form && token.basic_form !== "*" ? token.basic_form : surface;
  let term = base.toLowerCase().replace(WHITESPACE, "");
  if ((token.pos === "名詞" && COMMON_NOUN.has(token.pos_detail_1)) || token.pos === "動詞") {
    term = SPELLINGS.get(term) ?? term;
  }
  if (token.pos === "名詞" && VERBAL_NOUN.has(token.pos_detail_1)) {
    const verb = VERB_OF_NOUN.get(`${base},${token.reading}`);
    // 行い is no 行う, which is too common to be a term: the noun keeps its own
    if (verb !== undefined && !STOP_WORDS.has(verb)) term = verb;
  }
  if (!WORD_CHAR.test(term) || STOP_WORDS.has(term) || HIRAGANA_CHAR.test(term)) return null;
  // A long vowel mark alone (ー of 「すごーい」, 「うー！」) is a piece of what kuromoji could not read, no word
  // to search.
  if (LONG_VOWEL_MARKS.test(term)) return null;
  // a counter is か however it is written: 3ヶ月, 3カ月, 3ヵ月 and 3ケ月 are 3か月 (only the counter's term:
  // 何ヶ国語 is still 何 + a counter, and 霞ヶ関 a name)
  if (token.pos_detail_2 === "助数詞") term = term.replace(COUNTER_KA, "か");
  term = foldLongVowel(term).replace(PLACE_GA, "が");
  return term;
}

const COUNTER_KA = /^[ヶヵケカ](?=\p{Script=Han})/u;

/**
 * Whether the token at `i` is an honorific after a name (名詞-接尾-人名: さん, 氏, 様, 君, くん, ちゃん, 殿):
 * 香川照之さん is 香川照之, and interviews write the さん. Only after a noun that is no numeral, and not
 * before a verb: IPADIC reads 2ちゃんねる as 2 + ちゃん + ねる, whose ちゃん is all that tells it apart (51
 * livedoor articles). Not in katakana, which is as often the end of a loanword kuromoji cuts there
 * (トークン: トー クン).
 */
function isHonorific(tokens: readonly RawToken[], i: number): boolean {
  const { token, surface } = tokens[i] as RawToken;
  if (token.pos_detail_1 !== "接尾" || token.pos_detail_2 !== "人名" || KATAKANA_WORD.test(surface)) return false;
  const before = tokens[i - 1]?.token;
  const after = tokens[i + 1]?.token;
  return before?.pos === "名詞" && before.pos_detail_1 !== "数" && after?.pos !== "動詞";
}

/**
 * ヶ (or ケ) between kanji inside one word is the particle が of a place name, written both ways
 * (霞ヶ関 and 霞が関, 自由ヶ丘 and 自由が丘): the word's term spells it が. Only inside a word kuromoji
 * knows whole, so that the spelling with が is not cut at a particle.
 */
const PLACE_GA = /(?<=\p{Script=Han})[ヶケ](?=\p{Script=Han})/gu;

/**
 * Katakana long-vowel folding, as Elasticsearch's kuromoji_stemmer does: a katakana word of 4 or more
 * characters loses its final ー, so サーバー and サーバ, コンピューター and コンピュータ match.
 */
export function foldLongVowel(term: string): string {
  if (term.length >= 4 && term.endsWith("ー") && KATAKANA_WORD.test(term)) return term.slice(0, -1);
  return term;
}
