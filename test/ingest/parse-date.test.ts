import { describe, expect, it } from "vitest";
import { findDate, parseDate } from "../../src/ingest/parse-date.ts";

describe("parseDate", () => {
  it.each([
    // machine-readable values keep their instant and are written in +09:00
    ["2019-02-23T12:05:00+09:00", "2019-02-23T12:05:00+09:00"],
    ["2019-02-22T12:00:00.000Z", "2019-02-22T21:00:00+09:00"],
    ["2019-02-22T03:52:08+0000", "2019-02-22T12:52:08+09:00"],
    // no offset: Japan's time
    ["2019-02-22T10:00", "2019-02-22T10:00:00+09:00"],
    ["2019-02-22", "2019-02-22T00:00:00+09:00"],
    ["Fri, 22 Feb 2019 12:00:00 GMT", "2019-02-22T21:00:00+09:00"],
    // Impress Watch's closing line
    ["2005/10/31 15:22", "2005-10-31T15:22:00+09:00"],
    ["2012年9月4日", "2012-09-04T00:00:00+09:00"],
    ["2012年9月4日(火) 15時22分", "2012-09-04T15:22:00+09:00"],
    ["2019年2月22日 12:52", "2019-02-22T12:52:00+09:00"],
    // full-width digits, read after NFKC
    ["２０１２年９月４日　１５：２２", "2012-09-04T15:22:00+09:00"],
    // 和暦: 元年 is the first year of an era
    ["令和元年5月1日", "2019-05-01T00:00:00+09:00"],
    ["平成24年9月4日", "2012-09-04T00:00:00+09:00"],
    ["2012.9.4 8:05", "2012-09-04T08:05:00+09:00"],
  ])("reads %s", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["昨日", "relative dates are not publication times"],
    ["2月12日", "no year"],
    ["2019年2月30日", "no such day"],
    ["2019/13/01", "no such month"],
  ])("finds no date in %j (%s)", (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it("writes times in another offset when asked", () => {
    expect(parseDate("2019-02-22T12:00:00Z", { offset: "+00:00" })).toBe("2019-02-22T12:00:00+00:00");
    expect(parseDate("2005/10/31 15:22", { offset: "-05:00" })).toBe("2005-10-31T15:22:00-05:00");
  });
});

describe("findDate", () => {
  it("finds the first date in a line of text", () => {
    expect(findDate("掲載日：2019年2月22日 12:52 更新")).toBe("2019-02-22T12:52:00+09:00");
    expect(findDate("( 朝夷 剛士 ) 2005/10/31 15:22")).toBe("2005-10-31T15:22:00+09:00");
    expect(findDate("日付のない文")).toBeNull();
  });
});
