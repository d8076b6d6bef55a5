import type MiniSearch from "minisearch";
import type { Options } from "minisearch";
import { LazyTermMap, type MiniSearchInternals, newIndex } from "./index.ts";

/**
 * A compact snapshot of a MiniSearch index: a small JSON header, the terms as one JSON array, and the
 * postings as 32-bit integers. MiniSearch's own `toJSON`/`loadJSON` spell every posting as an object
 * key (`{"1234": 2}`) that `loadJS` parses back with `parseInt`: on livedoor (75k passages) that took
 * 0.8 s to parse and 3 s to load, and a JSON string as large as the index. Here loading reads numbers
 * straight from a typed array, and saving writes the postings in pieces.
 *
 * Layout: "SHIO" · u32 header bytes · header JSON · u32 terms bytes · the terms, one per line, in UTF-8 ·
 * i32 postings, where for each term: field count, then per field: field id, posting count, (short id,
 * frequency) pairs. The terms are lines rather than a JSON array: compound terms hold a control
 * character that JSON escapes, and parsing livedoor's 190,000 escaped strings took 0.2 s.
 */
const MAGIC = "SHIO";
/** Ends each term in the terms section: no term holds a line break (analysis removes whitespace). */
const TERM_LINE_END = "\n";

interface Header {
  readonly documentCount: number;
  readonly nextId: number;
  readonly fieldIds: Record<string, number>;
  readonly averageFieldLength: number[];
  readonly dirtCount: number;
  /** The documents, as columns: short ids, ids, and the field lengths of each (fieldCount per document). */
  readonly shortIds: number[];
  readonly ids: string[];
  readonly fieldLengths: number[];
}

/** The snapshot of an index, as the chunks of bytes to write in order. */
export function snapshotOf<T>(index: MiniSearch<T>): Uint8Array[] {
  const ms = index as unknown as MiniSearchInternals;
  const live = ms._documentIds;
  const fieldCount = Object.keys(ms._fieldIds).length;
  const shortIds: number[] = [];
  const ids: string[] = [];
  const fieldLengths: number[] = [];
  for (const [shortId, id] of live) {
    shortIds.push(shortId);
    ids.push(id);
    const lengths = ms._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) fieldLengths.push(lengths[f] ?? 0);
  }
  const header: Header = {
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    fieldIds: ms._fieldIds,
    averageFieldLength: ms._avgFieldLength,
    dirtCount: 0,
    shortIds,
    ids,
    fieldLengths,
  };
  const terms: string[] = [];
  const chunks: Int32Array[] = [];
  let buffer: number[] = [];
  const flush = () => {
    chunks.push(Int32Array.from(buffer));
    buffer = [];
  };
  // A term never read since its index was loaded is copied from the snapshot it came from, not read.
  const lazy = ms._index instanceof LazyTermMap ? (ms._index as LazyTermMap<TermData>) : null;
  const stored: Iterable<[string, TermData | number]> = lazy
    ? lazy.storedEntries()
    : (ms._index as Iterable<[string, TermData]>);
  for (const [term, fields] of stored) {
    const entries: [number, [number, number][]][] = [];
    for (const [fieldId, postings] of typeof fields === "number"
      ? fieldsAt((lazy as LazyTermMap<TermData>).source, fields)
      : fields) {
      // Postings of discarded documents are left behind by MiniSearch until it vacuums: drop them here.
      const kept: [number, number][] = [];
      for (const [shortId, freq] of postings) if (live.has(shortId)) kept.push([shortId, freq]);
      if (kept.length) entries.push([fieldId, kept]);
    }
    if (entries.length === 0) continue;
    if (term.includes(TERM_LINE_END)) throw new Error(`snapshot: a term holds a line break: ${JSON.stringify(term)}`);
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
  const termBytes = encoder.encode(terms.join(TERM_LINE_END));
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
  const termText = decoder.decode(bytes.subarray(at, at + termsLength));
  const terms = termText === "" ? [] : termText.split(TERM_LINE_END);
  at += termsLength;
  at += (4 - (at % 4)) % 4;
  const aligned = (bytes.byteOffset + at) % 4 === 0;
  const ints = aligned
    ? new Int32Array(bytes.buffer, bytes.byteOffset + at, (bytes.byteLength - at) >> 2)
    : new Int32Array(bytes.slice(at).buffer);

  const termMap = new LazyTermMap<TermData>(ints, termDataAt);
  const index = newIndex<T>(options, termMap);
  const ms = index as unknown as MiniSearchInternals;
  ms._documentCount = header.documentCount;
  ms._nextId = header.nextId;
  ms._fieldIds = header.fieldIds;
  ms._avgFieldLength = header.averageFieldLength;
  ms._dirtCount = header.dirtCount;
  const fieldCount = Object.keys(header.fieldIds).length;
  for (let d = 0; d < header.shortIds.length; d++) {
    const shortId = header.shortIds[d] as number;
    const id = header.ids[d] as string;
    ms._documentIds.set(shortId, id);
    ms._idToShortId.set(id, shortId);
    ms._fieldLength.set(shortId, header.fieldLengths.slice(d * fieldCount, (d + 1) * fieldCount));
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
    termMap.setUnread(term, start);
  }
  if (p !== ints.length) throw new Error(`snapshot: ${ints.length - p} postings left over: the file is damaged`);
  return index;
}

/** A term's postings per field, as MiniSearch keeps them (field id → document short id → frequency). */
type TermData = Map<number, Map<number, number>>;

function termDataAt(ints: Int32Array, offset: number): TermData {
  const data: TermData = new Map();
  let p = offset;
  const fieldCount = ints[p++] as number;
  for (let f = 0; f < fieldCount; f++) {
    const fieldId = ints[p++] as number;
    const count = ints[p++] as number;
    const postings = new Map<number, number>();
    for (let i = 0; i < count; i++, p += 2) postings.set(ints[p] as number, ints[p + 1] as number);
    data.set(fieldId, postings);
  }
  return data;
}

/** A term's postings per field, read from snapshot integers: [field id, (short id, frequency) pairs]. */
function* fieldsAt(ints: Int32Array, offset: number): Generator<[number, Generator<[number, number]>]> {
  let p = offset;
  const fieldCount = ints[p++] as number;
  for (let f = 0; f < fieldCount; f++) {
    const fieldId = ints[p++] as number;
    const count = ints[p++] as number;
    const start = p;
    p += 2 * count;
    yield [fieldId, pairsAt(ints, start, count)];
  }
}

function* pairsAt(ints: Int32Array, start: number, count: number): Generator<[number, number]> {
  for (let i = 0, p = start; i < count; i++, p += 2) yield [ints[p] as number, ints[p + 1] as number];
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}
