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

/** The id of an article's n-th passage: `<articleId>:<n>`. */
export function passageIdOf(articleId: string, n: number): string {
  return `${articleId}:${n}`;
}

/** The article a passage belongs to (see passageIdOf). */
export function articleIdOf(passageId: string): string {
  return passageId.slice(0, passageId.lastIndexOf(":"));
}

/**
 * Cuts an article body into passages: paragraphs, with short ones joined to the next and long ones
 * windowed on sentence boundaries. Headings are not passages; they label the passages under them.
 */
export function splitPassages(article: Article): Passage[] {
  return passagesIn(article, cutPassages(article));
}

/** Where `splitPassages` cuts an article's passages. */
export function cutPassages(article: Article): PassageSpans {
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
    // A paragraph stored with a backslash before it (one starting with #, --- or \\, see formatBody) starts a
    // passage: joined to the one before, the backslash would be in the passage's text, shown to members.
    const escaped = article.body[block.start - 1] === "\\";
    if (pending && (escaped || block.end - pending.start > MAX_PASSAGE_LENGTH)) flush();
    pending = pending ? { start: pending.start, end: block.end } : { start: block.start, end: block.end };
    if (pending.end - pending.start >= MIN_PASSAGE_LENGTH) flush();
  }
  flush();
  return spansOf(spans);
}

/**
 * Where an article's passages lie in its body, compactly: per passage its start, its end and the index
 * of its heading in `headings` (-1: none), in `flat`. The saved index keeps them in this form.
 */
export interface PassageSpans {
  readonly flat: readonly number[];
  readonly headings: readonly (string | null)[];
}

/** Spans (passages, say) in the compact form. */
export function spansOf(passages: readonly { start: number; end: number; heading: string | null }[]): PassageSpans {
  const headings: (string | null)[] = [];
  const indexOf = new Map<string, number>();
  const flat: number[] = [];
  for (const p of passages) {
    let heading = p.heading === null ? -1 : (indexOf.get(p.heading) ?? -1);
    if (p.heading !== null && heading < 0) {
      heading = headings.push(p.heading) - 1;
      indexOf.set(p.heading, heading);
    }
    flat.push(p.start, p.end, heading);
  }
  return { flat, headings };
}

/** Whether spans can be an article's passages: `count` of them, each inside a body of `length`, in order. */
export function soundSpans(spans: PassageSpans, count: number, length: number): boolean {
  const { flat, headings } = spans;
  if (flat.length !== 3 * count) return false;
  let end = 0;
  for (let i = 0; i < flat.length; i += 3) {
    const [start, stop, heading] = [flat[i], flat[i + 1], flat[i + 2]] as [number, number, number];
    if (!(Number.isInteger(start) && start >= end && stop >= start && stop <= length)) return false;
    if (!(Number.isInteger(heading) && heading >= -1 && heading < headings.length)) return false;
    end = stop;
  }
  return true;
}

/**
 * The passages of the indexed articles, by id, made when asked for from each article's body and spans:
 * livedoor's 75,000 passages as objects in a Map took 0.2 s of each start-up and 10 MB, for a question
 * that reads a hundred of them.
 */
export class PassageTable {
  readonly #articles = new Map<string, { article: Article; spans: PassageSpans }>();
  #size = 0;

  /** How many passages the table holds. */
  get size(): number {
    return this.#size;
  }

  /** Sets an article's passages (replacing those it had). */
  set(article: Article, spans: PassageSpans): void {
    this.delete(article.id);
    this.#articles.set(article.id, { article, spans });
    this.#size += spans.flat.length / 3;
  }

  delete(articleId: string): void {
    const entry = this.#articles.get(articleId);
    if (!entry) return;
    this.#articles.delete(articleId);
    this.#size -= entry.spans.flat.length / 3;
  }

  /** Where an article's passages lie in its body. */
  spansOf(articleId: string): PassageSpans | undefined {
    return this.#articles.get(articleId)?.spans;
  }

  /** A passage by id (`<articleId>:<n>`). */
  get(id: string): Passage | undefined {
    const colon = id.lastIndexOf(":");
    const entry = this.#articles.get(id.slice(0, colon));
    const rest = id.slice(colon + 1);
    const n = Number(rest);
    if (!entry || String(n) !== rest || !Number.isInteger(n) || n < 0 || 3 * n >= entry.spans.flat.length)
      return undefined;
    return passageAt(entry.article, entry.spans, n);
  }

  /** An article's passages, in body order. */
  of(articleId: string): Passage[] {
    const entry = this.#articles.get(articleId);
    if (!entry) return [];
    return passagesIn(entry.article, entry.spans);
  }
}

function passagesIn(article: Article, spans: PassageSpans): Passage[] {
  return Array.from({ length: spans.flat.length / 3 }, (_, n) => passageAt(article, spans, n));
}

function passageAt(article: Article, spans: PassageSpans, n: number): Passage {
  const start = spans.flat[3 * n] as number;
  const end = spans.flat[3 * n + 1] as number;
  const heading = spans.flat[3 * n + 2] as number;
  return {
    id: passageIdOf(article.id, n),
    articleId: article.id,
    start,
    end,
    text: article.body.slice(start, end),
    heading: heading >= 0 ? (spans.headings[heading] ?? null) : null,
  };
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
