import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { Engine } from "../../src/engine.ts";
import { indexPath } from "../../src/search/persist.ts";
import { removeDir, tempCorpusDir } from "../helpers/engine.ts";
import { encode, LIBRARY_PAGE, netpbm, pageHtml, pngBytes, RAILWAY_PAGE } from "./pages.ts";
import { serve, startServer, type TestServer } from "./server.ts";

let server: TestServer;
let root: string;
let corpus: string;

beforeAll(async () => {
  server = await startServer();
  root = await tempCorpusDir();
  corpus = path.join(root, "corpus");
});
afterAll(async () => {
  await server.close();
  await removeDir(root);
});

const ENV = { FETCH_ALLOW_ADDRESSES: "127.0.0.1", FETCH_TIMEOUT_MS: "2000" };

async function run(argv: string[], stdin?: string | Uint8Array, dir = corpus, env: Record<string, string> = ENV) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, "--corpus", dir], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    color: false,
    env,
    ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

async function corpusFiles(): Promise<string[]> {
  try {
    return (await readdir(corpus)).filter((n) => n.endsWith(".md")).sort();
  } catch {
    return [];
  }
}

describe("shiori extract", () => {
  it("prints the extracted article as one JSON object and stores nothing", async () => {
    const file = path.join(root, "page.html");
    await writeFile(file, encode(pageHtml(LIBRARY_PAGE, { charsetMeta: "Shift_JIS" }), "shift_jis"));
    const { code, stdout } = await run(["extract", "--json", file, "--url", "https://news.example.jp/a/1.html"]);
    expect(code).toBe(0);
    const article = JSON.parse(stdout);
    expect(article).toMatchObject({
      title: LIBRARY_PAGE.title,
      author: LIBRARY_PAGE.author,
      publishedAt: "2024-04-01T10:30:00+09:00",
      url: "https://news.example.jp/a/1.html",
      siteName: LIBRARY_PAGE.site,
      lead: LIBRARY_PAGE.paragraphs[0],
      paragraphs: LIBRARY_PAGE.paragraphs,
    });
    expect(await corpusFiles()).toEqual([]);
  });
});

describe("shiori add", () => {
  it("--dry-run --json prints the article without storing it", async () => {
    server.routes.set("/rail.html", serve(pageHtml(RAILWAY_PAGE), "text/html; charset=utf-8"));
    const { code, stdout } = await run(["add", "--dry-run", "--json", server.url("/rail.html")]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: RAILWAY_PAGE.title, duplicateOf: null });
    expect(await corpusFiles()).toEqual([]);
  });

  it("refuses a FETCH_USER_AGENT no request can carry as a setting to fix, before fetching anything", async () => {
    server.routes.set("/ua.html", serve(pageHtml(RAILWAY_PAGE), "text/html; charset=utf-8"));
    const env = { ...ENV, FETCH_USER_AGENT: "しおりボット/1.0" };
    const { code, stdout, stderr } = await run(["add", "--dry-run", server.url("/ua.html")], undefined, corpus, env);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    // not 「サイトに接続できませんでした」, nor an internal error
    expect(stderr).toContain(
      "設定に問題があります（.env または環境変数）:\n  - FETCH_USER_AGENT: HTTP ヘッダーに使えない文字",
    );
    expect(stderr).not.toContain("しおりボット");
    expect(server.hits.get("/ua.html") ?? 0).toBe(0);
  });

  it("stores a page and says so; a second add of it is refused with the existing id", async () => {
    const { code, stdout } = await run(["add", "--json", server.url("/rail.html")]);
    expect(code).toBe(0);
    const added = JSON.parse(stdout);
    expect(added).toMatchObject({ title: RAILWAY_PAGE.title, url: server.url("/rail.html") });
    expect(added.keyPoints.length).toBeGreaterThan(0);
    expect(await corpusFiles()).toEqual([`${added.id}.md`]);

    const again = await run(["add", server.url("/rail.html")]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`すでに登録されています（ID: ${added.id}`);
    expect(await corpusFiles()).toEqual([`${added.id}.md`]);
  });

  it.each([
    [["add", "http://127.0.0.1:1/none"], /接続できませんでした/u],
    [["add", "http://169.254.169.254/latest/meta-data/"], /公開されていないアドレス/u],
    [["add", "/no/such/file.html"], /ファイルが見つかりません/u],
    [["add"], /URL かファイルを指定してください/u, 2],
    [
      ["add", "a.html", "b.html"],
      /add には URL かファイルを一つだけ指定してください（2 個: 「a.html」「b.html」）/u,
      2,
    ],
    [["import"], /ファイルかフォルダを指定してください/u, 2],
    // a page's own address is its source: another one is not silently ignored
    [
      ["add", "https://example.jp/a.html", "--url", "https://example.jp/b.html"],
      /URL から追加するときは.*--url は使えません/u,
      2,
    ],
  ])("%j exits non-zero with the reason on stderr", async (argv, message, status = 1) => {
    const before = await corpusFiles();
    const { code, stdout, stderr } = await run(argv);
    // 2 for a command line written wrong, 1 for a refusal
    expect(code).toBe(status);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(await corpusFiles()).toEqual(before);
  });

  it.each(["javascript:alert(1)", "なし"])("add - --url %s is refused, storing nothing", async (url) => {
    const before = await corpusFiles();
    const { code, stdout, stderr } = await run(
      ["add", "-", "--title", "回覧板のお知らせ（URL の確認）", "--url", url],
      "来月の資源回収は第3土曜日に行います。\n古紙は紐で縛って出してください。",
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`出典の URL（${url}）は、ウェブページの URL として読めません`);
    expect(stderr).toContain("CLI では --url を省きます");
    expect(await corpusFiles()).toEqual(before);
  });

  it("add <folder> says it is a folder, and that import takes a folder", async () => {
    const { code, stderr } = await run(["add", root]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${root} はフォルダです。add はファイル一つか URL 一つを追加します。フォルダの .txt ファイルをまとめて取り込むには shiori import ${root} を使ってください。`,
    );
  });

  it("refuses an image renamed photo.txt, and an image on standard input, storing nothing", async () => {
    const file = path.join(root, "photo.txt");
    await writeFile(file, pngBytes());
    const before = await corpusFiles();
    const added = await run(["add", file]);
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/^このファイルは文字として読めません/u);
    const piped = await run(["add", "-", "--title", "写真"], pngBytes());
    expect(piped.code).toBe(1);
    expect(piped.stderr).toMatch(/^標準入力のデータは文字として読めません/u);
    expect(await corpusFiles()).toEqual(before);
  });

  it("refuses a scanned page saved as PPM and renamed scan.txt, rather than storing replacement characters", async () => {
    const file = path.join(root, "scan.txt");
    // paper-white pixels: no NUL, no control byte
    await writeFile(
      file,
      netpbm("P6", 120, 90, (i) => 0xf4 + (i % 11)),
    );
    const before = await corpusFiles();
    const added = await run(["add", file, "--title", "スキャンした回覧板"]);
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/^このファイルは文字として読めません/u);
    expect(await corpusFiles()).toEqual(before);
  });

  it("reads pasted text from standard input with --title and --url", async () => {
    const { code, stdout } = await run(
      ["add", "-", "--json", "--title", "回覧板のお知らせ", "--url", "https://town.example.jp/notice/5"],
      "来月の清掃活動は第2日曜日に行います。\n軍手は各自で用意してください。",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: "回覧板のお知らせ", url: "https://town.example.jp/notice/5" });
  });

  it("shows a short notice's own sentences as its key points, and says so when there is none", async () => {
    // every sentence under 12 characters: 「要点:」 had nothing under it, and summary printed its header only
    const notice = await run(["add", "-", "--title", "臨時休業"], "本日は休業します。\n明日は営業します。");
    expect(notice.code).toBe(0);
    expect(notice.stdout).toContain("  要点:\n    ・本日は休業します。\n    ・明日は営業します。");
    const symbols = await run(["add", "-", "--json", "--title", "記号の行"], "★☆★☆★。\n◆◇◆◇◆。");
    const { id, keyPoints } = JSON.parse(symbols.stdout);
    expect(keyPoints).toEqual([]);
    const summary = await run(["summary", id]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain("この記事の本文には、要点として示せる文がありません。");
  });
});

describe("a URL pasted from Discord as <https://…>", () => {
  it("is taken by add, refetch, summary and --url as the URL inside", async () => {
    let title = "郷土資料室の案内 第1版";
    server.routes.set("/pasted.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        pageHtml({
          ...LIBRARY_PAGE,
          title,
          paragraphs: [
            "郷土資料室は図書館の2階にあり、町の古い地図や写真を見ることができる。",
            "資料の複写を希望する人は、カウンターで申込書に記入する。",
          ],
        }),
      );
    });
    const url = server.url("/pasted.html");
    const added = await run(["add", "--json", ` <${url}> `]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const { id } = JSON.parse(added.stdout);
    expect(JSON.parse(added.stdout)).toMatchObject({ title: "郷土資料室の案内 第1版", url });
    expect(await corpusFiles()).toContain(`${id}.md`);

    // refetch by the URL, as /article refetch takes it
    title = "郷土資料室の案内 第2版";
    const refetched = await run(["refetch", `<${url}>`]);
    expect(refetched.stderr).toBe("");
    expect(refetched.stdout).toContain(`更新しました: ${id}`);
    expect(refetched.stdout).toContain("タイトル: 郷土資料室の案内 第1版 → 郷土資料室の案内 第2版");

    const summary = await run(["summary", "--json", `<${url}>`]);
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({ articleId: id });

    const pasted = await run(
      ["add", "-", "--json", "--title", "公民館の予約", "--url", "<https://town.example.jp/notice/9>"],
      "公民館の会議室は、使う日の一か月前から予約できます。\n鍵は窓口で受け取ってください。",
    );
    expect(pasted.stderr).toBe("");
    expect(JSON.parse(pasted.stdout)).toMatchObject({ url: "https://town.example.jp/notice/9" });
  });
});

describe("shiori refetch, remove, import and reindex", () => {
  it("refetch says what changed", async () => {
    let title = "町の記事 第1版";
    server.routes.set("/town.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(pageHtml({ ...LIBRARY_PAGE, title }));
    });
    const added = JSON.parse((await run(["add", "--json", server.url("/town.html")])).stdout);
    expect((await run(["refetch", added.id])).stdout).toContain("変更はありませんでした");
    title = "町の記事 第2版";
    const { code, stdout } = await run(["refetch", added.id]);
    expect(code).toBe(0);
    expect(stdout).toContain("タイトル: 町の記事 第1版 → 町の記事 第2版");
  });

  it("refetch says so when the page has moved to another URL, by which the article is then found", async () => {
    const MOVING_TEXT = "町内会の事務所は来月から公民館の二階に移ります。窓口の時間は変わりません。";
    let moved = false;
    server.routes.set("/moving.html", (_req, res) => {
      if (moved) {
        res.writeHead(301, { location: server.url("/moved.html") });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(pageHtml({ ...LIBRARY_PAGE, title: "移転する記事", paragraphs: [MOVING_TEXT] }));
    });
    server.routes.set("/moved.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        pageHtml({ ...LIBRARY_PAGE, title: "移転した記事", paragraphs: [MOVING_TEXT, "移転先の住所は駅の北口です。"] }),
      );
    });
    const added = JSON.parse((await run(["add", "--json", server.url("/moving.html")])).stdout);
    moved = true;
    const { code, stdout } = await run(["refetch", added.id]);
    expect(code).toBe(0);
    // before, the reply named the title and the body only: the article was no longer found by the URL it had
    expect(stdout).toContain(`URL: ${server.url("/moving.html")} → ${server.url("/moved.html")}`);
    const json = JSON.parse((await run(["refetch", "--json", added.id])).stdout);
    expect(json).toMatchObject({ changed: false, url: null });
    const found = await run(["summary", "--json", server.url("/moved.html")]);
    expect(JSON.parse(found.stdout)).toMatchObject({ articleId: added.id, title: "移転した記事" });
  });

  it("remove deletes the article's file", async () => {
    const [first] = await corpusFiles();
    const id = (first as string).replace(/\.md$/u, "");
    const { code } = await run(["remove", id]);
    expect(code).toBe(0);
    expect(await corpusFiles()).not.toContain(first);
  });

  it("import reads a folder of livedoor-shaped files, skipping its notes (README, LICENSE) and duplicates", async () => {
    const source = path.join(root, "livedoor");
    const article = (n: number, title: string, body: string) =>
      `http://news.livedoor.com/article/detail/${n}/\n2012-09-0${n}T10:00:00+0900\n${title}\n${body}\n`;
    await mkdir(path.join(source, "topic-a"), { recursive: true });
    await mkdir(path.join(source, "topic-b"), { recursive: true });
    await writeFile(path.join(source, "topic-a", "LICENSE.txt"), "ライセンスの文章。");
    await writeFile(path.join(source, "README.md"), "# このフォルダについて");
    await writeFile(path.join(source, "README.ja.txt"), "このフォルダについて。");
    await writeFile(path.join(source, "topic-b", "LICENSE-MIT.txt"), "ライセンスの文章。");
    // an article whose name only starts like a note is an article
    await writeFile(
      path.join(source, "topic-b", "changes-in-policy.txt"),
      article(5, "市の方針が変わる", "市は方針を変えると発表した。"),
    );
    await writeFile(
      path.join(source, "topic-b", "CHANGES-us.txt"),
      article(7, "米国の制度が変わる", "米国は制度を変えると発表した。"),
    );
    await writeFile(
      path.join(source, "topic-b", "readme-first.txt"),
      article(6, "図書館の新しい案内", "図書館が案内を新しくした。"),
    );
    await writeFile(
      path.join(source, "topic-a", "topic-a-1.txt"),
      article(1, "新しい橋が開通", "川に新しい橋が開通した。"),
    );
    await writeFile(path.join(source, "topic-a", "topic-a-2.txt"), article(2, "駅に新しい売店", "駅に売店ができた。"));
    await writeFile(
      path.join(source, "topic-b", "topic-b-3.txt"),
      article(3, "夏祭りの花火", "夏祭りで花火が上がった。"),
    );
    // the same article under another file name: a duplicate
    await writeFile(
      path.join(source, "topic-b", "topic-b-4.txt"),
      article(3, "夏祭りの花火", "夏祭りで花火が上がった。"),
    );
    const before = (await corpusFiles()).length;
    const { code, stdout, stderr } = await run(["import", source]);
    expect(code).toBe(0);
    expect(stdout).toContain("6 件を追加、1 件をスキップしました");
    expect(stderr).toContain("取り込み中… 6/6");
    expect((await corpusFiles()).length).toBe(before + 6);
    const engine = await Engine.open({ corpusDir: corpus });
    expect(engine.stats.indexOrigin).toBe("loaded");
    expect(engine.search("花火").hits[0]?.title).toBe("夏祭りの花火");
  });

  it("import stops on Ctrl-C between two articles, says what was stored, and a second run goes on", async () => {
    const fresh = path.join(await tempCorpusDir(), "corpus");
    const source = path.join(root, "interrupted");
    await mkdir(source, { recursive: true });
    for (const n of [1, 2, 3]) {
      await writeFile(
        path.join(source, `news-${n}.txt`),
        `http://news.livedoor.com/article/detail/7${n}/\n2012-11-0${n}T09:30:00+0900\n中断の記事その${n}\n港で${n}番目の船が着いた。\n`,
      );
    }
    const err: string[] = [];
    let listening = false;
    // Ctrl-C as soon as the import listens for it, before it writes its first article
    const code = await main(["import", source, "--corpus", fresh], {
      out: () => {},
      err: (t) => err.push(t),
      color: false,
      env: ENV,
      onInterrupt: (stop) => {
        listening = true;
        stop();
        return () => {
          listening = false;
        };
      },
    });
    expect(code).toBe(130);
    expect(listening).toBe(false);
    expect(err.at(-1)).toBe(
      "中断しました。0 件を追加済みで、残りの 3 件は追加していません（コーパス: 0 件）。同じ import をもう一度実行すると、追加済みの記事はスキップして続きを取り込みます。",
    );
    expect((await readdir(fresh)).filter((name) => !name.startsWith(".index"))).toEqual([]);
    const again = await run(["import", source], undefined, fresh);
    expect([again.code, again.stdout.split("\n").at(-1)]).toEqual([
      0,
      expect.stringContaining("3 件を追加、0 件をスキップ"),
    ]);
    await removeDir(path.dirname(fresh));
  });

  it("add - at a terminal says that it waits for the text, and how to end it", async () => {
    const stdin = Object.assign(Readable.from([Buffer.from("端末から貼った記事\n商店街で秋の市が開かれた。\n")]), {
      isTTY: true,
    });
    const err: string[] = [];
    const code = await main(["add", "-", "--dry-run", "--corpus", corpus], {
      out: () => {},
      err: (t) => err.push(t),
      color: false,
      env: ENV,
      stdin,
    });
    expect(code).toBe(0);
    expect(err.join("\n")).toContain("記事の本文を貼り付けて、最後に改行してから Ctrl-D");
    // piped, it says nothing
    const piped = await run(["add", "-", "--dry-run"], "端末から貼った記事\n商店街で秋の市が開かれた。\n");
    expect(piped.stderr).not.toContain("Ctrl-D");
  });

  it("import reads Shift_JIS and EUC-JP text files, not only UTF-8", async () => {
    const source = path.join(root, "legacy");
    await mkdir(source, { recursive: true });
    const article = (n: number, title: string, body: string) =>
      `http://news.livedoor.com/article/detail/9${n}/\n2012-10-0${n}T09:30:00+0900\n${title}\n${body}\n`;
    await writeFile(
      path.join(source, "sjis.txt"),
      encode(
        article(1, "古い文字コードの記事（シフトJIS）", "髙橋さんが㈱しおり書房で①番目の客になった。"),
        "shift_jis",
      ),
    );
    await writeFile(
      path.join(source, "eucjp.txt"),
      encode(article(2, "古い文字コードの記事（EUC-JP）", "商店街で秋祭りが開かれ、多くの人が訪れた。"), "euc-jp"),
    );
    const { code, stdout } = await run(["import", source, "--json"]);
    expect(code).toBe(0);
    const titles = (JSON.parse(stdout).imported as { title: string }[]).map((a) => a.title).sort();
    expect(titles).toEqual(["古い文字コードの記事（EUC-JP）", "古い文字コードの記事（シフトJIS）"]);
    const engine = await Engine.open({ corpusDir: corpus });
    expect(engine.search("秋祭り").hits[0]?.title).toBe("古い文字コードの記事（EUC-JP）");
    expect(engine.search("書房").hits[0]?.text).toContain("髙橋さんが㈱しおり書房で①番目の客になった。");
  });

  it("import skips an image among the text files, saying why", async () => {
    const source = path.join(root, "with-photo");
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, "photo.txt"), pngBytes());
    await writeFile(
      path.join(source, "news.txt"),
      "http://news.livedoor.com/article/detail/81/\n2012-10-08T09:30:00+0900\n写真の横の記事\n公園で写真展が開かれた。\n",
    );
    const { code, stdout, stderr } = await run(["import", source]);
    expect(code).toBe(0);
    expect(stdout).toContain("1 件を追加、1 件をスキップしました");
    expect(stderr).toContain(`スキップ: ${path.join(source, "photo.txt")}: このファイルは文字として読めません`);
  });

  it.each([
    ["page.html", "<html><head><title>町の記事</title></head><body><p>本文です。</p></body></html>", "HTML"],
    ["notes.md", "# 町の記事\n\n本文です。\n", "Markdown"],
  ])("import %s is refused, pointing to add, which extracts its text", async (name, content, kind) => {
    const file = path.join(root, name);
    await writeFile(file, content);
    const before = await corpusFiles();
    const { code, stdout, stderr } = await run(["import", file, "--title", "町の記事"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `${file}: ${kind} のファイルは import では取り込めません（import はプレーンテキストの記事を取り込みます）。本文を抽出して追加するには shiori add ${file} を使ってください。`,
    );
    expect(await corpusFiles()).toEqual(before);
  });

  it("import of a folder skips and lists its pages and images, but not hidden files", async () => {
    const source = path.join(root, "mixed");
    await mkdir(path.join(source, ".git"), { recursive: true });
    await writeFile(
      path.join(source, "news.txt"),
      "http://news.livedoor.com/article/detail/82/\n2012-10-09T09:30:00+0900\n混在フォルダの記事\n駅前で朝市が開かれた。\n",
    );
    await writeFile(path.join(source, "saved.HTML"), "<html><body><p>保存したページ。</p></body></html>");
    await writeFile(path.join(source, "photo.jpg"), pngBytes());
    await writeFile(path.join(source, ".DS_Store"), "\u0000\u0001");
    await writeFile(path.join(source, ".git", "config"), "[core]\n");
    const before = (await corpusFiles()).length;
    const { code, stdout, stderr } = await run(["import", source]);
    expect(code).toBe(0);
    expect(stdout).toContain("1 件を追加、2 件をスキップしました");
    expect(stderr).toContain(
      `スキップ: ${path.join(source, "saved.HTML")}: HTML のファイルは import では取り込めません（import はプレーンテキストの記事を取り込みます）。本文を抽出して追加するには shiori add ${path.join(source, "saved.HTML")} を使ってください。`,
    );
    expect(stderr).toContain(
      `スキップ: ${path.join(source, "photo.jpg")}: プレーンテキストのファイル（.txt）ではないため`,
    );
    expect(stderr).not.toMatch(/DS_Store|\.git/u);
    expect((await corpusFiles()).length).toBe(before + 1);
    // a folder of pages alone imports nothing, and says so with a non-zero exit
    const pages = path.join(root, "pages-only");
    await mkdir(pages, { recursive: true });
    await writeFile(path.join(pages, "a.htm"), "<html><body><p>ページ。</p></body></html>");
    const only = await run(["import", pages, "--json"]);
    expect(only.code).toBe(1);
    expect(JSON.parse(only.stdout)).toMatchObject({ imported: [], skipped: [{ file: path.join(pages, "a.htm") }] });
  });

  it("add - reads Shift_JIS text from standard input", async () => {
    const { code, stdout } = await run(
      ["add", "-", "--json", "--title", "標準入力の記事"],
      encode("シフトJISで送られた本文です。\n二段落目もあります。", "shift_jis"),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).lead).toBe("シフトJISで送られた本文です。");
  });

  it.each([
    [
      "a folder named index.bin",
      () => mkdir(indexPath(corpus), { recursive: true }),
      () => `索引のファイルの場所（${indexPath(corpus)}）にフォルダ`,
    ],
    [
      "a file named .index",
      () => writeFile(path.dirname(indexPath(corpus)), ""),
      () => `索引のフォルダの場所（${path.dirname(indexPath(corpus))}）にファイル`,
    ],
  ])(
    "with %s where the index goes, list still works and reindex says what is in the way",
    async (_, block, blocker) => {
      await rm(path.dirname(indexPath(corpus)), { recursive: true, force: true });
      await block();
      const list = await run(["list", "--json"]);
      expect(list.stderr).toBe("");
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toHaveLength((await corpusFiles()).length);
      const reindex = await run(["reindex"]);
      expect(reindex.code).toBe(1);
      expect(reindex.stderr).toBe(
        `索引は作り直しましたが、${blocker()}があるため保存できませんでした。それを別の場所に移すか削除してから、もう一度 shiori reindex を実行してください。保存できるまで、起動のたびに作り直します。`,
      );
      // out of the way, reindex saves it again
      await rm(path.dirname(indexPath(corpus)), { recursive: true, force: true });
      expect((await run(["reindex"])).code).toBe(0);
    },
  );

  it("reindex rebuilds the index from the corpus", async () => {
    await writeFile(indexPath(corpus), "damaged");
    const { code, stdout } = await run(["reindex", "--json"]);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.indexOrigin).toBe("built");
    expect(stats.articles).toBe((await corpusFiles()).length);
    const reopened = await Engine.open({ corpusDir: corpus });
    expect(reopened.stats.indexOrigin).toBe("loaded");
  });
});

describe("a corpus folder that is not there yet", () => {
  const runIn = (dir: string, argv: string[], stdin?: string) => run(argv, stdin, dir);
  const NOTICE = "来週の図書館は、月曜日が休館日です。\n返却はブックポストをご利用ください。";

  it("is not created by a dry run of add or import, which say it will be", async () => {
    const fresh = path.join(root, "fresh-dry");
    const source = path.join(root, "fresh-dry-source.txt");
    await writeFile(
      source,
      "http://news.livedoor.com/article/detail/91/\n2012-12-01T09:00:00+0900\n図書館の休館日\n来週の月曜日は休館日。\n",
    );
    const notYet = `コーパスのフォルダ ${fresh} はまだありません（--dry-run のため作っていません。実行すると作ります）。`;
    const imported = await runIn(fresh, ["import", source, "--dry-run"]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe(notYet);
    expect(imported.stdout).toContain("実行すると 1 件を追加し、0 件をスキップします");
    const added = await runIn(fresh, ["add", "-", "--dry-run", "--title", "休館日"], NOTICE);
    expect(added.code).toBe(0);
    expect(added.stderr).toBe(notYet);
    expect(added.stdout).toContain("タイトル: 休館日");
    await expect(readdir(fresh)).rejects.toThrow(/ENOENT/u);
  });

  it("is created by the first add, which says so", async () => {
    const fresh = path.join(root, "fresh");
    const added = await runIn(fresh, ["add", "-", "--title", "休館日"], NOTICE);
    expect(added.code).toBe(0);
    expect(added.stderr).toBe(`コーパスのフォルダ ${fresh} がなかったので、新しく作りました。`);
    expect(added.stdout).toMatch(/^追加しました: /u);
    expect((await readdir(fresh)).filter((n) => n.endsWith(".md"))).toHaveLength(1);
    // and then it is there: nothing more is said
    expect((await runIn(fresh, ["list"])).stderr).toBe("");
  });
});

describe("--dry-run never changes the corpus", () => {
  it("import --dry-run lists what it would add and skip, and stores nothing", async () => {
    const source = path.join(root, "dry");
    await mkdir(source, { recursive: true });
    const article = (n: number, title: string, body: string) =>
      `http://news.livedoor.com/article/detail/7${n}/\n2012-11-0${n}T09:00:00+0900\n${title}\n${body}\n`;
    await writeFile(path.join(source, "a.txt"), article(1, "図書館の開館時間", "図書館は午前9時に開く。"));
    await writeFile(path.join(source, "b.txt"), article(2, "公園の清掃", "公園の清掃は毎月第1土曜日。"));
    await writeFile(path.join(source, "c.txt"), article(2, "公園の清掃", "公園の清掃は毎月第1土曜日。"));
    const before = await corpusFiles();
    const dry = await run(["import", source, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^追加します: [0-9a-f]{12} {2}図書館の開館時間$/mu);
    expect(dry.stdout).toContain(
      "--dry-run のため、何も保存していません。実行すると 2 件を追加し、1 件をスキップします",
    );
    expect(dry.stdout).not.toContain("追加しました");
    expect(dry.stderr).toContain(`スキップ: ${path.join(source, "c.txt")}: 同じ記事がすでにあります`);
    expect(await corpusFiles()).toEqual(before);

    const json = await run(["import", source, "--dry-run", "--json"]);
    const planned = JSON.parse(json.stdout);
    expect(planned).toMatchObject({ dryRun: true, articles: before.length });
    expect(await corpusFiles()).toEqual(before);

    // what the dry run announced is what the import does
    const done = JSON.parse((await run(["import", source, "--json"])).stdout);
    expect(done.dryRun).toBe(false);
    expect(done.imported).toEqual(planned.imported);
    expect(await corpusFiles()).toEqual(
      [...before, ...planned.imported.map((a: { id: string }) => `${a.id}.md`)].sort(),
    );
  });

  it.each([
    ["remove", "shiori summary"],
    ["refetch", "shiori extract"],
    ["reindex", "索引"],
    ["ask", "記事を変更しない"],
    ["list", "記事を変更しない"],
  ])("%s --dry-run is refused before anything is done", async (verb, hint) => {
    const [first] = await corpusFiles();
    const id = (first as string).replace(/\.md$/u, "");
    const before = await corpusFiles();
    const { code, stdout, stderr } = await run([
      verb,
      "--dry-run",
      ...(verb === "list" || verb === "reindex" ? [] : [id]),
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^--dry-run（保存せずに結果を表示する）は add と import でだけ使えます。/u);
    expect(stderr).toContain(`${verb} は実行していません。`);
    expect(stderr).toContain(hint);
    expect(await corpusFiles()).toEqual(before);
  });
});
