import { describe, expect, it } from "vitest";
import { formatDate, formatDateChange } from "../../src/render/date.ts";

describe("formatDate", () => {
  it("writes the date part as Japanese readers do, in the article's own zone", () => {
    expect(formatDate("2005-10-31T15:22:00+09:00")).toBe("2005年10月31日");
    expect(formatDate(null)).toBe("");
  });
});

describe("formatDateChange (a refetch's 公開日 line)", () => {
  it("gives the dates, or なし", () => {
    expect(formatDateChange("2024-07-01T10:00:00+09:00", "2024-07-02T10:00:00+09:00")).toBe(
      "2024年7月1日 → 2024年7月2日",
    );
    expect(formatDateChange(null, "2024-07-02T10:00:00+09:00")).toBe("なし → 2024年7月2日");
    expect(formatDateChange("2024-07-02T10:00:00+09:00", null)).toBe("2024年7月2日 → なし");
  });

  it("gives the times when the day is the same, never a change that reads as none", () => {
    // before, 「2024年7月1日 → 2024年7月1日」: the moderator could not tell what had changed
    expect(formatDateChange("2024-07-01T10:00:00+09:00", "2024-07-01T15:30:00+09:00")).toBe(
      "2024年7月1日 10:00 → 2024年7月1日 15:30",
    );
    // the same minute (seconds or the zone changed): the values as stored
    expect(formatDateChange("2024-07-01T10:00:00+09:00", "2024-07-01T10:00:30+09:00")).toBe(
      "2024-07-01T10:00:00+09:00 → 2024-07-01T10:00:30+09:00",
    );
    for (const [a, b] of [
      ["2024-07-01T10:00:00+09:00", "2024-07-01T15:30:00+09:00"],
      ["2024-07-01T10:00:00+09:00", "2024-07-01T10:00:00Z"],
      ["2024-07-01", "2024-07-01T09:00:00+09:00"],
    ] as const) {
      const [was, now] = formatDateChange(a, b).split(" → ");
      expect(was).not.toBe(now);
    }
  });
});
