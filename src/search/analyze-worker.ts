import { parentPort, workerData } from "node:worker_threads";
import { analyzeTerms } from "../text/analyze.ts";
import { loadTokenizer } from "../text/tokenizer.ts";
import { TERM_SEPARATOR } from "./index.ts";

/** A worker thread of the analysis pool: texts in, space-joined search terms out. */
interface Request {
  readonly id: number;
  readonly texts: readonly string[];
}

const port = parentPort;
if (!port) throw new Error("analyze-worker: must run in a worker thread");
const tokenizer = await loadTokenizer((workerData as { dictionaryPath?: string } | undefined)?.dictionaryPath);
port.on("message", (request: Request) => {
  const terms = request.texts.map((text) => analyzeTerms(tokenizer, text).join(TERM_SEPARATOR));
  port.postMessage({ id: request.id, terms });
});
port.postMessage({ ready: true });
