import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_CANDIDATE_SENTENCES } from "../src/answer/summarize.ts";
import { type Article, createArticle, formatArticle, hasVisibleText } from "../src/article/article.ts";
import { CorpusFileError } from "../src/article/store.ts";
import { CorpusFolderMissing, Engine, PartlyStoredError } from "../src/engine.ts";
import { searchToEmbed } from "../src/render/embed.ts";
import { searchToText } from "../src/render/terminal.ts";
import { splitPassages } from "../src/search/passages.ts";
import { indexPath } from "../src/search/persist.ts";
import { draft, RANKING_ARTICLES } from "./fixtures/ranking-articles.ts";
import { engineWith, removeDir, tempCorpusDir } from "./helpers/engine.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

async function fresh(n = 4) {
  const made = await engineWith(RANKING_ARTICLES.slice(0, n));
  dirs.push(made.dir);
  return made;
}

const at = new Date("2025-01-01T00:00:00Z");

describe("Engine", () => {
  it("opens an empty or missing corpus folder as an empty library", async () => {
    const dir = path.join(await tempCorpusDir(), "not-yet");
    dirs.push(path.dirname(dir));
    const engine = await Engine.open({ corpusDir: dir });
    expect(engine.stats.articles).toBe(0);
    expect(engine.ask("富士山の標高は？").found).toBe(false);
    expect(engine.list()).toEqual([]);
  });

  it("saves its index next to the corpus and loads it instead of rebuilding", async () => {
    const { dir } = await fresh();
    expect((await stat(indexPath(dir))).size).toBeGreaterThan(0);
    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats.indexOrigin).toBe("loaded");
    expect(reopened.stats.articles).toBe(4);
    expect(reopened.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3776メートル");
  });

  it("lists its articles sorted once per change, not at each call (every keystroke of autocomplete asks)", async () => {
    const { engine } = await fresh();
    const listed = engine.list();
    // the same entries, not sorted and made again: on livedoor that took 55 ms of the bot's thread a keystroke
    expect(engine.list().every((ref, i) => ref === listed[i])).toBe(true);
    // a copy each time: what a caller does with it is its own
    listed.pop();
    expect(engine.list()).toHaveLength(4);
    // and made again once the articles change
    const added = createArticle(RANKING_ARTICLES[6] as (typeof RANKING_ARTICLES)[0], { by: "test", at });
    await engine.put(added);
    expect(engine.list().map((ref) => ref.articleId)).toContain(added.id);
    const [gone] = engine.list();
    if (!gone) throw new Error("corpus not built");
    await engine.remove(gone.articleId);
    expect(engine.list().map((ref) => ref.articleId)).not.toContain(gone.articleId);
    expect(engine.list()).toHaveLength(4);
  });

  it("repairs the saved index when an article file changed, appeared or disappeared behind its back", async () => {
    const { dir, engine } = await fresh();
    const [first, second] = engine.list();
    if (!first || !second) throw new Error("corpus not built");
    // edit an article in an editor: its title changes
    const file = path.join(dir, `${first.articleId}.md`);
    await writeFile(file, (await readFile(file, "utf8")).replace(first.title, "書き換えた見出し"));
    // delete another
    await rm(path.join(dir, `${second.articleId}.md`));
    // drop in a new one
    const added = createArticle(RANKING_ARTICLES[6] as (typeof RANKING_ARTICLES)[0], { by: "test", at });
    await writeFile(path.join(dir, `${added.id}.md`), formatArticle(added));

    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats.indexOrigin).toBe("repaired");
    expect(reopened.article(first.articleId)?.title).toBe("書き換えた見出し");
    expect(reopened.article(second.articleId)).toBeUndefined();
    expect(reopened.ask("サーバーの電力").passages[0]?.articleId).toBe(added.id);
    expect(reopened.ask(second.title).passages.some((p) => p.articleId === second.articleId)).toBe(false);
    // and the repaired index is saved: the next start loads it
    expect((await Engine.open({ corpusDir: dir })).stats.indexOrigin).toBe("loaded");
  });

  it("takes in what another process added, edited or removed in its folder while it runs", async () => {
    const { dir, engine } = await fresh(2);
    // the CLI, on the same folder: adds one article and removes another
    const cli = await Engine.open({ corpusDir: dir });
    const added = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "cli", at });
    await cli.put(added);
    const [first, second] = engine.list();
    if (!first || !second) throw new Error("two articles expected");
    await cli.remove(second.articleId);
    // and an editor changes the other's title
    const file = path.join(dir, `${first.articleId}.md`);
    await writeFile(file, (await readFile(file, "utf8")).replace(first.title, "書き換えた見出し"));
    expect(engine.ask("わび茶を大成したのは誰？").found).toBe(false);

    expect(await engine.sync()).toEqual({ added: 1, replaced: 1, removed: 1, unreadable: [] });
    expect(engine.ask("わび茶を大成したのは誰？").keyPoints[0]?.articleId).toBe(added.id);
    expect(engine.article(second.articleId)).toBeUndefined();
    expect(engine.ask(second.title).passages.some((p) => p.articleId === second.articleId)).toBe(false);
    expect(engine.article(first.articleId)?.title).toBe("書き換えた見出し");
    expect(engine.list().map((ref) => ref.title)).toContain("書き換えた見出し");
    // the same article added again is now refused as a duplicate
    expect(await engine.add({ ...added, id: "0123456789ab" }, (a, b) => a.body === b.body)).toEqual(added);
    // nothing more to take in; its own writes are no change either
    expect(await engine.sync()).toEqual({ added: 0, replaced: 0, removed: 0, unreadable: [] });
    await engine.remove(added.id);
    expect(await engine.sync()).toEqual({ added: 0, replaced: 0, removed: 0, unreadable: [] });
    // what it saved is what a fresh start reads
    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats.indexOrigin).toBe("loaded");
    expect(reopened.stats.articles).toBe(1);
  });

  it("keeps what it holds when its folder is gone, saying so", async () => {
    const { dir, engine } = await fresh(2);
    await rm(dir, { recursive: true });
    await expect(engine.sync()).rejects.toBeInstanceOf(CorpusFolderMissing);
    await expect(engine.sync()).rejects.toThrow(/フォルダを元に戻してください/u);
    expect(engine.stats.articles).toBe(2);
    expect(engine.ask("富士山の標高は？").found).toBe(true);
  });

  it("refuses to add, import or remove while its folder is gone, instead of making an empty one the library", async () => {
    // The folder moved away (a backup, a checkout): a write that made it again, empty but for one article or
    // the saved index, was taken in by the next sync as the library, every other article dropped, and the
    // folder could no longer be moved back (ENOTEMPTY).
    const { dir, engine } = await fresh(2);
    const moved = `${dir}-moved`;
    dirs.push(moved);
    await rename(dir, moved);
    const [first] = engine.list();
    if (!first) throw new Error("corpus not built");
    const tea = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "test", at });
    for (const write of [
      () => engine.remove(first.articleId),
      () => engine.add(tea, () => false),
      () => engine.put(tea),
    ]) {
      await expect(write()).rejects.toThrow(/記事のフォルダーが見つからないため.*ください/u);
    }
    // an import says how many it stored, none, and why (see asStorageError)
    await expect(engine.putAll([tea])).rejects.toMatchObject({ stored: 0, cause: { code: "ENOENT" } });
    await expect(stat(dir)).rejects.toMatchObject({ code: "ENOENT" });
    expect(engine.stats.articles).toBe(2);
    expect(engine.article(first.articleId)).toBeDefined();
    // moved back, nothing was lost
    await rename(moved, dir);
    expect(await engine.sync()).toEqual({ added: 0, replaced: 0, removed: 0, unreadable: [] });
    expect(engine.stats.articles).toBe(2);
  });

  it("refuses an empty folder standing in its folder's place (a mount lost), and takes the folder back", async () => {
    // A mount lost leaves its mount point: an empty folder at the corpus's path. Taken in, it dropped every
    // article, and a write there was in the wrong folder.
    const { dir, engine } = await fresh(2);
    const moved = `${dir}-moved`;
    dirs.push(moved);
    await rename(dir, moved);
    await mkdir(dir);
    await expect(engine.sync()).rejects.toMatchObject({ code: "EREPLACED" });
    await expect(engine.sync()).rejects.toThrow(/読み込み済みの記事を 1 件も含まない別のフォルダ/u);
    expect(engine.stats.articles).toBe(2);
    expect(engine.ask("富士山の標高は？").found).toBe(true);
    const [first] = engine.list();
    if (!first) throw new Error("corpus not built");
    const tea = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "test", at });
    await expect(engine.remove(first.articleId)).rejects.toThrow(/記事のフォルダーが見つからないため/u);
    await expect(engine.put(tea)).rejects.toThrow(/記事のフォルダーが見つからないため/u);
    expect(await readdir(dir)).toEqual([]);
    // the mount back, as a copy (another inode): it holds the articles, so it is the library's folder
    await rm(dir, { recursive: true });
    await cp(moved, dir, { recursive: true });
    expect(await engine.sync()).toEqual({ added: 0, replaced: 0, removed: 0, unreadable: [] });
    await engine.put(tea);
    expect(engine.stats.articles).toBe(3);
  });

  it("stops taking in between two articles when asked to, keeping what it took in", async () => {
    const { dir, engine } = await fresh(1);
    const cli = await Engine.open({ corpusDir: dir });
    await cli.putAll(RANKING_ARTICLES.slice(4, 10).map((d) => createArticle(d, { by: "cli", at })));
    const stop = new AbortController();
    stop.abort();
    expect(await engine.sync(stop.signal)).toEqual({ added: 0, replaced: 0, removed: 0, unreadable: [] });
    expect(engine.stats.articles).toBe(1);
    expect(await engine.sync()).toEqual({ added: 6, replaced: 0, removed: 0, unreadable: [] });
  });

  it("takes in every other change when a file cannot be read as an article, keeping the version it holds", async () => {
    const { dir, engine } = await fresh(3);
    const [fuji, takao, shinkansen, tea] = [0, 1, 2, 9].map((i) =>
      createArticle(RANKING_ARTICLES[i] as (typeof RANKING_ARTICLES)[0], { by: "test", at }),
    ) as [Article, Article, Article, Article];
    // A moderator edits a title by hand: a colon and a space make the YAML invalid...
    const file = path.join(dir, `${fuji.id}.md`);
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace(/^title: .*$/mu, "title: 速報: 富士山の夏山シーズンが始まる"));
    // ...while another process (a git pull) adds an article, removes one, and leaves a new file half saved.
    await writeFile(path.join(dir, `${tea.id}.md`), formatArticle(tea));
    await rm(path.join(dir, `${takao.id}.md`));
    const half = path.join(dir, "0123456789ab.md");
    await writeFile(half, "no front matter");

    const result = await engine.sync();
    expect(result).toMatchObject({ added: 1, replaced: 0, removed: 1 });
    expect(result.unreadable).toEqual([
      { id: "0123456789ab", file: half, reason: expect.stringMatching(/front matter/u), kept: false },
      { id: fuji.id, file, reason: expect.stringMatching(/YAML を読めません（3 行目）/u), kept: true },
    ]);
    expect(engine.ask("わび茶を大成したのは誰？").keyPoints[0]?.articleId).toBe(tea.id);
    expect(engine.article(takao.id)).toBeUndefined();
    expect(engine.article("0123456789ab")).toBeUndefined();
    // the article of the broken file stays answerable as it was loaded
    expect(engine.article(fuji.id)?.title).toBe(fuji.title);
    expect(engine.ask("富士山の標高は？").keyPoints[0]?.articleId).toBe(fuji.id);
    expect(engine.stats.articles).toBe(3);
    // asked again, the same files are still unreadable, and nothing else changed
    expect(await engine.sync()).toMatchObject({ added: 0, replaced: 0, removed: 0, unreadable: [{}, {}] });

    // A start-up on the folder as it is stops on the broken file rather than dropping its article...
    await rm(half);
    await expect(Engine.open({ corpusDir: dir })).rejects.toThrow(CorpusFileError);
    await expect(Engine.open({ corpusDir: dir })).rejects.toThrow(file);
    // ...and once it is mended, starts with the mended version, not the one the saved index holds.
    await writeFile(file, good.replace(/^title: .*$/mu, 'title: "速報: 富士山の夏山シーズンが始まる"'));
    const restarted = await Engine.open({ corpusDir: dir });
    expect(restarted.stats.indexOrigin).toBe("repaired");
    expect(restarted.article(fuji.id)?.title).toBe("速報: 富士山の夏山シーズンが始まる");
    expect(
      restarted
        .list()
        .map((ref) => ref.articleId)
        .sort(),
    ).toEqual([fuji.id, shinkansen.id, tea.id].sort());
    // the running engine takes the mended file in too (the half-saved one was removed)
    expect(await engine.sync()).toEqual({ added: 0, replaced: 1, removed: 0, unreadable: [] });
    expect(engine.article(fuji.id)?.title).toBe("速報: 富士山の夏山シーズンが始まる");
  });

  it("keeps in its saved index the version it holds of an unreadable file, so a mend back to it loads", async () => {
    const { dir, engine } = await fresh(2);
    const file = path.join(dir, `${engine.list()[0]?.articleId}.md`);
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace(/^title: .*$/mu, 'title: "閉じていない引用符'));
    // another change, so that the index is saved with the broken file in the folder
    const tea = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "test", at });
    await writeFile(path.join(dir, `${tea.id}.md`), formatArticle(tea));
    expect(await engine.sync()).toMatchObject({ added: 1, unreadable: [{ file, kept: true }] });
    // the edit undone (git checkout): the saved index holds that very file, and a start-up loads it
    await writeFile(file, good);
    const restarted = await Engine.open({ corpusDir: dir });
    expect(restarted.stats.indexOrigin).toBe("loaded");
    expect(restarted.stats.articles).toBe(3);
    expect(restarted.list().map((ref) => ref.title)).toEqual(engine.list().map((ref) => ref.title));
    expect(await engine.sync()).toEqual({ added: 0, replaced: 0, removed: 0, unreadable: [] });
  });

  it("finds and shows in bold a part of a name IPADIC lists whole with a ・", async () => {
    const { engine, dir } = await engineWith([
      draft(
        "rangers",
        "大型契約がまとまる",
        null,
        "テキサス・レンジャーズとの総額1億1000万ドルという大型契約をまとめた。",
      ),
      ...RANKING_ARTICLES.slice(0, 2),
    ]);
    dirs.push(dir);
    const answer = engine.ask("レンジャーズとの契約はいくら？");
    expect(answer.keyPoints[0]?.text).toContain("1億1000万ドル");
    const [point] = answer.keyPoints;
    const bold = point?.highlights.map(([start, end]) => point.text.slice(start, end));
    expect(bold).toContain("テキサス・レンジャーズ");
  });

  it("rebuilds when the saved index is corrupt", async () => {
    const { dir } = await fresh();
    await writeFile(indexPath(dir), "{ not json");
    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats.indexOrigin).toBe("built");
    expect(reopened.ask("富士山の標高は？").found).toBe(true);
  });

  it("adds and removes articles incrementally, on disk and in the index", async () => {
    const { dir, engine } = await fresh(2);
    const article = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "test", at });
    await engine.put(article);
    expect(engine.ask("わび茶を大成したのは誰？").keyPoints[0]?.articleId).toBe(article.id);
    expect(await readdir(dir)).toContain(`${article.id}.md`);

    expect(await engine.remove(article.id)).toBe(true);
    expect(engine.ask("わび茶を大成したのは誰？").found).toBe(false);
    expect(await readdir(dir)).not.toContain(`${article.id}.md`);
    expect(await engine.remove(article.id)).toBe(false);
    // what the engine holds in memory is what a fresh start reads from disk
    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats.indexOrigin).toBe("loaded");
    expect(reopened.stats.articles).toBe(2);
  });

  it("stores and indexes the articles of a bulk store written before a file it could not write", async () => {
    const { dir, engine } = await fresh(1);
    const [a, b, c] = RANKING_ARTICLES.slice(7, 10).map((d) => createArticle(d, { by: "test", at }));
    if (!a || !b || !c) throw new Error("three articles expected");
    // a folder where the second article's file goes: its write fails, as on a full disk
    await mkdir(path.join(dir, `${b.id}.md`));
    const failed = await engine.putAll([a, b, c]).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(PartlyStoredError);
    expect((failed as PartlyStoredError).stored).toBe(1);
    expect(engine.article(a.id)?.title).toBe(a.title);
    expect(engine.article(b.id)).toBeUndefined();
    expect(engine.article(c.id)).toBeUndefined();
    expect(engine.stats.articles).toBe(2);
    expect(await readdir(dir)).not.toContain(`${c.id}.md`);
  });

  it("replaces an article only while it is stored and the same as no other, in one serialized step", async () => {
    const { engine } = await fresh(2);
    const [first, second] = engine.list().map((ref) => engine.article(ref.articleId) as Article);
    if (!first || !second) throw new Error("two articles expected");
    const sameTitle = (stored: Article, replacing: Article) => stored.title === replacing.title;
    // the page of the first became the second's: refused, naming the second, and nothing changes
    expect(await engine.replace({ ...second, id: first.id }, sameTitle)).toBe(second);
    expect(engine.article(first.id)?.title).toBe(first.title);
    // a change of its own is stored
    const edited = { ...first, title: `${first.title}（改訂）` };
    expect(await engine.replace(edited, sameTitle)).toBe("replaced");
    expect(engine.article(first.id)?.title).toBe(edited.title);
    // removed meanwhile: it stays removed
    await engine.remove(first.id);
    expect(await engine.replace(edited, sameTitle)).toBe("removed");
    expect(engine.article(first.id)).toBeUndefined();
  });

  it("serializes concurrent writes", async () => {
    const { dir, engine } = await fresh(1);
    const articles = RANKING_ARTICLES.slice(4, 10).map((d) => createArticle(d, { by: "test", at }));
    await Promise.all(articles.map((a) => engine.put(a)));
    expect(engine.stats.articles).toBe(7);
    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats.indexOrigin).toBe("loaded");
    expect(reopened.stats.articles).toBe(7);
  });

  it("lists articles newest first", async () => {
    const { engine } = await fresh(4);
    const dates = engine.list().map((a) => a.publishedAt ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("orders times written in different zones by the instant they name", async () => {
    const { engine } = await fresh(1);
    const base = RANKING_ARTICLES[0] as (typeof RANKING_ARTICLES)[0];
    // 08:00 in Tokyo is 23:00 UTC the day before: older than midnight UTC, though it sorts later as text
    const tokyo = createArticle(
      { ...base, url: "https://example.jp/tz/1", publishedAt: "2030-01-01T08:00:00+09:00" },
      { by: "t", at },
    );
    const utc = createArticle(
      { ...base, url: "https://example.jp/tz/2", publishedAt: "2030-01-01T00:00:00Z" },
      { by: "t", at },
    );
    await engine.putAll([tokyo, utc]);
    expect(
      engine
        .list()
        .slice(0, 2)
        .map((a) => a.articleId),
    ).toEqual([utc.id, tokyo.id]);
  });

  it("pages search results", async () => {
    const { engine } = await fresh(12);
    const first = engine.search("山", { pageSize: 1 });
    expect(first.total).toBeGreaterThan(1);
    expect(first.hits).toHaveLength(1);
    const second = engine.search("山", { page: 2, pageSize: 1 });
    expect(second.page).toBe(2);
    expect(second.hits[0]?.passageId).not.toBe(first.hits[0]?.passageId);
    // a page past the end shows the last page
    expect(engine.search("山", { page: 999, pageSize: 1 }).page).toBe(first.pageCount);
  });

  it("reports a query's words once each, without its compound terms", async () => {
    const { engine } = await fresh(1);
    // 富士山標高 also makes the compound term 富士山␟標高, which is searched but is no word
    expect(engine.search("富士山 富士山標高").terms).toEqual(["富士山", "標高"]);
  });

  it("answers arbitrary input without throwing", async () => {
    const { engine } = await fresh(4);
    for (const q of [
      "",
      " ",
      "\u0000",
      "\ud800",
      "👨‍👩‍👧".repeat(500),
      "ア".repeat(10_000),
      "？".repeat(1000),
      "a".repeat(6000),
    ]) {
      const answer = engine.ask(q);
      expect(answer.question).toBe(q);
      expect(Array.isArray(answer.keyPoints)).toBe(true);
    }
  });
});

describe("Engine start-up from the saved index", () => {
  /** Opens the corpus, and gives the events it logged. */
  async function open(dir: string) {
    const events: { event: string; fields: Record<string, unknown> }[] = [];
    const engine = await Engine.open({ corpusDir: dir, log: (event, fields) => events.push({ event, fields }) });
    const filesRead = events.find((e) => e.event === "engine.open")?.fields["filesRead"];
    return { engine, events: events.map((e) => e.event), filesRead };
  }

  /** Sets the modification time of every article file to `minutesAgo` minutes ago. */
  async function age(dir: string, minutesAgo: number) {
    const when = new Date(Date.now() - minutesAgo * 60_000);
    for (const name of await readdir(dir)) if (name.endsWith(".md")) await utimes(path.join(dir, name), when, when);
  }

  it("says the index changed when it was built, not at each start-up that loads it or restamps its files", async () => {
    const { dir, engine } = await fresh();
    const built = engine.stats.indexedAt;
    await age(dir, 60);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // restamped: the files are read again and found unchanged; the index is saved but not changed
    const restamped = await open(dir);
    expect(restamped.events).toContain("engine.restamp");
    expect(restamped.engine.stats.indexedAt).toEqual(built);
    // loaded as saved: before, /about said 「索引の更新」 at each restart
    const loaded = await open(dir);
    expect(loaded.engine.stats.indexOrigin).toBe("loaded");
    expect(loaded.engine.stats.indexedAt).toEqual(built);
    // a change is a new time
    await loaded.engine.remove(engine.list()[0]?.articleId as string);
    expect(loaded.engine.stats.indexedAt.getTime()).toBeGreaterThan(built.getTime());
  });

  it("reads no unchanged file again: their articles and passages come from the saved index", async () => {
    const { dir, engine } = await fresh();
    await age(dir, 60);
    // The files were read when just written: they are read once more, found unchanged, and stamped.
    const first = await open(dir);
    expect(first.filesRead).toBe(4);
    expect(first.events).toContain("engine.restamp");
    expect(first.engine.stats.indexOrigin).toBe("loaded");

    const second = await open(dir);
    expect(second.filesRead).toBe(0);
    expect(second.events).not.toContain("engine.save");
    expect(second.engine.stats.indexOrigin).toBe("loaded");
    for (const { articleId } of engine.list()) {
      const article = engine.article(articleId);
      if (!article) throw new Error("article missing");
      expect(second.engine.article(articleId)).toEqual(article);
      expect(second.engine.passagesOf(articleId)).toEqual(splitPassages(article));
    }
    expect(second.engine.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3776メートル");
  });

  it("reads the files when the index's copy of their bodies is damaged, and serves what the files say", async () => {
    const { dir, engine } = await fresh();
    await age(dir, 60);
    await open(dir); // stamps them
    // The bodies are the index file's last section: change the last character of the last one.
    const bytes = await readFile(indexPath(dir));
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0x01;
    await writeFile(indexPath(dir), bytes);

    const reopened = await open(dir);
    expect(reopened.filesRead).toBe(4);
    for (const { articleId } of engine.list()) {
      expect(reopened.engine.article(articleId)).toEqual(engine.article(articleId));
    }
  });

  /** Rewrites the saved index's header (its first section, JSON) as `edit` says. */
  async function editHeader(dir: string, edit: (meta: { articles: Record<string, { passages: number }> }) => void) {
    const bytes = await readFile(indexPath(dir));
    const length = bytes.readUInt32LE(0);
    const meta = JSON.parse(bytes.subarray(4, 4 + length).toString("utf8"));
    edit(meta);
    let json = JSON.stringify(meta);
    json += " ".repeat((4 - (Buffer.byteLength(json) % 4)) % 4);
    const header = Buffer.from(json);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(header.length);
    await writeFile(indexPath(dir), Buffer.concat([size, header, bytes.subarray(4 + length)]));
  }

  it.each([
    // removing the article walked its passages one by one: 1e12 of them never ended
    ["more passages than the index holds", 50_000_000],
    // the article's passages were added a second time: MiniSearch's duplicate ID stopped the start-up
    ["a negative count of passages", -1],
    ["a count that is no whole number", 1.5],
  ])("rebuilds an index whose header says an article has %s", async (_, passages) => {
    const { dir, engine } = await fresh();
    const [first] = engine.list();
    if (!first) throw new Error("corpus not built");
    await editHeader(dir, (meta) => {
      (meta.articles[first.articleId] as { passages: number }).passages = passages;
    });
    const reopened = await open(dir);
    expect(reopened.events).toContain("engine.index.damaged");
    expect(reopened.engine.stats).toMatchObject({ indexOrigin: "built", articles: 4 });
    expect(reopened.engine.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3776メートル");
  });

  it("still opens when the index cannot be saved again, if saving would only have refreshed the stamps", async () => {
    const { dir } = await fresh();
    await age(dir, 60);
    // An index file whose temporary file's name is too long to create: it loads, but cannot be saved.
    const indexFile = path.join(dir, ".index", `${"i".repeat(230)}.bin`);
    await rename(indexPath(dir), indexFile);
    const events: string[] = [];
    const engine = await Engine.open({ corpusDir: dir, indexFile, log: (event) => events.push(event) });
    expect(events).toContain("engine.restamp.failed");
    expect(engine.stats.indexOrigin).toBe("loaded");
    expect(engine.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3776メートル");
  });

  it("opens a corpus whose index cannot be saved (a read-only mount, a full disk), indexing it in memory", async () => {
    const { dir } = await fresh();
    await rm(indexPath(dir));
    // an index file whose temporary file's name is too long to create: no index can be saved
    const indexFile = path.join(dir, ".index", `${"i".repeat(230)}.bin`);
    const events: string[] = [];
    const engine = await Engine.open({ corpusDir: dir, indexFile, log: (event) => events.push(event) });
    expect(events).toContain("engine.save.failed");
    expect(engine.stats).toMatchObject({ indexOrigin: "built", indexSaved: false, articles: 4 });
    expect(engine.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3776メートル");
  });

  it.each([
    ["a folder named index.bin", "EISDIR", (dir: string) => mkdir(indexPath(dir), { recursive: true })],
    ["a file named .index", "ENOTDIR", (dir: string) => writeFile(path.dirname(indexPath(dir)), "")],
  ])(
    "rebuilds an index it cannot read (%s) in memory, logging why, instead of failing to start",
    async (_, code, block) => {
      const { dir } = await fresh();
      await rm(path.dirname(indexPath(dir)), { recursive: true });
      await block(dir);
      const events: { event: string; fields: Record<string, unknown> }[] = [];
      const engine = await Engine.open({ corpusDir: dir, log: (event, fields) => events.push({ event, fields }) });
      expect(events.find((e) => e.event === "engine.index.unreadable")?.fields).toMatchObject({ code });
      // it cannot be saved there either: the engine works from memory, and says so in its stats
      expect(events.map((e) => e.event)).toContain("engine.save.failed");
      expect(engine.stats).toMatchObject({ indexOrigin: "built", indexSaved: false, articles: 4 });
      expect(engine.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3776メートル");
    },
  );

  it("keeps what it stored or removed when the index cannot be saved: the folder is the state", async () => {
    const { dir } = await fresh(2);
    const indexFile = path.join(dir, ".index", `${"i".repeat(230)}.bin`);
    const engine = await Engine.open({ corpusDir: dir, indexFile });
    const article = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "test", at });
    // stored, and said to be: the file is written, and the index in memory has it
    await engine.put(article);
    expect(engine.stats.indexSaved).toBe(false);
    expect(engine.ask("わび茶を大成したのは誰？").keyPoints[0]?.articleId).toBe(article.id);
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    // the next start-up finds the saved index behind the folder and repairs it
    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats).toMatchObject({ indexOrigin: "repaired", indexSaved: true, articles: 3 });
    expect(reopened.ask("わび茶を大成したのは誰？").keyPoints[0]?.articleId).toBe(article.id);
    expect(await engine.remove(article.id)).toBe(true);
    expect(await readdir(dir)).not.toContain(`${article.id}.md`);
  });

  it("reads a file again when its modification time changed, though its size did not", async () => {
    const { dir, engine } = await fresh();
    await age(dir, 60);
    await open(dir); // stamps them
    const fuji = engine.list().find((a) => engine.article(a.articleId)?.body.includes("3776メートル"));
    if (!fuji) throw new Error("no article about Mt. Fuji");
    const file = path.join(dir, `${fuji.articleId}.md`);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("3776メートル", "3777メートル"));
    expect((await stat(file)).size).toBe(Buffer.byteLength(text));

    const reopened = await open(dir);
    expect(reopened.filesRead).toBe(1);
    expect(reopened.engine.stats.indexOrigin).toBe("repaired");
    expect(reopened.engine.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3777メートル");
  });

  it("trusts no stamp taken within seconds of the file's last change, which a change in the same clock tick would leave as it was", async () => {
    const { dir, engine } = await fresh();
    // A time no file has yet: a whole second (utimes keeps it exactly), a minute ahead, so never settled.
    const tick = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000);
    for (const name of await readdir(dir)) if (name.endsWith(".md")) await utimes(path.join(dir, name), tick, tick);
    await open(dir); // reads every file, and could stamp them
    const fuji = engine.list().find((a) => engine.article(a.articleId)?.body.includes("3776メートル"));
    if (!fuji) throw new Error("no article about Mt. Fuji");
    const file = path.join(dir, `${fuji.articleId}.md`);
    // Changed within the same tick: the same size, time and inode as when it was read.
    const before = await stat(file);
    await writeFile(file, (await readFile(file, "utf8")).replace("3776メートル", "3777メートル"));
    await utimes(file, tick, tick);
    const after = await stat(file);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);

    const reopened = await open(dir);
    expect(reopened.filesRead).toBe(4);
    expect(reopened.engine.stats.indexOrigin).toBe("repaired");
    expect(reopened.engine.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3777メートル");
  });
});

describe("Engine indexing on worker threads", () => {
  it("gives the same answers as indexing on one thread", async () => {
    const drafts = RANKING_ARTICLES;
    const one = await tempCorpusDir();
    const many = await tempCorpusDir();
    dirs.push(one, many);
    const articles = drafts.map((d) => createArticle(d, { by: "test", at }));
    const single = await Engine.open({ corpusDir: one, workers: 1 });
    await single.putAll(articles);
    const pooled = await Engine.open({ corpusDir: many, workers: 2, parallelFrom: 0 });
    await pooled.putAll(articles);
    for (const q of ["富士山の標高は？", "東海道新幹線はいつ開業した？", "サーバのＣＰＵの冷やし方"]) {
      expect(pooled.ask(q)).toEqual(single.ask(q));
    }
  });
});

describe("Engine indexing on worker threads and this one", () => {
  it("gives the same index as one thread when batches are shared between them, in any order", async () => {
    // 200 articles: five batches of 40, some analysed by the worker, some by this thread, added in order.
    const drafts = Array.from({ length: 200 }, (_, i) => {
      const base = RANKING_ARTICLES[i % RANKING_ARTICLES.length] as (typeof RANKING_ARTICLES)[0];
      return { ...base, title: `${base.title} 第${i}号`, url: `${base.url}/${i}` };
    });
    const articles = drafts.map((d) => createArticle(d, { by: "test", at }));
    const one = await tempCorpusDir();
    const many = await tempCorpusDir();
    dirs.push(one, many);
    const events: Record<string, unknown>[] = [];
    const single = await Engine.open({ corpusDir: one, workers: 1 });
    await single.putAll(articles);
    const shared = await Engine.open({
      corpusDir: many,
      workers: 2,
      parallelFrom: 0,
      log: (event, fields) => {
        if (event === "engine.index") events.push(fields);
      },
    });
    await shared.putAll(articles);
    expect(events.find((e) => e["articles"] === 200)).toMatchObject({ workers: 2 });
    for (const q of ["富士山の標高は？", "第137号", "サーバのＣＰＵの冷やし方"]) {
      expect(shared.ask(q)).toEqual(single.ask(q));
      expect(shared.search(q)).toEqual(single.search(q));
    }
  });
});

describe("Engine.search per article", () => {
  it("keeps only each article's best passages when asked", async () => {
    const { engine } = await fresh(12);
    const base = RANKING_ARTICLES[0] as (typeof RANKING_ARTICLES)[0];
    const long = "山の話が続く段落で、山小屋や山道、山頂からの眺めについて詳しく書かれている。".repeat(2);
    await engine.put(
      createArticle(
        {
          ...base,
          url: "https://example.jp/news/yama",
          blocks: [1, 2, 3].map((n) => ({ kind: "paragraph", text: `${n}. ${long}` })),
        },
        { by: "test", at },
      ),
    );
    const all = engine.search("山", { pageSize: 50 });
    const perArticle = engine.search("山", { pageSize: 50, perArticle: 1 });
    const ids = perArticle.hits.map((h) => h.articleId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(perArticle.total).toBeLessThan(all.total);
    // the article's best passage is the one kept
    expect(perArticle.hits[0]?.passageId).toBe(all.hits[0]?.passageId);
    // all that matched was ranked: the count is all of it
    expect([all.more, perArticle.more]).toEqual([false, false]);
  });

  it("says when more matched than were ranked, so that its count is of the best only", async () => {
    // 130 articles of 5 passages on 山: 650 passages, past the 500 ranked
    const paragraph = (n: number, p: number) =>
      `第${n}号の${p}段落目。山の話が続く段落で、山小屋や山道、山頂からの眺めについて詳しく書かれている。朝の光が稜線を照らし、登山者たちは静かに歩き出す。`;
    const drafts = Array.from({ length: 130 }, (_, n) =>
      draft(`yama-${n}`, `山の便り 第${n}号`, null, ...[1, 2, 3, 4, 5].map((p) => paragraph(n, p))),
    );
    const made = await engineWith(drafts);
    dirs.push(made.dir);
    const page = made.engine.search("山小屋", { perArticle: 1 });
    expect(page.more).toBe(true);
    expect(page.total).toBeLessThan(130);
    expect(searchToText(page, { color: false })).toMatch(/^「山小屋」の検索結果 上位 \d+ 件（1\/\d+ ページ）/u);
    expect(searchToEmbed(page).description).toMatch(/^上位 \d+ 件中 1–5 件目/u);
  });
});

describe("Engine on arbitrary documents", () => {
  it("indexes, answers, summarizes and reloads any text without throwing", async () => {
    const { dir, engine } = await fresh(1);
    const base = RANKING_ARTICLES[0] as (typeof RANKING_ARTICLES)[0];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 600 }), { minLength: 1, maxLength: 4 }),
        fc.string({ unit: "binary", maxLength: 80 }),
        async (paragraphs, question) => {
          const blocks = paragraphs.map((text) => ({ kind: "paragraph" as const, text }));
          // an article with nothing visible is refused as empty (createArticle)
          if (!blocks.some((b) => hasVisibleText(b.text))) return;
          const article = createArticle({ ...base, url: `https://example.jp/any/${n++}`, blocks }, { by: "test", at });
          await engine.put(article);
          const answer = engine.ask(question);
          for (const p of answer.passages) expect(engine.article(p.articleId)?.body.slice(p.start, p.end)).toBe(p.text);
          engine.summary(article.id);
          engine.search(question);
        },
      ),
      { numRuns: 25 },
    );
    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats.indexOrigin).toBe("loaded");
    expect(reopened.stats.articles).toBe(engine.stats.articles);
  });

  it("answers any question put together from the words questions are read by", async () => {
    // random strings seldom make 「何？」 or 「は何？」, where a rule reading the word before 何 found none (a
    // crash, caught by the eval): here questions are made of question words, particles, topics, kinds,
    // names and marks, in any order
    const { engine } = await fresh();
    const pieces = [
      ...["何", "なに", "なん", "どこ", "いつ", "誰", "いくら", "どれくらい", "なぜ", "どう", "何人", "何％", "何%"],
      ...["は", "って", "の", "が", "を", "で", "に", "と", "も", "か", "だっけ", "ですか", "なの", "教えて"],
      ...["名前", "首都", "会社", "値段", "理由", "時期", "人", "年", "梅雨", "Xen", "3.0", "kobo", "Clara"],
      ...["？", "?", "。", "、", " ", "　", "・", "（笑）", "w", "\n", "ー", "ｰ", "\uD800", "🇯🇵"],
    ];
    await fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (words) => {
        const question = words.join("");
        const answer = engine.ask(question);
        expect(answer.found).toBe(answer.keyPoints.length > 0);
        engine.search(question);
      }),
      { numRuns: 400 },
    );
  });

  it("summarizes a very long article from its first sentences only", async () => {
    const { engine } = await fresh(1);
    const base = RANKING_ARTICLES[0] as (typeof RANKING_ARTICLES)[0];
    const sentences = Array.from({ length: 5_000 }, (_, i) => `これは${i}番目の文で、長い記事の一部である。`);
    const article = createArticle(
      { ...base, url: "https://example.jp/long", blocks: [{ kind: "paragraph", text: sentences.join("") }] },
      { by: "test", at },
    );
    await engine.put(article);
    const summary = engine.summary(article.id);
    expect(summary.points).toHaveLength(3);
    const candidates = sentences.slice(0, MAX_CANDIDATE_SENTENCES).join("").length;
    for (const p of summary.points) expect(p.end).toBeLessThanOrEqual(candidates);
  });
});
