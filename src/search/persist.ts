import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Article } from "../article/article.ts";
import { removeStaleTemps, writeFileAtomic } from "../article/store.ts";
import { INDEX_VERSION, OPTIONS_HASH, PassageIndex, passageIndexOptions, titleIndexOptions } from "./index.ts";
import { indexFromSnapshot, snapshotOf } from "./snapshot.ts";

/** What the saved index knows of each article it holds. */
export interface IndexedArticle {
  /** Hash of the article file the passages were made from. */
  readonly fileHash: string;
  /** Number of passages (ids `<id>:0` … `<id>:<n-1>`). */
  readonly passages: number;
  /** The article's front matter as parsed from that file (the body is read from the file again). */
  readonly meta?: Omit<Article, "body">;
}

export interface SavedIndex {
  readonly index: PassageIndex;
  readonly articles: ReadonlyMap<string, IndexedArticle>;
  readonly fingerprint: string;
}

interface Meta {
  version: number;
  optionsHash: string;
  fingerprint: string;
  savedAt: string;
  articles: Record<string, IndexedArticle>;
}

/** The saved index lives next to the corpus, in a folder git ignores. */
export function indexPath(corpusDir: string): string {
  return path.join(corpusDir, ".index", "index.bin");
}

/**
 * Reads a saved index. Returns null when there is none, when it is damaged, or when it was made by
 * another version or with other options: the caller then rebuilds it. A saved index is a cache, never
 * the source of truth.
 *
 * File layout: u32 length · meta JSON · u32 length · passage index snapshot · u32 length · title index
 * snapshot (see snapshot.ts).
 */
export async function readSavedIndex(file: string): Promise<SavedIndex | null> {
  await removeStaleIndexTemps(path.dirname(file));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  try {
    const sections = splitSections(bytes, 3);
    const meta = JSON.parse(new TextDecoder().decode(sections[0])) as Meta;
    if (meta.version !== INDEX_VERSION || meta.optionsHash !== OPTIONS_HASH) return null;
    const passages = indexFromSnapshot(sections[1] as Uint8Array, passageIndexOptions());
    const titles = indexFromSnapshot(sections[2] as Uint8Array, titleIndexOptions());
    return {
      index: PassageIndex.fromIndexes(passages, titles),
      articles: new Map(Object.entries(meta.articles)),
      fingerprint: meta.fingerprint,
    };
  } catch {
    return null;
  }
}

/** Saves the index atomically (temporary file, then rename), in chunks. */
export async function writeSavedIndex(file: string, saved: SavedIndex): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const meta: Meta = {
    version: INDEX_VERSION,
    optionsHash: OPTIONS_HASH,
    fingerprint: saved.fingerprint,
    savedAt: new Date().toISOString(),
    articles: Object.fromEntries(saved.articles),
  };
  const { passages, titles } = saved.index.toSnapshots();
  const chunks: Uint8Array[] = [];
  // Padded with spaces to 4 bytes, so that the snapshots after it start aligned for Int32Array views.
  let metaJson = JSON.stringify(meta);
  metaJson += " ".repeat((4 - (Buffer.byteLength(metaJson) % 4)) % 4);
  for (const section of [[new TextEncoder().encode(metaJson)], snapshotOf(passages), snapshotOf(titles)]) {
    chunks.push(u32(section.reduce((n, c) => n + c.length, 0)), ...section);
  }
  await writeFileAtomic(file, chunks);
}

function splitSections(bytes: Uint8Array, count: number): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sections: Uint8Array[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const length = view.getUint32(at, true);
    at += 4;
    if (at + length > bytes.byteLength) throw new Error("persist: the saved index is truncated");
    sections.push(bytes.subarray(at, at + length));
    at += length;
  }
  return sections;
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}

/** Removes the temporary files of index saves whose process was killed (see removeStaleTemps). */
async function removeStaleIndexTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await removeStaleTemps(dir, names);
}
