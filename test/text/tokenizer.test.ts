import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultDictionaryPath, loadTokenizer } from "../../src/text/tokenizer.ts";

describe("loadTokenizer", () => {
  it("builds the tokenizer once and shares it", async () => {
    const a = loadTokenizer();
    const b = loadTokenizer();
    expect(a).toBe(b);
    expect(await a).toBe(await b);
  });

  it("rejects a missing dictionary with its path, and retries on the next call", async () => {
    const missing = path.join(await mkdtemp(path.join(os.tmpdir(), "shiori-dict-")), "nowhere");
    const first = loadTokenizer(missing);
    await expect(first).rejects.toThrow(/nowhere/u);
    // the failed promise is not cached: the next call tries again
    const second = loadTokenizer(missing);
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow(/dictionary/u);
  });

  it("loads the dictionary shipped with kuromoji", async () => {
    const tokenizer = await loadTokenizer(defaultDictionaryPath());
    expect(tokenizer.tokenize("形態素解析").map((t) => t.surface_form)).toEqual(["形態素", "解析"]);
  });
});
