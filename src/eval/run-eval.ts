import { parseArgs } from "node:util";
import { argumentError } from "../cli-args.ts";
import { decimalIn } from "../config.ts";
import { UsageError, UserFacingError } from "../errors.ts";
import { buildEvalCorpus } from "./build-eval-corpus.ts";
import { evaluateQuestions } from "./evaluate-questions.ts";
import { evaluateSummaries, sample } from "./evaluate-summaries.ts";
import { readSquad, readSquadFile } from "./read-squad.ts";
import { evalReportToText, summaryReportToText } from "./render-report.ts";
import { scoreBaselines } from "./score-baselines.ts";

export const EVAL_USAGE = `使い方:
  shiori eval --dataset <SQuAD 形式の JSON> [--distractors <フォルダ>] [--baselines] [--limit N] [--json]
  shiori eval --summaries <livedoor 形式のフォルダ> [--limit N] [--json]

  --dataset       質問と答えのデータセット（例: JSQuAD）。各記事を一時コーパスに入れ、各質問を ask で尋ねる
  --distractors   一時コーパスに加えるプレーンテキスト記事のフォルダ（例: livedoor ニュース）
  --baselines     同じコーパスで MiniSearch 既定・kuromoji 表層形・文字 bigram の段落検索も採点する
  --limit N       質問（--summaries では記事）を N 件に絞る（全体から等間隔に選ぶ）
  --summaries     記事の要点を見出しと比べて ROUGE-1/2/L で採点する（lead-3 と比較）
  --json          結果を 1 つの JSON オブジェクトで出力する`;

/** Where the command writes. */
export interface EvalIo {
  out(text: string): void;
  err(text: string): void;
}

/** `shiori eval …`: measures answer quality on a dataset, or summary quality on headlines. Returns the exit code. */
export async function runEval(argv: readonly string[], io: EvalIo): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (err) {
    io.err(`${argumentError(err as Error & { code?: string }, argv, null)}\n\n${EVAL_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(EVAL_USAGE);
    return 0;
  }
  try {
    const limit = positiveInt(values.limit);
    if (values.dataset && values.summaries) {
      throw new UsageError("--dataset と --summaries は同時に指定できません。別々に実行してください。");
    }
    if (values.summaries) {
      const report = await evaluateSummaries(values.summaries, {
        limit,
        progress: (done, total) => {
          if (done % 100 === 0 || done === total) io.err(`要約を採点中… ${done}/${total}`);
        },
      });
      io.out(values.json ? JSON.stringify(report) : summaryReportToText(report, values.summaries));
      return 0;
    }
    if (!values.dataset) {
      io.err(`--dataset か --summaries を指定してください。\n\n${EVAL_USAGE}`);
      return 2;
    }
    const dataset = readSquad(await readSquadFile(values.dataset, "データセット"));
    const corpus = await buildEvalCorpus(dataset, {
      distractors: values.distractors,
      progress: (done, total) => {
        if (done % 1000 === 0 || done === total) io.err(`索引を作成中… ${done}/${total}`);
      },
    });
    // files that are no article (an image renamed .txt, a page without a headline) are said, not counted in
    if (corpus.skippedDistractors > 0) {
      io.err(
        `加える記事のうち、読めないファイル ${corpus.skippedDistractors} 件を除きました（文字でないデータ・見出しのないテキスト・重複）。`,
      );
    }
    try {
      const questions = sample(corpus.questions, limit);
      const { metrics } = evaluateQuestions(corpus.engine, questions, (done) => {
        if (done % 1000 === 0) io.err(`質問中… ${done}/${questions.length}`);
      });
      const baselines = values.baselines
        ? scoreBaselines(corpus.engine, corpus.engine.tokenizer, questions)
        : undefined;
      if (values.json) io.out(JSON.stringify(baselines ? { ...metrics, baselines } : metrics));
      else io.out(evalReportToText(metrics, { dataset: values.dataset, distractors: values.distractors, baselines }));
      return 0;
    } finally {
      await corpus.close();
    }
  } catch (err) {
    if (err instanceof UserFacingError) {
      io.err(err.message);
      return err instanceof UsageError ? 2 : 1;
    }
    io.err(`内部エラーが発生しました: ${(err as Error).message}`);
    return 70;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    options: {
      dataset: { type: "string" },
      distractors: { type: "string" },
      summaries: { type: "string" },
      baselines: { type: "boolean", default: false },
      limit: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

/** --limit: a whole number from 1, in decimal digits only (not 1e3 nor 0x10), as the command line's others. */
function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = decimalIn(value, 1, Number.POSITIVE_INFINITY);
  if (n === null) throw new UsageError("--limit には 1 以上の整数を指定してください。");
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}
