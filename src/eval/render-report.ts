import type { EvalMetrics } from "./evaluate-questions.ts";
import { SUMMARY_SYSTEMS, type SummaryReport, type SummarySystem } from "./evaluate-summaries.ts";
import type { BaselineMetrics, BaselineReport } from "./score-baselines.ts";

const METRIC_LABELS: Readonly<Record<keyof EvalMetrics, string>> = {
  recallAt1: "1 位の段落が正解",
  recallAt5: "5 位までに正解の段落",
  recallAt10: "10 位までに正解の段落",
  mrrAt10: "正解の段落の逆順位の平均",
  answerHitAt1: "1 つ目の要点に答え",
  answerHitAt3: "3 つ目までの要点に答え",
  queryMsP50: "1 問の時間 中央値 (ms)",
  queryMsP99: "1 問の時間 99% 点 (ms)",
  articles: "記事数",
  passages: "段落数",
  questions: "質問数",
};

const BASELINE_LABELS: Readonly<Record<keyof BaselineReport, string>> = {
  minisearchDefault: "MiniSearch 既定のトークナイザ",
  kuromojiSurface: "kuromoji 表層形",
  charBigrams: "文字 bigram",
};

/** The evaluation as a readable table. */
export function evalReportToText(
  metrics: EvalMetrics,
  context: { dataset: string; distractors?: string | undefined; baselines?: BaselineReport | undefined },
): string {
  const lines = [
    `データセット: ${context.dataset}${context.distractors ? `（加えた記事: ${context.distractors}）` : ""}`,
    "",
    table(
      ["指標", "値", "意味"],
      (Object.keys(METRIC_LABELS) as (keyof EvalMetrics)[]).map((key) => [
        key,
        formatValue(key, metrics[key]),
        METRIC_LABELS[key],
      ]),
    ),
  ];
  if (context.baselines) {
    const rows = (Object.keys(BASELINE_LABELS) as (keyof BaselineReport)[]).map((key) =>
      baselineRow(BASELINE_LABELS[key], context.baselines?.[key] as BaselineMetrics),
    );
    lines.push(
      "",
      `比較: 段落単位の検索（段落 ${context.baselines.minisearchDefault.paragraphs} 件、各段落が 1 文書）`,
      table(["方式", "R@1", "R@5", "R@10", "MRR@10"], rows),
    );
  }
  return lines.join("\n");
}

/** The summary evaluation as a readable table. */
export function summaryReportToText(report: SummaryReport, dir: string): string {
  const rows: string[][] = [];
  for (const system of Object.keys(SUMMARY_SYSTEMS) as SummarySystem[]) {
    const s = report.systems[system];
    rows.push([
      SUMMARY_SYSTEMS[system],
      String(s.meanLength),
      ...[s.characters, s.tokens].flatMap((r) => [r.rouge1.f1, r.rouge2.f1, r.rougeL.f1].map(fixed)),
      fixed(s.characters.rougeL.recall),
    ]);
  }
  return [
    `要約の評価: ${dir}（記事 ${report.articles} 件、参照は見出し、平均 ${report.meanHeadlineLength} 文字）`,
    "文字 = NFKC・小文字化した文字（空白・句読点・記号を除く）、語 = kuromoji の表層形（記号を除く）。値は F1。",
    "",
    table(["要約", "平均文字数", "文字R1", "文字R2", "文字RL", "語R1", "語R2", "語RL", "文字RL再現率"], rows),
  ].join("\n");
}

function baselineRow(label: string, m: BaselineMetrics): string[] {
  return [label, fixed(m.recallAt1), fixed(m.recallAt5), fixed(m.recallAt10), fixed(m.mrrAt10)];
}

function formatValue(key: keyof EvalMetrics, value: number): string {
  if (key === "articles" || key === "passages" || key === "questions") return value.toLocaleString("en-US");
  if (key === "queryMsP50" || key === "queryMsP99") return value.toFixed(1);
  return fixed(value);
}

function fixed(value: number): string {
  return value.toFixed(3);
}

/** Columns padded to the display width (CJK characters count two columns). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c] ?? ""))));
  return all
    .map((r) =>
      r
        .map((cell, c) => cell + " ".repeat((widths[c] ?? 0) - displayWidth(cell)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1;
  return width;
}
