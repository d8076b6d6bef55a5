import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentHashOf } from "../../src/article/article.ts";
import { hashedForm, normalize, normalizeWithOffsets, STABLE_RUN } from "../../src/text/normalize.ts";

describe("normalize", () => {
  it.each([
    // full-width ASCII becomes ASCII and is case-folded (Ｘｅｎ → xen)
    ["Ｘｅｎ　３．０", "xen 3.0"],
    // half-width katakana with its voiced marks composes into one character each (ｻｰﾊﾞｰ → サーバー)
    ["ｻｰﾊﾞｰ", "サーバー"],
    // half-width handakuten: ﾊﾟ → パ
    ["ﾊﾟｿｺﾝ", "パソコン"],
    // circled digits and units unfold under NFKC
    ["①㌔", "1キロ"],
    // NUL and other C0 controls are dropped: kuromoji cannot take them
    ["a\u0000b\u0007c", "abc"],
    // a lone surrogate is made well-formed (U+FFFD) and then dropped
    ["前\ud800後", "前後"],
    // a dropped character between a kana and its voiced mark: they still compose (else not idempotent)
    ["ｶ\u0000ﾞラス", "ガラス"],
    // İ lowers to i and a combining dot, put in canonical order with a mark after it
    ["İ\u3099", "i\u3099\u0307"],
    // a BOM is not text
    ["\ufeff本文", "本文"],
    // nor are the invisible format characters a copied word may carry: a zero width space, a soft hyphen,
    // a word joiner, direction marks (the Arabic letter mark too), the combining grapheme joiner, the
    // deprecated format characters; the joiners of an emoji sequence stay
    [
      "サー\u200bバー、サー\u00adバー、東京\u2060タワー、\u200f日本\u202a語\u202c、ス\u034fマホ、\u061c東\u206a京\u206f",
      "サーバー、サーバー、東京タワー、日本語、スマホ、東京",
    ],
    // a variation selector chooses a glyph, not another character: 葛󠄀 (U+E0100) is 葛, ☺️ is ☺
    ["葛\u{e0100}飾区、辻\u{e0101}、☺\ufe0f", "葛飾区、辻、☺"],
    // tab and newline are kept: sentence splitting needs line breaks
    ["一\n二\t三", "一\n二\t三"],
    // emoji sequences pass through untouched
    ["👨‍👩‍👧", "👨‍👩‍👧"],
    // already normal text is unchanged
    ["日本語の文章。", "日本語の文章。"],
    // old and variant kanji take their common form: names are written both ways
    ["髙橋と山﨑と渡邊と澤田", "高橋と山崎と渡辺と沢田"],
    ["坂本龍馬、國學院大學", "坂本竜馬、国学院大学"],
    // 𠮷 is a surrogate pair; 吉 is one code unit
    ["𠮷野家", "吉野家"],
    // the ヴ row: ヴァイオリン is バイオリン, ヴィエンチャン ビエンチャン
    [
      "ヴァイオリン、ヴィエンチャン、ヴェネツィア、ヴォーカル、ヴュー、ヴ",
      "バイオリン、ビエンチャン、ベネツィア、ボーカル、ビュー、ブ",
    ],
    ["ヷヸヹヺ", "バビベボ"],
    // ヶ and カ are left to analysis: a counter's term (3ヶ月), a name (霞ヶ関), a katakana word
    ["3ヶ月、霞ヶ関のカメラ", "3ヶ月、霞ヶ関のカメラ"],
  ])("normalize(%j) is %j", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it("maps every normalized character back to the source cluster it came from", () => {
    const source = "ＣＰＵはｻｰﾊﾞｰ";
    const { text, sourceStart, sourceEnd } = normalizeWithOffsets(source);
    expect(text).toBe("cpuはサーバー");
    // サ comes from ｻ at index 4; バ from ﾊﾞ, which spans indices 6–8 of the source
    const ba = text.indexOf("バ");
    expect(source.slice(sourceStart[ba], sourceEnd[ba])).toBe("ﾊﾞ");
    expect(source.slice(sourceStart[0], sourceEnd[2])).toBe("ＣＰＵ");
  });

  it("maps a folded spelling back to all of the characters it folds", () => {
    const source = "ヴァイオリンと𠮷野家";
    const { text, sourceStart, sourceEnd } = normalizeWithOffsets(source);
    expect(text).toBe("バイオリンと吉野家");
    expect(source.slice(sourceStart[0], sourceEnd[0])).toBe("ヴァ");
    expect(source.slice(sourceStart[1], sourceEnd[1])).toBe("イ");
    const kichi = text.indexOf("吉");
    expect(source.slice(sourceStart[kichi], sourceEnd[kichi])).toBe("𠮷");
    expect(source.slice(sourceStart[kichi + 1], sourceEnd[kichi + 1])).toBe("野");
  });

  it("is idempotent and total on any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 200 }),
          // the spelling variants, between numerals and counters, and alone
          fc.string({
            unit: fc.constantFrom(
              ..."ヴァィェォュヶヵケカ3三何數萬月国國所條髙﨑龍𠮷ーｶﾞﾟ—―−\u200b\u00ad\ufe0f\u{e0100}\u0000\u0007\u3099\ufeffİ\r",
            ),
            maxLength: 40,
          }),
        ),
        (s) => {
          const once = normalize(s);
          expect(normalize(once)).toBe(once);
          expect(once.isWellFormed()).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps offsets inside the source and in order", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 100 }), (s) => {
        const { text, sourceStart, sourceEnd } = normalizeWithOffsets(s);
        expect(sourceStart.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          expect(sourceStart[i]).toBeGreaterThanOrEqual(i > 0 ? (sourceStart[i - 1] as number) : 0);
          expect(sourceEnd[i]).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("STABLE_RUN", () => {
  it("only matches characters that normalization leaves as they are", () => {
    let checked = 0;
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      STABLE_RUN.lastIndex = 0;
      if (!STABLE_RUN.test(ch)) continue;
      expect(ch.normalize("NFKC").toLowerCase()).toBe(ch);
      checked++;
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it("lets a combining mark compose with the character before it", () => {
    // カ followed by U+3099 (combining voiced mark) is ガ under NFKC
    expect(normalize("カ\u3099ラス")).toBe("ガラス");
    expect(normalize("ﾊﾞｽ停")).toBe("バス停");
  });
});

describe("combining marks", () => {
  it("are read in clusters of at most MAX_MARKS, and capped so in what is added", async () => {
    const { capMarks, MAX_MARKS } = await import("../../src/text/normalize.ts");
    const zalgo = `a${"\u0301\u0316".repeat(100_000)}b`;
    expect(normalize(zalgo).endsWith("b")).toBe(true);
    const capped = capMarks(zalgo);
    expect(capped).toBe(`a${"\u0301\u0316".repeat(MAX_MARKS / 2)}b`);
    expect(capMarks("が\u3099ぱ")).toBe("が\u3099ぱ");
  }, 3000);
});

describe("hashedForm", () => {
  it("keeps the content hashes stored before search folded dashes, format characters and selectors", () => {
    // hashes as 07bcbd8 computed them: a stored article's hash must still be its own (duplicates, refetch)
    const hashOf = (text: string) =>
      contentHashOf(text.split("\n\n").map((paragraph) => ({ kind: "paragraph" as const, text: paragraph })));
    expect(hashOf("公衆無線LANサ−ビスを始めます。")).toBe("2e0b7b2ada213156");
    expect(hashOf("ヴァイオリンの髙橋さんが澤田さんと演奏した。")).toBe("203b9e59858fead9");
    expect(hashOf("サー\u200bバーと葛\u{e0100}飾区。")).toBe("9ee35c70f37b7cfb");
    expect(hashOf("Ｘｅｎ　３．０ が出た。\n\n二段落目です。")).toBe("13761c7c888b5b20");
    // search reads them otherwise
    expect(hashedForm("サ−ビス、サー\u200bバー")).not.toBe(normalize("サ−ビス、サー\u200bバー"));
  });
});
