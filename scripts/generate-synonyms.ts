/**
 * Writes src/text/synonyms.ts: the forms of one word that Sudachi's synonym dictionary lists (its katakana
 * and Latin spellings, abbreviations, translations, other names), each with the one its forms are folded
 * to: グーグル and google are one term, and so are スマホ and スマートフォン, コラボ and コラボレーション,
 * 日銀 and 日本銀行, ウィンカー and ウインカー.
 *
 *   npx tsx scripts/generate-synonyms.ts
 *
 * The dictionary (SudachiDict's synonyms.txt, Works Applications, Apache License 2.0; read from the npm
 * package sudachi-synonyms-dictionary) groups words that may stand for each other, and inside a group
 * numbers each word (語彙番号): its forms share the number, other words of the group do not (価格, 値段
 * and 料金 are three words of one group). Only the forms of one word are folded, never two words:
 * - only forms the dictionary expands (展開制御 0): not one it marks as too vague to stand for the word
 *   (ザック, which may be a name, for リュックサック; 携帯 for 携帯電話), nor a misuse it lists (姑息 for 卑怯);
 * - only forms kuromoji reads as one noun written as the form is (NFKC, lower case, the long vowel
 *   folded), so that the term is the word's in documents and questions alike: not 澄まし, which kuromoji
 *   reads as the verb 澄ます, nor ヘヴィ, which normalization writes ヘビ (the snake); or a loanword
 *   (katakana or letters) kuromoji cuts in two nouns, listed by its two terms, which analysis reads as one
 *   word: スマート フォン is スマートフォン, as スマホ is. Not a kanji compound (国際 連合 for 国連, 日本 共産党):
 *   its parts are words of their own, and reading them as one cost JSQuAD 6 questions at recall@1 and 5 at
 *   answerHitAt1. Forms of three words or more are left out;
 * - not a spelling in kanji or kana alone that the dictionary lists as another spelling (異表記) of the
 *   word: 街 is not 町, nor しあわせ 幸せ. IPADIC's own such spellings are folded by spelling-variants.ts
 *   where no homophone can be meant; the dictionary's also join words that usage tells apart (街 is a
 *   street, 町 a town) and names that choose the kana (しあわせのパン). A katakana spelling is (マンガ is
 *   漫画, イノシシ 猪): the dictionary pairs them by meaning, not by sound as homophones are;
 * - not a form of two words in any group, as written or as analysis reads it (ガン, 癌 and a gun; drummer,
 *   whose ドラマー analysis reads ドラマ, drama), nor a word whose target is another word's form (ドンキー's
 *   ドンキ is ドン・キホーテ's);
 * - no shortened form or other name that IPADIC reads as a person's name (ドナルド of ドナルド・トランプ);
 * - no key of two katakana characters, which kuromoji finds inside longer words it does not know (the スト
 *   of ストラップ, the サル of コンサル): such a form may only be a target (zero → ゼロ);
 * - each word's forms are folded to its representative form (代表語, 代表表記) as written, else to its first
 *   form, so no form is folded twice.
 *
 * One group is one word: the price's (see ONE_WORD). 値段 and 価格 are two words to the dictionary, and to
 * a question they ask the same thing: what a member asks the 値段 of, a product's article states as its 価格
 * (「キヤノン 5D Mark3 値段どのくらい？」, 「価格はオープンで推定36万円前後」).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { analyze, foldLongVowel, type Token } from "../src/text/analyze.ts";
import { loadTokenizer } from "../src/text/tokenizer.ts";

const require = createRequire(import.meta.url);

interface SynonymForm {
  readonly expandControl: number;
  readonly vocabularyNumber?: number;
  readonly gokeiSyubetsu: string;
  readonly ryakusyou: string;
  readonly hyoukiYure: string;
  readonly midashi: string;
}

/**
 * The word whose group's words are all one word: the nouns of a price. A question that names one asks for an
 * amount of money (PRICE_NOUNS in src/answer/answer-type.ts), whichever it names, and an article answers
 * with the one its writer chose. The group's words the dictionary expands fold to it (値段, 代金, 代価,
 * プライス); not 料金, 額 or 金額, which it does not let stand for the others (a 料金 is a service's, 額 a
 * forehead or a frame as often). The other kind nouns stay words of their own: the dictionary expands 理由
 * and 名前 to none, and 方法's group holds 手口, a criminal's method.
 */
const ONE_WORD = "価格";

/** A form in katakana or Latin letters: a loanword's or a name's spelling, not a kanji or kana one. */
const FOREIGN = /^[\p{Script=Katakana}ー・\p{Script=Latin}0-9 .&'+-]+$/u;

/** A form as analysis writes it: NFKC, lower case, no spaces. */
function asWritten(form: string): string {
  return form.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

/**
 * How a form is looked up at analysis: its term, when kuromoji reads it as one noun written as the form is
 * (not 澄まし, the verb 澄ます; not ヘヴィ, normalized to ヘビ); or, for a loanword in katakana or letters, its
 * two nouns' terms, space-separated, when kuromoji cuts it in two nouns that together are all of it
 * (スマートフォン → "スマート フォン"). Else null.
 */
function keyOf(tokens: readonly Token[], written: string, foreign: boolean): string | null {
  const [first, second] = tokens;
  if (!first?.term || first.pos[0] !== "名詞") return null;
  if (tokens.length === 1) return first.term === foldLongVowel(written) ? first.term : null;
  if (!foreign || tokens.length !== 2 || !second?.term || second.pos[0] !== "名詞") return null;
  if (first.end !== second.start) return null;
  return first.surface + second.surface === written ? `${first.term} ${second.term}` : null;
}

/** A form of the dictionary as analysis reads it. */
interface Read {
  readonly form: SynonymForm;
  /** Its group and 語彙番号. */
  readonly word: string;
  readonly written: string;
  readonly foreign: boolean;
  readonly tokens: readonly Token[];
  /** How analysis looks it up (see keyOf), or null when it cannot. */
  readonly key: string | null;
}

/**
 * Two characters of katakana are as often a piece of a longer word kuromoji does not know (the スト of
 * ストラップ is no ストライキ, the サル of コンサル no 猿): such a form is no fold's key, though it may be
 * its target (zero → ゼロ).
 */
const SHORT_KATAKANA = /^[\p{Script=Katakana}ー]{1,2}$/u;

/**
 * Whether a form may stand for its word wherever it is written (keyOf has taken nouns only): the dictionary
 * expands it (展開制御 0) and it is no misuse (姑息 for 卑怯); it is no spelling in kanji or kana of a kanji
 * or kana word (街 for 町, しあわせ for 幸せ); and it is no abbreviation or other name that IPADIC reads as a
 * person's name (ドナルド of ドナルド・トランプ is no ドナルドダック).
 */
function foldable(r: Read): boolean {
  const { form } = r;
  if (form.expandControl !== 0 || form.gokeiSyubetsu === "間違い") return false;
  if (form.hyoukiYure === "異表記・表記ゆれ" && !r.foreign) return false;
  const shortened = form.ryakusyou !== "代表語形" || form.gokeiSyubetsu === "別称" || form.gokeiSyubetsu === "旧称";
  return !(shortened && r.tokens.some((t) => t.pos[2] === "人名"));
}

/** The source of src/text/synonyms.ts, from the installed dictionary. */
export async function synonymsSource(): Promise<string> {
  const { fetchDictionary } = require("sudachi-synonyms-dictionary") as {
    fetchDictionary(): Promise<readonly { id: string; items: readonly SynonymForm[] }[]>;
  };
  // the package exports no package.json: read it beside its main file
  const main = require.resolve("sudachi-synonyms-dictionary");
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(main), "package.json"), "utf8")) as {
    version: string;
  };
  const groups = await fetchDictionary();
  const tokenizer = await loadTokenizer();

  // Every form of the dictionary, with its word and how analysis reads it. An item without a 語彙番号 is a
  // word of its own.
  const read: Read[] = [];
  for (const group of groups) {
    const asOne = group.items.some((form) => form.midashi === ONE_WORD);
    for (const [i, form] of group.items.entries()) {
      const word = asOne ? `${group.id}/${ONE_WORD}` : `${group.id}/${form.vocabularyNumber ?? `item${i}`}`;
      const written = asWritten(form.midashi);
      const foreign = FOREIGN.test(form.midashi.normalize("NFKC"));
      const tokens = analyze(tokenizer, form.midashi, { synonyms: false });
      read.push({ form, word, written, foreign, tokens, key: keyOf(tokens, written, foreign) });
    }
  }
  // A form of two words, as written or as analysis reads it (ユゴー and ユーゴー, both ユーゴ), folds in neither.
  const wordsOf = new Map<string, Set<string>>();
  const note = (at: string, word: string) => wordsOf.set(at, (wordsOf.get(at) ?? new Set()).add(word));
  for (const r of read) {
    note(`written ${r.written}`, r.word);
    if (r.key !== null) note(`key ${r.key}`, r.word);
  }
  const oneWord = (at: string) => (wordsOf.get(at)?.size ?? 0) <= 1;

  /** The forms of each word that fold, representative first. */
  const words = new Map<string, Read[]>();
  for (const r of read) {
    if (r.key === null || !foldable(r) || !oneWord(`written ${r.written}`) || !oneWord(`key ${r.key}`)) continue;
    const forms = words.get(r.word) ?? [];
    words.set(r.word, forms);
    if (forms.some((f) => f.key === r.key)) continue;
    const { gokeiSyubetsu, ryakusyou, hyoukiYure, midashi } = r.form;
    // a group made one word has a representative for each of its words: ONE_WORD is the one
    const representative = r.word.endsWith(`/${ONE_WORD}`)
      ? midashi === ONE_WORD
      : gokeiSyubetsu === "代表語" && ryakusyou === "代表語形" && hyoukiYure === "代表表記";
    if (representative) forms.unshift(r);
    else forms.push(r);
  }

  // Each word's forms go to its first form as written. A word whose target is another word's form, or
  // another word's target too, is left out (ドンキー's ドンキ is ドン・キホーテ's), so that no two words meet.
  const targets = new Map<string, { target: string; keys: string[] }>();
  for (const [word, [first, ...others]] of words) {
    if (!first || others.length === 0) continue;
    targets.set(word, { target: foldLongVowel(first.written), keys: [first, ...others].map((f) => f.key as string) });
  }
  const claims = new Map<string, number>();
  for (const { target } of targets.values()) claims.set(target, (claims.get(target) ?? 0) + 1);
  const folds = new Map<string, string>();
  for (const [word, { target, keys }] of targets) {
    const elsewhere = [...(wordsOf.get(`key ${target}`) ?? [])].some((other) => other !== word);
    if (elsewhere || (claims.get(target) ?? 0) > 1) continue;
    // a short katakana form is kept whole where it is written: it may be a piece of another word
    for (const key of keys) if (key !== target && !SHORT_KATAKANA.test(key)) folds.set(key, target);
  }
  const lines = [...folds]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, target]) => `${term}\t${target}`.replace(/[`\\$]/gu, (c) => `\\${c}`));
  return `/**
 * The forms of one word, each with the one it is folded to: google → グーグル, コラボ → コラボレーション.
 * Generated by scripts/generate-synonyms.ts from Sudachi's synonym dictionary (SudachiDict synonyms.txt,
 * Works Applications, Apache License 2.0: see synonyms.LICENSE; npm package sudachi-synonyms-dictionary
 * ${version}); the script says which forms are folded and why. Do not edit by hand.
 */
export const SYNONYMS = \`${lines.join("\n")}\`;
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const source = await synonymsSource();
  writeFileSync(new URL("../src/text/synonyms.ts", import.meta.url), source);
  console.log(`src/text/synonyms.ts: ${source.split("\n").length} lines`);
}
