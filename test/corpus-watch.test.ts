import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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

async function watched(): Promise<{
  engine: Engine;
  dir: string;
  watch: CorpusWatch;
  events: string[];
  logged: [string, Record<string, unknown>][];
}> {
  const { engine, dir } = await engineWith(RANKING_ARTICLES.slice(0, 2));
  cleanups.push(() => removeDir(dir));
  // a sync still saving the index when the folder is removed would leave a file in it (ENOTEMPTY)
  cleanups.push(() => engine.idle());
  const events: string[] = [];
  const logged: [string, Record<string, unknown>][] = [];
  const watch = watchCorpus(
    engine,
    dir,
    (event, fields) => {
      events.push(event);
      logged.push([event, fields]);
    },
    50,
  );
  cleanups.push(() => watch.close());
  return { engine, dir, watch, events, logged };
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
    await eventually(() => events.includes("corpus.file_unreadable"));
    expect(engine.stats.articles).toBe(2);
    expect(engine.ask("富士山の標高は？").found).toBe(true);
    await writeFile(file, formatArticle(article));
    await eventually(() => engine.article(article.id) !== undefined);
  });

  it("takes in other changes while a loaded article's file is broken by hand, which keeps answering as it was", async () => {
    const { engine, dir, logged } = await watched();
    const fuji = engine.list().find((ref) => ref.title.includes("富士山"));
    const takao = engine.list().find((ref) => ref.title.includes("高尾山"));
    if (!fuji || !takao) throw new Error("two articles expected");
    // a moderator edits a title by hand: 「title: 速報: …」 is no YAML
    const file = path.join(dir, `${fuji.articleId}.md`);
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace(/^title: .*$/mu, `title: 速報: ${fuji.title}`));
    await eventually(() => logged.some(([event]) => event === "corpus.file_unreadable"));
    expect(logged.find(([event]) => event === "corpus.file_unreadable")?.[1]).toEqual({
      file,
      reason: "front matter の YAML を読めません（3 行目）",
      kept: true,
      advice: expect.stringMatching(/読み込み済みの版で答えます.*直すと自動で取り込みます.*次の起動/u),
    });
    // meanwhile another process (a git pull) adds an article and removes one: both are taken in
    const tea = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "git", at });
    await writeFile(path.join(dir, `${tea.id}.md`), formatArticle(tea));
    await rm(path.join(dir, `${takao.articleId}.md`));
    await eventually(() => engine.article(tea.id) !== undefined && engine.article(takao.articleId) === undefined);
    expect(engine.ask("わび茶を大成したのは誰？").keyPoints[0]?.articleId).toBe(tea.id);
    expect(engine.article(fuji.articleId)?.title).toBe(fuji.title);
    expect(engine.ask("富士山の標高は？").keyPoints[0]?.articleId).toBe(fuji.articleId);
    // logged once the index is saved, with the file left as it was
    await eventually(() => logged.some(([event, fields]) => event === "corpus.synced" && fields["unreadable"] === 1));
    // mended, it is taken in
    await writeFile(file, good.replace(/^title: .*$/mu, `title: "速報: ${fuji.title}"`));
    await eventually(() => engine.article(fuji.articleId)?.title === `速報: ${fuji.title}`);
  });

  it("says of a new file it cannot read that it is left out", async () => {
    const { dir, logged } = await watched();
    const file = path.join(dir, "0123456789ab.md");
    await writeFile(file, "half saved");
    await eventually(() => logged.some(([event]) => event === "corpus.file_unreadable"));
    expect(logged.find(([event]) => event === "corpus.file_unreadable")?.[1]).toMatchObject({
      file,
      kept: false,
      advice: expect.stringMatching(/取り込んでいません.*直すと自動で取り込みます.*次の起動/u),
    });
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

  it("keeps serving when an empty folder stands in the folder's place, says so once, and takes the folder back", async () => {
    const { engine, dir, events } = await watched();
    const moved = `${dir}.moved`;
    cleanups.push(() => removeDir(moved));
    // a mount lost: its mount point, empty, at the folder's path
    await rename(dir, moved);
    await mkdir(dir);
    await eventually(() => events.includes("corpus.folder_missing"));
    // (the watcher watches the new folder, and the engine refuses it)
    const backs = () => events.filter((e) => e === "corpus.folder_back").length;
    const seen = backs();
    // looked at again only once it changes: not refused anew every few seconds (each look is 250 ms here)
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(events.filter((e) => e === "corpus.folder_missing")).toHaveLength(1);
    expect(backs()).toBe(seen);
    expect(engine.stats.articles).toBe(2);
    // the mount back
    await rm(dir, { recursive: true });
    await rename(moved, dir);
    await eventually(() => backs() > seen);
    const cli = await Engine.open({ corpusDir: dir });
    const added = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "cli", at });
    await cli.put(added);
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
