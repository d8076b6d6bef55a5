import { describe, expect, it } from "vitest";
import { LruCache } from "../src/lru.ts";

describe("LruCache", () => {
  it("forgets the least recently used entries beyond its capacity", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it("counts its entries' weights where it is given them: a few long texts are as many as many short ones", () => {
    // The engine keeps analyses by their texts' characters: 2,000 questions of 6,000 characters, kept
    // as 2,000 entries, held 1.2 GB.
    const cache = new LruCache<string, string>(10, (key) => key.length);
    cache.set("aaaa", "1");
    cache.set("bbbb", "2");
    expect(cache.size).toBe(2);
    cache.set("cccc", "3"); // 12 > 10: the oldest goes
    expect([cache.get("aaaa"), cache.get("bbbb"), cache.get("cccc")]).toEqual([undefined, "2", "3"]);
    // replacing an entry counts it once
    cache.set("bbbb", "4");
    cache.set("dd", "5");
    expect(cache.size).toBe(3);
    // one heavier than the whole capacity is not kept, and pushes nothing out
    cache.set("x".repeat(11), "6");
    expect(cache.get("x".repeat(11))).toBeUndefined();
    expect(cache.size).toBe(3);
    cache.delete("cccc");
    cache.set("eeee", "7");
    expect([cache.get("bbbb"), cache.get("dd"), cache.get("eeee")]).toEqual(["4", "5", "7"]);
    cache.clear();
    expect(cache.size).toBe(0);
    cache.set("ffffffffff", "8");
    expect(cache.get("ffffffffff")).toBe("8");
  });
});
