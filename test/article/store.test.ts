import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createArticle } from "../../src/article/article.ts";
import { importPlainText } from "../../src/article/import-text.ts";
import { readCorpus, writeArticle } from "../../src/article/store.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "shiori-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LIVEDOOR = "http://news.livedoor.com/article/detail/7/\n2012-09-04T12:45:00+0900\n見出しの行\n本文の一行目。\n";

describe("readCorpus", () => {
  it("gives times in RFC 3339 form for an article the cache (a saved index) holds in the old form", async () => {
    const article = createArticle(importPlainText(LIVEDOOR), { by: "t", at: new Date("2025-01-01T00:00:00Z") });
    await writeArticle(dir, article);
    const old = { ...article, publishedAt: "2012-09-04T12:45:00+0900" };
    const corpus = await readCorpus(dir, () => old);
    expect(corpus.articles[0]?.publishedAt).toBe("2012-09-04T12:45:00+09:00");
  });
});
