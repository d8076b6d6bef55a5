/**
 * Measures the HTML extractor on a folder of saved pages with what a good extractor should find:
 * `<dir>/<site>/page.html` and `<dir>/<site>/expected.json` (url, title, author, date_published, dek).
 * Prints one line per page and field, then the count of fields right.
 *
 *   npx tsx scripts/measure-extraction.ts ../shared/fixtures/html
 *
 * A field is right when it equals the expected value after whitespace is removed (title, author, lead),
 * or names the same instant (date). Runs the same code as `shiori extract`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { decodeText } from "../src/ingest/decode-text.ts";
import { extractHtml } from "../src/ingest/extract-html.ts";

interface Expected {
  url: string;
  title: string;
  author: string;
  date_published: string;
  dek: string;
}

const dir = process.argv[2] ?? "../shared/fixtures/html";
const squash = (s: string | null | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/gu, "");
let right = 0;
let total = 0;
const started = performance.now();
for (const site of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)) {
  const expected = JSON.parse(await readFile(path.join(dir, site, "expected.json"), "utf8")) as Expected;
  const bytes = await readFile(path.join(dir, site, "page.html"));
  const { text } = decodeText(bytes, { html: true });
  const { draft, lead } = extractHtml(text, { url: expected.url });
  const checks: [string, boolean, string][] = [
    ["title", squash(draft.title) === squash(expected.title), draft.title],
    ["author", squash(draft.author) === squash(expected.author), String(draft.author)],
    [
      "date",
      draft.publishedAt !== null && Date.parse(draft.publishedAt) === Date.parse(expected.date_published),
      String(draft.publishedAt),
    ],
    ["lead", squash(lead) === squash(expected.dek), lead],
  ];
  for (const [field, ok, got] of checks) {
    total++;
    if (ok) right++;
    console.log(`${ok ? "ok  " : "MISS"} ${site} ${field}: ${got}`);
  }
}
console.log(`${right}/${total} fields right (${Math.round(performance.now() - started)} ms)`);
