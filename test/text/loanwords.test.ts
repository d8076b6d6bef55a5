import { describe, expect, it } from "vitest";
import { formDistance, katakanaForm, keyOf, LatinSpellings, latinForm } from "../../src/text/loanwords.ts";

describe("how a loanword sounds", () => {
  it.each([
    // katakana, Latin, as both are read
    ["エクスペリア", "xperia", "eksperia", "ksperia"],
    ["ミクシィ", "mixi", "miksi", "miksi"],
    ["ギャラクシー", "galaxy", "garaksi", "garaksi"],
    ["シンクパッド", "thinkpad", "sinkpad", "sinkpad"],
    ["ウィンドウズ", "windows", "uindous", "uindous"],
    ["アクオス", "aquos", "akuos", "akuos"],
    ["ドコモ", "docomo", "dokomo", "dokomo"],
    ["フォン", "phone", "fon", "fon"],
  ])("%s and %s", (katakana, latin, katakanaRead, latinRead) => {
    expect(katakanaForm(katakana)).toBe(katakanaRead);
    expect(latinForm(latin)).toBe(latinRead);
  });

  it("keys a form by its consonants, and not a form of fewer than three", () => {
    expect(keyOf("eksperia")).toBe("kspr");
    expect(keyOf("ksperia")).toBe("kspr");
    expect(keyOf("fon")).toBeNull();
  });

  it("reads only katakana, and only Latin letters", () => {
    expect(katakanaForm("エクスペリアSX")).toBeUndefined();
    expect(katakanaForm("ひらがな")).toBeUndefined();
    expect(latinForm("s3")).toBeUndefined();
  });

  it("counts the letters two forms differ by", () => {
    expect(formDistance("eksperia", "ksperia")).toBe(1);
    expect(formDistance("miksi", "maks")).toBe(2);
    expect(formDistance("", "abc")).toBe(3);
  });
});

describe("LatinSpellings", () => {
  const terms = ["xperia", "explorer", "max", "mixi", "wimax", "nhk", "thinkpad", "タブレット", "x␟peria"];
  const spellings = new LatinSpellings(terms);
  const everywhere = () => 1;

  it("finds the Latin word a katakana word sounds like, the nearest of those with its consonants", () => {
    expect(spellings.of("エクスペリア", everywhere)).toBe("xperia");
    expect(spellings.of("ミクシィ", everywhere)).toBe("mixi");
    expect(spellings.of("シンクパッド", everywhere)).toBe("thinkpad");
  });

  it("finds none too far, none the library no longer holds, and no abbreviation", () => {
    expect(spellings.of("マクシマム", everywhere)).toBeUndefined();
    expect(spellings.of("エクスペリア", (term) => (term === "xperia" ? 0 : 1))).toBeUndefined();
    expect(spellings.of("エヌエイチケー", everywhere)).toBeUndefined();
  });

  it("of equally near ones, takes the one more passages hold", () => {
    const alike = new LatinSpellings(["lumix", "rumix"]);
    expect(alike.of("ルミックス", (term) => (term === "rumix" ? 5 : 2))).toBe("rumix");
    expect(alike.of("ルミックス", (term) => (term === "lumix" ? 5 : 2))).toBe("lumix");
  });
});
