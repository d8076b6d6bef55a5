import { describe, expect, it } from "vitest";
import { decodeText, isBinary } from "../../src/ingest/decode-text.ts";
import { encode, LIBRARY_PAGE, netpbm, pageHtml, pngBytes, utf16 } from "./pages.ts";

const TEXT = LIBRARY_PAGE.paragraphs.join("\n");

describe("decodeText", () => {
  it.each([
    ["utf-8", "UTF-8"],
    ["shift_jis", "Shift_JIS"],
    ["shift_jis", "CP932"],
    ["shift_jis", "Windows-31J"],
    ["euc-jp", "EUC-JP"],
    ["iso-2022-jp", "ISO-2022-JP"],
  ] as const)("decodes %s bytes declared as %s in the HTTP header", (charset, label) => {
    const decoded = decodeText(encode(TEXT, charset), { header: label, html: false });
    expect(decoded.text).toBe(TEXT);
    expect(decoded).toMatchObject({ charset, source: "header", declaredWrong: null });
  });

  it.each(["shift_jis", "euc-jp", "iso-2022-jp"] as const)(
    "decodes %s bytes declared only by <meta charset> or http-equiv",
    (charset) => {
      for (const html of [
        pageHtml(LIBRARY_PAGE, { charsetMeta: charset }),
        pageHtml(LIBRARY_PAGE, { httpEquiv: charset }),
      ]) {
        const decoded = decodeText(encode(html, charset), { html: true });
        expect(decoded.text).toBe(html);
        expect(decoded).toMatchObject({ charset, source: "meta" });
      }
    },
  );

  it.each(["utf-8", "shift_jis", "euc-jp", "iso-2022-jp"] as const)("detects undeclared %s bytes", (charset) => {
    const decoded = decodeText(encode(TEXT, charset), { html: false });
    expect(decoded.text).toBe(TEXT);
    expect(decoded.charset).toBe(charset);
  });

  it("reads a UTF-8 byte order mark and drops it", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(TEXT, "utf-8")]);
    expect(decodeText(bytes, { html: true })).toMatchObject({ text: TEXT, charset: "utf-8", source: "bom" });
  });

  it.each([
    // [actual bytes, declared, where]
    ["utf-8", "Shift_JIS", "header"],
    ["utf-8", "EUC-JP", "header"],
    ["shift_jis", "UTF-8", "header"],
    ["shift_jis", "EUC-JP", "header"],
    ["euc-jp", "Shift_JIS", "header"],
    ["iso-2022-jp", "Shift_JIS", "header"],
    ["shift_jis", "ISO-8859-1", "header"],
    ["utf-8", "shift_jis", "meta"],
  ] as const)("sees through %s bytes that claim to be %s (%s)", (actual, declared, where) => {
    const html = pageHtml(LIBRARY_PAGE, where === "meta" ? { charsetMeta: declared } : {});
    const decoded = decodeText(encode(html, actual), { header: where === "header" ? declared : null, html: true });
    expect(decoded.text).toBe(html);
    expect(decoded.charset).toBe(actual);
    expect(decoded.declaredWrong).not.toBeNull();
  });

  it("keeps a correct Shift_JIS decoding that has a few half-width katakana of its own", () => {
    const text = `${TEXT}\nｶﾀｶﾅで書かれたﾒﾆｭｰもある。`;
    const decoded = decodeText(encode(text, "shift_jis"), { header: "Shift_JIS", html: false });
    expect(decoded).toMatchObject({ text, charset: "shift_jis", declaredWrong: null });
  });

  it("decodes plain ASCII as UTF-8 whatever is declared", () => {
    expect(decodeText(encode("plain ascii text", "utf-8"), { header: "Shift_JIS", html: false }).text).toBe(
      "plain ascii text",
    );
  });
});

describe("decodeText under a Latin-1 header (Apache's default charset)", () => {
  it.each(["euc-jp", "shift_jis"] as const)("reads %s bytes sent as text/html; charset=ISO-8859-1", (charset) => {
    const html = pageHtml(LIBRARY_PAGE);
    const decoded = decodeText(encode(html, charset), { header: "ISO-8859-1", html: true });
    expect(decoded.text).toBe(html);
    expect(decoded).toMatchObject({ charset, source: "detected", declaredWrong: "windows-1252" });
  });

  it.each(["euc-jp", "shift_jis"] as const)("lets a %s <meta charset> win over a Latin-1 header", (charset) => {
    const html = pageHtml(LIBRARY_PAGE, { charsetMeta: charset });
    const decoded = decodeText(encode(html, charset), { header: "iso-8859-1", html: true });
    expect(decoded.text).toBe(html);
    expect(decoded).toMatchObject({ charset, source: "meta" });
  });

  it("keeps a Latin-1 header on a page that really is Latin-1", () => {
    const text = "Le café de la gare a rouvert. Déjà très fréquenté, il propose crêpes et thé à prix réduits.";
    const bytes = Uint8Array.from(Buffer.from(text, "latin1"));
    expect(decodeText(bytes, { header: "ISO-8859-1", html: false })).toMatchObject({
      text,
      charset: "windows-1252",
      source: "header",
      declaredWrong: null,
    });
  });

  it("keeps a Latin-1 header on pure ASCII", () => {
    expect(decodeText(encode("plain ascii", "utf-8"), { header: "ISO-8859-1", html: false })).toMatchObject({
      text: "plain ascii",
      source: "header",
    });
  });
});

/** A 64 × 64 white BMP: a 54-byte header holding NULs, then 0xFF pixels. */
function whiteBmp(): Uint8Array {
  const header = new Uint8Array(54);
  const view = new DataView(header.buffer);
  header.set([0x42, 0x4d]); // BM
  view.setUint32(2, 54 + 64 * 64 * 3, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, 64, true);
  view.setInt32(22, 64, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  return new Uint8Array([...header, ...new Uint8Array(64 * 64 * 3).fill(0xff)]);
}

describe("binary data and UTF-16 without a byte order mark", () => {
  const titled = `${LIBRARY_PAGE.title}\n\n${TEXT}\n`;

  it.each([
    ["a PNG image", pngBytes()],
    [
      "a PDF",
      encode("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Length 5 >>\nstream\n\u0000\u0001\u0002\nendstream\n", "utf-8"),
    ],
    ["random bytes", Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + (i >> 3) * 31) % 256)],
  ])("sees %s as binary", (_, bytes) => {
    expect(isBinary(bytes)).toBe(true);
  });

  it.each(["utf-8", "shift_jis", "euc-jp", "iso-2022-jp"] as const)("sees %s text as text", (charset) => {
    expect(isBinary(encode(titled, charset))).toBe(false);
  });

  it.each([
    ["a NUL at its end", "\u0000"],
    ["a stray control in a paragraph", "\u0001"],
    ["a backspace", "\u0008"],
    ["a word processor's hyphens (0x1E, 0x1F)", "\u001e\u001f"],
  ])("sees as text a file with %s, which decoding drops", (_, controls) => {
    const text = `${LIBRARY_PAGE.title}\n\n新館が${controls}開館した。\n${TEXT}\n`;
    expect(isBinary(encode(text, "utf-8"))).toBe(false);
    expect(isBinary(encode(`${text}\u0000\u0000`, "shift_jis"))).toBe(false);
  });

  it.each([
    ["a PNG's first bytes alone", pngBytes().subarray(0, 24)],
    [
      "a PDF with no control byte in its first 4 KB",
      encode(`%PDF-1.4\n${"1 0 obj << /Type /Catalog >> endobj\n".repeat(10)}`, "utf-8"),
    ],
    ["an MP3's ID3 tag", new Uint8Array([...encode("ID3", "utf-8"), 3, 0, 0, 0, 0, 0x21, ...encode("TIT2", "utf-8")])],
    ["a white BMP (NULs in its header, no control in its pixels)", whiteBmp()],
  ])("sees %s as binary, however few its control bytes: a signature or NULs", (_, bytes) => {
    expect(isBinary(bytes)).toBe(true);
  });

  it.each([
    ["a white PPM (P6): 0xFF pixels, read as U+FFFD", netpbm("P6", 64, 64, () => 0xff)],
    ["a scanned page in PGM (P5): light gray pixels", netpbm("P5", 64, 64, (i) => 0xf0 + ((i * 5) % 16))],
    // 0xB0–0xCF pairs are JIS X 0208 kanji in EUC-JP: no replacement character, no control
    [
      "a mid-gray PGM (P5), whose pixels read as clean EUC-JP kanji",
      netpbm("P5", 64, 64, (i) => 0xb0 + ((i * 5) % 32)),
    ],
    ["a black PBM (P4)", netpbm("P4", 64, 64, () => 0xff)],
    ["a 16-bit PPM (P6, maxval 65535)", netpbm("P6", 16, 16, () => 0xe8, 65_535)],
    [
      "a PAM (P7) of light pixels",
      new Uint8Array([
        ...encode("P7\nWIDTH 32\nHEIGHT 32\nDEPTH 3\nMAXVAL 255\nTUPLTYPE RGB\nENDHDR\n", "utf-8"),
        ...new Uint8Array(32 * 32 * 3).fill(0xc4),
      ]),
    ],
  ])("sees %s as binary", (_, bytes) => {
    expect(isBinary(bytes)).toBe(true);
  });

  it("sees as binary light pixels without any header (a raw RGB dump): they decode to replacement characters", () => {
    const raw = Uint8Array.from({ length: 12_288 }, (_, i) => 0xe8 + ((i * 3) % 24));
    // what it would have been stored as: the best of the Japanese decodings, a quarter U+FFFD
    const text = decodeText(raw, { html: false }).text;
    expect((text.match(/\uFFFD/gu)?.length ?? 0) / text.length).toBeGreaterThan(0.2);
    expect(isBinary(raw)).toBe(true);
  });

  it.each([
    ["opens with a netpbm magic and numbers", "P6 1920 1080 60 で録画する設定について\n\n"],
    ["opens with P5 and Japanese", "P5 の問題の解き方\n\n"],
  ])("sees as text a text that %s: the header gives a raster the file does not hold", (_, opening) => {
    expect(isBinary(encode(`${opening}${TEXT}\n`, "utf-8"))).toBe(false);
  });

  it.each([
    ["Shift_JIS labelled UTF-8", "shift_jis", "utf-8"],
    ["EUC-JP labelled Shift_JIS", "euc-jp", "Shift_JIS"],
    ["Shift_JIS labelled ISO-8859-1 (Apache's default)", "shift_jis", "ISO-8859-1"],
  ] as const)(
    "sees as text Japanese text in the wrong charset: %s (the decoder detects it first)",
    (_, charset, label) => {
      const bytes = encode(titled, charset);
      expect(isBinary(bytes, { header: label, html: false })).toBe(false);
      expect(decodeText(bytes, { header: label, html: false }).text).toBe(titled);
    },
  );

  it("sees as text a UTF-8 file with a few broken bytes, and one cut in a character at 4 KB", () => {
    const broken = new Uint8Array([...encode(titled, "utf-8"), 0xe3, 0x81, 0x0a, 0xff, 0xfe, ...encode(TEXT, "utf-8")]);
    expect(isBinary(broken)).toBe(false);
    // 「あ」 is three bytes: 4,096 bytes end inside one
    expect(isBinary(encode("あ".repeat(2_000), "utf-8"))).toBe(false);
  });

  it("sees as text a text that opens with a format's letters: ID3タグ is no MP3", () => {
    expect(isBinary(encode(`ID3タグを編集するには\n\n${TEXT}\n`, "utf-8"))).toBe(false);
  });

  it("sees as text an old Shift_JIS file closed by a DOS end-of-file mark (0x1A)", () => {
    const bytes = new Uint8Array([...encode(titled, "shift_jis"), 0x1a]);
    expect(isBinary(bytes)).toBe(false);
    expect(decodeText(bytes, { html: false }).charset).toBe("shift_jis");
  });

  it.each(["le", "be"] as const)("reads UTF-16%s text without a byte order mark that was cut short", (order) => {
    const bytes = utf16(`${titled}😀`, order);
    // one byte short, and half of the emoji's surrogate pair short
    for (const cut of [bytes.subarray(0, bytes.length - 1), bytes.subarray(0, bytes.length - 2)]) {
      expect(isBinary(cut)).toBe(false);
      expect(decodeText(cut, { html: false }).text.startsWith(titled)).toBe(true);
    }
  });

  it.each(["le", "be"] as const)("reads UTF-16%s text without a byte order mark, NULs and all", (order) => {
    const bytes = utf16(titled, order);
    expect(isBinary(bytes)).toBe(false);
    expect(decodeText(bytes, { html: false })).toMatchObject({ text: titled, charset: `utf-16${order}` });
    const english = "The library opens a new building on April 1.\nIt holds 200,000 books.\n";
    expect(decodeText(utf16(english, order), { html: false }).text).toBe(english);
  });

  it("reads UTF-16LE text with no NUL in it, whose bytes are no valid UTF-8", () => {
    // no ASCII, no line break: 「。」 is 02 30, kanji bytes go beyond 0x7F
    const text = "新館が開館した。蔵書は約二十万冊。";
    expect(decodeText(utf16(text, "le"), { html: false })).toMatchObject({ text, charset: "utf-16le" });
  });

  it("keeps ASCII that happens to read as kana in UTF-16 as ASCII", () => {
    // 42 30 44 30 46 30 is 「あいう」 in UTF-16LE
    expect(decodeText(encode("B0D0F0", "utf-8"), { html: false })).toMatchObject({ text: "B0D0F0", charset: "utf-8" });
  });

  it.each(["shift_jis", "euc-jp"] as const)("does not take %s text of even length for UTF-16", (charset) => {
    // full-width characters only: every byte pair a double-byte character, as UTF-16 would pair them
    const text = "図書館の新館が開館しました。蔵書は約二十万冊です。";
    expect(decodeText(encode(text, charset), { html: false })).toMatchObject({ text, charset });
  });
});
