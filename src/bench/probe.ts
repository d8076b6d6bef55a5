import { readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createArticle } from "../article/article.ts";
import { importPlainText } from "../article/import-text.ts";
import { Engine } from "../engine.ts";
import { percentile } from "../eval/metrics.ts";
import { indexPath } from "../search/persist.ts";
import { analyze } from "../text/analyze.ts";
import { loadKuromojiTokenizer, loadTokenizer } from "../text/tokenizer.ts";
import { HOSTILE_INPUTS, HOSTILE_QUESTIONS } from "./hostile-inputs.ts";

/**
 * The child process of the benchmark: each measurement that needs a process of its own (start-up time,
 * memory at a corpus size, peak memory on hostile input) runs here and prints one JSON line.
 *
 *   probe open <corpusDir> <questionsFile|-> <workers> [parallelFrom]   start-up, memory, ask latencies
 *   probe hostile <kind>                                   analysis time and peak memory of one input
 *   probe question <corpusDir> <kind>                      time and peak memory to ask one hostile question
 *   probe pairs <corpusDir> <n>                             n one-thread builds against raw kuromoji, alternating
 *   probe save <corpusDir>                                 memory to load a saved index and save it again
 */
const [mode, ...args] = process.argv.slice(2);

function mb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}

if (mode === "open") {
  const [corpusDir, questionsFile, workers, parallelFrom] = args as [string, string, string, string | undefined];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let poolWorkers = 0;
  const engine = await Engine.open({
    corpusDir,
    workers: Number(workers) || 1,
    // (logged only when worker threads indexed: how many threads analysed)
    log: (event, fields) => {
      if (event === "engine.index") poolWorkers = Number(fields["workers"]);
    },
    ...(parallelFrom ? { parallelFrom: Number(parallelFrom) } : {}),
  });
  const openMs = performance.now() - started;
  // CPU time of every thread of this process (the workers' too), user and system
  const cpu = process.cpuUsage(cpuBefore);
  const memory = process.memoryUsage();
  const questions =
    questionsFile && questionsFile !== "-" ? (JSON.parse(readFileSync(questionsFile, "utf8")) as string[]) : [];
  // warm-up: the first questions pay for JIT compilation
  for (const q of questions.slice(0, 20)) engine.ask(q);
  const times: number[] = [];
  for (const q of questions.slice(20)) {
    const t = performance.now();
    engine.ask(q);
    times.push(performance.now() - t);
  }
  const after = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      openMs,
      openCpuMs: (cpu.user + cpu.system) / 1000,
      indexOrigin: engine.stats.indexOrigin,
      articles: engine.stats.articles,
      passages: engine.stats.passages,
      poolWorkers,
      rssMbReady: mb(memory.rss),
      heapMbReady: mb(memory.heapUsed),
      rssMbAnswering: mb(after.rss),
      askMsP50: percentile(times, 50),
      askMsP99: percentile(times, 99),
      questions: times.length,
    })}\n`,
  );
} else if (mode === "hostile") {
  const [kind] = args as [string];
  const make = HOSTILE_INPUTS[kind];
  if (!make) throw new Error(`probe: unknown hostile input ${kind}`);
  const tokenizer = await loadTokenizer();
  analyze(tokenizer, "準備の文です。"); // JIT warm-up on a short text
  const text = make();
  const { result: tokens, ...measured } = measure(() => analyze(tokenizer, text));
  process.stdout.write(`${JSON.stringify({ kind, characters: text.length, ...measured, tokens: tokens.length })}\n`);
} else if (mode === "question") {
  const [corpusDir, kind] = args as [string, string];
  const make = HOSTILE_QUESTIONS[kind];
  if (!make) throw new Error(`probe: unknown hostile question ${kind}`);
  const engine = await Engine.open({ corpusDir, workers: 1 });
  engine.ask("準備の質問は何？"); // JIT warm-up, and the title suggester built
  const question = make();
  const { result: answer, ...measured } = measure(() => engine.ask(question));
  process.stdout.write(
    `${JSON.stringify({ kind, characters: question.length, ...measured, terms: answer.terms.length })}\n`,
  );
} else if (mode === "pairs") {
  // One-thread builds against raw kuromoji on the same articles' text, alternating: the ratio of each
  // adjacent pair, so that the machine's drift over minutes falls on both sides alike.
  const [corpusDir, count] = args as [string, string];
  const kuromoji = await loadKuromojiTokenizer();
  const build = async () => {
    await rm(path.dirname(indexPath(corpusDir)), { recursive: true, force: true });
    const t = performance.now();
    const engine = await Engine.open({ corpusDir, workers: 1 });
    return { ms: performance.now() - t, engine };
  };
  const { engine } = await build(); // warm-up
  const lines = engine
    .list()
    .flatMap((a) => (engine.article(a.articleId)?.body ?? "").split("\n"))
    .filter((l) => l.trim() !== "");
  const ratios: number[] = [];
  for (let i = 0; i < Number(count); i++) {
    const t = performance.now();
    for (const line of lines) kuromoji.tokenize(line);
    const rawMs = performance.now() - t;
    ratios.push(rawMs / (await build()).ms);
  }
  process.stdout.write(`${JSON.stringify({ ratios })}\n`);
} else if (mode === "save") {
  // The memory that loading a saved index and saving it again need, beyond what the loaded index keeps.
  const [corpusDir] = args as [string];
  await loadTokenizer();
  global.gc?.();
  const before = process.memoryUsage().rss;
  const loadReset = resetPeakRss();
  const engine = await Engine.open({ corpusDir, workers: 1 });
  const loadPeak = peakRssNow();
  global.gc?.();
  const ready = process.memoryUsage().rss;
  const saveReset = resetPeakRss();
  // One short article added: the engine saves the whole index again.
  const draft = importPlainText("索引を保存し直すときのメモリを測る。", {
    title: "保存の測定",
    url: "https://example.jp/bench-save",
  });
  await engine.put(createArticle(draft, { by: "bench", at: new Date("2026-01-01T00:00:00Z") }));
  const savePeak = peakRssNow();
  process.stdout.write(
    `${JSON.stringify({
      indexOrigin: engine.stats.indexOrigin,
      // the RSS the loaded index (and corpus) holds: ready, less the process with its dictionary
      indexRssMb: mb(ready - before),
      loadExtraMb: loadReset && loadPeak !== null ? mb(Math.max(0, loadPeak - ready)) : null,
      saveExtraMb: saveReset && savePeak !== null ? mb(Math.max(0, savePeak - ready)) : null,
    })}\n`,
  );
} else {
  throw new Error(`probe: unknown mode ${mode}`);
}

/**
 * Runs `run` once, after a gc, and measures it: its time, and the peak RSS during it less the RSS before it.
 * Pages the heap had already (freed by the gc and used again) are not counted, so heapExtraMb is reported
 * beside it. Where the peak cannot be reset (not Linux), the process's lifetime peak, which may be the
 * dictionary load's: an upper bound (peakReset false).
 */
function measure<T>(run: () => T): {
  result: T;
  ms: number;
  extraMb: number;
  peakReset: boolean;
  heapExtraMb: number;
} {
  global.gc?.();
  const before = process.memoryUsage();
  const peakReset = resetPeakRss();
  const t = performance.now();
  const result = run();
  const ms = performance.now() - t;
  const peakRss = (peakReset ? peakRssNow() : null) ?? process.resourceUsage().maxRSS * 1024;
  return {
    result,
    ms,
    extraMb: mb(Math.max(0, peakRss - before.rss)),
    peakReset,
    heapExtraMb: mb(process.memoryUsage().heapUsed - before.heapUsed),
  };
}

/**
 * Resets the kernel's peak-RSS mark of this process (Linux: /proc/self/clear_refs). False where it
 * cannot, or where the write is accepted but the mark stays above the current RSS.
 */
function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    const peak = peakRssNow();
    return peak !== null && peak <= process.memoryUsage().rss * 1.05 + 4 * 1024 * 1024;
  } catch {
    return false;
  }
}

/** The peak RSS since the last reset, in bytes (Linux: VmHWM), or null. */
function peakRssNow(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/u.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}
