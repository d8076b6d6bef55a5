/** A Markdown document as the plain-text importer reads it. */
export interface MarkdownText {
  /** The first `# ` heading (or a front-matter `title:`), when there is one. */
  readonly title: string | null;
  /** One paragraph per line; `■ ` lines for the other headings. */
  readonly text: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/u;
const FENCE = /^\s*(```|~~~)/u;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/u;
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
    const t = /^title:\s*["']?(.+?)["']?\s*$/mu.exec(front[1] as string);
    if (t) title = (t[1] as string).trim();
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
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[2] as string);
      if (!text) continue;
      if ((heading[1] as string).length === 1 && title === null) title = text;
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

/** Joins soft-wrapped lines: with a space between two Latin words, with nothing between Japanese text. */
function joinLines(lines: string[]): string {
  let text = "";
  for (const line of lines) {
    if (!line) continue;
    text += text && /[A-Za-z0-9,.;:!?)]$/u.test(text) && /^[A-Za-z0-9(]/u.test(line) ? ` ${line}` : line;
  }
  return text;
}

function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/gu, "$1")
    .replace(/<[^>]+>/gu, "")
    .replace(/(\*\*|__)(.+?)\1/gu, "$2")
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/gu, "$1$2")
    .replace(/`([^`]*)`/gu, "$1")
    .replace(/\s{2,}$/u, "")
    .trim();
}
