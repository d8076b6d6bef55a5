import { execFile, spawn } from "node:child_process";
import { access, copyFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli.ts";
import { removeDir, tempCorpusDir } from "./helpers/engine.ts";

const ROOT = path.join(import.meta.dirname, "..");
const SEED = "b91adfa52dd3";
let dir: string;

beforeAll(async () => {
  dir = await tempCorpusDir();
  await copyFile(path.join(ROOT, "corpus", `${SEED}.md`), path.join(dir, `${SEED}.md`));
});
afterAll(() => removeDir(dir));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), color: false, env: {} });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("shiori CLI", () => {
  it("ask --json prints one object with keyPoints[] and passages[] that cite their article", async () => {
    const { code, stdout } = await run(
      "ask",
      "--json",
      "--corpus",
      dir,
      "Xen 3.0ではどのOSがゲストOSとして動くようになる？",
    );
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.keyPoints.length).toBeGreaterThan(0);
    expect(answer.passages.length).toBeGreaterThan(0);
    for (const item of [...answer.keyPoints, ...answer.passages]) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(["text", "articleId", "title", "url"]));
      expect(item.url).toBe("http://enterprise.watch.impress.co.jp/cda/software/2005/10/31/6499.html");
    }
    expect(answer.keyPoints[0].text).toContain("Windows");
  });

  it("ask prints the answer, its passage and the source for a person", async () => {
    const { code, stdout } = await run("ask", "--corpus", dir, "Xen 3.0ではどのOSがゲストOSとして動くようになる？");
    expect(code).toBe(0);
    expect(stdout).toContain("ゲストOSとしてWindowsの実行が可能となる");
    expect(stdout).toContain("http://enterprise.watch.impress.co.jp/cda/software/2005/10/31/6499.html");
    expect(stdout).toContain("2005年10月31日");
    // the article's ID, written as every message writes it (「ID: …」), and as README shows it
    expect(stdout).toContain("6499.html · ID: b91adfa52dd3");
    expect(stdout).not.toContain("\u001b[");
  });

  it("says plainly when nothing answers", async () => {
    const { code, stdout } = await run("ask", "--corpus", dir, "ラーメンのおいしい店");
    expect(code).toBe(0);
    expect(stdout).toContain("見つかりませんでした");
  });

  it("summary, list and search work on the same corpus", async () => {
    const summary = await run("summary", "--json", "--corpus", dir, SEED);
    expect(JSON.parse(summary.stdout).points).toHaveLength(3);
    const list = await run("list", "--json", "--corpus", dir);
    expect(JSON.parse(list.stdout).map((a: { articleId: string }) => a.articleId)).toEqual([SEED]);
    const search = await run("search", "--json", "--corpus", dir, "仮想化");
    expect(JSON.parse(search.stdout).hits.length).toBeGreaterThan(0);
  });

  it("says a corpus is empty rather than that nothing matched, for ask and search", async () => {
    const empty = await tempCorpusDir();
    try {
      for (const verb of ["ask", "search"]) {
        const { code, stdout, stderr } = await run(verb, "--corpus", empty, "わび茶");
        expect([code, stdout]).toEqual([1, ""]);
        expect(stderr).toBe("コーパスに記事がありません。shiori add か shiori import で記事を追加してください。");
      }
    } finally {
      await removeDir(empty);
    }
  });

  it("leaves a folder that holds no article as it found it: a read writes no .index into it", async () => {
    const folder = await tempCorpusDir();
    try {
      await writeFile(path.join(folder, "README.md"), "# a project, not a corpus\n");
      for (const argv of [["list"], ["ask", "わび茶"], ["search", "わび茶"]]) {
        await run(...argv, "--corpus", folder);
        expect(await readdir(folder)).toEqual(["README.md"]);
      }
    } finally {
      await removeDir(folder);
    }
  });

  it("summary finds an article by its URL written otherwise, as an add finds it a duplicate", async () => {
    // https, www., the host in capitals, a trailing slash: the same page; before, 「見つかりませんでした」
    for (const url of [
      "https://enterprise.watch.impress.co.jp/cda/software/2005/10/31/6499.html",
      "http://www.Enterprise.Watch.Impress.co.jp/cda/software/2005/10/31/6499.html/",
    ]) {
      const found = await run("summary", "--json", "--corpus", dir, url);
      expect(JSON.parse(found.stdout).articleId).toBe(SEED);
    }
    // another page of the same site is not it
    const other = await run(
      "summary",
      "--corpus",
      dir,
      "http://enterprise.watch.impress.co.jp/cda/software/2005/10/31/6500.html",
    );
    expect(other.code).toBe(1);
  });

  it("search lists each matching article once, with its best passage, as /search does", async () => {
    // The seed article says 仮想化 in most of its passages: one article, one hit, one page.
    const page = JSON.parse((await run("search", "--json", "--corpus", dir, "仮想化")).stdout);
    expect(page.hits.map((h: { articleId: string }) => h.articleId)).toEqual([SEED]);
    expect([page.total, page.pageCount]).toEqual([1, 1]);
    const text = await run("search", "--corpus", dir, "仮想化");
    expect(text.stdout).toContain("検索結果 1 件（1/1 ページ）");
    // a page past the last is the last, however many digits it has
    const far = await run("search", "--corpus", dir, "--page", "99999999999999999999", "仮想化");
    expect([far.code, far.stderr]).toEqual([0, ""]);
    expect(far.stdout).toContain("（1/1 ページ）");
    expect((await run("search", "--corpus", dir, "ラーメン")).stdout).toBe(
      "「ラーメン」に一致する記事は見つかりませんでした。",
    );
  });

  it("reports errors on stderr with a non-zero exit", async () => {
    expect((await run("ask", "--corpus", dir)).code).not.toBe(0);
    const unknown = await run("summary", "--corpus", dir, "nope");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("見つかりませんでした");
    // The command line's own list, not Discord's /article list.
    expect(unknown.stderr).toContain("shiori list");
    expect(unknown.stderr).not.toContain("/article");
    expect(unknown.stdout).toBe("");
    expect((await run("frobnicate")).code).toBe(2);
    // names every object has are no commands either
    for (const name of ["constructor", "toString", "__proto__"]) {
      const refused = await run(name, "--page", "2", "x");
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`不明なコマンドです: ${name}`);
    }
    expect((await run("search", "--page", "0", "--corpus", dir, "仮想化")).stderr).toContain("--page");
    expect((await run("ask", "--no-such-flag", "x")).code).toBe(2);
  });

  it.each([
    ["ask", "Xenとは"],
    ["search", "仮想化"],
    ["summary", SEED],
    ["list"],
    ["remove", SEED],
    ["refetch", SEED],
    ["reindex"],
  ])("%s on a corpus folder that is not there says so, exits 1 and creates nothing", async (verb, ...args) => {
    const typo = path.join(dir, "no-such-corpus");
    const { code, stdout, stderr } = await run(verb, "--corpus", typo, ...args);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `コーパスのフォルダが見つかりません: ${typo}。--corpus（または CORPUS_DIR）のパスを確かめてください。新しいコーパスは、shiori add か shiori import で最初の記事を追加すると作られます。`,
    );
    await expect(access(typo)).rejects.toThrow(/ENOENT/u);
  });

  it.each([
    [["ask", "Xenとは", "--page", "2"], "--page は search で使うオプションで、ask では使えません。"],
    [["list", "--points", "3"], "--points は summary で使うオプションで、list では使えません。"],
    [["remove", SEED, "--title", "x"], "--title は add・extract・import で使うオプションで、remove では使えません。"],
    [["summary", SEED, "--publisher", "x"], "--publisher は import で使うオプションで、summary では使えません。"],
  ])("%j: an option the verb does not take is refused, and nothing is done", async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv, "--corpus", dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("は実行していません。");
    // the article the remove named is still there
    expect(JSON.parse((await run("list", "--json", "--corpus", dir)).stdout)).toHaveLength(1);
  });

  it.each([
    [["ask", "Xen", "--foo"], "不明なオプションです: --foo。使えるオプションは下の一覧を見てください。"],
    [
      ["ask", "-5度は寒い？"],
      '不明なオプションです: -5。- で始まる質問やキーワードは、-- の後に書いてください（例: shiori ask -- "-5度は寒い？"）。',
    ],
    [["search", "仮想化", "--page"], "--page には値を指定してください（例: --page 2）。"],
    // each option's example is a value of its own (it was 2 for every one: --corpus 2)
    [["list", "--corpus"], "--corpus には値を指定してください（例: --corpus ./corpus）。"],
    [["add", "page.html", "--url"], "--url には値を指定してください（例: --url https://example.com/article）。"],
    // the verb of the example is the one typed, wherever the options are
    [
      ["--corpus", "x", "search", "-5度"],
      '不明なオプションです: -5。- で始まる質問やキーワードは、-- の後に書いてください（例: shiori search -- "-5度"）。',
    ],
    [["ask", "Xen", "--json=yes"], "--json は値を取りません。--json とだけ書いてください。"],
  ])("%j: arguments the command line cannot read are said in Japanese, with what to do", async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe(message);
    expect(stderr).toContain("使い方: shiori <コマンド>");
  });

  it.each([
    [
      ["remove", SEED, "nope"],
      `remove には記事の ID を一つだけ指定してください（2 個: 「${SEED}」「nope」）。remove は実行していません。`,
    ],
    [["reindex", "extra"], "reindex は引数を取りません（「extra」が指定されています）。reindex は実行していません。"],
    [["list", "x"], "list は引数を取りません（「x」が指定されています）。list は実行していません。"],
    [["remove"], '記事の ID を指定してください。例: shiori remove "…"'],
    [["search", "仮想化", "--page", "0"], "--page には 1 以上の整数を指定してください。"],
    [["search", "仮想化", "--page", "0x2"], "--page には 1 以上の整数を指定してください。"],
    [["search", "仮想化", "--page", "1e1"], "--page には 1 以上の整数を指定してください。"],
    // the engine picks 1 to 10 key points: 999 was taken as 10, in silence
    // said before the article is looked for
    [
      ["summary", "nope", "--points", "999"],
      "--points には 1 以上 10 以下の整数を指定してください（要点の数。既定: 3）。",
    ],
    ...["999", "11", "0", "0x3", "1e1", "2.5", "+3", "３"].map((points) => [
      ["summary", SEED, "--points", points],
      "--points には 1 以上 10 以下の整数を指定してください（要点の数。既定: 3）。",
    ]),
    [
      ["search", "仮想化", "--page", "-1"],
      "--page には値を指定してください（例: --page 2）。- で始まる値は --page=… と書いてください。",
    ],
  ])("%j: a command line written wrong exits 2 with what to fix, and does nothing", async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv, "--corpus", dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toBe(message);
    expect(JSON.parse((await run("list", "--json", "--corpus", dir)).stdout)).toHaveLength(1);
  });

  it.each([["list"], ["ask", "Xenとは"], ["reindex"], ["remove", SEED]])(
    "%s on a corpus holding a malformed file names it, and says to run the command again once it is fixed",
    async (verb, ...args) => {
      const broken = await tempCorpusDir();
      try {
        await copyFile(path.join(ROOT, "corpus", `${SEED}.md`), path.join(broken, `${SEED}.md`));
        const file = path.join(broken, "0123456789ab.md");
        await writeFile(file, "no front matter here\n");
        const { code, stdout, stderr } = await run(verb, "--corpus", broken, ...args);
        expect(code).toBe(1);
        expect(stdout).toBe("");
        expect(stderr).toBe(
          `コーパスの記事ファイル ${file} を読めません: 先頭に YAML の front matter（--- の行で囲んだ部分）がありません。ファイルを直すか、コーパスのフォルダの外に移してから、もう一度実行してください。`,
        );
        // nothing was done: the article a remove named is still there
        await access(path.join(broken, `${SEED}.md`));
      } finally {
        await removeDir(broken);
      }
    },
  );

  it("summary --points takes 1 to 10, as the engine picks them", async () => {
    const points = async (n: string) =>
      JSON.parse((await run("summary", "--json", "--corpus", dir, SEED, "--points", n)).stdout).points.length;
    expect(await points("1")).toBe(1);
    expect(await points("05")).toBe(5);
    expect(await points("10")).toBeGreaterThan(5);
  });

  it("reads a question that starts with - after --", async () => {
    const { code, stdout } = await run("ask", "--corpus", dir, "--", "-Xen 3.0ではどのOSがゲストOSとして動く？");
    expect(code).toBe(0);
    expect(stdout).toContain("質問: -Xen 3.0");
  });

  it("refuses an empty --corpus (an unset variable) rather than using CORPUS_DIR or ./corpus", async () => {
    const own = await tempCorpusDir();
    await copyFile(path.join(ROOT, "corpus", `${SEED}.md`), path.join(own, `${SEED}.md`));
    for (const argv of [["remove", SEED], ["list"]]) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main([...argv, "--corpus", ""], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        color: false,
        env: { CORPUS_DIR: own },
      });
      expect([code, out]).toEqual([2, []]);
      expect(err.join("\n")).toContain("--corpus の値が空です。");
    }
    await access(path.join(own, `${SEED}.md`));
    await removeDir(own);
  });

  it("refuses a file given as the corpus folder, and a path through one", async () => {
    const file = path.join(dir, "notes.txt");
    await writeFile(file, "コーパスではないファイル");
    const asFolder = await run("ask", "--corpus", file, "Xenとは");
    expect(asFolder.code).toBe(1);
    expect(asFolder.stderr).toBe(
      `${file} はフォルダではありません。--corpus（または CORPUS_DIR）には、記事（<ID>.md）を置くコーパスのフォルダを指定してください。`,
    );
    const through = await run("add", "--corpus", path.join(file, "corpus"), "-");
    expect(through.code).toBe(1);
    expect(through.stderr).toContain("は使えません（パスの途中がファイルです）");
  });

  it("runs as the shiori bin", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, "bin", "shiori.js"), "ask", "--json", "--corpus", dir, "Xenの現行バージョンは？"],
      { cwd: ROOT, env: { ...process.env, CORPUS_DIR: "" } },
    );
    expect(JSON.parse(stdout).keyPoints[0].text).toContain("2.0");
  });

  it("stops writing quietly when the reader of its output goes away (| head): no EPIPE stack, its own status", async () => {
    // The read end of its standard output is closed before it writes: each write fails with EPIPE.
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "shiori.js"), "--help"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
