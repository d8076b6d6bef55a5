import type { Worker } from "node:worker_threads";
import { SourceRefusal, UserFacingError } from "../errors.ts";
import { spawnWorker } from "../spawn-worker.ts";
import type { ExtractedArticle, ExtractOptions } from "./extract-html.ts";
import type { ExtractReply, ExtractRequest } from "./extract-worker.ts";

/** Bounds on reading one page. */
export interface ExtractLimits {
  /** Time for parsing and extraction, from the moment the worker has loaded jsdom. */
  readonly timeoutMs: number;
  /** The worker's heap (V8's old generation), in MB. */
  readonly maxMemoryMb: number;
  /** Time for the worker to load jsdom (about 0.5 s): one that takes longer is broken, not slow. */
  readonly startTimeoutMs: number;
}

/**
 * 20 s: the largest page the shape limits let through (a 5 MB page of 29,000 paragraphs) takes 7 s; the
 * Impress Watch fixtures, about 0.1 s. 512 MB: that page needs well under it, and a page of more than
 * 50,000 elements, which could need more, is refused before it is parsed.
 */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { timeoutMs: 20_000, maxMemoryMb: 512, startTimeoutMs: 30_000 };

/** Pages waiting behind the one being read; another is refused until one is done. */
const MAX_WAITING = 3;

/** Extractions wait for each other: one busy core at most, and one worker's memory. */
let queue: Promise<unknown> = Promise.resolve();
/** Pages in the queue, the one being read included. */
let queued = 0;

/**
 * `extractHtml` on a worker thread of its own, started for this page and ended after it. Parsing and
 * Readability are synchronous and, within the shape limits, still take seconds on a page built to be
 * slow: on the bot's thread they would stall every member's question meanwhile. Here the bot keeps
 * answering; a page that takes longer than `timeoutMs`, or more memory than `maxMemoryMb`, is refused
 * with a message for the moderator, and the worker is stopped. Pages are read one at a time, and at most
 * MAX_WAITING wait for their turn.
 */
export function extractHtmlInWorker(
  html: string,
  options: ExtractOptions,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<ExtractedArticle> {
  const start = () =>
    spawnWorker(import.meta.url, "extract-worker", { resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb } });
  return inWorker(start, { html, options }, limits);
}

/**
 * Runs one request on the worker `start` makes, in the queue of pages (see extractHtmlInWorker). The
 * worker says `{ ready: true }` once loaded, then answers one request with an `ExtractReply`.
 */
export function inWorker(
  start: () => Worker,
  request: ExtractRequest,
  limits: ExtractLimits,
): Promise<ExtractedArticle> {
  if (queued > MAX_WAITING) return Promise.reject(busy());
  queued++;
  const run = queue.then(() => extractOnce(start, request, limits)).finally(() => queued--);
  queue = run.catch(() => undefined);
  return run;
}

/** One request on a worker of its own; settles once the worker has stopped. */
function extractOnce(start: () => Worker, request: ExtractRequest, limits: ExtractLimits): Promise<ExtractedArticle> {
  return new Promise<ExtractedArticle>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = start();
    } catch (err) {
      reject(err);
      return;
    }
    let ready = false;
    let settled = false;
    let timer = setTimeout(
      () => settle(new Error(`extract: the worker did not start within ${limits.startTimeoutMs} ms`)),
      limits.startTimeoutMs,
    );
    // The next page starts once this worker is gone: never two workers' heaps at once.
    function settle(result: ExtractedArticle | Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().finally(() => (result instanceof Error ? reject(result) : resolve(result)));
    }
    worker.on("message", (message: { ready: true } | ExtractReply) => {
      if ("ready" in message) {
        // The clock starts once the worker has loaded jsdom: a slow start-up is not the page's doing.
        ready = true;
        clearTimeout(timer);
        timer = setTimeout(() => settle(tooSlow(limits.timeoutMs)), limits.timeoutMs);
        worker.postMessage(request);
      } else if ("ok" in message) settle(message.ok);
      else if ("refused" in message) settle(refusalOf(message.refused));
      else settle(Object.assign(new Error(`extract: ${message.failed.message}`), { stack: message.failed.stack }));
    });
    // Out of memory while loading jsdom is no fault of the page's: too small a limit, an internal error.
    worker.on("error", (err: Error & { code?: string }) =>
      settle(err.code === "ERR_WORKER_OUT_OF_MEMORY" && ready ? tooLarge(limits.maxMemoryMb) : err),
    );
    worker.on("exit", (code) => settle(new Error(`extract: the worker stopped without a reply (exit code ${code})`)));
  });
}

/** The worker's refusal as it was thrown there: a SourceRefusal keeps what happened apart. */
function refusalOf(refused: Extract<ExtractReply, { refused: unknown }>["refused"]): UserFacingError {
  const { message, detail, what } = refused;
  return what !== undefined && message.startsWith(what)
    ? new SourceRefusal(what, message.slice(what.length), detail)
    : new UserFacingError(message, detail);
}

function tooSlow(ms: number): SourceRefusal {
  return new SourceRefusal(
    `このページは解析に時間がかかりすぎるため取り込めません（${seconds(ms)} 秒で打ち切りました）。`,
    "本文をテキストで貼り付けて追加してください。",
    `extract: over ${ms} ms`,
  );
}

function tooLarge(mb: number): SourceRefusal {
  return new SourceRefusal(
    "このページは解析に必要なメモリが大きすぎるため取り込めません。",
    "本文をテキストで貼り付けて追加してください。",
    `extract: over ${mb} MB of heap`,
  );
}

function busy(): SourceRefusal {
  return new SourceRefusal(
    "ほかのページを読み込んでいるところです。",
    "少し待ってから、もう一度追加してください。",
    `extract: ${MAX_WAITING} pages already waiting`,
  );
}

/** 20 for 20,000 ms, 0.3 for 300. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
