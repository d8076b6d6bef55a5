import { type Article, bodyBlocks } from "../article/article.ts";
import { chunkText } from "../text/chunks.ts";
import { splitSentences } from "../text/sentences.ts";

/** A passage: a verbatim substring of an article body (`article.body.slice(start, end) === text`). */
export interface Passage {
  /** `<articleId>:<n>`, n counting from 0 in body order. */
  readonly id: string;
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The section heading the passage sits under, if any. */
  readonly heading: string | null;
}

/** A paragraph longer than this is cut into windows of whole sentences. */
export const MAX_PASSAGE_LENGTH = 400;
/** Windows of a long paragraph aim at this length. */
export const TARGET_WINDOW_LENGTH = 300;
/** A paragraph shorter than this joins the next one of the same section (one-line livedoor paragraphs). */
export const MIN_PASSAGE_LENGTH = 60;

/**
 * Cuts an article body into passages: paragraphs, with short ones joined to the next and long ones
 * windowed on sentence boundaries. Headings are not passages; they label the passages under them.
 */
export function splitPassages(article: Article): Passage[] {
  const spans: { start: number; end: number; heading: string | null }[] = [];
  let heading: string | null = null;
  let pending: { start: number; end: number } | null = null;
  const flush = () => {
    if (pending) spans.push({ ...pending, heading });
    pending = null;
  };
  for (const block of bodyBlocks(article.body)) {
    if (block.kind === "heading") {
      flush();
      heading = block.text;
      continue;
    }
    if (block.end - block.start > MAX_PASSAGE_LENGTH) {
      flush();
      for (const w of windows(article.body, block.start, block.end)) spans.push({ ...w, heading });
      continue;
    }
    if (pending && block.end - pending.start > MAX_PASSAGE_LENGTH) flush();
    pending = pending ? { start: pending.start, end: block.end } : { start: block.start, end: block.end };
    if (pending.end - pending.start >= MIN_PASSAGE_LENGTH) flush();
  }
  flush();
  return passagesAt(article, spans);
}

/** An article's passages at the given spans of its body (as `splitPassages` cut them when it was indexed). */
export function passagesAt(
  article: Article,
  spans: readonly { start: number; end: number; heading: string | null }[],
): Passage[] {
  return spans.map((s, n) => ({
    id: `${article.id}:${n}`,
    articleId: article.id,
    start: s.start,
    end: s.end,
    text: article.body.slice(s.start, s.end),
    heading: s.heading,
  }));
}

/**
 * Windows of whole sentences of about TARGET_WINDOW_LENGTH. A sentence longer than MAX_PASSAGE_LENGTH
 * (a paragraph without 。) is cut where the tokenizer would cut it: after 、 or a space, else at a
 * change of script.
 */
function windows(body: string, start: number, end: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const s of splitSentences(body.slice(start, end))) {
    if (s.text.length <= MAX_PASSAGE_LENGTH) spans.push({ start: start + s.start, end: start + s.end });
    else
      for (const c of chunkText(s.text, TARGET_WINDOW_LENGTH))
        spans.push({ start: start + s.start + c.start, end: start + s.start + c.start + c.text.length });
  }
  const out: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | null = null;
  for (const span of spans) {
    if (current && span.end - current.start > TARGET_WINDOW_LENGTH) {
      out.push(current);
      current = null;
    }
    current = current ? { start: current.start, end: span.end } : span;
  }
  if (current) out.push(current);
  return out;
}
