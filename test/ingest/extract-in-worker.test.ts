import { describe, expect, it } from "vitest";
import { UserFacingError } from "../../src/errors.ts";
import { extractHtml } from "../../src/ingest/extract-html.ts";
import { DEFAULT_EXTRACT_LIMITS, extractHtmlInWorker } from "../../src/ingest/extract-in-worker.ts";
import { readSource } from "../../src/ingest/read-source.ts";
import { LIBRARY_PAGE, pageHtml } from "./pages.ts";

const URL = "https://news.example.jp/articles/2024/0401.html";

/** A page of `n` paragraphs: within the shape limits, and slow in proportion (12,000: seconds). */
function longPage(n: number): string {
  const paragraph = "<p>これは本文の段落です。説明が続きます。</p>";
  return `<html><head><title>長いページ</title></head><body><article>${paragraph.repeat(n)}</article></body></html>`;
}

describe("extractHtmlInWorker", () => {
  it("reads a page as extractHtml does on this thread", async () => {
    const html = pageHtml(LIBRARY_PAGE);
    expect(await extractHtmlInWorker(html, { url: URL })).toEqual(extractHtml(html, { url: URL }));
  });

  it("passes a refusal on as the same message for the moderator", async () => {
    const deep = `<html><body>${"<div>".repeat(5000)}本文${"</div>".repeat(5000)}</body></html>`;
    const error = await extractHtmlInWorker(deep, { url: URL }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(/構造が複雑すぎる/u);
  });

  it("stops a page that takes longer than the limit, with a message that says so", async () => {
    const limits = { ...DEFAULT_EXTRACT_LIMITS, timeoutMs: 300 };
    const error = await extractHtmlInWorker(longPage(12_000), { url: URL }, limits).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toBe(
      "このページは解析に時間がかかりすぎるため取り込めません（0.3 秒で打ち切りました）。本文をテキストで貼り付けて追加してください。",
    );
  });

  it("stops a page that takes more memory than the limit, and the process lives on", async () => {
    const limits = { ...DEFAULT_EXTRACT_LIMITS, maxMemoryMb: 32 };
    const error = await extractHtmlInWorker(longPage(40_000), { url: URL }, limits).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(/メモリが大きすぎる/u);
    // the next page is read as usual
    expect((await extractHtmlInWorker(longPage(3), { url: URL })).draft.blocks).toHaveLength(3);
  });

  it("leaves this thread free while a slow page is read", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      const { draft } = await extractHtmlInWorker(longPage(12_000), { url: URL });
      expect(draft.blocks).toHaveLength(12_000);
    } finally {
      clearInterval(timer);
    }
    // on this thread, the seconds of parsing would have run no timer at all
    expect(ticks).toBeGreaterThan(20);
  });

  it("reads pages one at a time, and one stopped does not stop the next", async () => {
    const slow = extractHtmlInWorker(longPage(12_000), { url: URL }, { ...DEFAULT_EXTRACT_LIMITS, timeoutMs: 200 });
    const next = extractHtmlInWorker(longPage(2), { url: URL });
    await expect(slow).rejects.toThrow(/打ち切りました/u);
    expect((await next).draft.blocks).toHaveLength(2);
  });

  it("is how readSource reads an uploaded page, with the limits it is given", async () => {
    const bytes = new TextEncoder().encode(longPage(12_000));
    const options = {
      fetch: {
        maxBytes: 5 * 1024 * 1024,
        timeoutMs: 1000,
        connectTimeoutMs: 1000,
        maxRedirects: 0,
        userAgent: "t",
        policy: { allow: [] },
      },
      extract: { ...DEFAULT_EXTRACT_LIMITS, timeoutMs: 200 },
    };
    await expect(readSource({ kind: "file", name: "long.html", bytes }, options)).rejects.toThrow(/打ち切りました/u);
  });
});
