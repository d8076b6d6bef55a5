/** A Markdown document as the plain-text importer reads it. */
export interface MarkdownText {
  /** The first `# ` heading (or a front-matter `title:`), when there is one. */
  readonly title: string | null;
  /** One paragraph per line; `■ ` lines for the other headings. */
  readonly text: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/u;
const FENCE = /^\s*(```|~~~)/u;
/** The opening of an ATX heading; its text is read by `headingOf`. */
const HEADING_START = /^(#{1,6})\s+/u;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/u;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/u;

/**
 * Flattens Markdown into the plain-text shape the importer understands: the first `#` heading becomes
 * the title, other headings become `■ ` section lines, soft-wrapped lines are joined into one paragraph
 * per line, and inline markup is dropped (links keep their text, images go).
 */
export function markdownToText(markdown: string): MarkdownText {
  let source = markdown.replace(/^\uFEFF/u, "");
  let title: string | null = null;
  const front = FRONT_MATTER.exec(source);
  if (front) {
    const line = (front[1] as string).split(/\r?\n/u).find((l) => l.startsWith("title:"));
    const value = line?.slice("title:".length).trim().replace(/^["']/u, "").replace(/["']$/u, "").trim();
    if (value) title = value;
    source = source.slice(front[0].length);
  }
  const out: string[] = [];
  let paragraph: string[] = [];
  let inFence = false;
  const flush = () => {
    if (paragraph.length) out.push(joinLines(paragraph));
    paragraph = [];
  };
  for (const raw of source.split(/\r\n|\r|\n/u)) {
    if (FENCE.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (raw.trim()) out.push(raw.trim());
      continue;
    }
    const line = raw.trim();
    if (line === "" || RULE.test(line)) {
      flush();
      continue;
    }
    const heading = headingOf(line);
    if (heading) {
      flush();
      const text = inline(heading.text);
      if (!text) continue;
      if (heading.level === 1 && title === null) title = text;
      else out.push(`■ ${text}`);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      paragraph.push(inline(line.replace(LIST_ITEM, "")));
      flush();
      continue;
    }
    paragraph.push(inline(line.replace(/^>\s?/u, "")));
  }
  flush();
  return { title, text: out.filter((l) => l !== "").join("\n") };
}

/**
 * An ATX heading's level and text, without its closing #s (`## 見出し ##`), read without a pattern that
 * backtracks: `/^(#{1,6})\s+(.*?)\s*#*\s*$/` took 14 s on a heading of 3,000 spaces. A closing sequence
 * follows a space, as in CommonMark: 「# C#」 is C#.
 */
function headingOf(line: string): { level: number; text: string } | null {
  const start = HEADING_START.exec(line);
  if (!start) return null;
  let text = line.slice(start[0].length).trimEnd();
  // the closing #s, counted back by hand: /#+$/ tries every # of a long run again (15 s for 100,000)
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  const open = text.slice(0, end);
  if (open === "" || /\s$/u.test(open)) text = open.trimEnd();
  return { level: (start[1] as string).length, text };
}

/**
 * Joins soft-wrapped lines: with a space between two Latin words, with nothing between Japanese text. In
 * one pass: testing the growing text for its last character made a paragraph of 200,000 short lines 7 s.
 */
function joinLines(lines: string[]): string {
  const parts: string[] = [];
  let previous = "";
  for (const line of lines) {
    if (!line) continue;
    if (previous && /[A-Za-z0-9,.;:!?)]$/u.test(previous) && /^[A-Za-z0-9(]/u.test(line)) parts.push(" ");
    parts.push(line);
    previous = line;
  }
  return parts.join("");
}

/**
 * A line without its inline markup. A bracket, an angle bracket or an emphasis stops at the next opening
 * one, and a link's address holds one level of parentheses (Foo_(bar)): tried from every opening of a line of 100,000 「[a](」 or 「*a 」, a
 * span that may hold openings reads to the line's end each time (10 s for 「*a 」).
 */
function inline(text: string): string {
  return text
    .replace(/!\[[^[\]]*\]\((?:[^()]|\([^()]*\))*\)/gu, "")
    .replace(/\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)/gu, "$1")
    .replace(/\[([^[\]]*)\]\[[^[\]]*\]/gu, "$1")
    .replace(/<[^<>]+>/gu, "")
    .replace(/(\*\*|__)(.+?)\1/gu, "$2")
    .replace(/(^|[^\w*])\*(?!\s)([^*]+?)\*(?!\w)/gu, "$1$2")
    .replace(/`([^`]*)`/gu, "$1")
    .trim();
}
