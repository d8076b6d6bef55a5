import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Block, createArticle } from "../../src/article/article.ts";
import { MAX_PASSAGE_LENGTH, splitPassages } from "../../src/search/passages.ts";

function article(blocks: Block[]) {
  return createArticle(
    {
      title: "題",
      url: "https://example.jp/p",
      publisher: "",
      author: null,
      publishedAt: null,
      sourceFormat: "text",
      blocks,
      captions: [],
      links: [],
      related: [],
    },
    { by: "test", at: new Date(0) },
  );
}

describe("splitPassages", () => {
  it("joins short paragraphs, windows long ones on sentences, and labels passages with their heading", () => {
    const a = article([
      { kind: "paragraph", text: "短い。" },
      {
        kind: "paragraph",
        text: "これも短いが、前の段落とまとめられて一つの段落になるほどには長い文章である。もう少し書く。",
      },
      { kind: "heading", text: "見出し" },
      { kind: "paragraph", text: "長い段落の文です。".repeat(80) },
    ]);
    const passages = splitPassages(a);
    expect(passages[0]?.text).toContain("短い。");
    expect(passages[0]?.text).toContain("これも短いが");
    expect(passages.slice(1).every((p) => p.heading === "見出し")).toBe(true);
    expect(passages.length).toBeGreaterThan(3);
  });

  it("cuts a paragraph without any 。 into bounded passages", () => {
    const a = article([{ kind: "paragraph", text: "句読点のない長い文章が続く".repeat(500) }]);
    const passages = splitPassages(a);
    expect(passages.length).toBeGreaterThan(10);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
  });

  it("gives passages that are verbatim, bounded, ordered substrings of the body, for any paragraphs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 1_500 }), { minLength: 1, maxLength: 6 }),
        (texts) => {
          const blocks: Block[] = texts
            .map((t) => t.replace(/\s+/gu, " ").trim())
            .filter((t) => t !== "")
            .map((text) => ({ kind: "paragraph", text }));
          if (blocks.length === 0) return;
          const a = article(blocks);
          let last = 0;
          for (const p of splitPassages(a)) {
            expect(a.body.slice(p.start, p.end)).toBe(p.text);
            expect(p.start).toBeGreaterThanOrEqual(last);
            expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
            last = p.end;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
