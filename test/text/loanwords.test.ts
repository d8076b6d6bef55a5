import { describe, expect, it } from "vitest";
import {
  formDistance,
  KatakanaSpellings,
  katakanaForm,
  keyOf,
  LatinSpellings,
  latinForm,
} from "../../src/text/loanwords.ts";

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
    // ツ is read as t, as ts is
    ["ツナミ", "tsunami", "tunami", "tunami"],
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
  const terms = [
    ...["xperia", "explorer", "max", "mixi", "wimax", "nhk", "thinkpad", "zozotown", "タブレット", "x␟peria"],
    ...["tanaka", "radeon", "honda", "hacks", "sex", "zenbook", "microsim", "skin"],
  ];
  const spellings = new LatinSpellings(terms);
  const everywhere = () => 1;

  it("finds the Latin word a katakana word sounds like, the nearest of those with its consonants", () => {
    expect(spellings.of("エクスペリア", everywhere)).toBe("xperia");
    expect(spellings.of("シンクパッド", everywhere)).toBe("thinkpad");
    expect(spellings.of("ゾゾタウン", everywhere)).toBe("zozotown");
  });

  it("finds none too far, none the library no longer holds, and no abbreviation", () => {
    expect(spellings.of("マクシマム", everywhere)).toBeUndefined();
    expect(spellings.of("エクスペリア", (term) => (term === "xperia" ? 0 : 1))).toBeUndefined();
    expect(spellings.of("エヌエイチケー", everywhere)).toBeUndefined();
  });

  it("finds none for a short word, nor for one a letter away under seven letters: too many words sound alike", () => {
    // a tanker, radon, solder, applause, a place, fellowship, a Mikurajima, sterilization: none is those
    for (const word of ["タンカー", "ラドン", "ハンダ", "ハクシュ", "シュクヅ", "シンボク", "ミクラジマ", "サッキン"])
      expect(spellings.of(word, everywhere)).toBeUndefined();
    // mixi (miksi) is one of them
    expect(spellings.of("ミクシィ", everywhere)).toBeUndefined();
  });

  it("of equally near ones, takes the one more passages hold", () => {
    const alike = new LatinSpellings(["thinkpad", "sinkpad"]);
    expect(alike.of("シンクパッド", (term) => (term === "sinkpad" ? 5 : 2))).toBe("sinkpad");
    expect(alike.of("シンクパッド", (term) => (term === "thinkpad" ? 5 : 2))).toBe("thinkpad");
  });
});

describe("KatakanaSpellings", () => {
  const spellings = new KatakanaSpellings([
    "グーテンベルク",
    "アメーバピグ",
    "ヴァンパイア",
    "バッグ",
    "xperia",
    "テレビ",
  ]);
  const everywhere = () => 1;

  it("finds the library's katakana word heard the same but for voicing, ー and ッ", () => {
    expect(spellings.of("グーテンベルグ", everywhere)).toBe("グーテンベルク");
    expect(spellings.of("アメバピグ", everywhere)).toBe("アメーバピグ");
    expect(spellings.of("クーテンヘルク", everywhere)).toBe("グーテンベルク");
  });

  it("finds none for a short word, a word a kana off, the word itself, or one no passage holds", () => {
    // バッグ and パック: too many short words differ by voicing alone
    expect(spellings.of("パック", everywhere)).toBeUndefined();
    expect(spellings.of("グーテンベルト", everywhere)).toBeUndefined();
    // ヤ is no ア: a kana off is another word
    expect(spellings.of("ヴァンパイヤ", everywhere)).toBeUndefined();
    expect(spellings.of("グーテンベルク", everywhere)).toBeUndefined();
    expect(spellings.of("グーテンベルグ", () => 0)).toBeUndefined();
  });

  it("of several, takes the one more passages hold", () => {
    const alike = new KatakanaSpellings(["グーテンベルク", "クーテンベルク"]);
    expect(alike.of("グーテンベルグ", (term) => (term === "クーテンベルク" ? 5 : 2))).toBe("クーテンベルク");
  });
});
