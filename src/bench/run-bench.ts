import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { type Article, articleIdFor, createArticle } from "../article/article.ts";
import { importPlainText } from "../article/import-text.ts";
import { writeArticle } from "../article/store.ts";
import { UserFacingError } from "../errors.ts";
import { textFilesOf } from "../eval/build-eval-corpus.ts";
import { percentile } from "../eval/metrics.ts";
import { readSquad, readSquadFile } from "../eval/read-squad.ts";
import { decodeFile } from "../ingest/read-source.ts";
import { indexPath } from "../search/persist.ts";
import { analyzeTerms } from "../text/analyze.ts";
import { loadKuromojiTokenizer, loadTokenizer } from "../text/tokenizer.ts";
import { HOSTILE_INPUTS, HOSTILE_QUESTIONS } from "./hostile-inputs.ts";

/**
 * `npm run bench -- [--corpus-dir <livedoor dir>] [--questions <SQuAD file>] [--json] [--quick]`
 *
 * Measures on this machine, each figure next to its reference from the same run: tokenizing (raw
 * kuromoji against the engine's tokenizer and its full analysis), indexing (one thread against all cores), start-up (saved index
 * against rebuilding), ask latency and memory at three corpus sizes, and hostile input. Timings are
 * medians of repeated runs after a warm-up; the machine is shared and noisy, so compare ratios.
 */
export interface BenchOptions {
  readonly corpusDir?: string | undefined;
  readonly questions?: string | undefined;
  readonly quick?: boolean;
  readonly out: (line: string) => void;
  readonly progress: (line: string) => void;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The probe bundled as `npm run build` bundles the bot: processes are timed as `npm start` runs it. */
const PROBE = path.join(ROOT, "dist", "bench", "probe.js");
const run = promisify(execFile);

/** A sample of Japanese news prose for the tokenizer figures, used when no corpus is given. */
const BUILTIN_TEXT = readFileSync(
  path.join(ROOT, "corpus", readdirSync(path.join(ROOT, "corpus")).find((f) => f.endsWith(".md")) ?? ""),
  "utf8",
);

/** The first questions of a run warm the engine up (JIT compilation) and are not timed (see probe.ts). */
const WARM_UP_QUESTIONS = 20;

/**
 * What a run measures on, read before anything is measured: the articles of `corpusDir` and the questions
 * (SQuAD's, else the articles' headlines, else a few about the shipped corpus). A folder or file that
 * cannot be read, a folder without an article, a file that is no SQuAD dataset, or too few questions to
 * time one after the warm-up, is refused (UserFacingError) in Japanese, before minutes are spent.
 */
export async function readBenchInputs(options: Pick<BenchOptions, "corpusDir" | "questions">): Promise<{
  articles: Article[];
  questions: string[];
}> {
  const articles = options.corpusDir ? await readPlainTextCorpus(options.corpusDir) : [];
  const questions = await readQuestions(options.questions, articles);
  if (questions.length <= WARM_UP_QUESTIONS) {
    const from = options.questions ? options.questions : `${options.corpusDir} の記事の見出し`;
    throw new UserFacingError(
      `質問が ${questions.length} 件しかありません（${from}）。最初の ${WARM_UP_QUESTIONS} 件は計測の準備に使うため、` +
        `応答時間を測るには ${WARM_UP_QUESTIONS + 1} 件以上の質問が必要です。`,
    );
  }
  return { articles, questions };
}

export async function runBench(options: BenchOptions): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const note = (key: string, value: number | string) => {
    figures[key] = typeof value === "number" ? Math.round(value * 100) / 100 : value;
  };
  const inputs = await readBenchInputs(options);
  const articles = inputs.articles;
  await run("npm", ["run", "-s", "build:bench"], { cwd: ROOT });
  const work = await mkdtemp(path.join(os.tmpdir(), "shiori-bench-"));
  try {
    const questions = await writeQuestions(work, inputs.questions);
    note("machineCores", os.availableParallelism());
    note("questions", questions.count);

    // ── Tokenizing ──────────────────────────────────────────────────────────────────────────────
    options.progress("tokenizing…");
    // Raw kuromoji is the package's own `tokenize`; the engine tokenizes with LatticeTokenizer, the same
    // tokens from the same dictionary (src/text/lattice.ts), and the full analysis adds the rest.
    const kuromoji = await loadKuromojiTokenizer();
    const tokenizer = await loadTokenizer();
    const sample = (articles.length ? articles.slice(0, 200).map((a) => a.body) : [BUILTIN_TEXT]).join("\n");
    const lines = sample.split("\n").filter((l) => l.trim() !== "");
    const repeats = options.quick ? 3 : 5;
    const rawMs = medianOf(repeats, () => {
      for (const line of lines) kuromoji.tokenize(line);
    });
    const latticeMs = medianOf(repeats, () => {
      for (const line of lines) tokenizer.tokenize(line);
    });
    const analysisMs = medianOf(repeats, () => {
      for (const line of lines) analyzeTerms(tokenizer, line);
    });
    const rawCharsPerSec = (sample.length / rawMs) * 1000;
    note("tokenizeCharsPerSec_rawKuromoji", rawCharsPerSec);
    note("tokenizeCharsPerSec_latticeTokenizer", (sample.length / latticeMs) * 1000);
    note("tokenizeCharsPerSec_analysis", (sample.length / analysisMs) * 1000);
    note("tokenizeRatio_latticeToRaw", rawMs / latticeMs);
    note("tokenizeRatio_analysisToRaw", rawMs / analysisMs);
    note("tokenizeSampleChars", sample.length);

    // ── Hostile input ───────────────────────────────────────────────────────────────────────────
    for (const kind of Object.keys(HOSTILE_INPUTS)) {
      options.progress(`hostile input: ${kind}…`);
      const results = [];
      for (let i = 0; i < (options.quick ? 1 : 3); i++) results.push(await probe(["hostile", kind]));
      note(`hostileMs_${kind}`, median(results.map((r) => Number(r["ms"]))));
      // Peak RSS growth during the analysis on Linux; elsewhere an upper bound (see probe.ts).
      const peakReset = results.every((r) => r["peakReset"] === true);
      note(`hostile${peakReset ? "" : "UpperBound"}ExtraMb_${kind}`, median(results.map((r) => Number(r["extraMb"]))));
      note(`hostileHeapExtraMb_${kind}`, median(results.map((r) => Number(r["heapExtraMb"]))));
    }

    // ── Seed corpus ─────────────────────────────────────────────────────────────────────────────
    const seedDir = path.join(work, "seed");
    await cp(path.join(ROOT, "corpus"), seedDir, { recursive: true, filter: (src) => !src.includes(".index") });
    await settle(seedDir);
    options.progress("seed corpus…");
    await probe(["open", seedDir, "-", "1"]); // builds and saves its index
    const seed = await probe(["open", seedDir, questions.file, "1"]);
    noteSize(note, "seed", seed);

    // ── Hostile questions (the seed corpus) ─────────────────────────────────────────────────────
    for (const kind of Object.keys(HOSTILE_QUESTIONS)) {
      options.progress(`hostile question: ${kind}…`);
      const results = [];
      for (let i = 0; i < (options.quick ? 1 : 3); i++) results.push(await probe(["question", seedDir, kind]));
      note(`hostileQuestionMs_${kind}`, median(results.map((r) => Number(r["ms"]))));
      const peakReset = results.every((r) => r["peakReset"] === true);
      note(
        `hostileQuestion${peakReset ? "" : "UpperBound"}ExtraMb_${kind}`,
        median(results.map((r) => Number(r["extraMb"]))),
      );
    }

    if (articles.length) {
      // ── Indexing ──────────────────────────────────────────────────────────────────────────────
      const livedoorDir = path.join(work, "livedoor");
      for (const a of articles) await writeArticle(livedoorDir, a);
      await settle(livedoorDir);
      const characters = articles.reduce((n, a) => n + a.body.length, 0);
      note("livedoorArticles", articles.length);
      note("livedoorCharacters", characters);
      // One thread against all cores in alternating pairs, the order swapped each pair: these machines are
      // shared, and the same build's CPU time varied by a third from one run to the next (23 to 34 s on
      // livedoor), so one build of each compared two moments as much as two setups.
      const cores = Math.min(4, os.availableParallelism());
      const pairs = options.quick ? 1 : 3;
      const ones: Build[] = [];
      const manys: Build[] = [];
      for (let i = 0; i < pairs; i++) {
        options.progress(
          `indexing ${articles.length} articles on 1 thread and on ${cores} threads (${i + 1}/${pairs})…`,
        );
        if (i % 2 === 1) manys.push(await timedBuild(livedoorDir, cores));
        ones.push(await timedBuild(livedoorDir, 1));
        if (i % 2 === 0) manys.push(await timedBuild(livedoorDir, cores));
      }
      const one = medianBuild(ones);
      const many = medianBuild(manys);
      note("indexPairs", pairs);
      note("indexMs_1thread", one.ms);
      note("indexCpuMs_1thread", one.cpuMs);
      if (one.stealPct !== null) note("stealPct_index1thread", one.stealPct);
      note("indexCharsPerSec_1thread", (characters / one.ms) * 1000);
      // One thread against raw kuromoji in alternating pairs on the same texts (every ninth article), in a
      // process of their own: the machine's speed drifts within minutes, so a reference measured apart
      // from a build drifts apart from it.
      options.progress("indexing against raw kuromoji, in pairs…");
      const subsetDir = path.join(work, "pairs");
      for (const [i, a] of articles.entries()) if (i % 9 === 0) await writeArticle(subsetDir, a);
      const ratios = (await probe(["pairs", subsetDir, options.quick ? "2" : "5"]))["ratios"] as number[];
      note("indexRatioPairs", ratios.length);
      note("indexRatio_1threadToRawKuromoji", median(ratios));
      note("indexMs_allThreads", many.ms);
      // the median of the pairs' ratios
      note("indexSpeedup_allThreadsTo1", median(ones.map((o, i) => o.ms / (manys[i] as Build).ms)));
      // Why the speedup is what it is: the cores each build kept busy, and the CPU time the same work took
      // (more on all threads when the cores slow each other down, or when threads add work). Another
      // tenant's load shows as steal: CPU time the machine's cores gave to someone else.
      // speedup = (cores busy on all threads / cores busy on one) × (CPU time on one / CPU time on all)
      note("indexCpuMs_allThreads", many.cpuMs);
      note("indexCoresBusy_1thread", median(ones.map((o) => o.cpuMs / o.ms)));
      note("indexCoresBusy_allThreads", median(manys.map((m) => m.cpuMs / m.ms)));
      note("indexCpuRatio_allThreadsTo1", median(ones.map((o, i) => (manys[i] as Build).cpuMs / o.cpuMs)));
      if (many.stealPct !== null) note("stealPct_indexAllThreads", many.stealPct);
      note("livedoorPassages", many.passages);

      // ── Start-up ──────────────────────────────────────────────────────────────────────────────
      options.progress("start-up with the saved index…");
      note("indexBytesOnDisk_livedoor", statSync(indexPath(livedoorDir)).size);
      note("corpusBytesOnDisk_livedoor", folderBytes(livedoorDir) - statSync(indexPath(livedoorDir)).size);
      const starts = [];
      for (let i = 0; i < (options.quick ? 1 : 3); i++)
        starts.push(await timedProcess(["open", livedoorDir, "-", "1"]));
      note("startupMs_savedIndex", median(starts.map((s) => s.wallMs)));
      note("startupMs_rebuild", many.wallMs);
      note("startupSpeedup_savedToRebuild", many.wallMs / median(starts.map((s) => s.wallMs)));

      // ── Queries and memory ────────────────────────────────────────────────────────────────────
      options.progress("queries on livedoor…");
      noteSize(note, "livedoor", await probe(["open", livedoorDir, questions.file, "1"]));
      const doubleDir = path.join(work, "livedoor2");
      await cp(livedoorDir, doubleDir, { recursive: true, filter: (src) => !src.includes(".index") });
      for (const a of articles) await writeArticle(doubleDir, copyOf(a));
      await settle(doubleDir);
      options.progress("indexing livedoor twice over…");
      await timedBuild(doubleDir, cores);
      options.progress("queries on livedoor twice over…");
      noteSize(note, "livedoorX2", await probe(["open", doubleDir, questions.file, "1"]));

      // Last: it adds an article to the livedoor folder. Linux only (the peak RSS is reset around each).
      options.progress("loading and saving the livedoor index…");
      const saved = await probe(["save", livedoorDir]);
      note("indexRssMb_livedoor", Number(saved["indexRssMb"]));
      if (saved["loadExtraMb"] !== null) note("loadExtraMb_livedoor", Number(saved["loadExtraMb"]));
      if (saved["saveExtraMb"] !== null) note("saveExtraMb_livedoor", Number(saved["saveExtraMb"]));
    }
    return figures;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function noteSize(note: (k: string, v: number) => void, size: string, r: Record<string, unknown>) {
  note(`passages_${size}`, Number(r["passages"]));
  note(`askMsP50_${size}`, Number(r["askMsP50"]));
  note(`askMsP99_${size}`, Number(r["askMsP99"]));
  note(`rssMbReady_${size}`, Number(r["rssMbReady"]));
  note(`heapMbReady_${size}`, Number(r["heapMbReady"]));
  note(`rssMbAnswering_${size}`, Number(r["rssMbAnswering"]));
}

/**
 * Livedoor articles (or any plain-text folder the importer understands); a file that is no article (an
 * image renamed .txt) is passed over, as eval's distractors are.
 */
async function readPlainTextCorpus(dir: string): Promise<Article[]> {
  const at = new Date("2026-01-01T00:00:00Z");
  const articles: Article[] = [];
  for (const file of await textFilesOf(dir)) {
    try {
      articles.push(
        createArticle(importPlainText(decodeFile(readFileSync(file), { html: false }).text), { by: "bench", at }),
      );
    } catch (err) {
      if (!(err instanceof UserFacingError)) throw err;
    }
  }
  if (articles.length === 0) {
    throw new UserFacingError(
      `${dir} に記事（.txt のプレーンテキスト）が 1 件もありません。livedoor ニュースコーパスのフォルダを指定してください。`,
    );
  }
  return articles;
}

/** The same article under another URL, hence another id: the "twice over" corpus. */
function copyOf(article: Article): Article {
  const url = `${article.url}#copy`;
  return { ...article, id: articleIdFor(url, article.contentHash), url };
}

/** The question set: SQuAD questions when given (520, spread over the file), else livedoor headlines. */
async function readQuestions(squad: string | undefined, articles: readonly Article[]): Promise<string[]> {
  if (squad) {
    const json = await readSquadFile(squad, "質問");
    const all = readSquad(json).flatMap((a) => a.paragraphs.flatMap((p) => p.questions.map((q) => q.question)));
    const step = Math.max(1, Math.floor(all.length / 520));
    return all.filter((_, i) => i % step === 0).slice(0, 520);
  }
  if (articles.length) {
    const step = Math.max(1, Math.floor(articles.length / 520));
    return articles.filter((_, i) => i % step === 0).map((a) => a.title);
  }
  const seed = [
    "Xen 3.0ではどのOSがゲストOSとして動くようになる？",
    "Xenの現行バージョンは？",
    "説明会はどこで行われた？",
  ];
  return Array.from({ length: 120 }, (_, i) => seed[i % seed.length] as string);
}

/** Writes the questions for the probe processes. */
async function writeQuestions(work: string, questions: readonly string[]) {
  const file = path.join(work, "questions.json");
  await writeFile(file, JSON.stringify(questions));
  return { file, count: questions.length - WARM_UP_QUESTIONS };
}

async function probe(args: string[]): Promise<Record<string, unknown>> {
  return (await timedProcess(args)).result;
}

async function timedProcess(args: string[]) {
  const started = performance.now();
  const { stdout } = await run(process.execPath, ["--expose-gc", PROBE, ...args], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const line = stdout.trim().split("\n").at(-1) ?? "{}";
  return { wallMs, result: JSON.parse(line) as Record<string, unknown> };
}

/**
 * Dates a folder's article files ten minutes back, as a library's files are: a file changed within 2 s
 * of being indexed is read again at the next start-up, stamped, and the index saved once more (see
 * FileStamp), which would fall into the measurements of the first start after the build.
 */
async function settle(dir: string): Promise<void> {
  const when = new Date(Date.now() - 10 * 60_000);
  for (const name of await readdir(dir)) if (name.endsWith(".md")) await utimes(path.join(dir, name), when, when);
}

/** A build's times (see timedBuild). */
type Build = Awaited<ReturnType<typeof timedBuild>>;

/** The build of median time among builds of the same setup (the lower middle one of an even number). */
function medianBuild(builds: readonly Build[]): Build {
  return [...builds].sort((a, b) => a.ms - b.ms)[Math.floor((builds.length - 1) / 2)] as Build;
}

/** Rebuilds a corpus's index from its files in a fresh process: process start to ready. */
async function timedBuild(dir: string, workers: number) {
  await rm(path.dirname(indexPath(dir)), { recursive: true, force: true });
  const before = cpuTicks();
  const { wallMs, result } = await timedProcess(["open", dir, "-", String(workers)]);
  const after = cpuTicks();
  const stealPct =
    before && after ? (100 * (after.steal - before.steal)) / Math.max(1, after.total - before.total) : null;
  return {
    ms: Number(result["openMs"]),
    cpuMs: Number(result["openCpuMs"]),
    wallMs,
    passages: Number(result["passages"]),
    stealPct,
  };
}

/** The machine's CPU time so far, all cores (Linux's /proc/stat, in ticks): total and stolen by the host. */
function cpuTicks(): { total: number; steal: number } | null {
  try {
    const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
      .trim()
      .split(/\s+/u)
      .slice(1, 9)
      .map(Number);
    if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return null;
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] as number };
  } catch {
    return null;
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function medianOf(repeats: number, fn: () => void): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function median(values: number[]): number {
  return percentile(values, 50);
}
