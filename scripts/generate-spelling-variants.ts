/**
 * Writes src/text/spelling-variants.ts: the words IPADIC lists in several spellings, each with the one its
 * spellings are folded to, read from kuromoji's own dictionary. Nouns spelled with kana and in kanji alone:
 * - okurigana written out: 申し込み → 申込, 取り扱い → 取扱, 打ち上げ花火 → 打上花火;
 * - 交ぜ書き, the last kanji written in hiragana as newspapers do: 子ども → 子供, 破たん → 破綻,
 *   完ぺき → 完璧, 石けん → 石鹸, 友だち → 友達.
 * Verbs with the same kanji, reading and conjugation, whatever okurigana they write: 行う and 行なう,
 * 取組む and 取り組む, 終る and 終わる, folded to the most frequent (IPADIC's word cost). 分かる and 解る,
 * with other kanji, stay apart: kanji alone cannot tell one word's spellings from homophones.
 * And the nouns that are a verb's 連用形, with the verb (VERB_NOUNS): 占い → 占う, 申し込み and 申込 → 申込む.
 *
 *   npx tsx scripts/generate-spelling-variants.ts
 *
 * IPADIC lists such spellings as separate words with the same reading, and kuromoji gives each its own
 * base form, so a question with 子供 found nothing of an article that writes 子ども. A spelling is folded
 * to the kanji spelling only when that is safe from homophones:
 * - exactly one of IPADIC's nouns in kanji alone has that reading as its most frequent one (IPADIC's word
 *   cost) and fits the spelling: 子ども is 子供 (小人 is mostly コビト); not キカイ (機械, 機会, 器械, 奇怪);
 * - the spelling has the kanji spelling's kanji, all of them with okurigana in hiragana between or after
 *   them, or its first kanji and then at least two hiragana that end its reading (子 + ども, コドモ);
 *   見え, one kana, is the verb 見える, not 見栄.
 * Spellings in kana alone are not folded: too many are loanwords or fragments that sound like a kanji
 * word (ママ and 侭, オン and 恩, the ホン of イヤホン and 本, いいかも and 鴨, さっき and 殺気).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { COMMON_NOUN, VERBAL_NOUN } from "../src/text/pos.ts";

const require = createRequire(import.meta.url);

const ENDS_IN_HIRAGANA = /\p{Script=Hiragana}$/u;

/**
 * 連用形 nouns whose meaning has left their verb's: 踏切 is a level crossing (「〜に踏み切った」 decided), 見合い
 * a marriage meeting, 通り a street and 「その通り」, 書留 registered mail, 組合 a union, 仕組み a mechanism
 * (仕組む plots), 振り a pretence (「知らない振り」), 当たり 「1人当たり」, 代わり 「その代わり」, 込み 「税込み」
 * (込む is crowded), 上り an upload or an up train, 祭り a festival. A spelling here keeps its whole spelling
 * group apart from the verb.
 */
const LEXICALIZED: ReadonlySet<string> = new Set([
  "踏切",
  "踏み切り",
  "見合い",
  "通り",
  "書留",
  "組合",
  "仕組み",
  "振り",
  "当たり",
  "当り",
  "代わり",
  "代り",
  "込み",
  "上り",
  "祭り",
]);

/** The source of src/text/spelling-variants.ts, from kuromoji's dictionary. */
export function spellingVariantsSource(): string {
  const dictDir = `${path.dirname(require.resolve("kuromoji/package.json"))}/dict/`;
  const ByteBuffer = require("kuromoji/src/util/ByteBuffer.js") as new (
    bytes: Uint8Array,
  ) => { getInt(at: number): number; getShort(at: number): number; getString(at: number): string };

  const read = (name: string) => {
    const bytes = gunzipSync(readFileSync(`${dictDir}${name}`));
    return {
      buffer: new ByteBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)),
      length: bytes.length,
    };
  };
  const { buffer: tid, length: tidLength } = read("tid.dat.gz");
  const features = read("tid_pos.dat.gz").buffer;

  interface Entry {
    readonly surface: string;
    readonly detail: string;
    readonly reading: string;
    readonly cost: number;
  }

  const HAN = /\p{Script=Han}/u;
  // An entry is 10 bytes: left id, right id, word cost (16 bits each), then where its features start.
  const nouns: Entry[] = [];
  /** Verbs in their dictionary form, by kanji, reading and conjugation: 行う and 行なう, 申し込む and 申込む. */
  const verbs = new Map<string, Map<string, number>>();
  /** The dictionary forms of the verbs whose 連用形 is spelled and read so, by `spelling,reading`: 占い,ウラナイ → 占う. */
  const continuative = new Map<string, Set<string>>();
  /** Adjectives in their dictionary form: 高い, for 高め (see verbNouns). */
  const adjectives = new Set<string>();
  for (let at = 0; at + 10 <= tidLength; at += 10) {
    const f = features.getString(tid.getInt(at + 6)).split(",");
    if (f[1] === "形容詞" && f[6] === "基本形") adjectives.add(f[0] ?? "");
    if (f[1] === "動詞" && f[2] === "自立" && f[6] === "連用形") {
      const key = `${f[0]},${f[8]}`;
      continuative.set(key, (continuative.get(key) ?? new Set<string>()).add(f[7] ?? ""));
    }
    if (f[1] === "動詞" && f[2] === "自立" && f[6] === "基本形") {
      const surface = f[0] ?? "";
      const kanji = Array.from(surface)
        .filter((c) => HAN.test(c))
        .join("");
      if (kanji === "") continue;
      const key = `${kanji},${f[8]},${f[5]}`;
      const spellings = verbs.get(key) ?? new Map<string, number>();
      verbs.set(key, spellings);
      spellings.set(surface, Math.min(spellings.get(surface) ?? Number.POSITIVE_INFINITY, tid.getShort(at + 4)));
      continue;
    }
    if (f[1] !== "名詞") continue;
    nouns.push({
      surface: f[0] ?? "",
      detail: f[2] ?? "",
      reading: f[8] ?? "*",
      cost: tid.getShort(at + 4),
    });
  }

  const ONLY_HAN = /^\p{Script=Han}+$/u;
  const HIRAGANA_RUN = /^[\p{Script=Hiragana}]+$/u;
  const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  /**
   * Whether a spelling is the kanji spelling with okurigana written out (申し込み, 取り扱い: the same kanji,
   * with hiragana between or after them), or with its last kanji written in hiragana (子ども: 子 and ども,
   * the end of コドモ, at least two kana: 見え is the verb 見える, not 見栄).
   */
  const variantOf = (spelling: string, kanji: string, reading: string) => {
    const chars = Array.from(spelling);
    const hans = chars.filter((c) => HAN.test(c)).join("");
    const kanas = chars.filter((c) => !HAN.test(c)).join("");
    if (hans === "" || kanas === "" || !HIRAGANA_RUN.test(kanas)) return false;
    if (hans === kanji) return true;
    const head = spelling.slice(0, spelling.length - kanas.length);
    const tail = spelling.slice(head.length);
    return (
      hans === head &&
      kanji.startsWith(head) &&
      kanji.length > head.length &&
      tail.length >= 2 &&
      reading.endsWith(toKatakana(tail))
    );
  };

  const cheapestReading = new Map<string, Entry>();
  for (const e of nouns) {
    const best = cheapestReading.get(e.surface);
    if (!best || e.cost < best.cost) cheapestReading.set(e.surface, e);
  }
  const byReading = new Map<string, Entry[]>();
  for (const e of nouns) {
    if (!COMMON_NOUN.has(e.detail) || e.reading === "*") continue;
    const list = byReading.get(e.reading);
    if (list) list.push(e);
    else byReading.set(e.reading, [e]);
  }

  const folds = new Map<string, string>();
  for (const [reading, entries] of byReading) {
    // the spellings in kanji alone that are mostly read so (小人 is mostly コビト, not コドモ)
    const kanji = [...new Set(entries.map((e) => e.surface))].filter(
      (s) => ONLY_HAN.test(s) && cheapestReading.get(s)?.reading === reading,
    );
    for (const { surface } of entries) {
      const targets = kanji.filter((k) => variantOf(surface, k, reading));
      if (targets.length === 1) folds.set(surface, targets[0] as string);
    }
  }
  // A verb's spellings with the same kanji, reading and conjugation are one verb, whatever okurigana they
  // write: each is folded to the most frequent (IPADIC's word cost), 行う to 行なう, 表わす to 表す.
  // Only where each spelling is one verb: 割れる is also read as another verb, so 割る is not folded to it,
  // nor 過ぎる to 過る (よぎる); a spelling of two groups would fold one way in one and back in the other.
  const groupsOf = new Map<string, number>();
  for (const spellings of verbs.values()) {
    for (const surface of spellings.keys()) groupsOf.set(surface, (groupsOf.get(surface) ?? 0) + 1);
  }
  const nounFolds = new Set(folds.keys());
  for (const spellings of verbs.values()) {
    if (spellings.size < 2 || [...spellings.keys()].some((s) => groupsOf.get(s) !== 1 || nounFolds.has(s))) continue;
    const [first] = [...spellings].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1));
    for (const surface of spellings.keys()) if (surface !== first?.[0]) folds.set(surface, first?.[0] as string);
  }
  // A fold's target is never folded again: one step reaches the spelling every variant shares.
  for (const [variant, target] of folds) if (folds.has(target)) folds.delete(variant);

  // A noun that is a verb's 連用形, spelled and read as it is (占い, ウラナイ: 占う), is that verb: 「占ったのは
  // 誰？」 asks what 「【占い師】…先生」 and 「今回の占い」 answer, 「いつ生まれた？」 what 「1980年生まれ」 does.
  // The nouns are common nouns spelled with kanji and ending in hiragana (占い, 申し込み), and with them every
  // spelling of the same reading that folds as they do (申込, 売上げ and 売上 with 売り上げ), so that no
  // spelling is parted from the others; but not a spelling in kanji alone that is one kanji (割 of 「年齢の
  // 割に」, 待 of 待受, 込 of 税込) or that IPADIC also reads otherwise, which kuromoji may choose (留置 is
  // リュウチ, detention, as often as 留め置き). Those keep their term, parted from the others: a word is
  // rarely written so (延床面積 and 延べ床面積, 答 and 答え). Nor a spelling of two verbs, nor nouns whose
  // meaning has left the verb's (LEXICALIZED).
  const readingsOf = new Map<string, Set<string>>();
  for (const { surface, reading } of nouns)
    readingsOf.set(surface, (readingsOf.get(surface) ?? new Set()).add(reading));
  const members = new Map<string, Set<string>>();
  const verbsOf = new Map<string, Set<string>>();
  for (const { surface, detail, reading } of nouns) {
    if (!VERBAL_NOUN.has(detail) || !HAN.test(surface) || reading === "*") continue;
    const group = `${folds.get(surface) ?? surface},${reading}`;
    members.set(group, (members.get(group) ?? new Set<string>()).add(surface));
    // 高め, 早め: an adjective's stem and め (-ish), not 高める's 連用形
    if (!ENDS_IN_HIRAGANA.test(surface) || (surface.endsWith("め") && adjectives.has(`${surface.slice(0, -1)}い`))) {
      continue;
    }
    for (const verb of continuative.get(`${surface},${reading}`) ?? []) {
      verbsOf.set(group, (verbsOf.get(group) ?? new Set<string>()).add(folds.get(verb) ?? verb));
    }
  }
  /** A spelling in kanji alone that may be another word: one kanji (割), or one IPADIC also reads otherwise (留置). */
  const mayBeAnother = (s: string) => ONLY_HAN.test(s) && (s.length < 2 || (readingsOf.get(s)?.size ?? 0) > 1);
  const verbNouns: [string, string][] = [];
  for (const [group, verbs] of verbsOf) {
    const spellings = [...(members.get(group) ?? [])];
    if (verbs.size !== 1 || spellings.some((s) => LEXICALIZED.has(s))) continue;
    const reading = group.slice(group.lastIndexOf(",") + 1);
    for (const spelling of spellings.filter((s) => !mayBeAnother(s))) {
      verbNouns.push([`${spelling},${reading}`, [...verbs][0] as string]);
    }
  }

  const lines = (pairs: Iterable<readonly [string, string]>) =>
    [...pairs]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([v, k]) => `${v}\t${k}`)
      .join("\n");
  const version = (require("kuromoji/package.json") as { version: string }).version;
  return `/**
 * Words IPADIC lists in several spellings, each with the one it is folded to: 子ども → 子供, 行う → 行なう.
 * Generated by scripts/generate-spelling-variants.ts from the dictionary of kuromoji ${version} (IPADIC);
 * the script says which spellings are folded and why. Do not edit by hand.
 */
export const SPELLING_VARIANTS = \`${lines(folds)}\`;

/**
 * Nouns that are a verb's 連用形, by spelling and reading, each with the verb as SPELLING_VARIANTS folds it:
 * 占い,ウラナイ → 占う.
 */
export const VERB_NOUNS = \`${lines(verbNouns)}\`;
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const source = spellingVariantsSource();
  writeFileSync(new URL("../src/text/spelling-variants.ts", import.meta.url), source);
  console.log(`${source.split("\t").length - 1} folds`);
}
