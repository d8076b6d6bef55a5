import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { loadFetchConfig } from "../../src/config.ts";
import { UserFacingError } from "../../src/errors.ts";
import { extractHtml } from "../../src/ingest/extract-html.ts";
import { DEFAULT_EXTRACT_LIMITS, extractHtmlInWorker, inWorker } from "../../src/ingest/extract-in-worker.ts";
import { fetchOptionsOf } from "../../src/ingest/ingest.ts";
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
    // a small page is read within that limit: the refusal below is the page's doing
    expect((await extractHtmlInWorker(longPage(3), { url: URL }, limits)).draft.blocks).toHaveLength(3);
    const error = await extractHtmlInWorker(longPage(40_000), { url: URL }, limits).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(/メモリが大きすぎる/u);
    // the next page is read as usual
    expect((await extractHtmlInWorker(longPage(3), { url: URL })).draft.blocks).toHaveLength(3);
  });

  it("reports a worker that runs out of memory before it has loaded as its own failure, not the page's", async () => {
    const error = await extractHtmlInWorker(
      longPage(3),
      { url: URL },
      { ...DEFAULT_EXTRACT_LIMITS, maxMemoryMb: 4 },
    ).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UserFacingError);
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
      fetch: fetchOptionsOf(loadFetchConfig({})),
      extract: { ...DEFAULT_EXTRACT_LIMITS, timeoutMs: 200 },
    };
    await expect(readSource({ kind: "file", name: "long.html", bytes }, options)).rejects.toThrow(/打ち切りました/u);
  });
});

/**
 * A worker of plain JavaScript that plays extract-worker's part: says it is ready after `readyMs`, and
 * answers a request after `replyMs` with an article of one paragraph naming `name`; or, told so, never
 * says it is ready, exits at once, or never answers (busy).
 */
function fakeWorker(
  name: string,
  behaviour: { readyMs?: number; replyMs?: number; never?: "ready" | "reply"; exit?: number } = {},
): Worker {
  const code = `
    const { parentPort } = require("node:worker_threads");
    const behaviour = ${JSON.stringify(behaviour)};
    if (behaviour.exit !== undefined) process.exit(behaviour.exit);
    if (behaviour.never !== "ready") setTimeout(() => parentPort.postMessage({ ready: true }), behaviour.readyMs ?? 0);
    parentPort.once("message", () => {
      if (behaviour.never === "reply") { for (;;) {} }
      const draft = { title: ${JSON.stringify(name)}, blocks: [{ kind: "paragraph", text: ${JSON.stringify(name)} }] };
      setTimeout(() => parentPort.postMessage({ ok: { draft, lead: "", siteName: null, canonicalUrl: null } }), behaviour.replyMs ?? 0);
    });`;
  return new Worker(code, { eval: true });
}

const REQUEST = { html: "<p>x</p>", options: {} };
const LIMITS = { timeoutMs: 2_000, maxMemoryMb: 64, startTimeoutMs: 2_000 };

describe("the worker a page is read on", () => {
  it("is started for one page once the page before has been read and its worker stopped", async () => {
    const events: string[] = [];
    const workers: Worker[] = [];
    const start = (name: string, behaviour: Parameters<typeof fakeWorker>[1]) => () => {
      events.push(`start ${name}`);
      const worker = fakeWorker(name, behaviour);
      workers.push(worker);
      return worker;
    };
    const first = inWorker(start("first", { replyMs: 300 }), REQUEST, LIMITS).then((r) => {
      // the first worker is gone by the time its page is read
      events.push(`read ${r.draft.title}, stopped ${workers[0]?.threadId === -1}`);
    });
    const second = inWorker(start("second", {}), REQUEST, LIMITS).then((r) => events.push(`read ${r.draft.title}`));
    await Promise.all([first, second]);
    expect(events).toEqual(["start first", "read first, stopped true", "start second", "read second"]);
  });

  it("counts the time from when it is ready, not from its start", async () => {
    const read = await inWorker(() => fakeWorker("slow start", { readyMs: 600 }), REQUEST, {
      ...LIMITS,
      timeoutMs: 300,
    });
    expect(read.draft.title).toBe("slow start");
  });

  it("is stopped when its page takes too long, and leaves no timer behind", async () => {
    let worker: Worker | undefined;
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const error = await inWorker(
      () => {
        worker = fakeWorker("stuck", { never: "reply" });
        return worker;
      },
      REQUEST,
      { ...LIMITS, timeoutMs: 200 },
    ).catch((err: unknown) => err);
    expect((error as Error).message).toMatch(/0.2 秒で打ち切りました/u);
    expect(worker?.threadId).toBe(-1);
    expect(timers()).toBeLessThanOrEqual(before);
    // read in time: its limit's timer (a minute) is cleared with it
    const beforeRead = timers();
    await inWorker(() => fakeWorker("done"), REQUEST, { ...LIMITS, timeoutMs: 60_000 });
    expect(timers()).toBeLessThanOrEqual(beforeRead);
  });

  it("fails, rather than waiting forever, when it never says it is ready or stops without a reply", async () => {
    await expect(
      inWorker(() => fakeWorker("never", { never: "ready" }), REQUEST, { ...LIMITS, startTimeoutMs: 300 }),
    ).rejects.toThrow(/did not start within 300 ms/u);
    await expect(inWorker(() => fakeWorker("gone", { exit: 3 }), REQUEST, LIMITS)).rejects.toThrow(/exit code 3/u);
    // and the queue goes on
    expect((await inWorker(() => fakeWorker("after"), REQUEST, LIMITS)).draft.title).toBe("after");
  });

  it("keeps at most three pages waiting, and refuses another with a message", async () => {
    const pages = Array.from({ length: 4 }, (_, i) =>
      inWorker(() => fakeWorker(`page ${i}`, { replyMs: 100 }), REQUEST, LIMITS),
    );
    const refused = await inWorker(() => fakeWorker("one too many"), REQUEST, LIMITS).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as Error).message).toBe(
      "ほかのページを読み込んでいるところです。少し待ってから、もう一度追加してください。",
    );
    expect((await Promise.all(pages)).map((r) => r.draft.title)).toEqual(["page 0", "page 1", "page 2", "page 3"]);
  });
});
