import { type FSWatcher, type Stats, statSync, watch } from "node:fs";
import path from "node:path";
import { CorpusFolderMissing, identityOf, type SyncResult } from "./engine.ts";

/** An article's file in a corpus folder (temporary files and the index folder are not). */
const ARTICLE_FILE = /^[0-9a-f]{12}\.md$/u;
/** How long the folder must be quiet before a change is taken in: an import writes thousands of files... */
const QUIET_MS = 1_000;
/** ...but a change waits no longer than this while files keep coming. */
const MAX_WAIT_MS = 10_000;
/** How often a folder that is gone is looked for again. */
const LOOK_AGAIN_MS = 5_000;

export type WatchLog = (event: string, fields: Record<string, unknown>) => void;

export interface CorpusWatch {
  /** Stops watching; a change being taken in stops between two articles (see Engine.sync). */
  close(): void;
  /** Resolves when no change is waiting or being taken in (for tests and shutdown). */
  settled(): Promise<void>;
}

/**
 * Watches a corpus folder for what other processes change in it while the bot runs (`shiori add`,
 * `import` or `remove` on the same folder, a file edited by hand) and has the engine take it in
 * (`Engine.sync`), once the folder has been quiet for a moment. Without it, an article the CLI added was
 * neither found nor known as a duplicate until the bot restarted.
 *
 * What goes wrong is logged, and the bot answers from what it has: a file that cannot be read as an
 * article (half saved by an editor, a title edited into invalid YAML) is left as the engine holds it
 * while every other change is taken in, and is taken in once it is mended; a folder that is gone (deleted,
 * moved) is looked for every few seconds and watched again when it is back. Where the folder cannot be
 * watched at all (the system's watch limit reached), the log says so and changes wait for a restart.
 */
export function watchCorpus(
  engine: { sync(signal?: AbortSignal): Promise<SyncResult> },
  dir: string,
  log: WatchLog,
  quietMs = QUIET_MS,
): CorpusWatch {
  const stopping = new AbortController();
  const stopped = () => stopping.signal.aborted;
  let timer: NodeJS.Timeout | undefined;
  let firstWaiting: number | undefined;
  let running: Promise<void> = Promise.resolve();
  let watcher: FSWatcher | undefined;
  /** The folder watched (device and inode): one deleted and made again is another folder to watch. */
  let watching: string | null = null;
  let lookAgain: NodeJS.Timeout | undefined;

  /** The folder found and refused as another (see Engine.sync), as it was then: looked at again once it changes. */
  let refused: string | null = null;
  const lost = (err: CorpusFolderMissing) => {
    if (stopped()) return;
    log("corpus.folder_missing", { dir, error: err.message });
    watcher?.close();
    watcher = undefined;
    refused = err.code === "EREPLACED" ? stateOf(dir) : null;
    lookForFolder();
  };
  const lookForFolder = () => {
    if (stopped()) return;
    lookAgain ??= setInterval(
      () => {
        if (stopped() || identityOfFolder(dir) === null) return;
        // an empty mount point stays as it is until the mount is back or articles are put in it
        if (refused !== null && stateOf(dir) === refused) return;
        refused = null;
        clearInterval(lookAgain);
        lookAgain = undefined;
        log("corpus.folder_back", { dir });
        start();
        takeInSoon();
      },
      LOOK_AGAIN_MS * (quietMs / QUIET_MS),
    ).unref();
  };
  const takeIn = () => {
    timer = undefined;
    firstWaiting = undefined;
    running = running.then(async () => {
      if (stopped()) return;
      // deleted and made again while the change waited (a backup restored): the new folder is watched
      const now = identityOfFolder(dir);
      if (watcher && now !== null && now !== watching) {
        watcher.close();
        log("corpus.folder_back", { dir });
        start();
      }
      try {
        const { unreadable, ...counts } = await engine.sync(stopping.signal);
        if (counts.added + counts.replaced + counts.removed > 0)
          log("corpus.synced", { ...counts, unreadable: unreadable.length });
        // A title edited by hand into invalid YAML, an editor's half-saved file: the change that mends it
        // takes it in. Until then a restart would stop on it (see CorpusFileError), so the operator is told
        // which file and why, at each change taken in.
        for (const { file, reason, kept } of unreadable)
          log("corpus.file_unreadable", {
            file,
            reason,
            kept,
            advice: `${kept ? "読み込み済みの版で答えます。" : "この記事は取り込んでいません。"}直すと自動で取り込みます。このままでは次の起動と CLI（shiori add・import・remove など）がこのファイルで止まります。`,
          });
      } catch (err) {
        if (err instanceof CorpusFolderMissing) lost(err);
        else log("corpus.sync_failed", { error: (err as Error).message });
      }
    });
  };
  const takeInSoon = () => {
    if (stopped()) return;
    clearTimeout(timer);
    firstWaiting ??= Date.now();
    const waited = Date.now() - firstWaiting;
    timer = setTimeout(takeIn, Math.max(0, Math.min(quietMs, MAX_WAIT_MS * (quietMs / QUIET_MS) - waited)));
  };
  const start = () => {
    if (stopped()) return;
    try {
      watching = identityOfFolder(dir);
      watcher = watch(dir, { persistent: false }, (_type, name) => {
        // an article's file, or the folder itself (deleted or moved: Node names it)
        if (name === null || ARTICLE_FILE.test(String(name)) || String(name) === path.basename(dir)) takeInSoon();
      });
      watcher.on("error", (err) => log("corpus.watch_failed", { dir, error: err.message }));
    } catch (err) {
      watcher = undefined;
      log("corpus.watch_unavailable", { dir, error: (err as Error).message });
      if (identityOfFolder(dir) === null) lookForFolder();
    }
  };
  start();
  return {
    close() {
      stopping.abort();
      clearTimeout(timer);
      timer = undefined;
      clearInterval(lookAgain);
      watcher?.close();
    },
    async settled() {
      while (timer !== undefined && !stopped()) await new Promise((resolve) => setTimeout(resolve, quietMs / 4));
      await running;
    },
  };
}

/** A folder's device, inode and last change, or null when there is no folder there. */
function stateOf(dir: string): string | null {
  const found = folderAt(dir);
  return found && `${identityOf(found)}:${found.mtimeMs}`;
}

/** A folder's device and inode (see Engine's), or null when there is no folder there. */
function identityOfFolder(dir: string): string | null {
  const found = folderAt(dir);
  return found && identityOf(found);
}

function folderAt(dir: string): Stats | null {
  try {
    const found = statSync(dir);
    return found.isDirectory() ? found : null;
  } catch {
    return null;
  }
}
