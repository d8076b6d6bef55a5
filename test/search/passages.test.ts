import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Block, createArticle, hasVisibleText } from "../../src/article/article.ts";
import { MAX_PASSAGE_LENGTH, PassageTable, soundSpans, spansOf, splitPassages } from "../../src/search/passages.ts";

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

  it("shows short paragraphs as written: never the backslash the body stores before #, --- or \\", () => {
    const written = [
      "鎌倉には古い寺が多い。",
      "# 見出しのような行だが、本文の段落である。",
      "寺の名前を並べる。",
      "--- 区切り線のような行。",
      "\\\\server\\share に資料を置いた。",
      "最後の段落。",
    ];
    const a = article(written.map((text) => ({ kind: "paragraph", text })));
    expect(a.body).toContain("\\# 見出し"); // stored escaped, so that it reads back as a paragraph
    const passages = splitPassages(a);
    expect(passages.map((p) => p.text)).toEqual([
      "鎌倉には古い寺が多い。",
      `${written[1]}\n\n${written[2]}`,
      written[3],
      `${written[4]}\n\n${written[5]}`,
    ]);
    for (const p of passages) expect(a.body.slice(p.start, p.end)).toBe(p.text);
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
          // an article with nothing visible is refused as empty (createArticle)
          if (!blocks.some((b) => hasVisibleText(b.text))) return;
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

describe("PassageTable", () => {
  const a = article([
    { kind: "heading", text: "一" },
    {
      kind: "paragraph",
      text: "最初の節の段落は、次の段落と合わせなくてもよいほどに十分な長さがある文章です。まだ続きます。",
    },
    { kind: "heading", text: "二" },
    {
      kind: "paragraph",
      text: "二番目の節の段落も、それだけで一つの段落になるほどの長さを持つ文章として書かれています。",
    },
    { kind: "heading", text: "一" },
    {
      kind: "paragraph",
      text: "同じ見出しがもう一度現れても、その下の段落は正しい見出しのもとに置かれなければならない。",
    },
  ]);
  const passages = splitPassages(a);

  it("gives back, by id and by article, the passages it was given as spans", () => {
    const table = new PassageTable();
    table.set(a, spansOf(passages));
    expect(table.size).toBe(passages.length);
    expect(passages.map((p) => p.heading)).toEqual(["一", "二", "一"]);
    expect(table.of(a.id)).toEqual(passages);
    for (const p of passages) expect(table.get(p.id)).toEqual(p);
    table.delete(a.id);
    expect(table.size).toBe(0);
    expect(table.get(passages[0]?.id ?? "")).toBeUndefined();
  });

  it("finds nothing at ids that name no passage", () => {
    const table = new PassageTable();
    table.set(a, spansOf(passages));
    for (const id of [a.id, `${a.id}:`, `${a.id}:-1`, `${a.id}:1.5`, `${a.id}:${passages.length}`, ":0", "x:0", ""])
      expect(table.get(id)).toBeUndefined();
  });

  it("takes spans as an article's passages only when they fit its body, in order, with known headings", () => {
    const spans = spansOf(passages);
    expect(soundSpans(spans, passages.length, a.body.length)).toBe(true);
    expect(soundSpans(spans, passages.length + 1, a.body.length)).toBe(false);
    expect(soundSpans(spans, passages.length, a.body.length - 1)).toBe(false);
    const overlapping = [...spans.flat];
    overlapping[3] = (overlapping[1] as number) - 1;
    expect(soundSpans({ ...spans, flat: overlapping }, passages.length, a.body.length)).toBe(false);
    const unknownHeading = [...spans.flat];
    unknownHeading[2] = spans.headings.length;
    expect(soundSpans({ ...spans, flat: unknownHeading }, passages.length, a.body.length)).toBe(false);
  });
});

describe("spansOf", () => {
  it("keeps each heading once, in one pass over thousands of sections", () => {
    const passages = Array.from({ length: 200_000 }, (_, i) => ({ start: i, end: i + 1, heading: `h${i % 100_000}` }));
    const { flat, headings } = spansOf(passages);
    expect(headings).toHaveLength(100_000);
    expect(flat.slice(-3)).toEqual([199_999, 200_000, 99_999]);
  }, 3000);
});
