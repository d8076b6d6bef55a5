/**
 * Writes src/text/synonyms.ts: the forms of one word that Sudachi's synonym dictionary lists (its katakana
 * and Latin spellings, abbreviations, translations, other names), each with the one its forms are folded
 * to: グーグル and google are one term, and so are スマホ and smartphone, コラボ and コラボレーション,
 * 日銀 and 日本銀行, ドアー and ドア.
 *
 *   npx tsx scripts/generate-synonyms.ts
 *
 * The dictionary (SudachiDict's synonyms.txt, Works Applications, Apache License 2.0; read from the npm
 * package sudachi-synonyms-dictionary) groups words that may stand for each other, and inside a group
 * numbers each word (語彙番号): its forms share the number, other words of the group do not (価格, 値段
 * and 料金 are three words of one group). Only the forms of one word are folded, never two words:
 * - only forms the dictionary expands (展開制御 0): not one it marks as too vague to stand for the word
 *   (ザック, which may be a name, for リュックサック; 携帯 for 携帯電話), nor a misuse it lists (姑息 for 卑怯);
 * - only nouns (体言) that kuromoji reads as one noun, written as the form is (NFKC, lower case, the
 *   long vowel folded), so that the term is the word's in documents and questions alike: not 澄まし,
 *   which kuromoji reads as the verb 澄ます, nor ヘヴィ, which normalization writes ヘビ (the snake);
 * - not a spelling in kanji or kana alone that the dictionary lists as another spelling (異表記) of the
 *   word: 街 is not 町, nor しあわせ 幸せ. IPADIC's own such spellings are folded by
 *   spelling-variants.ts where no homophone can be meant; the dictionary's also join words that usage
 *   tells apart (街 is a street, 町 a town) and names that choose the kana (しあわせのパン);
 * - not a form of two words, in any group (ガン, 癌 and a gun; ソフトバンク, the company and the team);
 * - each word's forms are folded to its representative form (代表語, 代表表記) when that is one term, else
 *   to the first form that is, so no form is folded twice.
 * A loanword (katakana or letters) that kuromoji cuts in two nouns is listed by its two terms, and analysis
 * reads the two as one word: スマート フォン is スマートフォン, as スマホ is. Not a kanji compound (国際 連合
 * for 国連, 日本 共産党): its parts are words of their own, and reading them as one cost JSQuAD 6 questions
 * at recall@1 and 5 at answerHitAt1. Forms of three words or more are left out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { analyze, foldLongVowel, type Token } from "../src/text/analyze.ts";
import { loadTokenizer } from "../src/text/tokenizer.ts";

const require = createRequire(import.meta.url);

interface SynonymForm {
  readonly taigenYogen: string;
  readonly expandControl: number;
  readonly vocabularyNumber?: number;
  readonly gokeiSyubetsu: string;
  readonly ryakusyou: string;
  readonly hyoukiYure: string;
  readonly midashi: string;
}

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
function keyOf(tokens: readonly Token[], form: string, foreign: boolean): string | null {
  const written = asWritten(form);
  const [first, second] = tokens;
  if (!first?.term || first.pos[0] !== "名詞") return null;
  if (tokens.length === 1) return first.term === foldLongVowel(written) ? first.term : null;
  if (!foreign || tokens.length !== 2 || !second?.term || second.pos[0] !== "名詞") return null;
  if (first.end !== second.start) return null;
  return first.surface + second.surface === written ? `${first.term} ${second.term}` : null;
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

  /** The forms of each word (group and 語彙番号) as analysis reads them, representative first. */
  const words = new Map<string, { key: string; written: string }[]>();
  /** The words each key is a form of. */
  const wordsOfKey = new Map<string, Set<string>>();
  /** How many words each form (as written, NFKC and lower case) is a form of, in any group. */
  const senses = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const form of group.items) {
      const written = asWritten(form.midashi);
      const of = senses.get(written) ?? new Set<string>();
      senses.set(written, of);
      of.add(`${group.id}/${form.vocabularyNumber ?? 0}`);
    }
  }
  for (const group of groups) {
    for (const form of group.items) {
      if (form.gokeiSyubetsu === "間違い" || (senses.get(asWritten(form.midashi))?.size ?? 0) > 1) continue;
      if (form.expandControl !== 0 || form.taigenYogen === "用言") continue;
      const foreign = FOREIGN.test(form.midashi.normalize("NFKC"));
      if (form.hyoukiYure === "異表記・表記ゆれ" && !foreign) continue;
      const key = keyOf(analyze(tokenizer, form.midashi, { synonyms: false }), form.midashi, foreign);
      if (key === null) continue;
      const word = `${group.id}/${form.vocabularyNumber ?? 0}`;
      const forms = words.get(word) ?? [];
      words.set(word, forms);
      const representative =
        form.gokeiSyubetsu === "代表語" && form.ryakusyou === "代表語形" && form.hyoukiYure === "代表表記";
      if (!forms.some((f) => f.key === key)) {
        const entry = { key, written: foldLongVowel(asWritten(form.midashi)) };
        if (representative) forms.unshift(entry);
        else forms.push(entry);
      }
      const of = wordsOfKey.get(key) ?? new Set<string>();
      wordsOfKey.set(key, of);
      of.add(word);
    }
  }

  // Each word's forms go to its first form as written; a word whose target is another word's form or
  // target (ドンキー's ドンキ is ドン・キホーテ's) is left out, so that no two words meet.
  const targets = new Map<string, string[]>();
  for (const [word, all] of words) {
    const forms = all.filter((f) => wordsOfKey.get(f.key)?.size === 1);
    const [first] = forms;
    if (!first || forms.length < 2) continue;
    targets.set(word, forms.map((f) => f.key));
  }
  const claims = new Map<string, number>();
  for (const [word, keys] of targets) {
    const target = (words.get(word) ?? []).find((f) => f.key === keys[0])?.written as string;
    claims.set(target, (claims.get(target) ?? 0) + 1);
  }
  const folds = new Map<string, string>();
  for (const [word, keys] of targets) {
    const target = (words.get(word) ?? []).find((f) => f.key === keys[0])?.written as string;
    const elsewhere = [...(wordsOfKey.get(target) ?? [])].some((other) => other !== word);
    if (elsewhere || (claims.get(target) ?? 0) > 1) continue;
    for (const key of keys) if (key !== target) folds.set(key, target);
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
