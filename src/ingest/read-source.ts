import path from "node:path";
import { type ArticleDraft, checkSourceUrl, hasVisibleText } from "../article/article.ts";
import { importPlainText } from "../article/import-text.ts";
import { tablesAsRows } from "../article/table-rows.ts";
import { UserFacingError } from "../errors.ts";
import { capMarks } from "../text/normalize.ts";
import { type DecodedText, decodeText, isBinary } from "./decode-text.ts";
import type { ExtractedArticle } from "./extract-html.ts";
import { type ExtractLimits, extractHtmlInWorker } from "./extract-in-worker.ts";
import { type FetchedPage, type FetchOptions, fetchPage, formatByteLimit, formatByteSize } from "./fetch-page.ts";
import { markdownToText } from "./markdown-to-text.ts";

/**
 * What a moderator gives to add an article: a URL, an uploaded file, or pasted text. A title and a URL
 * given with the source win over what the source says.
 */
export type ArticleSource =
  | { readonly kind: "url"; readonly url: string; readonly title?: string | undefined }
  | {
      readonly kind: "file";
      readonly name: string;
      readonly bytes: Uint8Array;
      readonly url?: string | undefined;
      readonly title?: string | undefined;
    }
  | {
      readonly kind: "text";
      readonly text: string;
      readonly title?: string | undefined;
      readonly url?: string | undefined;
    };

export interface SourceOptions {
  readonly fetch: FetchOptions;
  /** Offset for times written without one (+09:00 by default). */
  readonly offset?: string | undefined;
  /** Bounds on reading an HTML page (`DEFAULT_EXTRACT_LIMITS` unless given). */
  readonly extract?: ExtractLimits | undefined;
}

/** An extracted article and how it was read. */
export interface ReadArticle extends ExtractedArticle {
  /** The charset the bytes were decoded with, and where it came from (URLs and files). */
  readonly decoding: Omit<DecodedText, "text"> | null;
  /** The address the page was fetched from after redirects (URLs only). */
  readonly fetchedUrl: string | null;
}

/** File types a moderator may upload. */
export const FILE_EXTENSIONS = [".html", ".htm", ".txt", ".md"] as const;

/**
 * Reads a source into an article draft. HTML goes through the main-content extractor, on a worker
 * thread with a time and memory limit (`extractHtmlInWorker`); plain text and
 * Markdown through the engine's plain-text importer (which also understands the seed and livedoor
 * shapes). Every refusal is a `UserFacingError` with a Japanese message for the moderator.
 */
export async function readSource(source: ArticleSource, options: SourceOptions): Promise<ReadArticle> {
  switch (source.kind) {
    case "url": {
      const page = await fetchPage(source.url, options.fetch);
      const decoded = decodeText(page.bytes, { header: page.charset, html: page.kind === "html" });
      const { text, ...decoding } = decoded;
      const extracted =
        page.kind === "html"
          ? await extractHtmlInWorker(
              text,
              { url: page.finalUrl, title: source.title, offset: options.offset },
              options.extract,
            )
          : fromPlainText(text, { title: source.title, url: page.finalUrl, markdown: isMarkdownPage(page) });
      return { ...extracted, decoding, fetchedUrl: page.finalUrl };
    }
    case "file": {
      const ext = path.extname(source.name).toLowerCase();
      if (!(FILE_EXTENSIONS as readonly string[]).includes(ext)) {
        throw new UserFacingError(
          `このファイル形式（${ext || "拡張子なし"}）は取り込めません。.html・.htm・.txt・.md のファイルを指定してください。`,
          `source: file type ${ext} refused (${source.name})`,
        );
      }
      checkSize(source.bytes.length, options.fetch.maxBytes);
      // Extraction keeps an http(s) URL only: a page would be stored without the one given, silently. The
      // URL checked is the URL extracted with, spaces around it dropped.
      const url = source.url?.trim() || undefined;
      checkSourceUrl(url ?? "");
      const html = ext === ".html" || ext === ".htm";
      const { text, ...decoding } = decodeFile(source.bytes, { html });
      // An empty file is said to be empty, not to lack a heading (or, HTML, a main content).
      if (!hasVisibleText(text)) {
        const empty = source.bytes.length === 0;
        throw new UserFacingError(
          `${empty ? "ファイルが空です（0 バイト）。" : "ファイルに見える文字がありません（空白や改行だけです）。"}記事の本文を書いたファイルを指定してください。`,
          `source: file ${empty ? "empty" : "of whitespace only"} (${source.bytes.length} bytes)`,
        );
      }
      const extracted = html
        ? await extractHtmlInWorker(text, { url, title: source.title, offset: options.offset }, options.extract)
        : fromPlainText(text, { title: source.title, url, markdown: ext === ".md" });
      return { ...extracted, decoding, fetchedUrl: null };
    }
    case "text": {
      checkSize(Buffer.byteLength(source.text, "utf8"), options.fetch.maxBytes);
      const extracted = fromPlainText(capMarks(source.text), { title: source.title, url: source.url, markdown: false });
      return { ...extracted, decoding: null, fetchedUrl: null };
    }
  }
}

/** What a file that holds no text is refused with. */
const NO_TEXT_FILE = {
  message:
    "このファイルは文字として読めません（画像などのデータか、文字化けしたテキストのようです）。記事の本文を書いた .html・.htm・.txt・.md のファイルを指定してください。",
  detail: "source: a binary file",
};

/**
 * Decodes the bytes of a file, refusing one that holds no text: an image or a PDF renamed photo.txt would
 * be stored as mojibake. The extension says nothing about the bytes. `refusal`, for bytes that come
 * another way (standard input).
 */
export function decodeFile(
  bytes: Uint8Array,
  hints: { html: boolean },
  refusal: { message: string; detail: string } = NO_TEXT_FILE,
): DecodedText {
  if (isBinary(bytes, hints)) throw new UserFacingError(refusal.message, refusal.detail);
  return decodeText(bytes, hints);
}

const MARKDOWN_TYPES = new Set(["text/markdown", "text/x-markdown"]);

/**
 * A text page is Markdown when the server says so, or when it sends a `.md` file as plain text (as raw
 * file hosts do).
 */
function isMarkdownPage(page: FetchedPage): boolean {
  if (MARKDOWN_TYPES.has(page.contentType)) return true;
  if (page.contentType !== "text/plain" && page.contentType !== "") return false;
  try {
    return /\.(md|markdown)$/iu.test(new URL(page.finalUrl).pathname);
  } catch {
    return false;
  }
}

function fromPlainText(
  text: string,
  options: { title: string | undefined; url: string | undefined; markdown: boolean },
): ExtractedArticle {
  let body = tablesAsRows(text);
  // a title given blank (「　」) is refused as such, not taken for no title (see importPlainText)
  let title = options.title || undefined;
  if (options.markdown) {
    const md = markdownToText(body);
    body = md.text;
    title ??= md.title ?? undefined;
  }
  const imported = importPlainText(body, { title, url: options.url?.trim() || undefined });
  const draft: ArticleDraft = options.markdown ? { ...imported, sourceFormat: "markdown" } : imported;
  const lead = draft.blocks.find((b) => b.kind === "paragraph")?.text ?? "";
  return { draft, lead, siteName: null, canonicalUrl: null };
}

function checkSize(bytes: number, maxBytes: number): void {
  if (bytes > maxBytes) {
    throw new UserFacingError(
      `大きすぎて取り込めません（${formatByteSize(bytes)}、上限 ${formatByteLimit(maxBytes)}）。記事の本文だけにして、もう一度試してください。`,
      `source: ${bytes} bytes over the cap of ${maxBytes}`,
    );
  }
}
