import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingest/decode-text.ts";
import { encode, LIBRARY_PAGE, pageHtml } from "./pages.ts";

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
