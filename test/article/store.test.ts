import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, type Stats } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Article, createArticle, formatArticle } from "../../src/article/article.ts";
import { importPlainText } from "../../src/article/import-text.ts";
import {
  articlePath,
  asStorageError,
  readCorpus,
  stampOf,
  writeArticle,
  writeFileAtomic,
} from "../../src/article/store.ts";
import { Engine } from "../../src/engine.ts";
import { UserFacingError } from "../../src/errors.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "shiori-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LIVEDOOR = "http://news.livedoor.com/article/detail/7/\n2012-09-04T12:45:00+0900\n見出しの行\n本文の一行目。\n";
const article: Article = createArticle(importPlainText(LIVEDOOR), { by: "t", at: new Date("2025-01-01T00:00:00Z") });

/** What readCorpus throws for the folder, or null. */
async function readError(): Promise<unknown> {
  return readCorpus(dir).then(
    () => null,
    (err: unknown) => err,
  );
}

describe("writing the corpus", () => {
  it("leaves no temporary file behind when a write fails halfway", async () => {
    const target = path.join(dir, "index.bin");
    // a chunk that cannot be written, after one that was: the write fails with the file half written
    const chunks = [new Uint8Array([1, 2, 3]), 42 as unknown as Uint8Array];
    await expect(writeFileAtomic(target, chunks)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it("writes all of a file or fails: a disk that fills up mid-chunk leaves no truncated file", () => {
    // A file size limit makes a write stop short, as a full disk does (the kernel writes what fits and
    // says so only in the count written); the limit applies to a child process of its own.
    const tsx = import.meta.resolve("tsx/esm/api");
    const store = new URL("../../src/article/store.ts", import.meta.url).href;
    const target = path.join(dir, "index.bin");
    const code = `const { register } = await import(${JSON.stringify(tsx)}); register();
      const { writeFileAtomic } = await import(${JSON.stringify(store)});
      await writeFileAtomic(${JSON.stringify(target)}, [new Uint8Array(2048), new Uint8Array(65536)])
        .then(() => console.log("written"), (err) => console.log(err.code));`;
    const limited = spawnSync(
      "sh",
      ["-c", 'ulimit -f 32 && exec "$0" --input-type=module -e "$1"', process.execPath, code],
      {
        encoding: "utf8",
      },
    );
    expect(limited.stdout.trim()).toBe("EFBIG");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("tells the moderator what a full disk or a folder that cannot be written did and did not do", () => {
    const failed = (code: string) =>
      asStorageError(
        Object.assign(new Error(`${code}: no space left on device, write`), { code }),
        "記事は追加されていません。",
      );
    for (const code of ["ENOSPC", "EDQUOT"]) {
      const err = failed(code) as UserFacingError;
      expect(err).toBeInstanceOf(UserFacingError);
      expect(err.message).toContain("ディスクの空きが足りない");
      expect(err.message).toContain("記事は追加されていません。");
      expect(err.detail).toContain(code);
    }
    for (const code of ["EROFS", "EACCES", "EPERM"]) {
      expect((failed(code) as Error).message).toContain("書き込めない");
    }
    // the folder gone (moved away while the bot runs): not made again, but said
    for (const code of ["ENOENT", "ENOTDIR"]) {
      expect((failed(code) as Error).message).toMatch(
        /記事のフォルダーが見つからないため、記事は追加されていません。/u,
      );
    }
    // anything else is a bug, shown to no one as it is
    const other = Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    expect(asStorageError(other, "")).toBe(other);
  });
});

describe("stampOf", () => {
  it("stamps a file only when it changed more than 2 s before it was looked at", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const stats = (age: number) => ({ size: 120, mtimeMs: now - age, ino: 7 }) as Stats;
    expect(stampOf(stats(1_999), now)).toBeNull();
    expect(stampOf(stats(2_000), now)).toBeNull();
    expect(stampOf(stats(2_001), now)).toEqual({ size: 120, mtimeMs: now - 2_001, ino: 7 });
    expect(stampOf(stats(-60_000), now)).toBeNull(); // a time ahead of the clock proves nothing
  });
});

describe("readCorpus", () => {
  it("reads a missing folder as an empty corpus, unless told it must be there (a running engine's)", async () => {
    const missing = path.join(dir, "gone");
    expect((await readCorpus(missing)).articles).toEqual([]);
    await expect(readCorpus(missing, {}, { missingThrows: true })).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("says in Japanese that a file given as the folder is no folder", async () => {
    const file = path.join(dir, "a-file");
    await writeFile(file, "x");
    await expect(readCorpus(file)).rejects.toThrow(/はフォルダではありません/u);
  });

  it("gives times in RFC 3339 form for an article the cache (a saved index) holds in the old form", async () => {
    await writeArticle(dir, article);
    const old = { ...article, publishedAt: "2012-09-04T12:45:00+0900" };
    const corpus = await readCorpus(dir, { parsed: () => old });
    expect(corpus.articles[0]?.publishedAt).toBe("2012-09-04T12:45:00+09:00");
  });

  /** This machine in a temporary file's name, as store.ts writes it. */
  const host = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 8);
  const elsewhere = host === "00000000" ? "ffffffff" : "00000000";

  it("removes the temporary file of a writer here that is gone, and leaves a live writer's alone", async () => {
    await writeArticle(dir, article);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const live = `.${article.id}.md.${process.pid}@${host}.${Date.now()}.tmp`;
    const dead = `.${article.id}.md.${gone}@${host}.${Date.now()}.tmp`;
    const foreign = "notes.tmp";
    for (const name of [live, dead, foreign]) await writeFile(path.join(dir, name), "half an article");
    const corpus = await readCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual([article.id]);
    const left = await readdir(dir);
    expect(left).toContain(live);
    expect(left).not.toContain(dead);
    expect(left).toContain(foreign);
  });

  it("leaves another machine's temporary file while it is young, whatever its process id (a CLI in another container)", async () => {
    await writeArticle(dir, article);
    const elevenMinutesAgo = Date.now() - 11 * 60_000;
    const names = {
      young: `.${article.id}.md.1@${elsewhere}.${Date.now()}.tmp`,
      old: `.${article.id}.md.1@${elsewhere}.${elevenMinutesAgo}.tmp`,
      // named before machines were
      youngUnnamed: `.${article.id}.md.${process.pid}.${Date.now()}.tmp`,
      oldUnnamed: `.${article.id}.md.${process.pid}.${elevenMinutesAgo}.tmp`,
    };
    for (const name of Object.values(names)) await writeFile(path.join(dir, name), "half an article");
    await readCorpus(dir);
    const left = await readdir(dir);
    expect(left).toContain(names.young);
    expect(left).toContain(names.youngUnnamed);
    expect(left).not.toContain(names.old);
    expect(left).not.toContain(names.oldUnnamed);
  });

  it("removes a temporary file of its own process id written before it started (a container's bot is always pid 1)", async () => {
    await writeArticle(dir, article);
    const started = Date.now() - process.uptime() * 1000;
    const before = `.index.bin.${process.pid}@${host}.${Math.floor(started) - 60_000}.tmp`;
    const now = `.index.bin.${process.pid}@${host}.${Date.now()}.tmp`;
    for (const name of [before, now]) await writeFile(path.join(dir, name), "half an index");
    await readCorpus(dir);
    const left = await readdir(dir);
    expect(left).not.toContain(before);
    expect(left).toContain(now);
  });

  it("reads only files named by an article id, so a stray notes.md or README.md is no article", async () => {
    await writeArticle(dir, article);
    await writeFile(path.join(dir, "notes.md"), "# メモ\n\nコーパスに置いたメモ。\n");
    await writeFile(path.join(dir, "readme.md"), "no front matter");
    await writeFile(path.join(dir, `${article.id.toUpperCase()}.md`), "copied by hand");
    const corpus = await readCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual([article.id]);
    // and no article can be written under a name the corpus would not read back
    expect(() => articlePath(dir, "notes")).toThrow(/invalid article id/u);
  });

  it("refuses a corpus file that is no regular file (a named pipe, a link to /dev/zero, a folder) without reading it", async () => {
    // Read, a named pipe blocks the thread until something writes to it, and /dev/zero fills memory until
    // the process dies: the reading runs in a child process of its own, stopped after 30 s.
    await writeArticle(dir, article);
    spawnSync("mkfifo", [path.join(dir, "0123456789ab.md")]);
    await symlink("/dev/zero", path.join(dir, "0123456789ac.md"));
    await mkdir(path.join(dir, "0123456789ad.md"));
    const tsx = import.meta.resolve("tsx/esm/api");
    const store = new URL("../../src/article/store.ts", import.meta.url).href;
    const code = `const { register } = await import(${JSON.stringify(tsx)}); register();
      const { readCorpus } = await import(${JSON.stringify(store)});
      const corpus = await readCorpus(${JSON.stringify(dir)}, {}, { skipUnreadable: true });
      console.log(JSON.stringify({ read: corpus.articles.map((a) => a.id),
        unreadable: [...corpus.unreadable].map(([id, err]) => [id, err.reason]) }));
      await readCorpus(${JSON.stringify(dir)}).catch((err) => console.log(err.message));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(child.signal).toBeNull();
    const [skipped, refused] = child.stdout.trim().split("\n");
    expect(JSON.parse(skipped as string)).toEqual({
      read: [article.id],
      unreadable: ["0123456789ab", "0123456789ac", "0123456789ad"].map((id) => [
        id,
        "通常のファイルではありません（フォルダ、名前付きパイプ、デバイスなど）",
      ]),
    });
    expect(refused).toContain(
      `コーパスの記事ファイル ${path.join(dir, "0123456789ab.md")} を読めません: 通常のファイルではありません`,
    );
  }, 40_000);

  it("reads a file with Windows line ends (git's autocrlf, a Windows editor) as the article it was", async () => {
    const sectioned = createArticle(
      {
        ...importPlainText(LIVEDOOR),
        blocks: [
          { kind: "paragraph", text: "最初の段落です。" },
          { kind: "heading", text: "料金" },
          { kind: "paragraph", text: "料金は月額1,200円です。" },
        ],
      },
      { by: "t", at: new Date("2025-01-01T00:00:00Z") },
    );
    // its sections were one paragraph, 「最初の段落です。\r\n\r\n## 料金\r\n\r\n料金は…」, shown with its markup
    await writeFile(path.join(dir, `${sectioned.id}.md`), `\uFEFF${formatArticle(sectioned).replace(/\n/gu, "\r\n")}`);
    expect((await readCorpus(dir)).articles).toEqual([sectioned]);
  });

  const good = formatArticle(article);
  it.each([
    ["no front matter", () => "本文だけのファイル。\n", /front matter.*ありません/u],
    ["broken YAML", () => good.replace("title: 見出しの行", "title: [見出しの行"), /YAML を読めません.*行目/u],
    ["no title", () => good.replace(/^title: .*\n/mu, ""), /title がありません/u],
    ["links that are not a list", () => good.replace("source_format:", "links: 12\nsource_format:"), /links/u],
    ["an id that is not its name", () => good.replace(`id: ${article.id}`, "id: 0123456789ab"), /id（0123456789ab）/u],
    ["an empty title", () => good.replace(/^title: .*$/mu, "title:"), /front matter の title が空です/u],
    ["a title that is a list", () => good.replace(/^title: .*$/mu, "title: [上, 下]"), /title がリストになっています/u],
    ["a url that is a mapping", () => good.replace(/^url: .*$/mu, "url: {href: x}"), /url が「項目: 値」の組/u],
    [
      "a caption that is a mapping",
      () => good.replace("source_format:", "captions:\n  - {a: b}\nsource_format:"),
      /captions に、文字列でない項目があります/u,
    ],
  ])(
    "stops at a malformed article file (%s) with one message naming the file and what is wrong",
    async (_, text, reason) => {
      const file = path.join(dir, `${article.id}.md`);
      await writeFile(file, text());
      const error = await readError();
      expect(error).toBeInstanceOf(UserFacingError);
      const message = (error as Error).message;
      expect(message).toContain(file);
      expect(message).toMatch(reason);
      expect(message).toMatch(/ください/u);
      expect(message).not.toContain("\n");
    },
  );

  it.each([
    ["an unclosed double quote", (text: string) => text.replace(/^title: .*$/mu, 'title: "見出しの行')],
    ["an unclosed single quote", (text: string) => text.replace(/^title: .*$/mu, "title: '見出しの行")],
    ["an unclosed [", (text: string) => text.replace(/^title: .*$/mu, "title: [見出しの行")],
    ["a colon and a space in a value", (text: string) => text.replace(/^title: .*$/mu, "title: 速報: 見出しの行")],
    [
      "an unclosed quote, with Windows line ends and a byte order mark",
      (text: string) => `\uFEFF${text.replace(/^title: .*$/mu, 'title: "見出しの行').replace(/\n/gu, "\r\n")}`,
    ],
  ])("says the line of the file where broken YAML goes wrong: %s on line 3", async (_, edit) => {
    expect(good.split("\n")[2]).toMatch(/^title: /u);
    await writeFile(path.join(dir, `${article.id}.md`), edit(good));
    expect((await readError()) as Error).toMatchObject({ reason: "front matter の YAML を読めません（3 行目）" });
  });

  it.each([
    ["a key written twice", "title: 二度目"],
    ["a tab before a key", "\turl: x"],
    ["a stray list item", "- x"],
  ])("says the line of a mistake right after a quoted title that is closed: %s on line 4", async (_, line) => {
    // the quoted title ends where the mistake starts: the mistake's line, not the title's, is named
    const text = good.replace(/^title: .*$/mu, () => `title: "速報: 見出しの行"\n${line}`);
    expect(text.split("\n")[3]).toBe(line);
    await writeFile(path.join(dir, `${article.id}.md`), text);
    expect((await readError()) as Error).toMatchObject({ reason: "front matter の YAML を読めません（4 行目）" });
  });

  it("says the line of an unclosed quote further down, in a list", async () => {
    const text = good.replace("source_format:", 'captions:\n  - 写真\n  - "閉じていない\nsource_format:');
    expect(text.split("\n").indexOf('  - "閉じていない')).toBe(12);
    await writeFile(path.join(dir, `${article.id}.md`), text);
    expect((await readError()) as Error).toMatchObject({ reason: "front matter の YAML を読めません（13 行目）" });
  });

  it.each([
    ["saved as UTF-8 with a byte order mark", (text: string) => `\uFEFF${text}`, {}],
    ["a number for a title", (text: string) => text.replace(/^title: .*$/mu, "title: 1984"), { title: "1984" }],
    [
      "numbers and booleans where text is expected",
      (text: string) => text.replace(/^publisher: .*$/mu, "publisher: 0120").replace(/^author: .*$/mu, "author: true"),
      { publisher: "0120", author: "true" },
    ],
  ])("reads an article file edited by hand: %s", async (_, edit, expected) => {
    await writeFile(path.join(dir, `${article.id}.md`), edit(good));
    const corpus = await readCorpus(dir);
    expect(corpus.articles).toEqual([{ ...article, ...expected }]);
  });

  it("keeps an id of digits as written, leading zeros and all", async () => {
    const id = "000000000123";
    await writeFile(path.join(dir, `${id}.md`), good.replace(`id: ${article.id}`, `id: ${id}`));
    const corpus = await readCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual([id]);
  });

  it("makes Engine.open fail with that same message", async () => {
    const file = path.join(dir, `${article.id}.md`);
    await writeFile(file, "本文だけのファイル。\n");
    const error = await Engine.open({ corpusDir: dir, indexFile: false }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain(file);
    // the bot's start-up: what to do once it is fixed is to start it again
    expect((error as Error).message).toMatch(
      /ファイルを直すか、コーパスのフォルダの外に移してから、もう一度起動してください。$/u,
    );
  });
});
