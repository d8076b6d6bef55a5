import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { type AddressInfo, createServer as createTcpServer } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../src/article/article.ts";
import { importPlainText } from "../../src/article/import-text.ts";
import { Engine } from "../../src/engine.ts";
import { UserFacingError } from "../../src/errors.ts";
import { addArticle, DuplicateArticleError, refetchArticle } from "../../src/ingest/add-article.ts";
import type { FetchOptions } from "../../src/ingest/fetch-page.ts";
import type { ArticleSource } from "../../src/ingest/read-source.ts";
import { removeDir, tempCorpusDir } from "../helpers/engine.ts";
import { encode, LIBRARY_PAGE, pageHtml, pngBytes, RAILWAY_PAGE, type TestPage, utf16 } from "./pages.ts";
import { serve, startServer, type TestServer } from "./server.ts";

let server: TestServer;
let dir: string;
let engine: Engine;

const MAX_BYTES = 256 * 1024;
const fetchOptions = (overrides: Partial<FetchOptions> = {}): FetchOptions => ({
  maxBytes: MAX_BYTES,
  timeoutMs: 1500,
  connectTimeoutMs: 1000,
  maxRedirects: 5,
  userAgent: "shiori-test/1.0 (+tests)",
  policy: { allow: ["127.0.0.1"] },
  ...overrides,
});
const options = (overrides: Partial<FetchOptions> = {}) => ({ fetch: fetchOptions(overrides), addedBy: "moderator-1" });

beforeAll(async () => {
  server = await startServer();
  dir = await tempCorpusDir();
  engine = await Engine.open({ corpusDir: dir });
});
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

/** Every file of the corpus folder (index included) and a hash of its bytes. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  }
  return out;
}

/** Adding `source` is refused with a Japanese message matching `message`, and the corpus is unchanged. */
async function expectRefused(source: ArticleSource, message: RegExp, fetch: Partial<FetchOptions> = {}) {
  const before = await snapshot();
  const articles = engine.stats.articles;
  const error = await addArticle(engine, source, options(fetch)).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  const text = (error as UserFacingError).message;
  expect(text).toMatch(message);
  expect(text).toMatch(/[ぁ-んァ-ン一-龯]/u); // written in Japanese
  expect(text).toMatch(/ください|ません/u); // and says what to do
  expect(await snapshot()).toEqual(before);
  expect(engine.stats.articles).toBe(articles);
  return error as UserFacingError;
}

function publish(
  route: string,
  page: TestPage,
  charset: "utf-8" | "shift_jis" | "euc-jp" | "iso-2022-jp",
  header = true,
) {
  const html = pageHtml(page, header ? {} : { charsetMeta: charset });
  server.routes.set(route, serve(encode(html, charset), header ? `text/html; charset=${charset}` : "text/html"));
}

describe("adding an article by URL", () => {
  it.each(["utf-8", "shift_jis", "euc-jp", "iso-2022-jp"] as const)(
    "stores a %s page with its text intact, searchable at once",
    async (charset) => {
      const page = {
        ...LIBRARY_PAGE,
        title: `${LIBRARY_PAGE.title}（${charset}）`,
        paragraphs: [...LIBRARY_PAGE.paragraphs, `この版は ${charset} で送られた。`],
      };
      publish(`/${charset}.html`, page, charset);
      const added = await addArticle(engine, { kind: "url", url: server.url(`/${charset}.html`) }, options());
      expect(added.article.title).toBe(page.title);
      expect(added.article.author).toBe(page.author);
      expect(added.article.url).toBe(server.url(`/${charset}.html`));
      expect(added.article.addedBy).toBe("moderator-1");
      expect(added.source.decoding?.charset).toBe(charset);
      // CP932's ①, ㈱ and 髙 survive
      expect(added.article.body).toContain("①初日は㈱しおり書房の協力で古書市も開かれ、髙橋さんら約3000人が訪れた。");
      const file = await readFile(path.join(dir, `${added.article.id}.md`), "utf8");
      expect(file).toContain(`title: ${page.title}`);
      expect(added.passages).toBeGreaterThan(0);
      expect(engine.search("古書市").hits.some((h) => h.articleId === added.article.id)).toBe(true);
      // the same page again is a duplicate: refused, nothing written
      const duplicate = await expectRefused({ kind: "url", url: server.url(`/${charset}.html`) }, /すでに登録/u);
      expect((duplicate as DuplicateArticleError).existing.id).toBe(added.article.id);
      expect(duplicate.message).toContain(added.article.id);
    },
  );

  it("sees through a lying charset: declared Shift_JIS, sent as UTF-8", async () => {
    const page = { ...RAILWAY_PAGE, title: "地方鉄道に新型車両（文字コード偽り）" };
    server.routes.set("/lying.html", serve(encode(pageHtml(page), "utf-8"), "text/html; charset=Shift_JIS"));
    const added = await addArticle(engine, { kind: "url", url: server.url("/lying.html") }, options());
    expect(added.article.title).toBe(page.title);
    expect(added.article.body).toContain(RAILWAY_PAGE.paragraphs[1]);
    expect(added.source.decoding).toMatchObject({ charset: "utf-8", declaredWrong: "shift_jis" });
  });

  it.each(["euc-jp", "shift_jis"] as const)(
    "reads a %s page that Apache labels text/html; charset=ISO-8859-1",
    async (charset) => {
      const page = {
        ...RAILWAY_PAGE,
        title: `新型車両（${charset}、ISO-8859-1 と表示）`,
        paragraphs: [...RAILWAY_PAGE.paragraphs, `この版は ${charset} で送られた。`],
      };
      const route = `/latin1-${charset}.html`;
      server.routes.set(route, serve(encode(pageHtml(page), charset), "text/html; charset=ISO-8859-1"));
      const added = await addArticle(engine, { kind: "url", url: server.url(route) }, options());
      expect(added.article.title).toBe(page.title);
      expect(added.article.body).toContain(RAILWAY_PAGE.paragraphs[1]);
      expect(added.source.decoding).toMatchObject({ charset, declaredWrong: "windows-1252" });
    },
  );

  it("reads a page declared only by <meta charset>, and a gzip-compressed one", async () => {
    publish(
      "/meta-euc.html",
      {
        ...RAILWAY_PAGE,
        title: "新型車両（EUC-JP、meta のみ）",
        paragraphs: [...RAILWAY_PAGE.paragraphs, "EUC-JP の版。"],
      },
      "euc-jp",
      false,
    );
    const a = await addArticle(engine, { kind: "url", url: server.url("/meta-euc.html") }, options());
    expect(a.article.title).toBe("新型車両（EUC-JP、meta のみ）");
    expect(a.source.decoding).toMatchObject({ charset: "euc-jp", source: "meta" });

    const html = pageHtml({
      ...RAILWAY_PAGE,
      title: "新型車両（gzip）",
      paragraphs: [...RAILWAY_PAGE.paragraphs, "圧縮して送った版。"],
    });
    server.routes.set("/gzip.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
      res.end(gzipSync(html));
    });
    const b = await addArticle(engine, { kind: "url", url: server.url("/gzip.html") }, options());
    expect(b.article.body).toContain("圧縮して送った版。");
  });

  it("follows up to 5 redirects, refuses a sixth, and stores the final address", async () => {
    const page = {
      ...RAILWAY_PAGE,
      title: "転送の先の記事",
      paragraphs: [...RAILWAY_PAGE.paragraphs, "転送の先にある段落。"],
    };
    server.routes.set("/final.html", serve(pageHtml(page), "text/html; charset=utf-8"));
    for (let i = 1; i <= 6; i++) {
      const next = i === 1 ? "/final.html" : `/hop${i - 1}`;
      server.routes.set(`/hop${i}`, (_req, res) => {
        res.writeHead(302, { location: next });
        res.end();
      });
    }
    await expectRefused({ kind: "url", url: server.url("/hop6") }, /転送.*多すぎます/u);
    const added = await addArticle(engine, { kind: "url", url: server.url("/hop5") }, options());
    expect(added.article.url).toBe(server.url("/final.html"));
    expect(added.source.fetchedUrl).toBe(server.url("/final.html"));
  });

  it("refuses a redirect to an address that is not a URL at all, saying so", async () => {
    server.routes.set("/bad-location", (_req, res) => {
      res.writeHead(302, { location: "http://[bad" });
      res.end();
    });
    const error = await expectRefused({ kind: "url", url: server.url("/bad-location") }, /転送先/u);
    expect(error.message).toContain("http://[bad");
  });

  it.each([
    ["http://10.0.0.1/", "a private address"],
    ["http://169.254.169.254/latest/meta-data/", "the cloud metadata service"],
    ["http://[::1]/", "IPv6 loopback"],
    ["http://[fd00::1]/", "IPv6 unique local"],
  ])("refuses a redirect to %s (%s) without connecting to it", async (target) => {
    server.routes.set("/to-private", (_req, res) => {
      res.writeHead(301, { location: target });
      res.end();
    });
    await expectRefused({ kind: "url", url: server.url("/to-private") }, /公開されていないアドレス/u);
  });

  it.each([
    ["http://2130706433/", "127.0.0.1 written as one decimal number"],
    ["http://0x7f.1/", "127.0.0.1 in hexadecimal and short form"],
    ["http://[::ffff:7f00:1]/", "127.0.0.1 as IPv4-mapped IPv6"],
    ["http://0.0.0.0/", "the unspecified address, which reaches the local host"],
  ])("sees %s as the loopback address it is (%s)", async (url) => {
    await expectRefused({ kind: "url", url }, /公開されていないアドレス/u, { policy: { allow: [] } });
  });

  it("refuses loopback itself unless the allow list names it", async () => {
    publish("/allowed.html", { ...RAILWAY_PAGE, title: "許可リストの確認" }, "utf-8");
    const hits = server.hits.get("/allowed.html") ?? 0;
    await expectRefused({ kind: "url", url: server.url("/allowed.html") }, /公開されていないアドレス/u, {
      policy: { allow: [] },
    });
    // refused before any connection
    expect(server.hits.get("/allowed.html") ?? 0).toBe(hits);
  });

  it("checks the addresses a name resolves to, so DNS cannot point it at a private address", async () => {
    publish(
      "/named.html",
      {
        ...RAILWAY_PAGE,
        title: "名前で取得した記事",
        paragraphs: ["名前解決の確認のための段落です。", ...RAILWAY_PAGE.paragraphs],
      },
      "utf-8",
    );
    const hits = server.hits.get("/named.html") ?? 0;
    // a name resolving to loopback only: refused when loopback is not allowed
    const rebinding = async () => [{ address: "127.0.0.1", family: 4 }];
    await expectRefused(
      { kind: "url", url: `http://news.test:${server.port}/named.html` },
      /公開されていないアドレス/u,
      {
        policy: { allow: [] },
        resolve: rebinding,
      },
    );
    expect(server.hits.get("/named.html") ?? 0).toBe(hits);
    // a name resolving to a refused address and an allowed one: only the allowed one is used
    const added = await addArticle(
      engine,
      { kind: "url", url: `http://news.test:${server.port}/named.html` },
      options({
        policy: { allow: ["127.0.0.1/32"] },
        resolve: async () => [
          { address: "127.0.0.2", family: 4 },
          { address: "127.0.0.1", family: 4 },
        ],
      }),
    );
    expect(added.article.title).toBe("名前で取得した記事");
  });

  it("cuts an endless body at the size cap", async () => {
    let written = 0;
    server.routes.set("/endless", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const chunk = Buffer.from(`<p>${"終わらない本文。".repeat(400)}</p>\n`);
      const pump = () => {
        // bounded: stops by itself after 64 MB even if nobody closes the connection
        while (!res.destroyed && written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => {
        written = Number.POSITIVE_INFINITY;
      });
      pump();
    });
    await expectRefused({ kind: "url", url: server.url("/endless") }, /大きすぎます/u);
  });

  it("refuses a page whose Content-Length is over the cap without reading it", async () => {
    server.routes.set("/huge", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(MAX_BYTES * 10) });
      res.write("<html>");
      setTimeout(() => res.destroy(), 200);
    });
    await expectRefused({ kind: "url", url: server.url("/huge") }, /大きすぎます（上限 256 KB）/u);
  });

  it("gives up on a server that does not answer in time", async () => {
    server.routes.set("/slow", (_req, res) => {
      const timer = setTimeout(() => res.end("<html></html>"), 10_000);
      res.on("close", () => clearTimeout(timer));
    });
    await expectRefused({ kind: "url", url: server.url("/slow") }, /時間内/u, { timeoutMs: 300 });
    server.routes.set("/trickle", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write("<html><body><p>少しずつ");
      const timer = setInterval(() => res.write("。"), 50);
      res.on("close", () => clearInterval(timer));
      setTimeout(() => {
        clearInterval(timer);
        res.end();
      }, 10_000);
    });
    await expectRefused({ kind: "url", url: server.url("/trickle") }, /時間内/u, { timeoutMs: 300 });
  });

  it.each([
    ["another protocol on the port", "SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n"],
    [
      "a control character in a header",
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Note: a\u0001b\r\n\r\n<p>本文</p>",
    ],
    [
      "a broken chunked body",
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n<p>",
    ],
  ])("says the site is at fault when it answers with %s, not HTTP", async (_what, answer) => {
    // A raw TCP server: node:http cannot be made to write what is not HTTP.
    const raw = createTcpServer((socket) => {
      socket.on("error", () => {});
      socket.once("data", () => socket.end(answer));
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = raw.address() as AddressInfo;
      const error = await expectRefused(
        { kind: "url", url: `http://127.0.0.1:${port}/article.html` },
        /^サイトの応答が HTTP の形式になっていないため、読み取れませんでした（サイト側の問題です）。/u,
      );
      expect(error.detail).toContain("HTTPParserError");
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });

  it("says a host name too long to look up is wrong, naming it shortened", async () => {
    const host = `${"a".repeat(1990)}.example`;
    const error = await expectRefused(
      { kind: "url", url: `http://${host}/news/1.html` },
      /^URL のホスト名（a{40}…）が長すぎるか正しい形ではないため、サイトを探せませんでした。URL のつづりを確かめてください。$/u,
    );
    expect(error.detail).toContain("EINVAL");
  });

  it.each([
    ["/missing", "a 404", /見つかりませんでした（HTTP 404）/u],
    ["/broken", "a 500", /エラーを返しました（HTTP 500）/u],
    ["/doc.pdf", "a PDF", /HTML のページではありません（application\/pdf）/u],
    ["/image.png", "an image", /HTML のページではありません（image\/png）/u],
    ["/unlabelled.pdf", "a PDF sent without a content type", /HTML のページではありません（application\/pdf）/u],
    ["/empty.html", "a page without text", /本文/u],
    ["/photo.txt", "an image labelled text/plain", /文字として読めません（text\/plain とされていますが/u],
  ])("refuses %s (%s) with a clear message", async (route, _what, message) => {
    server.routes.set("/photo.txt", serve(pngBytes(), "text/plain"));
    server.routes.set("/broken", serve("<html><body>error</body></html>", "text/html", 500));
    server.routes.set("/doc.pdf", serve("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", "application/pdf"));
    server.routes.set("/image.png", serve(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "image/png"));
    server.routes.set("/unlabelled.pdf", (_req, res) => {
      res.writeHead(200);
      res.end("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n");
    });
    server.routes.set("/empty.html", serve("<html><head><title>空</title></head><body></body></html>", "text/html"));
    await expectRefused({ kind: "url", url: server.url(route) }, message);
  });

  it.each([
    ["ftp://example.jp/a.html", /ftp の URL は取り込めません/u],
    ["file:///etc/passwd", /file の URL は取り込めません/u],
    ["javascript:alert(1)", /javascript の URL は取り込めません/u],
    ["not a url", /URL を解釈できませんでした/u],
    ["http://user:secret@example.jp/", /パスワード/u],
  ])("refuses %s before any request", async (url, message) => {
    await expectRefused({ kind: "url", url }, message);
  });

  it("accepts plain text and reads it with the plain-text importer", async () => {
    const text = [
      "秋祭りの日程が決まる",
      "",
      "町内会は今年の秋祭りを10月12日に開くと決めた。",
      "雨天の場合は翌日に延期する。",
    ].join("\n");
    server.routes.set("/notice.txt", serve(encode(text, "shift_jis"), "text/plain; charset=Shift_JIS"));
    const added = await addArticle(engine, { kind: "url", url: server.url("/notice.txt") }, options());
    expect(added.article.title).toBe("秋祭りの日程が決まる");
    expect(added.article.body).toBe("町内会は今年の秋祭りを10月12日に開くと決めた。\n\n雨天の場合は翌日に延期する。");
    expect(added.article.url).toBe(server.url("/notice.txt"));
  });

  it.each([
    ["/guide", "text/markdown; charset=utf-8"],
    ["/guide-raw.md", "text/plain; charset=utf-8"],
  ])("reads %s served as %s as Markdown", async (route, type) => {
    const md = [
      `# 避難所の案内（${route}）`,
      "",
      "大雨のときは**市民体育館**と",
      "[中央公民館](https://city.example.jp/kouminkan)が避難所になる。",
      "",
      "## 持ち物",
      "",
      "- 飲み水と常備薬",
      `- 懐中電灯（${route}）`,
    ].join("\n");
    server.routes.set(route, serve(md, type));
    const added = await addArticle(engine, { kind: "url", url: server.url(route) }, options());
    expect(added.article).toMatchObject({ title: `避難所の案内（${route}）`, sourceFormat: "markdown" });
    expect(added.article.body).toBe(
      `大雨のときは市民体育館と中央公民館が避難所になる。\n\n## 持ち物\n\n飲み水と常備薬\n\n懐中電灯（${route}）`,
    );
  });

  it("stores two concurrent adds of one page once", async () => {
    publish(
      "/race.html",
      {
        ...RAILWAY_PAGE,
        title: "同時に追加された記事",
        paragraphs: ["同時追加の確認のための段落です。", ...RAILWAY_PAGE.paragraphs],
      },
      "utf-8",
    );
    const results = await Promise.allSettled([
      addArticle(engine, { kind: "url", url: server.url("/race.html") }, options()),
      addArticle(engine, { kind: "url", url: server.url("/race.html") }, options()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateArticleError);
    expect(engine.list().filter((a) => a.title === "同時に追加された記事")).toHaveLength(1);
  });
});

describe("adding an article from a file or pasted text", () => {
  it("gives the event loop back between reading the source and making the article", async () => {
    // each step is synchronous and linear in the source (a 5 MB text file: 0.45 s, 1.1 s, then 0.75 s to cut
    // its passages): done back to back, they held every member's interaction 2.3 s. The article is made
    // (createArticle) when the adder's name is read.
    const order: string[] = [];
    const adding = addArticle(
      engine,
      { kind: "text", title: "行列のできる店", text: "駅前のパン屋には毎朝行列ができます。" },
      {
        ...options(),
        get addedBy() {
          order.push("made");
          return "moderator-1";
        },
      },
    );
    // an interaction read by the event loop as soon as it turns
    setImmediate(() => order.push("interaction"));
    const { article } = await adding;
    expect(order).toEqual(["interaction", "made"]);
    expect(engine.article(article.id)?.addedBy).toBe("moderator-1");
    await engine.remove(article.id);
  });

  it.each([
    ["page.html", "shift_jis"],
    ["page.htm", "euc-jp"],
  ] as const)("reads an uploaded %s in %s", async (name, charset) => {
    const page = {
      ...LIBRARY_PAGE,
      title: `アップロードされた記事 ${name}`,
      paragraphs: [`${name} の段落です。`, ...LIBRARY_PAGE.paragraphs],
    };
    const bytes = encode(pageHtml(page, { charsetMeta: charset }), charset);
    const added = await addArticle(
      engine,
      { kind: "file", name, bytes, url: `https://news.example.jp/${name}` },
      options(),
    );
    expect(added.article.title).toBe(page.title);
    expect(added.article.url).toBe(`https://news.example.jp/${name}`);
    expect(added.article.body).toContain(`${name} の段落です。`);
  });

  it.each([
    ["empty.txt", [], "ファイルが空です（0 バイト）。"],
    ["empty.html", [], "ファイルが空です（0 バイト）。"],
    ["bom.md", [0xef, 0xbb, 0xbf], "ファイルに見える文字がありません（空白や改行だけです）。"],
    ["blank.txt", [...Buffer.from(" \n\t\u3000\r\n")], "ファイルに見える文字がありません（空白や改行だけです）。"],
    ["blank.htm", [...Buffer.from("\n\n")], "ファイルに見える文字がありません（空白や改行だけです）。"],
  ])("says that %s is empty, not that it lacks a heading, and stores nothing", async (name, bytes, said) => {
    const before = engine.stats.articles;
    const refused = await addArticle(
      engine,
      { kind: "file", name, bytes: Uint8Array.from(bytes), title: "題を付けても" },
      options(),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserFacingError);
    // before, 「ファイルに見出し（タイトル）が見つかりませんでした。1 行目に見出しを書いた…」 (or, with a title,
    // 「本文が見つかりませんでした」; an HTML file: 「ページから本文を取り出せませんでした」)
    expect((refused as UserFacingError).message).toBe(`${said}記事の本文を書いたファイルを指定してください。`);
    expect(engine.stats.articles).toBe(before);
  });

  it.each([
    ["pasted text", { kind: "text", text: "社内報の本文です。これは本文です。", title: "社内報" }],
    ["a file", { kind: "file", name: "intra.txt", bytes: encode("社内報\n\nファイルの本文です。", "utf-8") }],
  ] as const)("refuses %s whose URL holds a user name and password, without showing them", async (_, source) => {
    const before = engine.stats.articles;
    const url = "https://shiori:hunter2-secret@intra.example.jp/news/1";
    const refused = await addArticle(engine, { ...source, url }, options()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserFacingError);
    const { message, detail } = refused as UserFacingError;
    expect(message).toMatch(/^出典の URL にユーザー名やパスワード（@ の前の部分）が含まれています。/u);
    expect(`${message}${detail}`).not.toContain("hunter2");
    expect(engine.stats.articles).toBe(before);
    // a path with an @ in it holds no credentials
    const added = await addArticle(
      engine,
      { ...source, url: `https://note.example.jp/@shiori/n/${source.kind}` },
      options(),
    );
    expect(added.article.url).toBe(`https://note.example.jp/@shiori/n/${source.kind}`);
  });

  it("neither shows nor logs the password of a URL that does not parse", async () => {
    // a space in the host, a port out of range: no URL, so no check of its credentials either; the
    // refusal's detail, logged, and its message quoted it whole
    for (const url of [
      "https://shiori:hunter2-secret@intra example.jp/news/1",
      "http://shiori:hunter2-secret@intra.example.jp:99999/",
      // a URL parser reads a web address's credentials without its slashes too
      "https:shiori:hunter2-secret@intra example.jp/news/1",
      "http:/shiori:hunter2-secret@intra.example.jp:99999/",
      "https:/\\shiori:hunter2-secret@intra example.jp/news/1",
    ]) {
      const asSource = await addArticle(
        engine,
        { kind: "text", text: "社内報の本文です。", title: "社内報", url },
        options(),
      ).catch((e: unknown) => e);
      const fetched = await addArticle(engine, { kind: "url", url }, options()).catch((e: unknown) => e);
      for (const refused of [asSource, fetched]) {
        expect(refused).toBeInstanceOf(UserFacingError);
        const { message, detail } = refused as UserFacingError;
        expect(`${message}${detail}`).not.toContain("hunter2");
      }
      // the rest is shown, so that the moderator sees which URL it was
      expect((asSource as UserFacingError).message).toMatch(/https?:[/\\]{0,2}\*\*\*@intra/u);
    }
    let missing: UserFacingError | undefined;
    try {
      engine.summary("https://shiori:hunter2-secret@intra example.jp/x");
    } catch (e) {
      missing = e as UserFacingError;
    }
    expect(missing).toBeInstanceOf(UserFacingError);
    expect(missing?.detail).not.toContain("hunter2");
  });

  it("reads a UTF-16LE text file saved without a byte order mark", async () => {
    const text = "公園の桜が満開に\n\n市内の公園で桜が満開になり、多くの花見客が訪れた。\n見頃は今週末までの見込み。\n";
    const added = await addArticle(engine, { kind: "file", name: "sakura.txt", bytes: utf16(text, "le") }, options());
    expect(added.article.title).toBe("公園の桜が満開に");
    expect(added.article.body).toBe("市内の公園で桜が満開になり、多くの花見客が訪れた。\n\n見頃は今週末までの見込み。");
    expect(added.source.decoding?.charset).toBe("utf-16le");
  });

  it("reads a Markdown file and a livedoor-shaped text file", async () => {
    const md =
      "# 商店街にアーケード完成\n\n駅前商店街のアーケードが完成し、\n記念式典が開かれた。\n\n## 今後\n\n夏には夜市も開く。\n";
    const a = await addArticle(engine, { kind: "file", name: "shop.md", bytes: encode(md, "utf-8") }, options());
    expect(a.article.title).toBe("商店街にアーケード完成");
    expect(a.article.sourceFormat).toBe("markdown");
    expect(a.article.body).toBe(
      "駅前商店街のアーケードが完成し、記念式典が開かれた。\n\n## 今後\n\n夏には夜市も開く。",
    );

    const livedoor =
      "http://news.livedoor.com/article/detail/0000001/\n2012-09-04T15:22:00+0900\n新しい公園が開園\n市の新しい公園が4日、開園した。\n広さは約2ヘクタール。\n";
    const b = await addArticle(engine, { kind: "file", name: "park.txt", bytes: encode(livedoor, "utf-8") }, options());
    expect(b.article).toMatchObject({
      title: "新しい公園が開園",
      url: "http://news.livedoor.com/article/detail/0000001/",
      sourceFormat: "livedoor",
    });
  });

  it("stores no control characters that a page writes as &#27; or &#7; (HTML file and pasted text)", async () => {
    const html = pageHtml({
      ...RAILWAY_PAGE,
      title: "制御文字&#27;[2Jの&#7;ある&#x202E;見出し",
      paragraphs: ["本文に&#27;[31m制御文字&#7;がある。", ...RAILWAY_PAGE.paragraphs],
    });
    const a = await addArticle(engine, { kind: "file", name: "control.html", bytes: encode(html, "utf-8") }, options());
    const b = await addArticle(
      engine,
      {
        kind: "text",
        text: "貼り付けた\u001b[1m本文\u0007です。\n二段落目\u202eです。",
        title: "貼り付け\u0007た記事",
      },
      options(),
    );
    for (const article of [a.article, b.article]) {
      const file = await readFile(path.join(dir, `${article.id}.md`), "utf8");
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
      expect(file).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    }
    expect(a.article.title).toBe("制御文字[2Jのある見出し");
    expect(a.article.body).toContain("本文に[31m制御文字がある。");
    expect(b.article.title).toBe("貼り付けた記事");
  });

  it("stores no lone surrogate nor paragraph of zero-width spaces", async () => {
    const added = await addArticle(
      engine,
      {
        kind: "text",
        text: "半分の\ud800文字がある本文です。\n\u200b\u200b\n二段落目です。",
        title: "半分の文字\udc00の題",
      },
      options(),
    );
    expect(added.article.title).toBe("半分の文字の題");
    expect(added.article.body).toBe("半分の\ufffd文字がある本文です。\n\n二段落目です。");
  });

  it("keeps the prose after a ## リンク heading of a Markdown file", async () => {
    const md =
      "# 公民館の講座案内\n\n秋の講座の受講者を募集します。\n\n## リンク\n\n申し込みは[公民館のページ](https://town.example.jp/kouza)から。\n\n定員は各講座20人で、先着順です。\n";
    const a = await addArticle(engine, { kind: "file", name: "kouza.md", bytes: encode(md, "utf-8") }, options());
    expect(a.article.body).toBe(
      "秋の講座の受講者を募集します。\n\n## リンク\n\n申し込みは公民館のページから。\n\n定員は各講座20人で、先着順です。",
    );
  });

  it("stores pasted text with the moderator's title and URL, and refuses the same text again", async () => {
    const text = "図書室の蔵書点検のため、来週は休室します。\n再開は再来週の月曜日です。";
    const added = await addArticle(
      engine,
      { kind: "text", text, title: "図書室の休室のお知らせ", url: "https://school.example.jp/news/12" },
      options(),
    );
    expect(added.article).toMatchObject({ title: "図書室の休室のお知らせ", url: "https://school.example.jp/news/12" });
    // the same text under another title and address is still a duplicate
    await expectRefused(
      { kind: "text", text: `  ${text}\n`, title: "別の題", url: "https://other.example.jp/x" },
      /同じ本文/u,
    );
  });

  it.each([
    ["なし", "a word where the URL goes"],
    ["javascript:alert(1)", "a script"],
    ["example.jp/news/1", "an address without its scheme"],
    ["ftp://example.jp/news/1", "another scheme"],
  ])("refuses %s (%s) as the source URL of pasted text or a file, storing nothing", async (url) => {
    const text = "町の図書館は、来月から日曜日も開館します。\n開館時間は午前10時から午後5時までです。";
    for (const source of [
      { kind: "text", text, title: "図書館の日曜開館", url },
      { kind: "file", name: "toshokan.txt", bytes: encode(`図書館の日曜開館\n\n${text}`, "utf-8"), url },
      {
        kind: "file",
        name: "toshokan.html",
        bytes: encode(pageHtml({ ...LIBRARY_PAGE, title: "図書館の日曜開館", paragraphs: [text] }), "utf-8"),
        url,
      },
    ] as const) {
      const error = await expectRefused(source, /出典の URL（.+）は、ウェブページの URL として読めません/u);
      expect(error.message).toContain(url);
      expect(error.message).toContain("URL なしで追加してください");
    }
  });

  it.each([
    ["  https://example.jp/news/kaikan  ", "https://example.jp/news/kaikan"],
    ["http:example.jp/news/kaikan", "http:example.jp/news/kaikan"],
  ])("keeps the URL it accepted for an HTML file as for a text file: %s", async (given, stored) => {
    const text = "町の図書館は、来月から日曜日も開館します。\n開館時間は午前10時から午後5時までです。";
    const html = pageHtml({ ...LIBRARY_PAGE, title: "図書館の日曜開館", paragraphs: [text] });
    const source = { kind: "file", name: "kaikan.html", bytes: encode(html, "utf-8"), url: given } as const;
    const added = await addArticle(engine, source, options());
    expect(added.article.url).toBe(stored);
    await engine.remove(added.article.id);
  });

  it("tells to remove and re-add, not to refetch, an article stored earlier with no URL to fetch (「なし」)", async () => {
    const text = "集会所の鍵の受け取り方\n\n集会所の鍵は、前日までに管理人室で受け取ってください。\n";
    // stored before URLs were checked: 「なし」 where the URL goes
    const old = { ...createArticle(importPlainText(text), { by: "test", at: new Date(0) }), url: "なし" };
    await engine.put(old);
    const source = { kind: "file", name: "kagi.txt", bytes: encode(text, "utf-8") } as const;
    const error = await expectRefused(source, /同じ本文の記事は二重に登録しません/u);
    expect(error.message).toContain(`shiori remove ${old.id}`);
    expect(error.message).not.toContain("refetch");
    await engine.remove(old.id);
  });

  it("refuses the same file attached twice as the same text, not as the same URL (it has none)", async () => {
    const text = "公民館の貸し出し時間が変わる\n\n来月から、公民館の部屋の貸し出しは午後9時までになります。\n";
    const source = { kind: "file", name: "kouminkan.txt", bytes: encode(text, "utf-8") } as const;
    const added = await addArticle(engine, source, options());
    const error = await expectRefused(source, /同じ本文の記事は二重に登録しません/u);
    expect(error.message).toContain(added.article.id);
    expect(error.message).not.toMatch(/URL/u);
    // nor can it be fetched again: the way to renew it is to remove it and add it again
    expect(error.message).toContain(`/article remove（CLI では shiori remove ${added.article.id}）`);
  });

  it.each([
    [
      { kind: "file", name: "slides.pdf", bytes: encode("%PDF-1.4", "utf-8") },
      /このファイル形式（\.pdf）は取り込めません/u,
    ],
    [
      { kind: "file", name: "big.txt", bytes: new Uint8Array(MAX_BYTES + 1).fill(0x41) },
      /大きすぎて取り込めません（257 KB、上限 256 KB）/u,
    ],
    [{ kind: "file", name: "photo.txt", bytes: pngBytes() }, /このファイルは文字として読めません/u],
    [{ kind: "file", name: "photo.html", bytes: pngBytes() }, /このファイルは文字として読めません/u],
    [{ kind: "text", text: "本文だけで、見出しになる行がない。これは一行の文です。" }, /見出し/u],
    [{ kind: "text", text: "   \n  ", title: "空" }, /本文/u],
    [{ kind: "text", text: "\u200b\u200b\u200b", title: "ゼロ幅スペースだけの本文" }, /本文が見つかりませんでした/u],
    [
      { kind: "text", text: "\u2060\n\u3164\ufeff\n\u200d", title: "見えない文字だけの本文" },
      /本文が見つかりませんでした/u,
    ],
    // a title given that shows nothing is said to be one, not taken for a missing headline
    [
      { kind: "text", text: "見えない題の記事の本文です。", title: "\u200b\u200b" },
      /タイトルは空白か見えない文字だけです/u,
    ],
    [{ kind: "text", text: "壊れた題の記事の本文です。", title: "\ud800" }, /タイトルは空白か見えない文字だけです/u],
    [{ kind: "text", text: "空白の題の記事の本文です。", title: "\u3000" }, /タイトルは空白か見えない文字だけです/u],
    // combining marks with no letter to sit on
    [
      { kind: "text", text: "記号の題の記事の本文です。", title: "\u0301\u0301\u3099" },
      /タイトルは空白か見えない文字だけです/u,
    ],
    [{ kind: "text", text: "見出しだけ\n" }, /本文が見つかりませんでした（見出し「見出しだけ」だけのテキストです）/u],
  ] as const)("refuses %#", async (source, message) => {
    await expectRefused(source as ArticleSource, message);
  });
});

describe("refetch and remove", () => {
  it("replaces an article whose source changed and says what changed; leaves an unchanged one alone", async () => {
    let page: TestPage = {
      ...RAILWAY_PAGE,
      title: "取り直す記事 第1版",
      paragraphs: ["取り直しの確認のための段落です。", ...RAILWAY_PAGE.paragraphs],
    };
    server.routes.set("/changing.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(pageHtml(page));
    });
    const added = await addArticle(engine, { kind: "url", url: server.url("/changing.html") }, options());

    const unchanged = await refetchArticle(engine, added.article.id, options());
    expect(unchanged.changed).toBe(false);

    page = { ...page, title: "取り直す記事 第2版", paragraphs: [...page.paragraphs, "第2版で足された段落です。"] };
    const before = await readFile(path.join(dir, `${added.article.id}.md`), "utf8");
    const result = await refetchArticle(engine, added.article.id, options());
    expect(result.changed).toBe(true);
    expect(result.title).toEqual({ before: "取り直す記事 第1版", after: "取り直す記事 第2版" });
    expect(result.characters.after).toBe(result.characters.before + "第2版で足された段落です。".length);
    // same id, same first addition; new text searchable, file replaced
    expect(result.article.id).toBe(added.article.id);
    expect(result.article.addedAt).toBe(added.article.addedAt);
    expect(engine.article(added.article.id)?.title).toBe("取り直す記事 第2版");
    expect(engine.search("第2版で足された段落").hits[0]?.articleId).toBe(added.article.id);
    expect(await readFile(path.join(dir, `${added.article.id}.md`), "utf8")).not.toBe(before);

    // a source gone missing is refused and the stored article stays
    server.routes.delete("/changing.html");
    const snapshotBefore = await snapshot();
    await expect(refetchArticle(engine, added.article.id, options())).rejects.toThrow(/HTTP 404/u);
    expect(await snapshot()).toEqual(snapshotBefore);
  });

  it.each([
    ["changed", true],
    ["unchanged", false],
  ])("does not bring back an article removed while its page was being fetched (%s page)", async (name, changes) => {
    const route = `/removed-meanwhile-${name}.html`;
    let title = `取り直しの途中で消される記事（${name}）`;
    let removeOnRequest: string | null = null;
    server.routes.set(route, (_req, res) => {
      const respond = () => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(pageHtml({ ...LIBRARY_PAGE, title, paragraphs: [`${name} の段落。`, ...LIBRARY_PAGE.paragraphs] }));
      };
      // A moderator's /article remove lands while the refetch waits for the page.
      if (removeOnRequest) void engine.remove(removeOnRequest).then(respond);
      else respond();
    });
    const added = await addArticle(engine, { kind: "url", url: server.url(route) }, options());
    if (changes) title += " 第2版";
    removeOnRequest = added.article.id;
    const error = await refetchArticle(engine, added.article.id, options()).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(/削除されました/u);
    expect((error as Error).message).toContain(added.article.id);
    expect(engine.article(added.article.id)).toBeUndefined();
    expect(await readdir(dir)).not.toContain(`${added.article.id}.md`);
  });

  it("refuses a refetch that would make an article the same as another, and changes nothing", async () => {
    const other = {
      ...RAILWAY_PAGE,
      title: "もう一つの記事",
      paragraphs: ["もう一つの記事の段落です。", ...RAILWAY_PAGE.paragraphs],
    };
    let page: TestPage = { ...LIBRARY_PAGE, title: "取り直すと重なる記事", paragraphs: ["重なる前の段落です。"] };
    server.routes.set("/other.html", serve(pageHtml(other), "text/html; charset=utf-8"));
    server.routes.set("/p.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(pageHtml(page));
    });
    const p = await addArticle(engine, { kind: "url", url: server.url("/p.html") }, options());
    const o = await addArticle(engine, { kind: "url", url: server.url("/other.html") }, options());
    // /p now serves the page /other serves
    page = other;
    const before = await snapshot();
    const error = await refetchArticle(engine, p.article.id, options()).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(DuplicateArticleError);
    const message = (error as DuplicateArticleError).message;
    // both named by their titles, as a moderator picks them, with their IDs for the CLI
    expect(message).toBe(
      `記事「取り直すと重なる記事」（ID: ${p.article.id}）を取り直した内容は、登録済みの記事「もう一つの記事」（ID: ${o.article.id}）と同じ本文の記事になるため、更新しませんでした。取り直した記事は前の内容のまま残しています。取得元のページが登録済みの記事と同じものになったのなら、取り直した記事は /article remove（CLI では shiori remove ${p.article.id}）で削除できます。`,
    );
    expect(await snapshot()).toEqual(before);
    expect(engine.article(p.article.id)?.title).toBe("取り直すと重なる記事");
  });

  it("says what a moderator can do about a page or a file without a title, where it came from", async () => {
    const body = "<p>見出しのないページの本文です。十分な長さの段落にしておきます。</p>".repeat(3);
    server.routes.set("/untitled.html", serve(`<html><body><main>${body}</main></body></html>`, "text/html"));
    const byUrl = await expectRefused(
      { kind: "url", url: server.url("/untitled.html") },
      /見出し（タイトル）が見つかりませんでした/u,
    );
    expect(byUrl.message).toContain("/article add を url も file も付けずに使い、本文を貼り付けてタイトルを付けて");
    expect(byUrl.message).toContain("CLI では --title");
    const html = await expectRefused(
      { kind: "file", name: "untitled.html", bytes: encode(`<html><body><main>${body}</main></body></html>`, "utf-8") },
      /ファイルに見出し（タイトル）が見つかりませんでした。<title> か <h1> を書き足したファイルにするか/u,
    );
    expect(html.message).toContain("/article add を url も file も付けずに");
    await expectRefused(
      {
        kind: "file",
        name: "untitled.txt",
        bytes: encode("本文だけで、見出しになる行がない。これは一行の文です。", "utf-8"),
      },
      /ファイルに見出し（タイトル）が見つかりませんでした。1 行目に見出しを書いたファイルにするか/u,
    );
    await expectRefused(
      { kind: "text", text: "本文だけで、見出しになる行がない。これは一行の文です。" },
      /1 行目に見出しを書くか、タイトルを指定してください（CLI では --title）/u,
    );
  });

  it("says why a refetch failed and what can be done, not to check a URL nobody gave", async () => {
    let status = 200;
    let html = pageHtml({
      ...RAILWAY_PAGE,
      title: "取り直しに失敗する記事",
      paragraphs: ["取り直しの失敗を確かめるための段落です。", ...RAILWAY_PAGE.paragraphs],
    });
    server.routes.set("/failing.html", (_req, res) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    });
    const added = await addArticle(engine, { kind: "url", url: server.url("/failing.html") }, options());
    const id = added.article.id;
    const refetchRefusal = async () => {
      const before = await snapshot();
      const error = await refetchArticle(engine, id, options()).then(
        () => null,
        (err: unknown) => err as UserFacingError,
      );
      expect(error).toBeInstanceOf(UserFacingError);
      expect(await snapshot()).toEqual(before);
      const message = (error as UserFacingError).message;
      // named by its title, as a moderator knows it, with its id for the CLI
      expect(message).toMatch(new RegExp(`^記事「[^」]+」（ID: ${id}）を取り直せませんでした。`, "u"));
      expect(message).toContain("記事は前の内容のまま残しています。時間をおいてもう一度取り直すか");
      expect(message).not.toMatch(/URL (が正しいか|のつづりを)確かめて|URL を指定して|タイトルを指定して/u);
      return message;
    };
    status = 404;
    expect(await refetchRefusal()).toContain("ページが見つかりませんでした（HTTP 404）。");
    status = 200;
    html = `<html><body><main>${"<p>見出しのなくなったページの本文です。十分な長さにしておきます。</p>".repeat(3)}</main></body></html>`;
    expect(await refetchRefusal()).toContain("取り直したページに見出し（タイトル）が見つかりませんでした。");
    html = "<html><head><title>本文のないページ</title></head><body></body></html>";
    expect(await refetchRefusal()).toContain("ページから本文を取り出せませんでした。");
    expect(engine.article(id)?.title).toBe("取り直しに失敗する記事");
  });

  it("refuses to refetch an article stored with 「なし」 for its URL, saying what to do instead", async () => {
    const draft = importPlainText("URL の欄に「なし」と書かれた記事\n前の版で保存された本文です。", {});
    const stored = { ...createArticle(draft, { by: "test", at: new Date() }), url: "なし" };
    await engine.put(stored);
    const error = await refetchArticle(engine, stored.id, options()).then(
      () => null,
      (err: unknown) => err as UserFacingError,
    );
    expect(error?.message).toBe(
      `この記事の出典（なし）は取得できる URL ではないため、取り直せません。新しい内容は /article add で追加し直してください。前の記事は /article remove で削除できます（CLI では shiori add、shiori remove ${stored.id}）。`,
    );
  });

  it("names Discord's commands as the caller writes them, and the command line's after them as typed", async () => {
    // the bot writes mentions; any way of writing will do here, as long as it is the caller's
    const commandRef = (name: string, sub?: string) => `<${name}${sub ? `:${sub}` : ""}>`;
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => "",
        (err: unknown) => (err as UserFacingError).message,
      );
    const text = "呼び方の確かめ\n\nコマンドの呼び方を確かめるための本文です。\n";
    const source = { kind: "file", name: "yobikata.txt", bytes: encode(text, "utf-8") } as const;
    const added = await addArticle(engine, source, options());
    const duplicate = await refusal(addArticle(engine, source, { ...options(), commandRef }));
    expect(duplicate).toContain(`<article:remove>（CLI では shiori remove ${added.article.id}）で削除してから`);
    server.routes.set(
      "/no-title.html",
      serve(`<html><body><main>${"<p>見出しのない本文。</p>".repeat(9)}</main></body></html>`, "text/html"),
    );
    const noTitle = await refusal(
      addArticle(engine, { kind: "url", url: server.url("/no-title.html") }, { ...options(), commandRef }),
    );
    expect(noTitle).toContain("<article:add> を url も file も付けずに使い");
    expect(noTitle).toContain("（CLI では --title でタイトルを指定できます）");
    const notFound = await refusal(refetchArticle(engine, "000000000000", { ...options(), commandRef }));
    expect(notFound).toContain("記事の一覧（<article:list>、CLI では shiori list）");
    const noUrl = await refusal(refetchArticle(engine, added.article.id, { ...options(), commandRef }));
    expect(noUrl).toContain(
      `<article:add> で追加し直してください。前の記事は <article:remove> で削除できます（CLI では shiori add、shiori remove ${added.article.id}）。`,
    );
    // no Discord command is written any other way
    for (const message of [duplicate, noTitle, notFound, noUrl]) expect(message).not.toMatch(/\/[a-z]/u);
    await engine.remove(added.article.id);
  });

  it("refuses to refetch an unknown id or an article without a URL", async () => {
    await expect(refetchArticle(engine, "000000000000", options())).rejects.toThrow(/見つかりませんでした/u);
    const added = await addArticle(
      engine,
      { kind: "text", text: "URL のない記事の本文です。", title: "URL のない記事" },
      options(),
    );
    await expect(refetchArticle(engine, added.article.id, options())).rejects.toThrow(/URL がない/u);
  });

  it("remove deletes the file and the index entries, and touches nothing else", async () => {
    const added = await addArticle(
      engine,
      { kind: "text", text: "消される予定の記事の本文。ユニークな単語はペンギン饅頭。", title: "消される記事" },
      options(),
    );
    expect(engine.search("ペンギン饅頭").hits[0]?.articleId).toBe(added.article.id);
    const before = await snapshot();
    expect(await engine.remove(added.article.id)).toBe(true);
    const after = await snapshot();
    const file = `${added.article.id}.md`;
    const isIndex = (name: string) => name.startsWith(`.index${path.sep}`);
    expect(before[file]).toBeDefined();
    expect(after[file]).toBeUndefined();
    // every other article file is untouched, and the saved index changed
    const others = Object.keys(before).filter((name) => name !== file && !isIndex(name));
    for (const name of others) expect(after[name]).toBe(before[name]);
    expect(Object.keys(after).filter((name) => !isIndex(name))).toHaveLength(others.length);
    expect(Object.keys(after).some((name) => isIndex(name) && after[name] !== before[name])).toBe(true);
    expect(engine.search("ペンギン饅頭").hits).toEqual([]);
    // and a restart agrees
    const reopened = await Engine.open({ corpusDir: dir });
    expect(reopened.stats.indexOrigin).toBe("loaded");
    expect(reopened.article(added.article.id)).toBeUndefined();
  });
});
