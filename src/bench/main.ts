import { parseArgs } from "node:util";
import { runBench } from "./run-bench.ts";

/** `npm run bench -- [--corpus-dir <dir>] [--questions <file>] [--json] [--quick]` */
const { values } = parseArgs({
  options: {
    "corpus-dir": { type: "string" },
    questions: { type: "string" },
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
  },
});
const figures = await runBench({
  corpusDir: values["corpus-dir"],
  questions: values.questions,
  quick: values.quick,
  out: (line) => process.stdout.write(`${line}\n`),
  progress: (line) => process.stderr.write(`${line}\n`),
});
if (values.json) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key.padEnd(width)}  ${value}\n`);
}
