import { writeFile } from "node:fs/promises";
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

  it("takes in nothing after it is closed, and ignores files that are not articles", async () => {
    const { engine, dir, watch, events } = await watched();
    await writeFile(path.join(dir, "notes.txt"), "メモ");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await watch.settled();
    expect(events).toEqual([]);
    watch.close();
    const cli = await Engine.open({ corpusDir: dir });
    const added = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "cli", at });
    await cli.put(added);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(engine.article(added.id)).toBeUndefined();
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
