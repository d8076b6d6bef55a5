import { type FSWatcher, watch } from "node:fs";
import type { SyncResult } from "./engine.ts";

/** An article's file in a corpus folder (temporary files and the index folder are not). */
const ARTICLE_FILE = /^[0-9a-f]{12}\.md$/u;
/** How long the folder must be quiet before a change is taken in: an import writes thousands of files. */
const QUIET_MS = 1_000;

export type WatchLog = (event: string, fields: Record<string, unknown>) => void;

export interface CorpusWatch {
  /** Stops watching; a change being taken in finishes. */
  close(): void;
  /** Resolves when no change is waiting or being taken in (for tests and shutdown). */
  settled(): Promise<void>;
}

/**
 * Watches a corpus folder for what other processes change in it while the bot runs (`shiori add`,
 * `import` or `remove` on the same folder, a file edited by hand) and has the engine take it in
 * (`Engine.sync`), once the folder has been quiet for a moment. Without it, an article the CLI added was
 * neither found nor known as a duplicate until the bot restarted. Where the folder cannot be watched
 * (missing, or the system's watch limit reached), the bot runs as before and says so in the log.
 */
export function watchCorpus(
  engine: { sync(): Promise<SyncResult> },
  dir: string,
  log: WatchLog,
  quietMs = QUIET_MS,
): CorpusWatch {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  const takeIn = () => {
    timer = undefined;
    running = running.then(async () => {
      if (closed) return;
      try {
        const result = await engine.sync();
        if (result.added + result.replaced + result.removed > 0) log("corpus.synced", { ...result });
      } catch (err) {
        // A file being written by hand may be half saved: the next change takes it in.
        log("corpus.sync_failed", { error: (err as Error).message });
      }
    });
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, (_type, name) => {
      if (closed || (name !== null && !ARTICLE_FILE.test(String(name)))) return;
      clearTimeout(timer);
      timer = setTimeout(takeIn, quietMs);
    });
    watcher.on("error", (err) => log("corpus.watch_failed", { error: err.message }));
  } catch (err) {
    log("corpus.watch_unavailable", { dir, error: (err as Error).message });
  }
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
    async settled() {
      while (timer !== undefined) await new Promise((resolve) => setTimeout(resolve, quietMs / 4));
      await running;
    },
  };
}
