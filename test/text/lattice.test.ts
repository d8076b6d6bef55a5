import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { KuromojiToken, Tokenizer } from "../../src/text/tokenizer.ts";
import { loadKuromojiTokenizer, loadTokenizer } from "../../src/text/tokenizer.ts";

const FIELDS = [
  "word_type",
  "surface_form",
  "pos",
  "pos_detail_1",
  "pos_detail_2",
  "pos_detail_3",
  "conjugated_type",
  "conjugated_form",
  "basic_form",
  "reading",
  "pronunciation",
] as const;

/** Every field kuromoji's formatter sets except its positions (word_id, word_position), in order. */
function fieldsOf(tokenizer: Tokenizer, text: string): unknown[][] {
  return tokenizer
    .tokenize(text)
    .map((token) => FIELDS.map((f) => (token as KuromojiToken & Record<string, unknown>)[f]));
}

/** A fixed pseudo-random sequence (mulberry32), so that a failure names a text that fails again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces of every script and class kuromoji treats differently, surrogate pairs and its sentence breaks included. */
const PIECES = [
  "東京",
  "都",
  "の",
  "形態素",
  "解析",
  "を",
  "行う",
  "。",
  "、",
  "カタカナ",
  "サーバー",
  "ｶﾀｶﾅ",
  "ー",
  "abc",
  "Xen",
  "3.0",
  "１２３",
  "456",
  " ",
  "\u3000",
  "😀",
  "🇯🇵",
  "𠮷",
  "𡈽",
  "「",
  "」",
  "!?",
  "ꙮ",
  "é",
  "と",
  "した",
  "ありません",
];

describe("LatticeTokenizer", () => {
  it("gives kuromoji's own tokens for the shipped corpus, line by line", async () => {
    const [reference, tokenizer] = await Promise.all([loadKuromojiTokenizer(), loadTokenizer()]);
    const dir = path.join(import.meta.dirname, "../../corpus");
    const lines = readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split("\n"));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(fieldsOf(tokenizer, line), line).toEqual(fieldsOf(reference, line));
  });

  it("gives kuromoji's own tokens for texts mixing every script, surrogate pairs and breaks", async () => {
    const [reference, tokenizer] = await Promise.all([loadKuromojiTokenizer(), loadTokenizer()]);
    const next = random(20261127);
    for (let i = 0; i < 400; i++) {
      let text = "";
      const pieces = 1 + Math.floor(next() * 40);
      for (let p = 0; p < pieces; p++) text += PIECES[Math.floor(next() * PIECES.length)];
      expect(fieldsOf(tokenizer, text), JSON.stringify(text)).toEqual(fieldsOf(reference, text));
    }
  });

  it("gives kuromoji's own tokens for long sentences, and for short ones after them", async () => {
    const [reference, tokenizer] = await Promise.all([loadKuromojiTokenizer(), loadTokenizer()]);
    // Longer than the scratch space a new tokenizer starts with, so that it grows; then shorter again.
    const texts = [
      "アイウエオカキクケコ".repeat(40),
      "東京都の𠮷野家で😀を見た".repeat(30),
      "a",
      "。",
      "",
      "𠮷😀𠮷",
      "形態素解析は自然言語処理の基礎である",
    ];
    for (const text of texts) expect(fieldsOf(tokenizer, text), text).toEqual(fieldsOf(reference, text));
  });
});
