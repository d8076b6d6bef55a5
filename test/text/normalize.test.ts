import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalize, normalizeWithOffsets, STABLE_RUN } from "../../src/text/normalize.ts";

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
    // a BOM is not text
    ["\ufeff本文", "本文"],
    // tab and newline are kept: sentence splitting needs line breaks
    ["一\n二\t三", "一\n二\t三"],
    // emoji sequences pass through untouched
    ["👨‍👩‍👧", "👨‍👩‍👧"],
    // already normal text is unchanged
    ["日本語の文章。", "日本語の文章。"],
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

  it("is idempotent and total on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
        expect(once.isWellFormed()).toBe(true);
      }),
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
