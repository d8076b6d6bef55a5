import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { synonymsSource } from "../../scripts/generate-synonyms.ts";
import { SYNONYMS } from "../../src/text/synonyms.ts";

describe("src/text/synonyms.ts", () => {
  it("is what scripts/generate-synonyms.ts makes of the installed synonym dictionary", async () => {
    const committed = readFileSync(new URL("../../src/text/synonyms.ts", import.meta.url), "utf8");
    expect(await synonymsSource()).toBe(committed);
  }, 60_000);

  it("folds in one step: no form a form is folded to is itself folded", () => {
    const folds = new Map(SYNONYMS.split("\n").map((line) => line.split("\t") as [string, string]));
    expect(folds.size).toBeGreaterThan(10_000);
    expect([...folds].filter(([, target]) => folds.has(target))).toEqual([]);
  });
});
