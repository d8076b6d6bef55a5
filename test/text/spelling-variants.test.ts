import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { spellingVariantsSource } from "../../scripts/generate-spelling-variants.ts";
import { SPELLING_VARIANTS } from "../../src/text/spelling-variants.ts";

describe("src/text/spelling-variants.ts", () => {
  it("is what scripts/generate-spelling-variants.ts makes of the installed kuromoji's dictionary", () => {
    const committed = readFileSync(new URL("../../src/text/spelling-variants.ts", import.meta.url), "utf8");
    expect(spellingVariantsSource()).toBe(committed);
  });

  it("folds in one step: no spelling a variant is folded to is itself folded", () => {
    const folds = new Map(SPELLING_VARIANTS.split("\n").map((line) => line.split("\t") as [string, string]));
    expect([...folds].filter(([, target]) => folds.has(target))).toEqual([]);
  });
});
