import type { Answer, Highlight, PassageHit, SourceRef, Summary } from "../answer/types.ts";
import type { SearchPage } from "../engine.ts";
import { formatDate } from "./date.ts";
import { missingNotes, NO_KEY_POINTS, noWordToSearch } from "./notes.ts";

export interface TerminalStyle {
  /** ANSI bold for matched words and headings; off when the output is not a terminal. */
  readonly color: boolean;
}

const BOLD = "\u001b[1m";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/** An answer as text for a terminal. */
export function answerToText(answer: Answer, style: TerminalStyle): string {
  const lines: string[] = [];
  const b = (s: string) => (style.color ? `${BOLD}${s}${RESET}` : s);
  lines.push(`${b("質問")}: ${answer.question}`, "");
  if (!answer.found) {
    if (answer.terms.length === 0) lines.push(noWordToSearch("この質問"));
    else {
      lines.push("コーパスの記事には、この質問に答える文が見つかりませんでした。");
      lines.push("言葉を減らすか、記事が使っていそうな別の言葉や表記（ひらがな・カタカナ・漢字）で試してください。");
    }
    for (const note of missingNotes(answer)) lines.push(note);
    if (answer.suggestions.length) {
      lines.push("", b("近いタイトルの記事"));
      for (const s of answer.suggestions) lines.push(`  ・${s.title}  ${dim(`[${s.articleId}]`, style)}`);
    }
    if (answer.passages.length) {
      lines.push("", b("関連しそうな段落"));
      for (const [i, p] of answer.passages.entries()) lines.push(...passageLines(p, i + 1, style));
    }
    return lines.join("\n");
  }
  lines.push(b("答え"));
  answer.keyPoints.forEach((k, i) => {
    lines.push(`  ${i + 1}. ${mark(k.text, k.highlights, style)}`);
    lines.push(`     ${dim(`— ${citation(k)}`, style)}`);
  });
  for (const note of missingNotes(answer)) lines.push(`  ${dim(note, style)}`);
  lines.push("", b("出典の段落"));
  for (const [i, p] of answer.passages.entries()) lines.push(...passageLines(p, i + 1, style));
  return lines.join("\n");
}

/** One page of search hits as text. */
export function searchToText(page: SearchPage, style: TerminalStyle): string {
  if (page.hits.length === 0) {
    return page.terms.length === 0
      ? noWordToSearch(`「${page.query}」`)
      : `「${page.query}」に一致する記事は見つかりませんでした。`;
  }
  // past the passages ranked, more may match: the count is of the best ones
  const count = page.more ? `上位 ${page.total} 件` : `${page.total} 件`;
  const lines = [`「${page.query}」の検索結果 ${count}（${page.page}/${page.pageCount} ページ）`];
  for (const [i, p] of page.hits.entries()) lines.push(...passageLines(p, page.firstRank + i, style));
  return lines.join("\n");
}

/** An article's key points as text. */
export function summaryToText(summary: Summary, style: TerminalStyle): string {
  const b = (s: string) => (style.color ? `${BOLD}${s}${RESET}` : s);
  const lines = [b(summary.title), dim(citationLine(summary), style), ""];
  for (const p of summary.points) lines.push(`  ・${p.text}`);
  if (summary.points.length === 0) lines.push(`  ${NO_KEY_POINTS}`);
  return lines.join("\n");
}

/** The article list as text. */
export function listToText(articles: readonly SourceRef[], style: TerminalStyle): string {
  if (articles.length === 0) return "コーパスに記事がありません。";
  return articles
    .map(
      (a) =>
        `${a.articleId}  ${formatDate(a.publishedAt).padEnd(11, "　")}  ${a.title}${a.url ? dim(`  ${a.url}`, style) : ""}`,
    )
    .join("\n");
}

function passageLines(p: PassageHit, n: number, style: TerminalStyle): string[] {
  const lines = [`  [${n}] ${p.title}`, `      ${dim(citationLine(p), style)}`];
  if (p.heading) lines.push(`      ■ ${p.heading}`);
  for (const paragraph of mark(p.text, p.highlights, style).split(/\n+/u)) lines.push(`      ${paragraph}`);
  lines.push("");
  return lines;
}

function citation(s: SourceRef): string {
  const date = formatDate(s.publishedAt);
  return `${s.title}${s.publisher || date ? `（${[s.publisher, date].filter(Boolean).join("、")}）` : ""}`;
}

function citationLine(s: SourceRef): string {
  return [s.publisher, formatDate(s.publishedAt), s.url || "URL なし", `ID: ${s.articleId}`]
    .filter(Boolean)
    .join(" · ");
}

function dim(s: string, style: TerminalStyle): string {
  return style.color ? `${DIM}${s}${RESET}` : s;
}

/** Text with the highlighted ranges in bold (when colour is on). */
export function mark(text: string, highlights: readonly Highlight[], style: TerminalStyle): string {
  if (!style.color || highlights.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [s, e] of highlights) {
    if (s < at) continue;
    out += `${text.slice(at, s)}${BOLD}${text.slice(s, e)}${RESET}`;
    at = e;
  }
  return out + text.slice(at);
}
