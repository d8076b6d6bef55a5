import type MiniSearch from "minisearch";
import type { Options } from "minisearch";
import { LazyTermMap, type MiniSearchInternals, newIndex } from "./index.ts";

/**
 * A compact snapshot of a MiniSearch index: a small JSON header, the terms as one JSON array, and the
 * postings as 32-bit integers. MiniSearch's own `toJSON`/`loadJSON` spell every posting as an object
 * key (`{"1234": 2}`) that `loadJS` parses back with `parseInt`: on livedoor (75k passages) that took
 * 0.8 s to parse and 3 s to load, and a JSON string as large as the index. Here loading reads numbers
 * straight from a typed array, and saving writes the postings into 4 MB typed arrays as it walks them.
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

/** Postings walked between two chances to give the event loop back (see snapshotGivingWay). */
const POSTINGS_PER_STEP = 20_000;

/** The snapshot of an index, as the chunks of bytes to write in order. */
export function snapshotOf<T>(index: MiniSearch<T>): Uint8Array[] {
  const steps = snapshotSteps(index);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The snapshot of an index, as snapshotOf makes it, calling `giveWay` between steps of about
 * POSTINGS_PER_STEP postings and awaiting what it returns: on livedoor the walk takes the thread 0.6–1 s,
 * and a save after each add, refetch, removal or sync held every member's interaction that long. Each term
 * is walked in one step, and the documents are read once at the start: the index must not gain or lose
 * documents meanwhile (the engine saves in the same serialized step as its writes). Terms read or
 * vacuumed meanwhile are fine: a Map's iterator sees each entry as it is when reached.
 */
export async function snapshotGivingWay<T>(
  index: MiniSearch<T>,
  giveWay: () => Promise<void> | undefined,
): Promise<Uint8Array[]> {
  const steps = snapshotSteps(index);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await giveWay();
  }
}

/** The snapshot's work, pausing (yield) between steps; returns the chunks. */
function* snapshotSteps<T>(index: MiniSearch<T>): Generator<undefined, Uint8Array[], undefined> {
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
  const postings = new IntWriter();
  // A term never read since its index was loaded is copied from the snapshot it came from, not read.
  const lazy = ms._index instanceof LazyTermMap ? (ms._index as LazyTermMap<TermData>) : null;
  const stored: Iterable<[string, TermData | number]> = lazy
    ? lazy.storedEntries()
    : (ms._index as Iterable<[string, TermData]>);
  let walked = 0;
  for (const [term, fields] of stored) {
    if (walked >= POSTINGS_PER_STEP) {
      walked = 0;
      yield;
    }
    walked++;
    // Postings of discarded documents are left behind by MiniSearch until it vacuums: dropped here. Each
    // field's live postings are counted, then written straight into the output, with no copy between.
    const slices = typeof fields === "number" ? slicesAt((lazy as LazyTermMap<TermData>).source, fields) : fields;
    const counts: number[] = [];
    for (const [, field] of slices) {
      counts.push(liveCount(field, live));
      walked += field instanceof Map ? field.size : field.count;
    }
    const fieldsKept = counts.filter((n) => n > 0).length;
    if (fieldsKept === 0) continue;
    if (term.includes(TERM_LINE_END)) throw new Error(`snapshot: a term holds a line break: ${JSON.stringify(term)}`);
    terms.push(term);
    postings.push(fieldsKept);
    let f = 0;
    for (const [fieldId, field] of slices) {
      const count = counts[f++] as number;
      if (count === 0) continue;
      postings.push(fieldId);
      postings.push(count);
      if (field instanceof Map) {
        for (const [shortId, freq] of field) {
          if (!live.has(shortId)) continue;
          postings.push(shortId);
          postings.push(freq);
        }
      } else {
        const { ints, start, count: stored } = field;
        for (let i = 0, p = start; i < stored; i++, p += 2) {
          const shortId = ints[p] as number;
          if (!live.has(shortId)) continue;
          postings.push(shortId);
          postings.push(ints[p + 1] as number);
        }
      }
    }
  }
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
  for (const c of postings.chunks()) out.push(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
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
  // documents left out of the columns would load as an index that finds nothing, and says nothing of it
  if (header.shortIds.length !== header.documentCount || header.ids.length !== header.documentCount)
    throw new Error(`snapshot: ${header.ids.length} documents listed of ${header.documentCount}: the file is damaged`);
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
    const termFields = ints[p++] as number;
    // Counts no index has are refused before they are walked: 2^31 fields took 38 s to be found wrong.
    if (!(termFields >= 0 && termFields <= fieldCount))
      throw new Error(`snapshot: a term has ${termFields} fields, the index ${fieldCount}: the file is damaged`);
    for (let f = 0; f < termFields; f++) {
      const count = ints[p + 1] as number; // after the field id
      if (!(count >= 0)) throw new Error(`snapshot: a term has ${count} postings: the file is damaged`);
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

/** A field's postings still in the snapshot a loaded index came from: `count` (short id, frequency) pairs. */
interface PostingsSlice {
  readonly ints: Int32Array;
  readonly start: number;
  readonly count: number;
}

/** A term's postings per field, located in snapshot integers but not read: field id → its slice. */
function slicesAt(ints: Int32Array, offset: number): [number, PostingsSlice][] {
  const slices: [number, PostingsSlice][] = [];
  let p = offset;
  const fieldCount = ints[p++] as number;
  for (let f = 0; f < fieldCount; f++) {
    const fieldId = ints[p++] as number;
    const count = ints[p++] as number;
    slices.push([fieldId, { ints, start: p, count }]);
    p += 2 * count;
  }
  return slices;
}

/** How many of a field's postings belong to live documents. */
function liveCount(field: Map<number, number> | PostingsSlice, live: ReadonlyMap<number, string>): number {
  let count = 0;
  if (field instanceof Map) {
    for (const shortId of field.keys()) if (live.has(shortId)) count++;
  } else {
    for (let i = 0, p = field.start; i < field.count; i++, p += 2) if (live.has(field.ints[p] as number)) count++;
  }
  return count;
}

/** Integers appended into fixed-size typed arrays: no growing array of numbers, no copy at the end. */
class IntWriter {
  static readonly CHUNK = 1 << 20;
  readonly #full: Int32Array[] = [];
  #current = new Int32Array(IntWriter.CHUNK);
  #used = 0;

  push(value: number): void {
    if (this.#used === this.#current.length) {
      this.#full.push(this.#current);
      this.#current = new Int32Array(IntWriter.CHUNK);
      this.#used = 0;
    }
    this.#current[this.#used++] = value;
  }

  chunks(): Int32Array[] {
    return [...this.#full, this.#current.subarray(0, this.#used)];
  }
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}
