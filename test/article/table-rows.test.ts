import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tablesAsRows } from "../../src/article/table-rows.ts";
import type { Engine } from "../../src/engine.ts";
import { extractHtml } from "../../src/ingest/extract-html.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

describe("tablesAsRows", () => {
  it("writes a Markdown table as one paragraph per row, each cell after its column's heading", () => {
    const text = "料金表\n\n| プラン | 月額 |\n|---|---:|\n| ベーシック | 500円 |\n|プレミアム|1,200円|\n\n以上です。";
    expect(tablesAsRows(text)).toBe(
      "料金表\n\n\nプラン: ベーシック / 月額: 500円\n\nプラン: プレミアム / 月額: 1,200円\n\n\n以上です。",
    );
  });

  it("reads tables without outer pipes, escaped pipes and empty cells", () => {
    expect(tablesAsRows("名前 | 値\n--- | ---\nA \\| B | 1\n| | 2 |")).toBe("\n名前: A | B / 値: 1\n\n値: 2\n");
  });

  it("leaves other text as it was: pipes without a rule, a rule alone, a table in a block of code", () => {
    for (const text of [
      "A | B\nC | D",
      "前の段落\n---\n後の段落",
      "```\n| a | b |\n|---|---|\n| 1 | 2 |\n```",
      "区切り｜全角の縦線｜だけ",
      // indented as code, four spaces or a tab: an example of a table, not one
      "例:\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n\n以上",
      "例:\n\n\t| a | b |\n\t|---|---|\n\t| 1 | 2 |",
    ]) {
      expect(tablesAsRows(text)).toBe(text);
    }
  });

  it("keeps a heading row with no row under it, said as its cells", () => {
    // the table was lost, 「メモ: A|B」 with it
    expect(tablesAsRows("メモ: A|B\n-- | --\n本文です。")).toBe("\nメモ: A / B\n\n本文です。");
    expect(tablesAsRows("| プラン | 月額 |\n|---|---|")).toBe("\nプラン / 月額\n");
  });
});

describe("a table's row answers a question alone", () => {
  let engine: Engine;
  let dir: string;
  beforeAll(async () => {
    // the audit's page: a short article whose table is most of it
    const html = `<html><head><title>料金表のある記事</title></head><body><article><h1>料金表のある記事</h1>
      <p>サービスの料金は次の表のとおりです。</p>
      <table><tr><th>プラン</th><th>月額</th></tr><tr><td>ベーシック</td><td>500円</td></tr>
      <tr><td>プレミアム</td><td>1,200円</td></tr></table><p>対応する機能は次のとおりです。</p>
      <ul><li>写真の保存</li><li>動画の再生</li><li>共有リンクの作成</li></ul></article></body></html>`;
    const { draft } = extractHtml(html, { url: "https://example.jp/plans" });
    ({ engine, dir } = await engineWith([draft]));
  });
  afterAll(() => removeDir(dir));

  it("「プレミアムプランの月額はいくら？」 is answered by the premium row, not by the heading row", () => {
    const answer = engine.ask("プレミアムプランの月額はいくら？");
    expect(answer.keyPoints[0]?.text).toBe("プラン: プレミアム / 月額: 1,200円");
    expect(answer.keyPoints.map((k) => k.text)).not.toContain("プラン / 月額");
  });
});
