import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { spawnWorker } from "../spawn-worker.ts";

/**
 * Worker threads that analyse texts into search terms, for bulk indexing on every core. Each worker
 * loads its own kuromoji dictionary (about 300 MB and 0.6 s), so a pool only pays off for large
 * batches: the engine uses it when it (re)indexes thousands of passages.
 */
export class AnalyzePool {
  readonly #workers: Worker[];
  readonly #ready: Promise<unknown>;
  readonly #pending = new Map<number, { resolve: (terms: string[]) => void; reject: (err: Error) => void }>();
  /** Why a worker stopped, once one has: its batches, and all later ones, fail rather than wait forever. */
  #failed: Error | null = null;
  #nextId = 0;
  #next = 0;

  private constructor(size: number, dictionaryPath: string | undefined) {
    const workerData = dictionaryPath === undefined ? {} : { dictionaryPath };
    this.#workers = Array.from({ length: size }, () => spawnWorker(import.meta.url, "analyze-worker", { workerData }));
    this.#ready = Promise.all(
      this.#workers.map(
        (worker) =>
          new Promise((resolve, reject) => {
            const onMessage = (message: { ready?: boolean; id?: number; terms?: string[] }) => {
              if (message.ready) {
                resolve(true);
                return;
              }
              const pending = this.#pending.get(message.id ?? -1);
              if (!pending) return;
              this.#pending.delete(message.id ?? -1);
              pending.resolve(message.terms ?? []);
            };
            worker.on("message", onMessage);
            const fail = (err: Error) => {
              this.#failed ??= err;
              reject(err);
              for (const p of this.#pending.values()) p.reject(err);
              this.#pending.clear();
            };
            worker.on("error", fail);
            // A worker killed (out of memory, terminated) without an error: its batches would never come back.
            worker.on("exit", (code) => fail(new Error(`analyze-pool: a worker stopped (exit code ${code})`)));
          }),
      ),
    );
  }

  /** A pool of `size` workers (default: one per core, at most 4), ready to analyse. */
  static async start(size = defaultPoolSize(), dictionaryPath?: string): Promise<AnalyzePool> {
    const pool = new AnalyzePool(size, dictionaryPath);
    try {
      await pool.#ready;
    } catch (err) {
      await pool.close();
      throw new Error(`analyze-pool: a worker failed to start: ${(err as Error).message}`);
    }
    return pool;
  }

  get size(): number {
    return this.#workers.length;
  }

  /** The search terms of each text, space-joined, in order. Batches go to the workers in turn. */
  analyze(texts: readonly string[]): Promise<string[]> {
    if (this.#failed) return Promise.reject(this.#failed);
    const worker = this.#workers[this.#next++ % this.#workers.length] as Worker;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  }

  async close(): Promise<void> {
    this.#failed ??= new Error("analyze-pool: closed");
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}
