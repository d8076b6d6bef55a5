import type MiniSearch from "minisearch";
import type { Options } from "minisearch";
import { type MiniSearchInternals, newIndex } from "./index.ts";

/**
 * A compact snapshot of a MiniSearch index: a small JSON header, the terms as one JSON array, and the
 * postings as 32-bit integers. MiniSearch's own `toJSON`/`loadJSON` spell every posting as an object
 * key (`{"1234": 2}`) that `loadJS` parses back with `parseInt`: on livedoor (75k passages) that took
 * 0.8 s to parse and 3 s to load, and a JSON string as large as the index. Here loading reads numbers
 * straight from a typed array, and saving writes the postings in pieces.
 *
 * Layout: "SHIO" · u32 header bytes · header JSON · u32 terms bytes · terms JSON · i32 postings, where
 * for each term: field count, then per field: field id, posting count, (short id, frequency) pairs.
 */
const MAGIC = "SHIO";

interface Header {
  readonly documentCount: number;
  readonly nextId: number;
  readonly fieldIds: Record<string, number>;
  readonly averageFieldLength: number[];
  readonly dirtCount: number;
  /** [shortId, id, ...fieldLengths] per document */
  readonly documents: [number, string, ...number[]][];
}

/** The snapshot of an index, as the chunks of bytes to write in order. */
export function snapshotOf<T>(index: MiniSearch<T>): Uint8Array[] {
  const ms = index as unknown as MiniSearchInternals;
  const live = ms._documentIds;
  const documents: Header["documents"] = [];
  for (const [shortId, id] of live) documents.push([shortId, id, ...(ms._fieldLength.get(shortId) ?? [])]);
  const header: Header = {
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    fieldIds: ms._fieldIds,
    averageFieldLength: ms._avgFieldLength,
    dirtCount: 0,
    documents,
  };
  const terms: string[] = [];
  const chunks: Int32Array[] = [];
  let buffer: number[] = [];
  const flush = () => {
    chunks.push(Int32Array.from(buffer));
    buffer = [];
  };
  for (const [term, fields] of ms._index as Iterable<[string, Map<number, Map<number, number>>]>) {
    const entries: [number, [number, number][]][] = [];
    for (const [fieldId, postings] of fields) {
      // Postings of discarded documents are left behind by MiniSearch until it vacuums: drop them here.
      const kept: [number, number][] = [];
      for (const [shortId, freq] of postings) if (live.has(shortId)) kept.push([shortId, freq]);
      if (kept.length) entries.push([fieldId, kept]);
    }
    if (entries.length === 0) continue;
    terms.push(term);
    buffer.push(entries.length);
    for (const [fieldId, kept] of entries) {
      buffer.push(fieldId, kept.length);
      for (const [shortId, freq] of kept) buffer.push(shortId, freq);
    }
    if (buffer.length > 1 << 20) flush();
  }
  flush();
  const encoder = new TextEncoder();
  const headerBytes = encoder.encode(JSON.stringify(header));
  const termBytes = encoder.encode(JSON.stringify(terms));
  const out: Uint8Array[] = [
    encoder.encode(MAGIC),
    u32(headerBytes.length),
    headerBytes,
    u32(termBytes.length),
    termBytes,
  ];
  // Align the postings on 4 bytes so that they can be read as an Int32Array without copying.
  const offset = out.reduce((n, c) => n + c.length, 0);
  out.push(new Uint8Array((4 - (offset % 4)) % 4));
  for (const c of chunks) out.push(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  return out;
}

/** An index from its snapshot. Throws when the bytes are not a snapshot. */
export function indexFromSnapshot<T>(bytes: Uint8Array, options: Options<T>): MiniSearch<T> {
  const decoder = new TextDecoder();
  if (decoder.decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error("snapshot: not a shiori index snapshot");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 4;
  const headerLength = view.getUint32(at, true);
  at += 4;
  const header = JSON.parse(decoder.decode(bytes.subarray(at, at + headerLength))) as Header;
  at += headerLength;
  const termsLength = view.getUint32(at, true);
  at += 4;
  const terms = JSON.parse(decoder.decode(bytes.subarray(at, at + termsLength))) as string[];
  at += termsLength;
  at += (4 - (at % 4)) % 4;
  const aligned = (bytes.byteOffset + at) % 4 === 0;
  const ints = aligned
    ? new Int32Array(bytes.buffer, bytes.byteOffset + at, (bytes.byteLength - at) >> 2)
    : new Int32Array(bytes.slice(at).buffer);

  const index = newIndex<T>(options);
  const ms = index as unknown as MiniSearchInternals;
  ms._documentCount = header.documentCount;
  ms._nextId = header.nextId;
  ms._fieldIds = header.fieldIds;
  ms._avgFieldLength = header.averageFieldLength;
  ms._dirtCount = header.dirtCount;
  for (const [shortId, id, ...lengths] of header.documents) {
    ms._documentIds.set(shortId, id);
    ms._idToShortId.set(id, shortId);
    ms._fieldLength.set(shortId, lengths);
  }
  // Each term's postings become Maps on first use: a query touches a handful of terms, and building
  // every Map up front took 3 s on livedoor. Walking the integers to find each term's start is cheap.
  let p = 0;
  for (const term of terms) {
    const start = p;
    const fieldCount = ints[p++] as number;
    for (let f = 0; f < fieldCount; f++) {
      const count = ints[p + 1] as number; // after the field id
      p += 2 + 2 * count;
    }
    if (p > ints.length) throw new Error("snapshot: postings run past the end: the file is damaged");
    ms._index.set(term, new LazyTermData(ints, start));
  }
  if (p !== ints.length) throw new Error(`snapshot: ${ints.length - p} postings left over: the file is damaged`);
  return index;
}

/**
 * A term's postings per field, as MiniSearch keeps them (field id → document short id → frequency),
 * read from the snapshot's integers the first time anything asks for them.
 */
class LazyTermData extends Map<number, Map<number, number>> {
  #ints: Int32Array | null;
  readonly #offset: number;

  constructor(ints: Int32Array, offset: number) {
    super();
    this.#ints = ints;
    this.#offset = offset;
  }

  #load(): void {
    const ints = this.#ints;
    if (!ints) return;
    this.#ints = null;
    let p = this.#offset;
    const fieldCount = ints[p++] as number;
    for (let f = 0; f < fieldCount; f++) {
      const fieldId = ints[p++] as number;
      const count = ints[p++] as number;
      const postings = new Map<number, number>();
      for (let i = 0; i < count; i++, p += 2) postings.set(ints[p] as number, ints[p + 1] as number);
      super.set(fieldId, postings);
    }
  }

  override get size(): number {
    this.#load();
    return super.size;
  }
  override get(key: number) {
    this.#load();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.#load();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>): this {
    this.#load();
    return super.set(key, value);
  }
  override delete(key: number): boolean {
    this.#load();
    return super.delete(key);
  }
  override clear(): void {
    this.#ints = null;
    super.clear();
  }
  override forEach(
    fn: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ): void {
    this.#load();
    super.forEach(fn, thisArg);
  }
  override keys() {
    this.#load();
    return super.keys();
  }
  override values() {
    this.#load();
    return super.values();
  }
  override entries() {
    this.#load();
    return super.entries();
  }
  override [Symbol.iterator]() {
    this.#load();
    return super[Symbol.iterator]();
  }
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}
