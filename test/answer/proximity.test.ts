import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.ts";
import { draft } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith([
    // The question's words, spread over two sentences of a short passage (BM25 prefers it: it is shorter)...
    draft("spread", "川沿いの暮らし", null, "鵜飼の町は川沿いにある。夏祭りは八月に開かれる。"),
    // ...and together in one sentence of a longer one.
    draft(
      "together",
      "川沿いの行事",
      null,
      "鵜飼の町の夏祭りは七月に開かれる。祭りの日には多くの観光客が訪れ、川沿いの通りは屋台で埋まり、夜遅くまでにぎわう。",
    ),
    // Both say 雨季 and 期間 in one sentence; one says them as the question does (雨季の期間).
    draft("apart", "雨季の記録", null, "雨季の半ばには晴れる期間がある。"),
    draft("in-order", "雨季の長さ", null, "雨季の期間は夏に長く続く。"),
  ]));
});
afterAll(() => removeDir(dir));

describe("passages", () => {
  it("rank first where the question's words occur together in one sentence", () => {
    const answer = engine.ask("鵜飼の町の夏祭りはいつ？");
    expect(answer.passages[0]?.text).toContain("鵜飼の町の夏祭りは七月");
    expect(answer.keyPoints[0]?.text).toBe("鵜飼の町の夏祭りは七月に開かれる。");
  });

  it("rank first where the question's words occur in its order", () => {
    const answer = engine.ask("雨季の期間は？");
    expect(answer.passages[0]?.title).toBe("雨季の長さ");
    expect(answer.passages.map((p) => p.title)).toContain("雨季の記録");
  });
});
