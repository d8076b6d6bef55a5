import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { spellingVariantsSource } from "../../scripts/generate-spelling-variants.ts";

describe("src/text/spelling-variants.ts", () => {
  it("is what scripts/generate-spelling-variants.ts makes of the installed kuromoji's dictionary", () => {
    const committed = readFileSync(new URL("../../src/text/spelling-variants.ts", import.meta.url), "utf8");
    expect(spellingVariantsSource()).toBe(committed);
  });
});
