import { cp, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createArticle, formatArticle } from "../src/article/article.ts";
import { type CorpusWatch, watchCorpus } from "../src/corpus-watch.ts";
import { Engine } from "../src/engine.ts";
import { RANKING_ARTICLES } from "./fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "./helpers/engine.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const at = new Date("2025-01-01T00:00:00Z");

/** Waits until `check` holds, looking every 20 ms, for at most 10 s. */
async function eventually(check: () => boolean): Promise<void> {
  const until = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function watched(): Promise<{ engine: Engine; dir: string; watch: CorpusWatch; events: string[] }> {
  const { engine, dir } = await engineWith(RANKING_ARTICLES.slice(0, 2));
  cleanups.push(() => removeDir(dir));
  const events: string[] = [];
  const watch = watchCorpus(engine, dir, (event) => events.push(event), 50);
  cleanups.push(() => watch.close());
  return { engine, dir, watch, events };
}

describe("watchCorpus", () => {
  it("has the engine take in what another process adds and removes in the folder", async () => {
    const { engine, dir, events } = await watched();
    const cli = await Engine.open({ corpusDir: dir });
    const added = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "cli", at });
    await cli.put(added);
    await eventually(() => engine.article(added.id) !== undefined);
    expect(engine.ask("わび茶を大成したのは誰？").keyPoints[0]?.articleId).toBe(added.id);
    // logged once the index is saved too
    await eventually(() => events.includes("corpus.synced"));

    await cli.remove(added.id);
    await eventually(() => engine.article(added.id) === undefined);
    expect(engine.ask("わび茶を大成したのは誰？").found).toBe(false);
  });

  it("logs a file it cannot read as an article, keeps serving, and takes it in once it is mended", async () => {
    const { engine, dir, events } = await watched();
    const article = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "hand", at });
    const file = path.join(dir, `${article.id}.md`);
    await writeFile(file, "half saved");
    await eventually(() => events.includes("corpus.sync_failed"));
    expect(engine.stats.articles).toBe(2);
    expect(engine.ask("富士山の標高は？").found).toBe(true);
    await writeFile(file, formatArticle(article));
    await eventually(() => engine.article(article.id) !== undefined);
  });

  it("takes in nothing after it is closed", async () => {
    const { engine, dir, watch } = await watched();
    watch.close();
    const cli = await Engine.open({ corpusDir: dir });
    const added = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "cli", at });
    await cli.put(added);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(engine.article(added.id)).toBeUndefined();
  });

  it("syncs for an article's file, not for other files or the index", async () => {
    const { dir, engine } = await watched();
    let syncs = 0;
    const counting = {
      sync: (signal?: AbortSignal) => {
        syncs++;
        return engine.sync(signal);
      },
    };
    const watch = watchCorpus(counting, dir, () => {}, 50);
    cleanups.push(() => watch.close());
    await writeFile(path.join(dir, "notes.txt"), "メモ");
    await mkdir(path.join(dir, ".index"), { recursive: true });
    await writeFile(path.join(dir, ".index", "scratch"), "x");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await watch.settled();
    expect(syncs).toBe(0);
    const article = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "hand", at });
    await writeFile(path.join(dir, `${article.id}.md`), formatArticle(article));
    await eventually(() => syncs > 0);
  });

  it("keeps serving when the folder is deleted, and takes it in again once it is back", async () => {
    const { engine, dir, events } = await watched();
    const backup = `${dir}.backup`;
    cleanups.push(() => removeDir(backup));
    await cp(dir, backup, { recursive: true });
    await rm(dir, { recursive: true });
    await eventually(() => events.includes("corpus.folder_missing"));
    expect(engine.stats.articles).toBe(2);
    expect(engine.ask("富士山の標高は？").found).toBe(true);
    // restored, with one article more
    await rename(backup, dir);
    const cli = await Engine.open({ corpusDir: dir });
    const added = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "cli", at });
    await cli.put(added);
    await eventually(() => events.includes("corpus.folder_back"));
    await eventually(() => engine.article(added.id) !== undefined);
    expect(engine.stats.articles).toBe(3);
  });

  it("watches the new folder when the folder is deleted and made again before it looks", async () => {
    const { engine, dir, events } = await watched();
    const backup = `${dir}.backup`;
    cleanups.push(() => removeDir(backup));
    await cp(dir, backup, { recursive: true });
    await rm(dir, { recursive: true });
    await rename(backup, dir);
    await eventually(() => events.includes("corpus.folder_back"));
    // what is added to the new folder is taken in
    const cli = await Engine.open({ corpusDir: dir });
    const added = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "cli", at });
    await cli.put(added);
    await eventually(() => engine.article(added.id) !== undefined);
  });

  it("stays closed when a sync running at close finds the folder gone, and settles", async () => {
    const { engine, dir } = await engineWith(RANKING_ARTICLES.slice(0, 1));
    cleanups.push(() => removeDir(dir));
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gated = {
      sync: async (signal?: AbortSignal) => {
        await gate;
        return engine.sync(signal);
      },
    };
    const events: string[] = [];
    const watch = watchCorpus(gated, dir, (event) => events.push(event), 50);
    cleanups.push(() => watch.close());
    await writeFile(path.join(dir, "0123456789ab.md"), "x");
    await new Promise((resolve) => setTimeout(resolve, 150));
    await rm(dir, { recursive: true });
    watch.close();
    release();
    await watch.settled();
    await mkdir(dir);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(events).toEqual([]);
  });

  it("says in the log when the folder cannot be watched, and the engine serves as before", async () => {
    const { engine, dir } = await engineWith(RANKING_ARTICLES.slice(0, 1));
    cleanups.push(() => removeDir(dir));
    const events: string[] = [];
    const watch = watchCorpus(engine, path.join(dir, "missing"), (event) => events.push(event), 50);
    watch.close();
    expect(events).toEqual(["corpus.watch_unavailable"]);
    expect(engine.stats.articles).toBe(1);
  });
});
