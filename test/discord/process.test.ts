import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../src/article/article.ts";
import { writeArticle } from "../../src/article/store.ts";
import { commandsJson } from "../../src/deploy-commands.ts";
import { Engine } from "../../src/engine.ts";
import { RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { FUJI } from "./corpus.ts";
import { FakeDiscord } from "./fake-discord.ts";

/**
 * `npm start` and `npm run deploy-commands` as an operator runs them: child processes configured by
 * environment variables only, talking to the stand-in for Discord.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gchild.child-process-token-never-to-be-printed";

let fake: FakeDiscord;
let workDir: string;
let corpusDir: string;
let page: Server;
let pageBase: string;
/** Holds the page's response until the test lets it go. */
let releasePage: () => void = () => {};
let pageRequested: Promise<void> = Promise.resolve();

interface Run {
  readonly child: ChildProcess;
  readonly out: string[];
  readonly err: string[];
  readonly exit: Promise<number | null>;
  /** Resolves with the first JSON log line whose event is `event`. */
  logged(event: string): Promise<Record<string, unknown>>;
}

/**
 * Runs a script of the repository with only the given environment, in a folder without .env: a
 * TypeScript source through tsx, or a bundle of `npm run build` (dist/*.js) with plain Node.
 */
function run(script: string, env: Record<string, string>): Run {
  const [command, args] = script.endsWith(".ts")
    ? [TSX, [path.join(ROOT, script)]]
    : [process.execPath, [path.join(ROOT, script)]];
  const child = spawn(command, args, {
    cwd: workDir,
    env: { PATH: process.env["PATH"] ?? "", HOME: workDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  const err: string[] = [];
  const listeners = new Set<() => void>();
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    out.push(...lines.filter(Boolean));
    for (const l of [...listeners]) l();
  });
  child.stderr?.on("data", (chunk: Buffer) => err.push(chunk.toString("utf8")));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const logged = (event: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        for (const line of out) {
          const entry = JSON.parse(line) as Record<string, unknown>;
          if (entry["event"] === event) {
            listeners.delete(check);
            resolve(entry);
            return;
          }
        }
      };
      listeners.add(check);
      check();
      void exit.then(() => {
        check();
        reject(new Error(`${script} exited before logging ${event}:\n${out.join("\n")}\n${err.join("")}`));
      });
    });
  return { child, out, err, exit, logged };
}

beforeAll(async () => {
  // `npm start` builds the bundles, then runs dist/bot.js; the bench bundles its probe the same way.
  execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
  execFileSync("npm", ["run", "-s", "build:bench"], { cwd: ROOT, stdio: "inherit" });
  fake = new FakeDiscord();
  await fake.start();
  workDir = await mkdtemp(path.join(os.tmpdir(), "shiori-process-test-"));
  corpusDir = path.join(workDir, "corpus");
  await writeArticle(corpusDir, createArticle(FUJI, { by: "test", at: new Date("2024-07-01T00:00:00Z") }));
  page = createServer((_req, res) => {
    releasePage = () => {
      releasePage = () => {};
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          "<html><head><title>抹茶の点て方</title></head><body><article><h1>抹茶の点て方</h1>" +
            "<p>抹茶を点てるときは、まず茶碗を湯で温めてから、茶杓で二杯ほどの抹茶を入れます。</p>" +
            "<p>湯を注いだら、茶筅を手首で前後に素早く動かし、細かい泡が立つまで混ぜます。</p></article></body></html>",
        );
    };
  });
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
  pageBase = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
});

afterAll(async () => {
  releasePage();
  await fake?.stop();
  page?.closeAllConnections();
  await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const discordEnv = () => ({
  DISCORD_TOKEN: TOKEN,
  DISCORD_CLIENT_ID: fake.appId,
  DISCORD_API_BASE: fake.apiBase,
});

/** A stand-in for Discord that knows another token than TOKEN (the one in .env was reset): it answers 401. */
async function withTokenReset<T>(work: (apiBase: string) => Promise<T>): Promise<T> {
  const strict = new FakeDiscord();
  strict.validToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gnew00.the-token-after-a-reset";
  await strict.start();
  try {
    return await work(strict.apiBase);
  } finally {
    await strict.stop();
  }
}

/** An API base where nothing listens: Discord unreachable. */
async function unreachableApiBase(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api`;
}

/** A failure as the operator must see it: exit status 1, one Japanese line on stderr, no stack, no token. */
async function expectOneJapaneseLine(failed: Run): Promise<string> {
  expect(await failed.exit).toBe(1);
  const stderr = failed.err.join("");
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toMatch(/[\p{sc=Hiragana}\p{sc=Katakana}]/u);
  expect(stderr).not.toMatch(/Error|\sat\s/u);
  expect(stderr + failed.out.join("\n")).not.toContain(TOKEN);
  return stderr;
}

describe("the bundles", () => {
  it("hold the analysis worker next to the entry points: a bundled engine indexes on worker threads", async () => {
    expect(existsSync(path.join(ROOT, "dist", "analyze-worker.js"))).toBe(true);
    // and the page reader's, which /article add runs below
    expect(existsSync(path.join(ROOT, "dist", "extract-worker.js"))).toBe(true);
    const dir = path.join(workDir, "pool-corpus");
    const at = new Date("2025-01-01T00:00:00Z");
    for (const draft of RANKING_ARTICLES.slice(0, 6)) await writeArticle(dir, createArticle(draft, { by: "test", at }));
    // The benchmark's probe, bundled: open the corpus on two threads, from one passage on.
    const output = execFileSync(
      process.execPath,
      [path.join(ROOT, "dist/bench/probe.js"), "open", dir, "-", "2", "1"],
      {
        encoding: "utf8",
      },
    );
    const opened = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
    expect(opened).toMatchObject({ indexOrigin: "built", articles: 6, poolWorkers: 2 });
    const engine = await Engine.open({ corpusDir: dir });
    expect(engine.stats.indexOrigin).toBe("loaded");
    expect(engine.ask("富士山の標高は？").keyPoints[0]?.text).toContain("3776メートル");
  });
});

describe("npm run deploy-commands", () => {
  it("registers the command list in the server named by DISCORD_GUILD_ID", async () => {
    const deploy = run("src/deploy-commands.ts", { ...discordEnv(), DISCORD_GUILD_ID: fake.guildId });
    const entry = await deploy.logged("commands.deployed");
    expect(entry).toMatchObject({ scope: "guild", count: commandsJson().length });
    expect(await deploy.exit).toBe(0);
    // The operator is told in Japanese, as a failure is, not left with an English log line.
    expect(deploy.err.join("")).toBe(
      `コマンドを ${commandsJson().length} 個、サーバー ${fake.guildId} に登録しました。このサーバーではすぐに使えます。\n`,
    );
    expect(
      fake.registered.get(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`)?.map((c) => c["name"]),
    ).toEqual(commandsJson().map((c) => c.name));
  });

  it("says in one Japanese line that Discord rejected the token and how to get a new one", async () => {
    const stderr = await withTokenReset(async (apiBase) => {
      const deploy = run("src/deploy-commands.ts", { ...discordEnv(), DISCORD_API_BASE: apiBase });
      const stderr = await expectOneJapaneseLine(deploy);
      // The details are the log's.
      expect(await deploy.logged("commands.deploy_failed")).toMatchObject({ reason: "token_rejected" });
      return stderr;
    });
    expect(stderr).toContain("コマンドの登録に失敗しました");
    expect(stderr).toContain("Reset Token");
    expect(stderr).toContain(".env の DISCORD_TOKEN");
  });

  it("refuses credentials in DISCORD_API_BASE before using it, and never prints them", async () => {
    const apiBase = (await unreachableApiBase()).replace("http://", "http://shiori:hunter2-proxy-password@");
    const deploy = run("src/deploy-commands.ts", { ...discordEnv(), DISCORD_API_BASE: apiBase });
    expect(await deploy.exit).toBe(1);
    const printed = deploy.err.join("") + deploy.out.join("\n");
    expect(printed).toContain("DISCORD_API_BASE: URL にユーザー名やパスワード（…@）が含まれています。");
    expect(printed).not.toContain("hunter2");
  });

  it("says in one Japanese line that Discord could not be reached, and to check the network", async () => {
    const apiBase = await unreachableApiBase();
    const stderr = await expectOneJapaneseLine(
      run("src/deploy-commands.ts", { ...discordEnv(), DISCORD_API_BASE: apiBase }),
    );
    expect(stderr).toContain(`Discord（${apiBase}）に接続できませんでした`);
    expect(stderr).toContain("ネットワーク");
  });
});

describe("npm start", () => {
  it("refuses to start with every configuration problem listed at once, without echoing the token", async () => {
    const start = run("dist/bot.js", {
      DISCORD_TOKEN: `${TOKEN} oops`,
      DISCORD_CLIENT_ID: "my-app",
      LOG_LEVEL: "loud",
    });
    expect(await start.exit).toBe(1);
    const stderr = start.err.join("");
    expect(stderr).toContain("DISCORD_TOKEN:");
    expect(stderr).toContain("DISCORD_CLIENT_ID:");
    expect(stderr).toContain("LOG_LEVEL:");
    expect(stderr).not.toContain(TOKEN);
  });

  it("refuses to start on a malformed article file with one clear line naming it, and no stack trace", async () => {
    const broken = path.join(workDir, "broken-corpus");
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, "0123456789ab.md"), "no front matter here\n");
    const start = run("dist/bot.js", { ...discordEnv(), CORPUS_DIR: broken });
    expect(await start.exit).toBe(1);
    const stderr = start.err.join("");
    expect(stderr).toContain("0123456789ab.md");
    expect(stderr).not.toMatch(/\n\s+at /u);
    expect(start.out.join("\n")).not.toContain("bot.ready");
  });

  it("refuses to start on a CORPUS_DIR that is not there (a typo is no empty library), creating nothing", async () => {
    const typo = path.join(workDir, "corpsu");
    const start = run("dist/bot.js", { ...discordEnv(), CORPUS_DIR: typo });
    // (a bot that starts anyway is stopped, not left running)
    const ready = start.logged("bot.ready").then(
      () => "ready",
      () => "exited",
    );
    if ((await Promise.race([start.exit.then(() => "exited"), ready])) === "ready") start.child.kill("SIGTERM");
    const stderr = await expectOneJapaneseLine(start);
    expect(stderr).toBe(
      `コーパスのフォルダが見つかりません: ${typo}。CORPUS_DIR のパスを確かめて直してください。空のライブラリから始めるなら、このフォルダを作ってから起動してください。\n`,
    );
    expect(await start.logged("bot.corpus_unreadable")).toMatchObject({ level: "fatal" });
    expect(start.out.join("\n")).not.toContain("bot.ready");
    expect(existsSync(typo)).toBe(false);
  });

  it("refuses to start on a CORPUS_DIR that is a file with one clear line, and no stack trace", async () => {
    const file = path.join(workDir, "corpus-file");
    await writeFile(file, "not a folder\n");
    const start = run("dist/bot.js", { ...discordEnv(), CORPUS_DIR: file });
    expect(await start.exit).toBe(1);
    const stderr = start.err.join("");
    expect(stderr).toContain("はフォルダではありません");
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  it("starts on a corpus whose saved index is unreadable (a folder named index.bin), warning why", async () => {
    const odd = path.join(workDir, "odd-index-corpus");
    await writeArticle(odd, createArticle(FUJI, { by: "test", at: new Date("2024-07-01T00:00:00Z") }));
    await mkdir(path.join(odd, ".index", "index.bin"), { recursive: true });
    const start = run("dist/bot.js", { ...discordEnv(), CORPUS_DIR: odd });
    try {
      expect(await start.logged("engine.index.unreadable")).toMatchObject({ level: "warn", code: "EISDIR" });
      expect(await start.logged("engine.save.failed")).toMatchObject({ level: "warn" });
      expect(await start.logged("bot.ready")).toMatchObject({ articles: 1 });
    } finally {
      start.child.kill("SIGTERM");
      await start.exit;
    }
    expect(start.err.join("")).toBe("");
  });

  it("stops with one Japanese line when Discord rejects the token: reset it and put it in .env", async () => {
    const stderr = await withTokenReset(async (apiBase) => {
      const start = run("dist/bot.js", { ...discordEnv(), DISCORD_API_BASE: apiBase, CORPUS_DIR: corpusDir });
      const stderr = await expectOneJapaneseLine(start);
      expect(await start.logged("bot.login_failed")).toMatchObject({ level: "fatal", reason: "token_rejected" });
      expect(start.out.join("\n")).not.toContain("bot.ready");
      return stderr;
    });
    expect(stderr).toContain("Discord へのログインに失敗しました");
    expect(stderr).toContain("Reset Token");
    expect(stderr).toContain(".env の DISCORD_TOKEN");
  });

  it("stops with one Japanese line when Discord cannot be reached: check the network", async () => {
    const apiBase = await unreachableApiBase();
    const stderr = await expectOneJapaneseLine(
      run("dist/bot.js", { ...discordEnv(), DISCORD_API_BASE: apiBase, CORPUS_DIR: corpusDir }),
    );
    expect(stderr).toContain(`Discord（${apiBase}）に接続できませんでした`);
    expect(stderr).toContain("ネットワーク");
  });

  it("stops with one Japanese line and a non-zero exit when Discord later closes the session for good (4004)", async () => {
    const strict = new FakeDiscord();
    strict.validToken = TOKEN;
    await strict.start();
    try {
      const start = run("dist/bot.js", { ...discordEnv(), DISCORD_API_BASE: strict.apiBase, CORPUS_DIR: corpusDir });
      await start.logged("bot.ready");
      // The token is reset in the Developer Portal: Discord asks the bot to reconnect and refuses its RESUME.
      strict.validToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gnew00.the-token-after-a-reset";
      strict.askToReconnect();
      const stderr = await expectOneJapaneseLine(start);
      expect(strict.gatewayCloses).toEqual([4004]);
      expect(stderr).toContain("Discord との接続が切れたため、shiori を停止しました");
      expect(stderr).toContain("4004");
      expect(stderr).toContain("Reset Token");
      expect(await start.logged("bot.gateway_closed")).toMatchObject({
        level: "fatal",
        reason: "token_rejected",
        closeCode: 4004,
        intents: ["Guilds"],
      });
      await start.logged("bot.stopped");
    } finally {
      await strict.stop();
    }
  });

  it("takes in an article the CLI adds to its folder while it runs: found, and known as a duplicate", async () => {
    const bot = run("dist/bot.js", { ...discordEnv(), CORPUS_DIR: corpusDir, ALLOWED_GUILD_IDS: fake.guildId });
    try {
      await bot.logged("bot.ready");
      const query = [{ name: "query", type: 3, value: "わび茶" }];
      expect(JSON.stringify((await fake.send(fake.chatInput("search", query))).bodies.at(-1)?.body)).not.toContain(
        "千利休",
      );
      // `shiori add` in another process, on the same folder
      const cli = await Engine.open({ corpusDir });
      const added = createArticle(RANKING_ARTICLES[9] as (typeof RANKING_ARTICLES)[0], { by: "cli", at: new Date() });
      await cli.put(added);
      expect(await bot.logged("corpus.synced")).toMatchObject({ added: 1, replaced: 0, removed: 0 });
      const found = await fake.send(fake.chatInput("search", query, fake.newMember()));
      expect(JSON.stringify(found.bodies.at(-1)?.body)).toContain(added.title);
      // the same text pasted in the form is refused with the id of the one the CLI stored
      const pasted = await fake.send(
        fake.modalSubmit("article:text", { title: "別の題", url: "", text: added.body }, fake.moderator),
      );
      expect(JSON.stringify(pasted.bodies.at(-1)?.body)).toContain(added.id);
      await cli.remove(added.id);
      const synced = () =>
        bot.out.filter((line) => (JSON.parse(line) as Record<string, unknown>)["event"] === "corpus.synced");
      for (let i = 0; synced().length < 2 && i < 200; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(JSON.parse(synced()[1] ?? "{}")).toMatchObject({ removed: 1 });
    } finally {
      bot.child.kill("SIGTERM");
      await bot.exit;
    }
    expect(fake.violations).toEqual([]);
  });

  it("loads the corpus, logs in, answers, and on SIGTERM finishes the article being added before it exits", async () => {
    const bot = run("dist/bot.js", {
      ...discordEnv(),
      CORPUS_DIR: corpusDir,
      ALLOWED_GUILD_IDS: fake.guildId,
      FETCH_ALLOW_ADDRESSES: "127.0.0.1",
    });
    const ready = await bot.logged("bot.ready");
    expect(ready).toMatchObject({ level: "info", articles: 1, user: "shiori" });
    expect(ready["startupMs"]).toEqual(expect.any(Number));

    const about = await fake.send(fake.chatInput("about", []));
    expect(JSON.stringify(about.bodies.at(-1)?.body)).toContain("shiori について");

    // A moderator adds a page that answers only when the test lets it.
    pageRequested = new Promise<void>((resolve) => page.once("request", () => resolve()));
    const adding = fake.send(
      fake.chatInput(
        "article",
        [{ type: 1, name: "add", options: [{ name: "url", type: 3, value: `${pageBase}/matcha` }] }],
        fake.moderator,
      ),
    );
    await pageRequested;
    bot.child.kill("SIGTERM");
    await bot.logged("bot.stopping");

    // Stopping: new interactions are turned away politely.
    const late = await fake.send(fake.chatInput("about", [], fake.newMember()));
    expect(late.bodies.at(-1)?.body["content"]).toContain("停止中");

    // The add in flight completes, and is answered, before the process exits.
    releasePage();
    const added = await adding;
    expect(JSON.stringify(added.bodies.at(-1)?.body)).toContain("記事を追加しました");
    expect(await bot.exit).toBe(0);
    await bot.logged("bot.stopped");
    expect((await readdir(corpusDir)).filter((n) => n.endsWith(".md"))).toHaveLength(2);

    expect(bot.out.join("\n") + bot.err.join("")).not.toContain(TOKEN);
    expect(fake.violations).toEqual([]);
  });
});
