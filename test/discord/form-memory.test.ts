import { describe, expect, it } from "vitest";
import { createFormMemory, FORM_MEMORY_LIMIT, FORM_MEMORY_TTL_MS } from "../../src/form-memory.ts";

/** What the bot keeps of refused forms for 「入力し直す」: for whom, how many, and for how long. */

const values = (title: string) => new Map([["title", title]]);

describe("createFormMemory", () => {
  it("gives back what was kept under a key, with who typed it", () => {
    const forms = createFormMemory();
    const typed = new Map([
      ["title", "風呂敷の包み方"],
      ["text", "本文"],
    ]);
    const key = forms.put("1400000000000000003", typed);
    // The key goes in a custom id after `article:retry:`: short, no separator, and not guessable.
    expect(key).toMatch(/^[\w-]{16}$/u);
    expect(forms.put("1400000000000000003", typed)).not.toBe(key);
    expect(forms.get(key)).toEqual({ ownerId: "1400000000000000003", values: typed });
    // A copy: the map the caller had may change.
    typed.set("title", "変わった題");
    expect(forms.get(key)?.values.get("title")).toBe("風呂敷の包み方");
    forms.delete(key);
    expect(forms.get(key)).toBeUndefined();
  });

  it("forgets what was kept after its lifetime (15 minutes)", () => {
    let t = 0;
    const forms = createFormMemory({ now: () => t });
    const key = forms.put("1", values("a"));
    t = FORM_MEMORY_TTL_MS - 1;
    expect(forms.get(key)).toBeDefined();
    t = FORM_MEMORY_TTL_MS;
    expect(forms.get(key)).toBeUndefined();
    expect(FORM_MEMORY_TTL_MS).toBe(15 * 60 * 1_000);
  });

  it("keeps at most its limit, forgetting the oldest first", () => {
    const forms = createFormMemory({ limit: 3 });
    const keys = ["a", "b", "c", "d"].map((title) => forms.put("1", values(title)));
    expect(keys.map((k) => forms.get(k)?.values.get("title"))).toEqual([undefined, "b", "c", "d"]);
    expect(FORM_MEMORY_LIMIT).toBeGreaterThanOrEqual(100);
    expect(FORM_MEMORY_LIMIT).toBeLessThanOrEqual(1_000);
  });

  it("drops what expired as new forms are kept, whether asked for or not", () => {
    let t = 0;
    const forms = createFormMemory({ limit: 2, now: () => t });
    const old = forms.put("1", values("old"));
    t = FORM_MEMORY_TTL_MS + 1;
    const a = forms.put("1", values("a"));
    const b = forms.put("1", values("b"));
    // With the expired one gone first, both new ones fit in a limit of 2.
    expect([forms.get(old), forms.get(a)?.values.get("title"), forms.get(b)?.values.get("title")]).toEqual([
      undefined,
      "a",
      "b",
    ]);
  });

  it("holds no expired text once a new form is kept, though nobody asked for it", () => {
    let t = 0;
    const forms = createFormMemory({ now: () => t });
    forms.put("1", values("old"));
    forms.put("2", values("older too"));
    t = FORM_MEMORY_TTL_MS + 1;
    forms.put("1", values("new"));
    expect(forms.size).toBe(1);
  });
});
