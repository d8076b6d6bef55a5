import { describe, expect, it } from "vitest";
import { AnalyzePool } from "../../src/search/analyze-pool.ts";
import { TERM_SEPARATOR } from "../../src/search/index.ts";
import { analyzeTerms } from "../../src/text/analyze.ts";
import { loadTokenizer } from "../../src/text/tokenizer.ts";

describe("AnalyzePool", () => {
  it("analyses as this thread does", async () => {
    const pool = await AnalyzePool.start(1);
    try {
      const texts = ["子どもの破たんと髙橋さん", "Xen 3.0がWindowsをサポート"];
      const tokenizer = await loadTokenizer();
      expect(await pool.analyze(texts)).toEqual(texts.map((t) => analyzeTerms(tokenizer, t).join(TERM_SEPARATOR)));
    } finally {
      await pool.close();
    }
  });

  it("fails the batches of a worker that stops, rather than waiting for them forever", async () => {
    const pool = await AnalyzePool.start(1);
    // long enough that the worker is still at it when it is stopped
    const pending = pool.analyze(
      Array.from({ length: 3000 }, (_, i) => `第${i}回の会議で予算案を審議した。`.repeat(20)),
    );
    await pool.close();
    await expect(pending).rejects.toThrow(/closed|stopped/u);
    await expect(pool.analyze(["次の一括"])).rejects.toThrow(/closed/u);
  });
});
