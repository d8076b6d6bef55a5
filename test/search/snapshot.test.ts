import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { type LazyTermMap, passageIndexOptions } from "../../src/search/index.ts";
import { indexFromSnapshot, snapshotGivingWay, snapshotOf } from "../../src/search/snapshot.ts";
import { COMPOUND_JOINER } from "../../src/text/analyze.ts";

function concat(chunks: Uint8Array[], offset = 0): Uint8Array {
  const out = new Uint8Array(offset + chunks.reduce((n, c) => n + c.length, 0));
  let at = offset;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.subarray(offset);
}

const docs = [
  { id: "a:0", text: "富士山 標高 3776 メートル 富士山" },
  { id: "a:1", text: "登山 山小屋 予約" },
  { id: "b:0", text: "新幹線 開業 1964 東京 新大阪" },
  { id: "b:1", text: "のぞみ 東京 新大阪 2 時間" },
  { id: "c:0", text: "サーバ cpu 電力 冷却 サーバ" },
];

describe("index snapshots", () => {
  it("of a large index give the event loop back as they are made, and make the same bytes", async () => {
    // 4,000 passages of 25 terms: 100,000 postings, several steps (a save walked livedoor's 75,000
    // passages in one go, holding every member's interaction for a second)
    const original = new MiniSearch(passageIndexOptions());
    original.addAll(
      Array.from({ length: 4_000 }, (_, i) => ({
        id: `p${i}:0`,
        text: Array.from({ length: 25 }, (_, j) => `語${(i * 31 + j * 7) % 3_000}`).join(" "),
      })),
    );
    original.discard("p7:0");
    const order: string[] = [];
    const made = snapshotGivingWay(original, () => {
      order.push("gave way");
      return new Promise((resolve) => setImmediate(resolve));
    }).then((chunks) => {
      order.push("made");
      return chunks;
    });
    // an interaction that comes in meanwhile is read before the snapshot is done
    setImmediate(() => order.push("interaction"));
    const bytes = concat(await made);
    expect(order.indexOf("interaction")).toBeGreaterThanOrEqual(0);
    expect(order.indexOf("interaction")).toBeLessThan(order.indexOf("made"));
    expect(order.filter((o) => o === "gave way").length).toBeGreaterThan(2);
    expect(Buffer.compare(bytes, concat(snapshotOf(original)))).toBe(0);
  });

  it("load into an index that answers exactly as the original", async () => {
    const original = new MiniSearch(passageIndexOptions());
    original.addAll(docs);
    original.discard("b:1"); // discarded documents must not come back
    const loaded = indexFromSnapshot(concat(snapshotOf(original)), passageIndexOptions());
    // MiniSearch forgets a discarded document's postings lazily; once it has, both agree exactly
    await original.vacuum();
    for (const q of ["富士山", "東京 新大阪", "サーバ 電力", "のぞみ", "存在しない"]) {
      expect(loaded.search(q)).toEqual(original.search(q));
    }
    expect(loaded.documentCount).toBe(4);
    expect(loaded.has("b:1")).toBe(false);
    // and the loaded index keeps working: add, discard, search
    loaded.add({ id: "d:0", text: "富士山 夕焼け" });
    loaded.discard("a:1");
    expect(loaded.search("富士山").map((r) => r.id)).toEqual(expect.arrayContaining(["a:0", "d:0"]));
    expect(loaded.search("予約")).toEqual([]);
  });

  it("load from an unaligned buffer too", () => {
    const original = new MiniSearch(passageIndexOptions());
    original.addAll(docs);
    const loaded = indexFromSnapshot(concat(snapshotOf(original), 1), passageIndexOptions());
    expect(loaded.search("東京")).toEqual(original.search("東京"));
  });

  it("keep compound terms (with their control character), and save again unread terms as they were", async () => {
    const original = new MiniSearch(passageIndexOptions());
    original.addAll([...docs, { id: "e:0", text: `形態素 解析 形態素${COMPOUND_JOINER}解析` }]);
    const bytes = concat(snapshotOf(original));
    const loaded = indexFromSnapshot(bytes, passageIndexOptions());
    expect(loaded.search(`形態素${COMPOUND_JOINER}解析`)).toEqual(original.search(`形態素${COMPOUND_JOINER}解析`));
    // saving copies the terms no query has read yet from the snapshot, without reading them
    const again = indexFromSnapshot(bytes, passageIndexOptions());
    const unread = () =>
      [...(again as unknown as { _index: LazyTermMap<object> })._index.storedEntries()].filter(
        ([, v]) => typeof v === "number",
      ).length;
    const before = unread();
    expect(before).toBeGreaterThan(0);
    expect(concat(snapshotOf(again))).toEqual(bytes);
    expect(unread()).toBe(before);
    // ...and drops a discarded document's postings from them as from the others
    const pruned = indexFromSnapshot(bytes, passageIndexOptions());
    pruned.discard("a:1");
    const reloaded = indexFromSnapshot(concat(snapshotOf(pruned)), passageIndexOptions());
    expect(reloaded.search("予約")).toEqual([]);
    expect(reloaded.search("富士山").map((r) => r.id)).toEqual(["a:0"]);
    // MiniSearch's vacuum walks every term too
    again.discard("e:0");
    await again.vacuum();
    expect(again.search(`形態素${COMPOUND_JOINER}解析`)).toEqual([]);
    expect(again.search("東京").map((r) => r.id)).toEqual(original.search("東京").map((r) => r.id));
  });

  it("write postings longer than one chunk of the writer (2^20 integers) whole", () => {
    const original = new MiniSearch(passageIndexOptions());
    // 60,000 documents of 10 terms: 600,000 postings, 1.2 M integers
    original.addAll(
      Array.from({ length: 60_000 }, (_, i) => ({
        id: `x:${i}`,
        text: Array.from({ length: 10 }, (_, k) => `t${k}_${i % (k * 97 + 13)}`).join(" "),
      })),
    );
    const bytes = concat(snapshotOf(original));
    expect(bytes.length).toBeGreaterThan(4 * (1 << 20));
    const loaded = indexFromSnapshot(bytes, passageIndexOptions());
    for (const q of ["t0_5", "t9_900 t3_12", "t5_0"]) expect(loaded.search(q)).toEqual(original.search(q));
    // saved again from the loaded index: the same bytes (compared whole: toEqual walks 5 MB slowly)
    expect(Buffer.compare(concat(snapshotOf(loaded)), bytes)).toBe(0);
  });

  it("refuse bytes that are not a snapshot, or a damaged one", () => {
    expect(() => indexFromSnapshot(new TextEncoder().encode("{}"), passageIndexOptions())).toThrow(/snapshot/u);
    const original = new MiniSearch(passageIndexOptions());
    original.addAll(docs);
    const bytes = concat(snapshotOf(original));
    expect(() => indexFromSnapshot(bytes.subarray(0, bytes.length - 8), passageIndexOptions())).toThrow();
  });

  it("refuse a term said to have more fields than the index, or a negative number of postings", () => {
    const original = new MiniSearch(passageIndexOptions());
    original.addAll(docs);
    const bytes = concat(snapshotOf(original));
    // the postings are the last section: the first term's field count, then its field id and posting count
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const termsLength = view.getUint32(8 + view.getUint32(4, true), true);
    let at = 12 + view.getUint32(4, true) + termsLength;
    at += (4 - (at % 4)) % 4;
    // 2^31 - 1 fields were walked one by one (38 s) before the postings were found wrong
    const fields = bytes.slice();
    new DataView(fields.buffer).setInt32(at, 0x7fffffff, true);
    expect(() => indexFromSnapshot(fields, passageIndexOptions())).toThrow(/2147483647 fields/u);
    const postings = bytes.slice();
    new DataView(postings.buffer).setInt32(at + 8, -3, true);
    expect(() => indexFromSnapshot(postings, passageIndexOptions())).toThrow(/-3 postings/u);
  });
});
