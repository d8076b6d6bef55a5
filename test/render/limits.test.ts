import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clip,
  clipCounted,
  ELLIPSIS,
  eachGrapheme,
  embedLength,
  embedProblems,
  graphemes,
  stripInvisible,
  truncate,
} from "../../src/render/limits.ts";
import { segmented } from "../helpers/segmented.ts";

const FAMILY = "👨‍👩‍👧‍👦"; // one grapheme, 11 UTF-16 units (ZWJ sequence)
const FLAG = "🇯🇵"; // one grapheme, two regional indicators
const GA = "か\u3099"; // か + combining dakuten: one grapheme

/** Graphemes of random text mixing scripts that break naive slicing. */
const oddText = fc
  .array(
    fc.oneof(
      fc.constantFrom(FAMILY, FLAG, GA, "𠮷", "é", "ｶﾞ", "\u202e", "\u2066", "\u0007", "。", "\n", "a", "漢"),
      fc.string({ unit: "grapheme", maxLength: 3 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** Long text without a sentence end, one unit a character: what a one-line .txt pasted as an article holds. */
const LONG = "鎌倉の寺院建築について調べた記録、".repeat(3_000).slice(0, 50_000);

/** Pieces whose graphemes depend on their neighbours: a window cut between them must not show. */
const JOINING = [
  FAMILY,
  "\u{1f1ef}", // a regional indicator alone: pairs with the next one into a flag
  "\u{1f3fb}", // a skin tone: joins the emoji before it
  "\u200d", // zero-width joiner
  "\u0301", // combining acute accent
  "\u3099", // combining dakuten
  "\ufe0f", // variation selector
  "\u1100\u1161", // Hangul jamo L V: one syllable, with a T after it too
  "\u11a8",
  "क्ष", // Devanagari conjunct
  "\r\n",
  "\n",
  "👍",
  "\ud800", // lone surrogates
  "\udc00",
  `a${"\u0301".repeat(300)}`, // one grapheme longer than a window
  "漢",
  "a",
];
const longOddText = fc
  .array(fc.oneof(fc.constantFrom(...JOINING), fc.string({ unit: "grapheme", maxLength: 3 })), { maxLength: 700 })
  .map((parts) => parts.join(""));

describe("eachGrapheme", () => {
  const segmenter = new Intl.Segmenter("ja", { granularity: "grapheme" });

  it("gives the graphemes Intl.Segmenter gives the whole text, for text longer than it segments at once", () => {
    fc.assert(
      fc.property(longOddText, (text) => {
        const expected = Array.from(segmenter.segment(text), ({ segment, index }) => ({ segment, index }));
        expect(Array.from(eachGrapheme(text))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
    const flags = "\u{1f1ef}\u{1f1f5}".repeat(400); // a window cut between the halves of a flag
    expect(graphemes(`a${flags}`).map((g) => g.segment)).toEqual(["a", ...Array(400).fill("🇯🇵")]);
    // a window cut between the halves of a surrogate pair, after 255 letters, and after 255 and a mark
    expect(graphemes(`${"a".repeat(255)}𠮷b`).slice(254)).toEqual([
      { segment: "a", index: 254 },
      { segment: "𠮷", index: 255 },
      { segment: "b", index: 257 },
    ]);
    expect(
      graphemes(`${"a".repeat(255)}👍🏻b`)
        .slice(255)
        .map((g) => g.segment),
    ).toEqual(["👍🏻", "b"]);
    expect(
      graphemes(`${"a".repeat(253)}👍🏻b`)
        .slice(253)
        .map((g) => g.segment),
    ).toEqual(["👍🏻", "b"]);
  });

  it("segments a long text a little at a time, and no further than it is read", () => {
    expect(segmented(() => eachGrapheme(LONG).next()).total).toBeLessThan(1_000);
    const all = segmented(() => expect(graphemes(LONG)).toHaveLength(LONG.length));
    expect(all.longest).toBeLessThan(1_000);
  });
});

describe("long text without a sentence end", () => {
  it("is cut by truncate and clip, reading its start only", () => {
    let out = "";
    expect(segmented(() => (out = truncate(LONG, 100))).total).toBeLessThan(1_000);
    expect(out).toHaveLength(100);
    expect(out).toBe(`${LONG.slice(0, 99)}${ELLIPSIS}`);
    expect(segmented(() => (out = clip(LONG, 4_000))).total).toBeLessThan(5_000);
    expect(out).toBe(LONG.slice(0, 4_000));
  });

  it("has what clipCounted cuts counted without segmenting it at once", () => {
    let counted = { text: "", cut: 0 };
    expect(segmented(() => (counted = clipCounted(LONG, 4_000))).longest).toBeLessThan(1_000);
    expect(counted).toEqual({ text: LONG.slice(0, 4_000), cut: LONG.length - 4_000 });
  });
});

describe("clip", () => {
  it("keeps a text within the limit as it is, invisible characters and line breaks too", () => {
    expect(clip("鎌倉\u200b\n建長寺\u202e", 10)).toBe("鎌倉\u200b\n建長寺\u202e");
  });

  it("cuts at a grapheme, with no mark, never splitting a surrogate pair or an emoji sequence", () => {
    expect(clip("鎌倉の建長寺で", 4)).toBe("鎌倉の建");
    expect(clip("𠮷野家", 1)).toBe("");
    expect(clip("𠮷野家", 3)).toBe("𠮷野");
    expect(clip("家族👨‍👩‍👧です", 4)).toBe("家族");
  });

  it("turns a lone surrogate into U+FFFD", () => {
    expect(clip("題\ud800", 10)).toBe("題\ufffd");
  });
});

describe("clipCounted", () => {
  it("says how many characters (graphemes) the cut left out, none when the text fits", () => {
    expect(clipCounted("鎌倉の建長寺", 10)).toEqual({ text: "鎌倉の建長寺", cut: 0 });
    expect(clipCounted("🍵🍵🍵", 4)).toEqual({ text: "🍵🍵", cut: 1 });
    // 4 units reach into the second 𠮷: it is left out whole
    expect(clipCounted("あ𠮷𠮷", 4)).toEqual({ text: "あ𠮷", cut: 1 });
    expect(clipCounted(`家族${FAMILY}です`, 4)).toEqual({ text: "家族", cut: 3 });
  });

  it("keeps whole graphemes and counts what it drops, for any text and limit", () => {
    fc.assert(
      fc.property(oddText, fc.nat({ max: 120 }), (text, limit) => {
        const { text: kept, cut } = clipCounted(text, limit);
        expect(kept).toBe(clip(text, limit));
        expect(kept).not.toMatch(LONE_SURROGATE);
        expect(graphemes(kept).length + cut).toBe(graphemes(text.toWellFormed()).length);
      }),
    );
  });
});

describe("truncate", () => {
  it("returns short text unchanged", () => {
    expect(truncate("鎌倉の建長寺", 10)).toBe("鎌倉の建長寺");
  });

  it("cuts at a grapheme boundary and marks the cut", () => {
    expect(truncate("鎌倉の建長寺で", 4)).toBe("鎌倉の…");
  });

  it("drops a whole ZWJ emoji rather than split it", () => {
    // 3 units of "abc" + 11 of the family: a limit of 10 cannot hold the family, so it goes entirely.
    expect(truncate(`abc${FAMILY}def`, 10)).toBe("abc…");
    expect(truncate(`abc${FAMILY}def`, 15)).toBe(`abc${FAMILY}…`);
  });

  it("keeps a kana with its combining mark together", () => {
    expect(truncate(`${GA}${GA}${GA}`, 4)).toBe(`${GA}…`);
  });

  it("drops C0/C1 controls and bidirectional overrides and isolates, keeping line breaks and tabs", () => {
    const text = "右\u202e左\u0000\u0007\u001b[31m\u0085\u009f\u2066隔離\u2069\u202a埋込\u202c\u200f\r\n次の行\t終";
    expect(truncate(text, 100)).toBe("右左[31m隔離埋込\n次の行\t終");
    // Dropped before the length is measured: they neither use the budget nor force a cut.
    expect(truncate(`${"\u202e".repeat(10)}鎌倉`, 3)).toBe("鎌倉");
    expect(truncate(`鎌倉の建長寺${"\u2067".repeat(3)}`, 6)).toBe("鎌倉の建長寺");
  });

  it("never exceeds the limit, never leaves a lone surrogate, and keeps only whole graphemes", () => {
    fc.assert(
      fc.property(oddText, fc.integer({ min: 1, max: 60 }), (text, limit) => {
        const out = truncate(text, limit);
        expect(out.length).toBeLessThanOrEqual(limit);
        expect(LONE_SURROGATE.test(out)).toBe(false);
        // Controls and bidirectional overrides go first; what is left is cut.
        const visible = stripInvisible(text);
        if (out !== visible) {
          expect(out.endsWith(ELLIPSIS)).toBe(true);
          const kept = out.slice(0, -ELLIPSIS.length);
          expect(visible.startsWith(kept)).toBe(true);
          // The cut falls on a boundary: the kept part is a whole number of the text's graphemes.
          expect(graphemes(visible).some((g) => g.index === kept.length)).toBe(true);
        }
      }),
    );
  });
});

describe("embedProblems", () => {
  it("accepts an embed within the limits", () => {
    expect(embedProblems({ title: "題", description: "本文", fields: [{ name: "名", value: "値" }] })).toEqual([]);
  });

  it("names every limit an embed breaks", () => {
    const embed = {
      title: "t".repeat(257),
      description: "d".repeat(4097),
      fields: [{ name: "", value: "v".repeat(1025) }],
      footer: { text: "f".repeat(10) },
    };
    expect(embedProblems(embed)).toEqual([
      "title: 257 > 256",
      "description: 4097 > 4096",
      "fields[0].value: 1025 > 1024",
      "fields[0].name: empty",
    ]);
  });

  it("counts the total across title, description, fields, footer and author", () => {
    const embed = {
      title: "t".repeat(200),
      description: "d".repeat(4000),
      fields: [{ name: "n", value: "v".repeat(1000) }],
      footer: { text: "f".repeat(500) },
      author: { name: "a".repeat(200) },
    };
    expect(embedLength(embed)).toBe(5901);
    expect(embedProblems({ ...embed, footer: { text: "f".repeat(600) } })).toEqual(["total: 6001 > 6000"]);
  });
});
