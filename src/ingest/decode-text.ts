import Encoding from "encoding-japanese";

import { capMarks } from "../text/normalize.ts";
/** Where the charset used to decode a document came from. */
export type CharsetSource = "header" | "bom" | "meta" | "detected";

export interface DecodedText {
  readonly text: string;
  /** The WHATWG name of the charset used: `utf-8`, `shift_jis` (that is CP932), `euc-jp`, `iso-2022-jp`, … */
  readonly charset: string;
  readonly source: CharsetSource;
  /** When the declared charset turned out wrong (mojibake): the charset that was declared. */
  readonly declaredWrong: string | null;
}

export interface DecodeHints {
  /** The charset parameter of the Content-Type header, if any. */
  readonly header?: string | null | undefined;
  /** Look for `<meta charset>` / `http-equiv` / `<?xml encoding?>` in the first bytes. */
  readonly html: boolean;
}

/**
 * Labels seen on Japanese pages, mapped to the decoder that reads them. WHATWG's `shift_jis` decoder is
 * Microsoft's CP932 (Windows-31J), a superset of Shift_JIS with NEC and IBM extensions (①, ㈱, 髙):
 * Japanese pages labelled Shift_JIS are nearly always CP932 in fact, so both names share it.
 */
const LABELS: Readonly<Record<string, string>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  shift_jis: "shift_jis",
  "shift-jis": "shift_jis",
  sjis: "shift_jis",
  "x-sjis": "shift_jis",
  ms_kanji: "shift_jis",
  csshiftjis: "shift_jis",
  "windows-31j": "shift_jis",
  cp932: "shift_jis",
  ms932: "shift_jis",
  "x-ms-cp932": "shift_jis",
  "euc-jp": "euc-jp",
  eucjp: "euc-jp",
  "x-euc-jp": "euc-jp",
  "euc-jis-2004": "euc-jp",
  cseucpkdfmtjapanese: "euc-jp",
  "iso-2022-jp": "iso-2022-jp",
  iso2022jp: "iso-2022-jp",
  csiso2022jp: "iso-2022-jp",
  jis: "iso-2022-jp",
};

/** The decodings tried when the declared one produces mojibake, in order of preference on a tie. */
const JAPANESE_CHARSETS = ["utf-8", "shift_jis", "euc-jp", "iso-2022-jp"] as const;

/**
 * Decodes a document's bytes. The charset is taken from, in order: the HTTP header, a byte order mark,
 * `<meta charset>` or `<meta http-equiv="Content-Type">`, and byte-pattern detection. The chosen decoding
 * is then checked for mojibake (replacement characters, stray escape or C1 control characters, the
 * half-width katakana that UTF-8 read as Shift_JIS produces); when the declared charset is wrong, for
 * example a page declared Shift_JIS that is really UTF-8, the other Japanese decodings are tried and the
 * cleanest one wins.
 *
 * A single-byte charset (ISO-8859-1, windows-1252, …) declared for bytes beyond ASCII is only a weak
 * hint: Apache sends `charset=ISO-8859-1` by default, and any byte sequence reads "cleanly" as Latin-1,
 * so EUC-JP or Shift_JIS text would be stored as garbage. Such a declaration is passed over for the next
 * source (meta, detection); it is kept only when no Japanese decoding reads the bytes as Japanese text.
 */
export function decodeText(bytes: Uint8Array, hints: DecodeHints): DecodedText {
  const { strong: declared, weak } = declaredCharset(bytes, hints);
  const bomLength = declared?.source === "bom" ? (bomOf(bytes)?.length ?? 0) : 0;
  const body = bytes.subarray(bomLength);
  const first = declared ?? { charset: detectCharset(body), source: "detected" as const };
  const firstText = decode(body, first.charset);
  let best = { charset: first.charset, text: firstText, badness: badness(firstText, body, first.charset) };
  if (best.badness > 0) {
    for (const charset of JAPANESE_CHARSETS) {
      if (charset === first.charset) continue;
      const text = decode(body, charset);
      const score = badness(text, body, charset);
      if (score < best.badness) best = { charset, text, badness: score };
    }
  }
  if (weak && !declared) {
    // Only a single-byte declaration: a Japanese decoding must read as clean Japanese text to beat it.
    if (best.badness > 0 || !readsAsJapanese(best.text)) {
      return { text: decode(body, weak.charset), charset: weak.charset, source: weak.source, declaredWrong: null };
    }
    return {
      // a run of thousands of combining marks is no text, and NFKC is quadratic in it
      text: capMarks(best.text.replace(/^\uFEFF/u, "")),
      charset: best.charset,
      source: "detected",
      declaredWrong: weak.charset,
    };
  }
  const corrected = best.charset !== first.charset;
  return {
    // a run of thousands of combining marks is no text, and NFKC is quadratic in it
    text: capMarks(best.text.replace(/^\uFEFF/u, "")),
    charset: best.charset,
    source: corrected ? "detected" : first.source,
    declaredWrong: corrected && first.source !== "detected" ? first.charset : null,
  };
}

/** How many first bytes of a document decide whether it is binary, as browsers sniff a page. */
const SNIFF_BYTES = 4096;

/**
 * C0 control bytes that no text holds in the charsets read here, but as UTF-16: NUL and the like mark
 * binary data (an image, a PDF). Tab, line breaks, vertical tab, form feed and ESC (ISO-2022-JP) are text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and other controls mark binary data
const BINARY_BYTES = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/gu;

/**
 * The share of the sampled bytes that must be control bytes for a document without a known signature to
 * be binary: compressed data holds one in ten; a text file a stray few (a NUL at its end, the 0x1E and
 * 0x1F a word processor writes for hyphens), which decoding drops.
 */
const BINARY_SHARE = 1 / 64;
/** And at least so many, so that a short text with one stray control is still text. */
const BINARY_MIN_CONTROLS = 4;
/**
 * NUL bytes no text holds but as UTF-16: so many of them are binary whatever the share of controls. An
 * image of light pixels (a scanned page, a white BMP, ICO or PSD) holds NULs in its header and few controls
 * after it.
 */
const BINARY_MIN_NULS = 4;

/**
 * The first bytes of the binary formats most often renamed or served as text: PNG, JPEG, GIF, PDF, ZIP
 * (and Office files), gzip, RAR, 7z, TIFF, Ogg, MP3 (ID3), FLAC, Photoshop; RIFF (WAV, WebP, AVI) and ISO media
 * (MP4, HEIC: `ftyp` after 4 bytes) below. Each with the bytes after its letters that no text writes
 * (「ID3タグ」 opens a text, ID3 and a version byte an MP3).
 */
const SIGNATURES: readonly string[] = [
  "\x89PNG\r\n\x1a\n",
  "\xff\xd8\xff",
  "GIF87a",
  "GIF89a",
  "%PDF-",
  "PK\x03\x04",
  "\x1f\x8b",
  "Rar!\x1a\x07",
  "7z\xbc\xaf\x27\x1c",
  "II*\x00",
  "MM\x00*",
  "OggS\x00",
  "ID3\x02\x00",
  "ID3\x03\x00",
  "ID3\x04\x00",
  "fLaC\x00",
  "fLaC\x80",
  "8BPS\x00",
];

/** Whether a document's first bytes are a binary format's signature (see SIGNATURES), or a binary netpbm image's. */
function hasBinarySignature(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 16)).toString("latin1");
  if (SIGNATURES.some((signature) => head.startsWith(signature))) return true;
  if ((head.startsWith("RIFF") && /^(WAVE|WEBP|AVI )/u.test(head.slice(8))) || head.slice(4, 8) === "ftyp") return true;
  return isBinaryNetpbm(bytes);
}

/** Netpbm's whitespace, and a comment (from # to the end of its line), between the fields of a header. */
const NETPBM_GAP = String.raw`(?:[ \t\n\v\f\r]|#[^\n\r]*[\n\r])+`;
/** P4 (PBM): width, height. P5 (PGM) and P6 (PPM): width, height, maxval. Then one whitespace byte, then the raster. */
const NETPBM_HEADER = new RegExp(
  String.raw`^P(?:(4)${NETPBM_GAP}(\d{1,6})${NETPBM_GAP}(\d{1,6})|([56])${NETPBM_GAP}(\d{1,6})${NETPBM_GAP}(\d{1,6})${NETPBM_GAP}(\d{1,5}))[ \t\n\v\f\r]`,
  "u",
);
/** P7 (PAM): lines of `WIDTH 64`, `HEIGHT 64`, `DEPTH 3`, `MAXVAL 255`, `TUPLTYPE RGB` and comments, then ENDHDR. */
const PAM_HEADER = /^P7\n((?:(?:#[^\n]*|[A-Z_]+(?:[ \t][^\n]*)?|[ \t]*)\n){1,64}?)ENDHDR\n/u;

/**
 * Whether the bytes are a binary netpbm image (PBM P4, PGM P5, PPM P6, PAM P7): their header is text, and
 * the raster of a light picture (a scanned page) holds no NUL nor control byte; decoded, it is stored as
 * replacement characters, or as kanji (0xB0–0xCF pixels read as EUC-JP). The magic is two letters a text
 * may open with (「P5 の問題」), so the header must be whole and the raster the very size it gives (one image,
 * or several of that size), as netpbm tools write them.
 */
function isBinaryNetpbm(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] === undefined || bytes[1] < 0x34 || bytes[1] > 0x37) return false;
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  let headerLength: number;
  let rasterBytes: number;
  const pam = PAM_HEADER.exec(head);
  if (pam) {
    const field = (name: string) =>
      Number(new RegExp(String.raw`^${name}[ \t]+(\d{1,6})[ \t]*$`, "mu").exec(pam[1] as string)?.[1]);
    const [width, height, depth, maxval] = [field("WIDTH"), field("HEIGHT"), field("DEPTH"), field("MAXVAL")];
    if (!(width > 0 && height > 0 && depth > 0 && maxval > 0 && maxval < 65536)) return false;
    headerLength = pam[0].length;
    rasterBytes = width * height * depth * (maxval > 255 ? 2 : 1);
  } else {
    const m = NETPBM_HEADER.exec(head);
    if (!m) return false;
    const bitmap = m[1] !== undefined;
    const width = Number(bitmap ? m[2] : m[5]);
    const height = Number(bitmap ? m[3] : m[6]);
    const maxval = bitmap ? 1 : Number(m[7]);
    if (!(width > 0 && height > 0 && maxval > 0 && maxval < 65536)) return false;
    headerLength = m[0].length;
    const samples = m[4] === "6" ? 3 : 1;
    rasterBytes = bitmap ? Math.ceil(width / 8) * height : width * height * samples * (maxval > 255 ? 2 : 1);
  }
  const rest = bytes.length - headerLength;
  return rest > 0 && rest % rasterBytes === 0;
}

/**
 * The share of replacement characters (U+FFFD) in the best decoding of a document's first bytes (the
 * charset detected, then the other Japanese ones, as decodeText tries them) at which it is no text: bytes
 * that no charset read here makes characters of. Japanese text in any of them, or with a wrong label,
 * decodes with none; a UTF-8 file cut in a character, or with a corrupted line, with a few.
 */
const UNREADABLE_SHARE = 1 / 8;
/** And at least so many, so that a short text with a broken character or two is still text. */
const UNREADABLE_MIN = 8;

/**
 * Whether a document's bytes are no text: they open with a binary format's signature (a binary netpbm
 * image's too), or its first 4 KB hold a few NULs or a share of control bytes (see BINARY_SHARE) and the
 * bytes do not read as UTF-16, or they decode, in the best charset for them, to a share of replacement
 * characters (see UNREADABLE_SHARE). An image or a PDF renamed photo.txt is binary: decoded, it would be
 * stored as mojibake (「臼NG」 and 22,000 characters of garbage), and a light image without NULs (a white
 * raw RGB dump) as rows of U+FFFD. A text file with a stray control byte is not, nor one closed by a DOS
 * end-of-file mark (0x1A), nor Japanese text in another charset than its label says.
 * @param hints as for decodeText of the same bytes (the Content-Type charset, HTML or not)
 */
export function isBinary(bytes: Uint8Array, hints: DecodeHints = { html: false }): boolean {
  if (hasBinarySignature(bytes)) return true;
  const end = bytes.at(-1) === 0x1a ? bytes.length - 1 : bytes.length;
  const head = bytes.subarray(0, Math.min(end, SNIFF_BYTES));
  const sample = Buffer.from(head).toString("latin1");
  const controls = sample.match(BINARY_BYTES)?.length ?? 0;
  const nuls = sample.match(/\0/gu)?.length ?? 0;
  if (nuls >= BINARY_MIN_NULS || controls >= Math.max(BINARY_MIN_CONTROLS, sample.length * BINARY_SHARE)) {
    return !bomOf(bytes)?.charset.startsWith("utf-16") && utf16Of(bytes) === null;
  }
  // Only bytes beyond ASCII can fail to decode (a character cut at the sample's end is one of UNREADABLE_MIN).
  if (!head.some((b) => b >= 0x80)) return false;
  const text = decodeText(head, hints).text;
  const unreadable = text.match(/\uFFFD/gu)?.length ?? 0;
  return unreadable >= UNREADABLE_MIN && unreadable >= text.length * UNREADABLE_SHARE;
}

/** The canonical decoder name of a charset label, or null when no decoder reads it. */
export function canonicalCharset(label: string): string | null {
  const key = label.trim().toLowerCase();
  const known = LABELS[key];
  if (known) return known;
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return null;
  }
}

type Declared = { charset: string; source: Exclude<CharsetSource, "detected"> };

/**
 * The charset the document declares: `strong`, the first declaration that can be trusted (header, byte
 * order mark, meta), and `weak`, the first single-byte declaration passed over because the bytes go
 * beyond ASCII.
 */
function declaredCharset(bytes: Uint8Array, hints: DecodeHints): { strong: Declared | null; weak: Declared | null } {
  const highBytes = bytes.some((b) => b >= 0x80);
  let weak: Declared | null = null;
  const consider = (charset: string | null, source: Declared["source"]): Declared | null => {
    if (!charset) return null;
    if (highBytes && isSingleByte(charset)) {
      weak ??= { charset, source };
      return null;
    }
    return { charset, source };
  };
  const fromHeader = consider(hints.header ? canonicalCharset(hints.header) : null, "header");
  if (fromHeader) return { strong: fromHeader, weak };
  const bom = bomOf(bytes);
  if (bom) return { strong: { charset: bom.charset, source: "bom" }, weak };
  if (hints.html) {
    const fromMeta = consider(metaCharset(bytes), "meta");
    if (fromMeta) return { strong: fromMeta, weak };
  }
  return { strong: null, weak };
}

/** Single-byte charsets (Latin and the like): every byte is some character, so they never look wrong. */
function isSingleByte(charset: string): boolean {
  return /^(windows-12\d\d|windows-874|iso-8859-\d+|macintosh|x-mac-cyrillic|koi8-[ru]|ibm866|us-ascii)$/u.test(
    charset,
  );
}

/**
 * Whether a decoding reads as Japanese: kana make up a fair share of its non-ASCII characters, as they
 * do in any Japanese prose. Latin-1 text misread as Shift_JIS or EUC-JP gives scattered kanji instead.
 */
function readsAsJapanese(text: string): boolean {
  let nonAscii = 0;
  let kana = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9d)) kana++;
  }
  return nonAscii > 0 && kana * 10 >= nonAscii;
}

function bomOf(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  return null;
}

/** `<meta charset="…">`, `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml encoding="…"?>`. */
function metaCharset(bytes: Uint8Array): string | null {
  // ASCII-compatible charsets keep the markup readable as Latin-1; 32 KB covers pages with long <head>s.
  const head = Buffer.from(bytes.subarray(0, 32 * 1024)).toString("latin1");
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/iu.exec(head);
  if (xml) {
    const charset = canonicalCharset(xml[1] as string);
    if (charset) return charset;
  }
  for (const tag of head.matchAll(/<meta\b[^>]*>/giu)) {
    const m = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(tag[0]);
    if (!m) continue;
    const charset = canonicalCharset(m[1] as string);
    // A page cannot really be UTF-16 if its markup reads as ASCII (the HTML standard says the same).
    if (charset) return charset.startsWith("utf-16") ? "utf-8" : charset;
  }
  return null;
}

/** Byte-pattern detection (encoding-japanese), for documents that declare nothing; UTF-16 without a BOM too. */
function detectCharset(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes);
  if (utf16) return utf16;
  const detected = Encoding.detect(bytes, ["UTF8", "JIS", "EUCJP", "SJIS"]);
  switch (detected) {
    case "SJIS":
      return "shift_jis";
    case "EUCJP":
      return "euc-jp";
    case "JIS":
      return "iso-2022-jp";
    default:
      return "utf-8";
  }
}

/** Characters no text decoded right holds: controls but tab and line breaks, private use, U+FFFD. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mark a wrong decoding
const UNREADABLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/u;

/**
 * The byte order of UTF-16 text without a byte order mark, or null when the bytes are not such text.
 * Encoding-japanese looks for NULs, but Japanese text in UTF-16 may hold none (「あいう」 is 42 30 44 30
 * 46 30 in UTF-16LE, 「B0D0F0」 read as ASCII), so each byte order is decoded instead: the text must be
 * well formed, hold nothing unreadable, and read as Japanese (kana among its characters) or be nearly
 * all ASCII. The other byte order of such text gives neither: its kana and ASCII become other characters
 * (あ U+3042 read the wrong way round is U+4230), and Shift_JIS or EUC-JP text read as UTF-16 gives
 * kanji, Hangul, private-use characters or lone surrogates, but no kana.
 */
function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 2) return null;
  // Valid UTF-8 without a NUL (ASCII included) is UTF-8: 「B0D0F0」 stays ASCII.
  if (!bytes.includes(0) && isUtf8(bytes)) return null;
  // A file cut short may end in half a character, or half of a surrogate pair: the rest is read.
  const whole = bytes.subarray(0, bytes.length - (bytes.length % 2));
  for (const charset of ["utf-16le", "utf-16be"] as const) {
    let text: string;
    try {
      text = new TextDecoder(charset, { fatal: true, ignoreBOM: true }).decode(whole);
    } catch {
      try {
        text = new TextDecoder(charset, { fatal: true, ignoreBOM: true }).decode(whole.subarray(0, whole.length - 2));
      } catch {
        continue;
      }
    }
    if (UNREADABLE.test(text)) continue;
    if (readsAsJapanese(text) || asciiShare(text) >= 0.9) return charset;
  }
  return null;
}

/** The share of printable ASCII and whitespace among a text's characters. */
function asciiShare(text: string): number {
  return text.length === 0 ? 0 : text.replace(/[^\t\n\r\x20-\x7e]/gu, "").length / text.length;
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/**
 * How much a decoding looks like mojibake: 0 for clean text. Replacement characters weigh most (bytes the
 * charset cannot read); escape and C1 control characters (ISO-2022-JP or Shift_JIS read as something
 * else); private-use characters; half-width katakana (each one cheap, as a page may use a few, but UTF-8
 * read as Shift_JIS or EUC-JP read as Shift_JIS is full of them). Bytes that are valid UTF-8 with
 * multibyte sequences are UTF-8: Shift_JIS or EUC-JP text of any length is practically never valid UTF-8.
 */
function badness(text: string, bytes: Uint8Array, charset: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c === 0xfffd) score += 10;
    else if (c === 0x1b || (c >= 0x80 && c <= 0x9f)) score += 5;
    else if (c >= 0xe000 && c <= 0xf8ff) score += 3;
    else if (c >= 0xff61 && c <= 0xff9f) score += 1;
  }
  if (charset !== "utf-8" && !charset.startsWith("utf-16") && isMultibyteUtf8(bytes)) score += 1000;
  return score;
}

function isMultibyteUtf8(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80) && isUtf8(bytes);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
