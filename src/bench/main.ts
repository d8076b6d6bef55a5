import { parseArgs } from "node:util";
import { argumentError } from "../cli-args.ts";
import { lineWriter } from "../cli-output.ts";
import { UserFacingError } from "../errors.ts";
import { runBench } from "./run-bench.ts";

const USAGE = `使い方: npm run bench -- [--corpus-dir <livedoor のフォルダ>] [--questions <SQuAD 形式の JSON>] [--json] [--quick]

  --corpus-dir  プレーンテキスト記事（livedoor ニュースコーパス）のフォルダ。省略すると同梱のコーパスだけを測る
  --questions   応答時間を測る質問（SQuAD 形式、例: JSQuAD）。省略すると記事の見出し
  --json        結果を 1 つの JSON オブジェクトで出力する
  --quick       繰り返しを減らして短く測る`;

const out = lineWriter(process.stdout);
const say = lineWriter(process.stderr);

/** `npm run bench -- [--corpus-dir <dir>] [--questions <file>] [--json] [--quick]`; returns the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  let values: { "corpus-dir"?: string; questions?: string; json: boolean; quick: boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        "corpus-dir": { type: "string" },
        questions: { type: "string" },
        json: { type: "boolean", default: false },
        quick: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (err) {
    say(`${argumentError(err as Error & { code?: string }, argv, null)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  // an empty value (an unset variable in a script) is no folder: measuring the shipped corpus instead would
  // report figures of another library under the same name
  for (const option of ["corpus-dir", "questions"] as const) {
    if (values[option] === "") {
      say(`--${option} の値が空です。パスを指定してください。計測は実行していません。\n\n${USAGE}`);
      return 2;
    }
  }
  let figures: Record<string, number | string>;
  try {
    figures = await runBench({
      corpusDir: values["corpus-dir"],
      questions: values.questions,
      quick: values.quick,
      out,
      progress: say,
    });
  } catch (err) {
    // a folder or a file to correct: one line saying what to do, as the CLI says it
    if (err instanceof UserFacingError) {
      say(err.message);
      return 1;
    }
    // as the CLI and eval end on one: one line, status 70 (the stack with SHIORI_DEBUG)
    say(`内部エラーが発生しました: ${(err as Error).message}`);
    if (process.env["SHIORI_DEBUG"]) say(String((err as Error).stack));
    return 70;
  }
  if (values.json) {
    out(JSON.stringify(figures, null, 2));
  } else {
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [key, value] of Object.entries(figures)) out(`${key.padEnd(width)}  ${value}`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
