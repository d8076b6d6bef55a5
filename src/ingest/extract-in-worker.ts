import { UserFacingError } from "../errors.ts";
import { spawnWorker } from "../spawn-worker.ts";
import type { ExtractedArticle, ExtractOptions } from "./extract-html.ts";
import type { ExtractReply, ExtractRequest } from "./extract-worker.ts";

/** Bounds on reading one page. */
export interface ExtractLimits {
  /** Time for parsing and extraction, the worker's start-up aside. */
  readonly timeoutMs: number;
  /** The worker's heap (V8's old generation), in MB. */
  readonly maxMemoryMb: number;
}

/**
 * 20 s: the largest page the shape limits let through (50,000 elements) takes a few seconds; the
 * Impress Watch fixtures, about 0.1 s. 512 MB: jsdom holds a 5 MB page (FETCH_MAX_BYTES) in well under that.
 */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { timeoutMs: 20_000, maxMemoryMb: 512 };

/** A worker that has not loaded jsdom in this time is broken, not slow (it takes about 0.5 s). */
const START_TIMEOUT_MS = 30_000;

/** Extractions wait for each other: one busy core at most, and one worker's memory. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * `extractHtml` on a worker thread of its own, started for this page and ended after it. Parsing and
 * Readability are synchronous and, within the shape limits, still take seconds on a page built to be
 * slow: on the bot's thread they would stall every member's question meanwhile. Here the bot keeps
 * answering; a page that takes longer than `timeoutMs`, or more memory than `maxMemoryMb`, is refused
 * with a message for the moderator, and the worker is stopped. Pages are read one at a time.
 */
export function extractHtmlInWorker(
  html: string,
  options: ExtractOptions,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<ExtractedArticle> {
  const run = queue.then(() => extractOnce(html, options, limits));
  queue = run.catch(() => undefined);
  return run;
}

function extractOnce(html: string, options: ExtractOptions, limits: ExtractLimits): Promise<ExtractedArticle> {
  const worker = spawnWorker(import.meta.url, "extract-worker", {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
  });
  return new Promise<ExtractedArticle>((resolve, reject) => {
    let timer = setTimeout(
      () => settle(new Error(`extract: the worker did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    let settled = false;
    const settle = (result: ExtractedArticle | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    worker.on("message", (message: { ready: true } | ExtractReply) => {
      if ("ready" in message) {
        // The clock starts once the worker has loaded jsdom: a slow start-up is not the page's doing.
        clearTimeout(timer);
        timer = setTimeout(() => settle(tooSlow(limits.timeoutMs)), limits.timeoutMs);
        worker.postMessage({ html, options } satisfies ExtractRequest);
      } else if ("ok" in message) settle(message.ok);
      else if ("refused" in message) settle(new UserFacingError(message.refused.message, message.refused.detail));
      else settle(Object.assign(new Error(`extract: ${message.failed.message}`), { stack: message.failed.stack }));
    });
    worker.on("error", (err: Error & { code?: string }) =>
      settle(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooLarge(limits.maxMemoryMb) : err),
    );
    worker.on("exit", (code) => settle(new Error(`extract: the worker stopped without a reply (exit code ${code})`)));
  });
}

function tooSlow(ms: number): UserFacingError {
  return new UserFacingError(
    `このページは解析に時間がかかりすぎるため取り込めません（${seconds(ms)} 秒で打ち切りました）。本文をテキストで貼り付けて追加してください。`,
    `extract: over ${ms} ms`,
  );
}

function tooLarge(mb: number): UserFacingError {
  return new UserFacingError(
    "このページは解析に必要なメモリが大きすぎるため取り込めません。本文をテキストで貼り付けて追加してください。",
    `extract: over ${mb} MB of heap`,
  );
}

/** 20 for 20,000 ms, 0.3 for 300. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
