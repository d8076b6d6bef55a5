import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type MiniSearch from "minisearch";
import { writeFileAtomic } from "../article/store.ts";
import { INDEX_VERSION, type IndexedPassage, loadIndex, OPTIONS_HASH } from "./index.ts";

/** What the saved index knows of each article it holds. */
export interface IndexedArticle {
  /** Hash of the article file the passages were made from. */
  readonly fileHash: string;
  /** Number of passages (ids `<id>:0` … `<id>:<n-1>`). */
  readonly passages: number;
}

export interface SavedIndex {
  readonly index: MiniSearch<IndexedPassage>;
  readonly articles: ReadonlyMap<string, IndexedArticle>;
  readonly fingerprint: string;
}

interface IndexFile {
  version: number;
  optionsHash: string;
  fingerprint: string;
  savedAt: string;
  articles: Record<string, IndexedArticle>;
  miniSearch: unknown;
}

/** The saved index lives next to the corpus, in a folder git ignores. */
export function indexPath(corpusDir: string): string {
  return path.join(corpusDir, ".index", "index.json");
}

/**
 * Reads a saved index. Returns null when there is none, or when it was made by another version or with
 * other options: the caller then rebuilds it. A saved index is a cache, never the source of truth.
 */
export async function readSavedIndex(file: string): Promise<SavedIndex | null> {
  await removeStaleTemps(path.dirname(file));
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  let parsed: IndexFile;
  try {
    parsed = JSON.parse(text) as IndexFile;
  } catch {
    return null;
  }
  if (parsed.version !== INDEX_VERSION || parsed.optionsHash !== OPTIONS_HASH) return null;
  try {
    return {
      index: loadIndex(parsed.miniSearch),
      articles: new Map(Object.entries(parsed.articles)),
      fingerprint: parsed.fingerprint,
    };
  } catch {
    return null;
  }
}

export async function writeSavedIndex(file: string, saved: SavedIndex): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const content: IndexFile = {
    version: INDEX_VERSION,
    optionsHash: OPTIONS_HASH,
    fingerprint: saved.fingerprint,
    savedAt: new Date().toISOString(),
    articles: Object.fromEntries(saved.articles),
    miniSearch: saved.index,
  };
  await writeFileAtomic(file, JSON.stringify(content));
}

/**
 * Removes the temporary files that a process killed while saving the index left behind
 * (`.index.json.<pid>.<time>.tmp`); those of a live process, which may be saving right now, stay.
 */
async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /\.(\d+)\.\d+\.tmp$/u.exec(name)?.[1];
    if (!name.endsWith(".tmp") || (pid && isAlive(Number(pid)))) continue;
    await rm(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
