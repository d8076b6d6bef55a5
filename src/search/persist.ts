import { createHash } from "node:crypto";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Article } from "../article/article.ts";
import { type FileStamp, removeStaleTemps, writeFileAtomic } from "../article/store.ts";
import { givingWayEvery } from "../give-way.ts";
import { INDEX_VERSION, OPTIONS_HASH, PassageIndex, passageIndexOptions, titleIndexOptions } from "./index.ts";
import { type PassageSpans, soundSpans } from "./passages.ts";
import { indexFromSnapshot, snapshotGivingWay } from "./snapshot.ts";

/** What the saved index knows of each article it holds. */
export interface IndexedArticle {
  /** Hash of the article file the passages were made from. */
  readonly fileHash: string;
  /** Number of passages (ids `<id>:0` … `<id>:<n-1>`). */
  readonly passages: number;
  /** The article's front matter as parsed from that file. */
  readonly meta?: Omit<Article, "body">;
  /** The file's stamp when it was read, if it was settled then (see FileStamp). */
  readonly stamp?: FileStamp | null;
}

export interface SavedIndex {
  readonly index: PassageIndex;
  readonly articles: ReadonlyMap<string, IndexedArticle>;
  readonly fingerprint: string;
  /** An indexed article's body as it was indexed (decoded from the index file on each call). */
  readonly bodyOf: (id: string) => string | undefined;
  /** Where an indexed article's passages lie in its body. */
  readonly spansOf: (id: string) => PassageSpans | undefined;
  /**
   * When the index last changed (an article indexed or discarded), not when it was last written: a save
   * that only records new file stamps keeps it. An index saved before it was recorded gives its save time.
   */
  readonly indexedAt?: Date;
}

/** What the index file says of an article. */
interface SavedArticle extends IndexedArticle {
  /** The body: its offset and length in the bodies section, in UTF-16 code units. */
  readonly body?: [number, number];
  /** Where its passages lie in the body (see PassageSpans). */
  readonly spans?: readonly number[];
  readonly headings?: readonly (string | null)[];
}

interface Meta {
  version: number;
  optionsHash: string;
  fingerprint: string;
  savedAt: string;
  /** See SavedIndex.indexedAt. */
  indexedAt?: string;
  articles: Record<string, SavedArticle>;
  /** SHA-256 of the bodies section: its text is shown to members as the articles' own. */
  bodiesHash: string;
}

/** The saved index lives next to the corpus, in a folder git ignores. */
export function indexPath(corpusDir: string): string {
  return path.join(corpusDir, ".index", "index.bin");
}

/**
 * Reads a saved index. Returns null when there is none, when it cannot be read or is damaged (logged), or
 * when it was made by another version or with other options: the caller then rebuilds it. A saved index is a cache, never
 * the source of truth.
 *
 * File layout: u32 length · meta JSON · u32 length · passage index snapshot · u32 length · title index
 * snapshot (see snapshot.ts) · u32 length · the bodies, in UTF-16LE. The bodies are there so that
 * start-up need not read the corpus's files again: unchanged files (by their stamps) are taken from
 * here, and UTF-16 decodes about ten times as fast as UTF-8 (Japanese text is smaller in it, too).
 */
export async function readSavedIndex(
  file: string,
  log: (event: string, fields: Record<string, unknown>) => void = () => {},
): Promise<SavedIndex | null> {
  await removeStaleIndexTemps(path.dirname(file));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    // Whatever stands in its place (a folder named index.bin, a file named .index, no permission), a cache
    // that cannot be read is rebuilt; if it then cannot be saved either, the engine works in memory.
    log("engine.index.unreadable", { file, code, error: (err as Error).message });
    return null;
  }
  try {
    const sections = splitSections(bytes, 4);
    const meta = JSON.parse(new TextDecoder().decode(sections[0])) as Meta;
    if (meta.version !== INDEX_VERSION || meta.optionsHash !== OPTIONS_HASH) return null;
    // Copied out (26 MB on livedoor): a loaded index keeps views on its snapshot's integers, which would
    // otherwise keep the whole file's buffer, the bodies section with it, for the life of the process.
    const passages = indexFromSnapshot((sections[1] as Uint8Array).slice(), passageIndexOptions());
    const titles = indexFromSnapshot((sections[2] as Uint8Array).slice(), titleIndexOptions());
    const section = sections[3] as Uint8Array;
    // A damaged bodies section (a bad disk, a hand edit) is not used: the articles are read from their files.
    const sound = createHash("sha256").update(section).digest("hex") === meta.bodiesHash;
    const bodies = sound ? Buffer.from(section.buffer, section.byteOffset, section.byteLength) : Buffer.alloc(0);
    // A header that does not count what the snapshots hold is not used: an article's passages are removed
    // one by one (a count of 1e12 never ended), and a negative count added them a second time.
    let passageCount = 0;
    for (const [id, entry] of Object.entries(meta.articles)) {
      if (!(Number.isSafeInteger(entry.passages) && entry.passages >= 0))
        throw new Error(`persist: article ${id} has ${entry.passages} passages`);
      passageCount += entry.passages;
    }
    if (passageCount !== passages.documentCount || Object.keys(meta.articles).length !== titles.documentCount)
      throw new Error("persist: the header does not count the passages and articles indexed");
    const articles = new Map<string, IndexedArticle>();
    for (const [id, { fileHash, passages, meta: front, stamp }] of Object.entries(meta.articles)) {
      articles.set(id, { fileHash, passages, ...(front ? { meta: front } : {}), ...(stamp ? { stamp } : {}) });
    }
    return {
      index: PassageIndex.fromIndexes(passages, titles),
      articles,
      fingerprint: meta.fingerprint,
      bodyOf: (id) => bodyIn(meta.articles[id], bodies),
      spansOf: (id) => spansIn(meta.articles[id]),
      ...timeOf(meta.indexedAt, meta.savedAt),
    };
  } catch (err) {
    log("engine.index.damaged", { file, error: (err as Error).message });
    return null;
  }
}

/** An article's body from the index file, or undefined when it holds none. */
function bodyIn(saved: SavedArticle | undefined, bodies: Buffer): string | undefined {
  if (!saved?.body) return undefined;
  const [at, length] = saved.body;
  if (!(at >= 0 && length >= 0 && 2 * (at + length) <= bodies.byteLength)) return undefined;
  return bodies.toString("utf16le", 2 * at, 2 * (at + length));
}

/** An article's passage spans from the index file, or undefined when it holds none (or not sound ones). */
/** When the index last changed: the first of the times the index file records that can be read. */
function timeOf(...isos: (string | undefined)[]): { indexedAt?: Date } {
  for (const iso of isos) {
    const at = iso === undefined ? Number.NaN : Date.parse(iso);
    if (!Number.isNaN(at)) return { indexedAt: new Date(at) };
  }
  return {};
}

function spansIn(saved: SavedArticle | undefined): PassageSpans | undefined {
  if (!saved?.spans || !saved.body) return undefined;
  const spans = { flat: saved.spans, headings: saved.headings ?? [] };
  return soundSpans(spans, saved.passages, saved.body[1]) ? spans : undefined;
}

/** Articles whose bodies are gathered between two chances to give the event loop back. */
const ARTICLES_PER_STEP = 500;

/**
 * Saves the index atomically (temporary file, then rename), in chunks. The work on this thread (about 1 s
 * on livedoor) is done in steps, awaiting `giveWay` between them (by default, a turn of the event loop
 * every 15 ms), so that members' interactions are deferred and answered meanwhile. `saved` must not
 * change until it resolves.
 */
export async function writeSavedIndex(
  file: string,
  saved: SavedIndex,
  giveWay: () => Promise<void> | undefined = givingWayEvery(),
): Promise<void> {
  // Its own folder only, never the corpus folder around it: one gone while the bot runs must not come
  // back empty, to be taken for the library (see Engine's #folderToWrite).
  await mkdir(path.dirname(file)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "EEXIST") throw err;
  });
  const articles: Record<string, SavedArticle> = {};
  const bodies = new Utf16Chunks();
  let gathered = 0;
  for (const [id, entry] of saved.articles) {
    if (++gathered % ARTICLES_PER_STEP === 0) await giveWay();
    const body = saved.bodyOf(id);
    const spans = saved.spansOf(id);
    if (body === undefined || !spans) {
      articles[id] = entry;
      continue;
    }
    articles[id] = { ...entry, body: [bodies.length, body.length], spans: spans.flat, headings: spans.headings };
    bodies.push(body);
  }
  const bodyChunks = bodies.chunks();
  const bodiesHash = createHash("sha256");
  for (const chunk of bodyChunks) {
    bodiesHash.update(chunk);
    await giveWay();
  }
  const meta: Meta = {
    version: INDEX_VERSION,
    optionsHash: OPTIONS_HASH,
    fingerprint: saved.fingerprint,
    savedAt: new Date().toISOString(),
    indexedAt: (saved.indexedAt ?? new Date()).toISOString(),
    articles,
    bodiesHash: bodiesHash.digest("hex"),
  };
  const { passages, titles } = saved.index.toSnapshots();
  const chunks: Uint8Array[] = [];
  // Padded with spaces to 4 bytes, so that the snapshots after it start aligned for Int32Array views.
  let metaJson = await jsonGivingWay(meta, giveWay);
  metaJson += " ".repeat((4 - (Buffer.byteLength(metaJson) % 4)) % 4);
  const sections = [
    [new TextEncoder().encode(metaJson)],
    await snapshotGivingWay(passages, giveWay),
    await snapshotGivingWay(titles, giveWay),
    bodyChunks,
  ];
  for (const section of sections) {
    chunks.push(u32(section.reduce((n, c) => n + c.length, 0)), ...section);
  }
  await writeFileAtomic(file, chunks);
}

/**
 * JSON.stringify(meta), its articles written one step of ARTICLES_PER_STEP at a time (on livedoor, 7,358
 * entries with their passages' spans).
 */
async function jsonGivingWay(meta: Meta, giveWay: () => Promise<void> | undefined): Promise<string> {
  const { articles, ...rest } = meta;
  const entries: string[] = [];
  for (const [id, entry] of Object.entries(articles)) {
    entries.push(`${JSON.stringify(id)}:${JSON.stringify(entry)}`);
    if (entries.length % ARTICLES_PER_STEP === 0) await giveWay();
  }
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head.length > 2 ? "," : ""}"articles":{${entries.join(",")}}}`;
}

/** Strings encoded in UTF-16LE into chunks of about 4 MB: a few large writes rather than one per article. */
class Utf16Chunks {
  static readonly CHUNK_UNITS = 2 << 20;
  readonly #done: Uint8Array[] = [];
  #pending: string[] = [];
  #pendingUnits = 0;
  /** Code units pushed so far. */
  length = 0;

  push(text: string): void {
    this.#pending.push(text);
    this.#pendingUnits += text.length;
    this.length += text.length;
    if (this.#pendingUnits >= Utf16Chunks.CHUNK_UNITS) this.#flush();
  }

  chunks(): Uint8Array[] {
    this.#flush();
    return this.#done;
  }

  #flush(): void {
    if (this.#pending.length) this.#done.push(Buffer.from(this.#pending.join(""), "utf16le"));
    this.#pending = [];
    this.#pendingUnits = 0;
  }
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
