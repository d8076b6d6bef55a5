import { type ChildProcess, spawn } from "node:child_process";
import { watch } from "node:fs";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../src/article/article.ts";
import { Engine } from "../../src/engine.ts";
import { readSource } from "../../src/ingest/read-source.ts";
import { RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { removeDir, tempCorpusDir } from "../helpers/engine.ts";

/**
 * A process killed at any moment of an add leaves, after a restart, either the old corpus or the new one:
 * never a half-written article, never an index that disagrees with the files. Each case copies a small
 * corpus, starts a child process that adds one long article, kills it (SIGKILL, no chance to clean up)
 * at a chosen moment, then reopens the corpus and checks it.
 */

const CHILD = path.join(import.meta.dirname, "crash-child.ts");
const URL = "https://news.example.jp/birds/kawasemi.html";
const MARKER = "カワセミ観測所";

let root: string;
let template: string;
let sourceFile: string;
let newId: string;
let expectedBody: string;
let oldFiles: Map<string, string>;

/** A long article (a few hundred paragraphs), so that indexing it takes a while. */
function longArticle(): string {
  const lines = [`${MARKER}の一年`, ""];
  const places = ["川", "池", "公園", "橋", "湖", "田んぼ"];
  for (let i = 0; i < 400; i++) {
    const place = places[i % places.length];
    lines.push(
      `${i + 1}日目の記録。${place}のほとりで${MARKER}の調査員がカワセミを${(i % 7) + 1}羽見つけた。水面すれすれを飛び、小魚をくわえて枝に戻った。`,
    );
  }
  return lines.join("\n");
}

beforeAll(async () => {
  root = await tempCorpusDir();
  template = path.join(root, "template");
  const engine = await Engine.open({ corpusDir: template });
  const at = new Date("2025-01-01T00:00:00Z");
  await engine.putAll(RANKING_ARTICLES.slice(0, 3).map((d) => createArticle(d, { by: "test", at })));
  oldFiles = await articleFiles(template);
  sourceFile = path.join(root, "kawasemi.txt");
  await writeFile(sourceFile, longArticle());
  const read = await readSource(
    { kind: "file", name: "kawasemi.txt", bytes: await readFile(sourceFile), url: URL },
    {
      fetch: {
        maxBytes: 5e6,
        timeoutMs: 1,
        connectTimeoutMs: 1,
        maxRedirects: 0,
        userAgent: "t",
        policy: { allow: [] },
      },
    },
  );
  const article = createArticle(read.draft, { by: "crash-test", at });
  newId = article.id;
  expectedBody = article.body;
});
afterAll(() => removeDir(root));

/** The article files of a corpus folder and their text. */
async function articleFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".md")).sort()) {
    files.set(name, await readFile(path.join(dir, name), "utf8"));
  }
  return files;
}

async function leftovers(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((n) => n.endsWith(".tmp"));
}

type Moment =
  | { kind: "file-event"; folder: "corpus" | "index"; match: (name: string) => boolean }
  | { kind: "after-ready"; ms: number }
  | { kind: "never" };

/** Runs the child in a copy of the template corpus and kills it at `moment`. */
async function addAndKill(name: string, moment: Moment): Promise<{ dir: string; killed: boolean }> {
  const dir = path.join(root, name);
  await cp(template, dir, { recursive: true });
  await mkdir(path.join(dir, ".index"), { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", CHILD, dir, sourceFile, URL], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const watchers: ReturnType<typeof watch>[] = [];
  if (moment.kind === "file-event") {
    const folder = moment.folder === "corpus" ? dir : path.join(dir, ".index");
    watchers.push(
      watch(folder, (_event, file) => {
        if (file && moment.match(String(file))) kill();
      }),
    );
  }
  child.stdout?.on("data", (d) => {
    if (String(d).includes("ready") && moment.kind === "after-ready") setTimeout(kill, moment.ms);
  });
  // bounded: a child that hangs is killed after 60 s
  const guard = setTimeout(kill, 60_000);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  clearTimeout(guard);
  for (const w of watchers) w.close();
  if (exit.signal === null) expect(exit.code, stderr).toBe(0);
  return { dir, killed: exit.signal === "SIGKILL" };
}

/** After a restart the corpus is the old one or the new one, and the index agrees with it. */
async function expectOldOrNew(dir: string): Promise<"old" | "new"> {
  const files = await articleFiles(dir);
  const hasNew = files.has(`${newId}.md`);
  // the old articles are untouched, byte for byte, and nothing else appeared
  for (const [name, text] of oldFiles) expect(files.get(name)).toBe(text);
  expect(files.size).toBe(oldFiles.size + (hasNew ? 1 : 0));

  const engine = await Engine.open({ corpusDir: dir });
  expect(engine.stats.articles).toBe(files.size);
  const found = engine.search(MARKER).hits.some((h) => h.articleId === newId);
  if (hasNew) {
    // never half an article: the stored file is the whole new article
    expect(engine.article(newId)?.body).toBe(expectedBody);
    expect(found).toBe(true);
  } else {
    expect(engine.article(newId)).toBeUndefined();
    expect(found).toBe(false);
  }
  // no half-written file is left behind, and the repaired index was saved: the next start loads it
  expect(await leftovers(dir)).toEqual([]);
  const again = await Engine.open({ corpusDir: dir });
  expect(again.stats.indexOrigin).toBe("loaded");
  expect(again.stats.articles).toBe(files.size);
  return hasNew ? "new" : "old";
}

describe("an add killed at any moment", () => {
  const outcomes: Record<string, { killed: boolean; state: "old" | "new" }> = {};

  it.each([
    [
      "while the article file is being written",
      { kind: "file-event", folder: "corpus", match: (n) => n.endsWith(".tmp") },
    ],
    [
      "as soon as the article file is in place",
      { kind: "file-event", folder: "corpus", match: (n) => n.endsWith(`.md`) },
    ],
    ["while the index is being written", { kind: "file-event", folder: "index", match: (n) => n.endsWith(".tmp") }],
    ["right after start-up", { kind: "after-ready", ms: 0 }],
    ["a little later", { kind: "after-ready", ms: 150 }],
  ] satisfies [string, Moment][])("%s leaves the old or the new state", async (name, moment) => {
    const run = await addAndKill(name.replaceAll(" ", "-"), moment);
    outcomes[name] = { killed: run.killed, state: await expectOldOrNew(run.dir) };
  });

  it("not killed, adds the article", async () => {
    const run = await addAndKill("not-killed", { kind: "never" });
    expect(run.killed).toBe(false);
    expect(await expectOldOrNew(run.dir)).toBe("new");
    // the kills above did land mid-add: at least one left the old state and one the new state
    const killed = Object.values(outcomes).filter((o) => o.killed);
    expect(killed.some((o) => o.state === "old")).toBe(true);
    expect(killed.some((o) => o.state === "new")).toBe(true);
  });
});
