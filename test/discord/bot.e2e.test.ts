import { rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SlashCommandBuilder } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ArticleOptions, article } from "../../commands/article.ts";
import { defineCommand, WithButtons } from "../../commands/context.ts";
import { commands } from "../../commands/index.ts";
import { type Article, createArticle } from "../../src/article/article.ts";
import { AUTO_DEFER_MS, type Bot, createBot } from "../../src/bot.ts";
import { loadFetchConfig } from "../../src/config.ts";
import { commandsJson, deployCommands, deployedMessage } from "../../src/deploy-commands.ts";
import type { Engine } from "../../src/engine.ts";
import { UserFacingError } from "../../src/errors.ts";
import { fetchOptionsOf } from "../../src/ingest/ingest.ts";
import { createLogger } from "../../src/log.ts";
import { stripInvisible } from "../../src/render/limits.ts";
import { pngBytes } from "../ingest/pages.ts";
import { FAMILY, FUJI, openTestEngine } from "./corpus.ts";
import { FakeDiscord, type InteractionTrace, snowflake } from "./fake-discord.ts";

/**
 * The bot end to end: the real discord.js client logs in to the local stand-in for Discord and answers
 * real interaction payloads; every request it makes is checked against Discord's rules.
 */

type Json = Record<string, unknown>;
type Embed = {
  title?: string;
  url?: string;
  description?: string;
  author?: { name: string };
  footer?: { text: string };
  fields?: { name: string; value: string }[];
};

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake0.test-token-that-must-never-be-logged";
const EPHEMERAL = 64;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

let fake: FakeDiscord;
let bot: Bot;
let engine: Engine;
let corpusDir: string;
let pages: Server;
let pagesBase: string;
const logLines: string[] = [];
/** The page the moderator adds; a test changes it to see refetch pick the change up. */
let nijiriguchiHtml = "";
/** A page that a test makes the same as SENSU_HTML (served at /sensu.html) to refetch it. */
let changingHtml = "";
/** A page whose title a test makes very long, to refetch it. */
let retitledHtml = "";
/** Whether /vanishing.html is still there (a test removes it to refetch it). */
let vanishingThere = true;
/** Whether /moving_page.html has moved to /moved_page.html (a test moves it to refetch it). */
let movedAway = false;
/** Added to the bot's clock: a test moves it on to see what the bot keeps for a while be forgotten. */
let clockSkewMs = 0;

/** The last message body the bot sent for an interaction. */
function lastBody(trace: InteractionTrace): Json {
  const body = trace.bodies.at(-1)?.body;
  if (!body) throw new Error(`no message for interaction ${trace.id}`);
  return body;
}

function embedOf(trace: InteractionTrace): Embed {
  const embed = (lastBody(trace)["embeds"] as Embed[] | undefined)?.[0];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(lastBody(trace)).slice(0, 300)}`);
  return embed;
}

function choicesOf(trace: InteractionTrace): { name: string; value: string }[] {
  const data = trace.ack?.data as { choices?: { name: string; value: string }[] } | undefined;
  if (trace.ack?.type !== 8 || !data?.choices) throw new Error(`no autocomplete answer for ${trace.id}`);
  return data.choices;
}

/** The buttons under a message: label and custom id. */
function buttonsOf(message: Json): { label: string; custom_id: string }[] {
  return ((message["components"] as { components: { label: string; custom_id: string }[] }[] | undefined) ?? [])
    .flatMap((row) => row.components)
    .map((b) => ({ label: b.label, custom_id: b.custom_id }));
}

/** A form the bot opened: its custom id, and each box's label (and the line under it), maximum length and prefilled value. */
function formOf(trace: InteractionTrace): {
  id: string;
  inputs: {
    id: string;
    label: string;
    description: string | undefined;
    maxLength: number | undefined;
    value: string | undefined;
  }[];
} {
  const data = trace.ack?.data as
    | { custom_id: string; components: { label: string; description?: string; component: Json }[] }
    | undefined;
  if (trace.ack?.type !== 9 || !data) throw new Error(`no form for interaction ${trace.id}`);
  return {
    id: data.custom_id,
    inputs: data.components.map((c) => ({
      id: String(c.component["custom_id"]),
      label: c.label,
      description: c.description,
      maxLength: c.component["max_length"] as number | undefined,
      value: c.component["value"] as string | undefined,
    })),
  };
}

function buttonIds(message: Json): string[] {
  return ((message["components"] as { components: { custom_id: string }[] }[] | undefined) ?? []).flatMap((row) =>
    row.components.map((b) => b.custom_id),
  );
}

/** Every string in a value, for checks that apply to all text the bot sent. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

const str = (name: string, value: string) => ({ name, type: 3, value });

/**
 * A command for these tests only (not registered): `slow` forgets to defer and takes longer than
 * Discord's 3 seconds; `long-error` refuses with a message longer than a Discord message; `bug-with-button`
 * fails with a bug after deferring privately, giving a button for the message; `late-error` fails after
 * deferring publicly.
 */
const probe = defineCommand<{ mode: string }>({
  data: new SlashCommandBuilder().setName("probe").setDescription("test only"),
  parse: (o) => ({ mode: o.string("mode") ?? "" }),
  isPrivate: () => false,
  async run(ctx) {
    if (ctx.options.mode === "slow") {
      await new Promise((resolve) => setTimeout(resolve, AUTO_DEFER_MS + 1_000));
      await ctx.reply({ content: "おそくなりました" });
    } else if (ctx.options.mode === "long-error") {
      throw new UserFacingError(
        `**注意** <@123456789012345678> さん\u202e、${"長い説明です。".repeat(700)}最後の一文。`,
      );
    } else if (ctx.options.mode === "bug-with-button") {
      await ctx.defer({ private: true });
      throw new WithButtons(new Error("probe: a bug under a button"), [[{ id: "probe:again", label: "入力し直す" }]]);
    } else {
      await ctx.defer();
      throw new UserFacingError("あとから分かった問題です。");
    }
  },
});

/**
 * /article as it is, but slow to start (as if the machine were busy): the bot's safety net defers it,
 * and must do so by /article's own privacy rule, which has no `private` option.
 */
const slowArticle = defineCommand<ArticleOptions>({
  ...article,
  data: new SlashCommandBuilder().setName("slow-article").setDescription("test only"),
  async run(ctx) {
    await new Promise((resolve) => setTimeout(resolve, AUTO_DEFER_MS + 500));
    await article.run(ctx);
  },
});

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  ({ engine, corpusDir } = await openTestEngine());

  // Pages the moderator adds by URL: a local site on 127.0.0.1.
  nijiriguchiHtml = NIJIRIGUCHI_HTML;
  pages = createServer((req, res) => {
    if (req.url === "/nijiriguchi.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(nijiriguchiHtml);
    } else if (req.url === "/changing.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(changingHtml);
    } else if (req.url === "/untitled.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(UNTITLED_HTML);
    } else if (req.url === "/vanishing.html" && vanishingThere) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(VANISHING_HTML);
    } else if (req.url === "/moving_page.html" && movedAway) {
      res.writeHead(301, { location: "/moved_page.html" }).end();
    } else if (req.url === "/moving_page.html" || req.url === "/moved_page.html") {
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(movingHtml(req.url === "/moved_page.html"));
    } else if (req.url === "/retitled.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(retitledHtml);
    } else if (req.url === "/sensu.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(SENSU_HTML);
    } else if (req.url === "/attachments/photo.txt") {
      res.writeHead(200, { "content-type": "text/plain" }).end(pngBytes());
    } else if (req.url === "/attachments/empty.txt") {
      res.writeHead(200, { "content-type": "text/plain" }).end();
    } else if (req.url === "/attachments/cut-off.txt") {
      // the connection closes after the first bytes of the 100,000 announced
      res.writeHead(200, { "content-type": "text/plain", "content-length": "100000" });
      res.write("途中で切れる記事\n\n", () => res.socket?.destroy());
    } else if (req.url === "/attachments/notes.md") {
      res.writeHead(200, { "content-type": "text/markdown; charset=utf-8" }).end(NOTES_MD);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

  const logger = createLogger({ level: "info", secrets: [TOKEN], destination: { write: (l) => logLines.push(l) } });
  // The ingestion allow list lets this test fetch from 127.0.0.1; by default loopback is refused.
  const fetch = { ...fetchOptionsOf(loadFetchConfig({})), policy: { allow: ["127.0.0.1/32"] } };
  bot = createBot({
    config: fake.botConfig(TOKEN, 30),
    engine,
    logger,
    fetch,
    version: "0.1.0-test",
    clientOptions: { waitGuildTimeout: 1_000 },
    commands: [...commands, probe, slowArticle],
    now: () => new Date(Date.now() + clockSkewMs),
  });
  await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: fake.guildId, apiBase: fake.apiBase });
  await bot.login();
  // login() started fetching the commands' ids without waiting: the replies below mention the commands once
  // it is done (it says, with a warning, that this file's own commands are not registered)
  await vi.waitFor(() => expect(loggedEvent("bot.command_ids_missing")).toBeDefined(), { timeout: 10_000 });
});

/** The first log line of an event. */
function loggedEvent(event: string): Json | undefined {
  return logLines.map((l) => JSON.parse(l) as Json).find((e) => e["event"] === event);
}

/**
 * A command as the bot's messages name it: a mention with the id the stand-in gave it when it was registered in
 * the test server, `</article add:130…>`, which Discord shows as /記事 追加 to a member whose client is in Japanese.
 */
function commandMention(name: string, sub?: string): string {
  const registered = fake.registered.get(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`) ?? [];
  const id = registered.find((c) => c["name"] === name)?.["id"];
  if (typeof id !== "string") throw new Error(`no command ${name} registered`);
  return `</${sub ? `${name} ${sub}` : name}:${id}>`;
}

afterEach(() => {
  // Nothing the bot sent broke a rule of Discord's (or ours: allowed_mentions).
  expect(fake.violations).toEqual([]);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await new Promise<void>((resolve) => (pages ? pages.close(() => resolve()) : resolve()));
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

describe("login and registration", () => {
  it("identifies with the Guilds intent only (no privileged intents)", () => {
    expect(fake.identify?.["intents"]).toBe(1);
  });

  it("registers the command list in the test server, as the builders produce it", async () => {
    const put = fake.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect(put?.body).toEqual(commandsJson());
    // The registered JSON, reviewed in test/discord/__snapshots__/ whenever a command changes.
    expect(put?.body).toMatchSnapshot();
  });

  it("registers globally when no server is named", async () => {
    const result = await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: null, apiBase: fake.apiBase });
    expect(result).toEqual({ scope: "global", count: commandsJson().length });
    // the operator is told that members may not see them for up to an hour
    expect(deployedMessage(result, null)).toBe(
      `コマンドを ${commandsJson().length} 個、全体（ボットを追加したすべてのサーバー）に登録しました。Discord に表示されるまで最大 1 時間かかることがあります。`,
    );
    expect(fake.registered.get(`/applications/${fake.appId}/commands`)?.length).toBe(commandsJson().length);
  });

  it("localizes every command, option and description in Japanese", () => {
    const unlocalized: string[] = [];
    const visit = (node: Json, at: string) => {
      const ja = (key: string) => (node[key] as Record<string, string> | undefined)?.["ja"];
      if (!ja("name_localizations")) unlocalized.push(`${at} name`);
      if (node["description"] && !ja("description_localizations")) unlocalized.push(`${at} description`);
      for (const o of (node["options"] as Json[] | undefined) ?? []) visit(o, `${at}/${o["name"]}`);
    };
    for (const c of commandsJson() as unknown as Json[]) visit(c, String(c["name"]));
    expect(unlocalized).toEqual([]);
  });
});

describe("/ask", () => {
  it("defers, then answers with the key point in bold under the article's title, link and source", async () => {
    const trace = await fake.send(
      fake.chatInput("ask", [str("question", "富士山の登山シーズンはいつ？")], fake.newMember()),
    );
    expect(trace.ack?.type).toBe(5);
    const embed = embedOf(trace);
    expect(embed.title).toBe("富士山の登山シーズンと準備");
    expect(embed.url).toBe("https://example.com/fuji");
    expect(embed.footer?.text).toBe(
      `しおりテスト通信 · 2024年6月20日 · ID: ${engine.list().find((a) => a.url === "https://example.com/fuji")?.articleId}`,
    );
    expect(embed.description).toMatch(/^1\. \*\*富士山\*\*の\*\*登山シーズン\*\*は、例年7月上旬から9月上旬までです。/u);
    // A summary button for the article answered from.
    expect(buttonIds(lastBody(trace))).toEqual([expect.stringMatching(/^summary:show:[0-9a-f]{12}$/u)]);
  });

  it("says so honestly when the corpus has no answer, with the closest titles", async () => {
    const trace = await fake.send(
      fake.chatInput("ask", [str("question", "量子コンピューターの誤り訂正符号の仕組みは？")], fake.newMember()),
    );
    const embed = embedOf(trace);
    expect(embed.title).toBe("答えが見つかりませんでした");
    expect(embed.description).toContain("見つかりませんでした");
    expect(buttonIds(lastBody(trace))).toEqual([]);
  });

  it("names under the key points the question's words the answer leaves out", async () => {
    const trace = await fake.send(
      fake.chatInput("ask", [str("question", "富士山の吉田ルートの郵便局は？")], fake.newMember()),
    );
    const embed = embedOf(trace);
    expect(embed.title).toBe("富士山の登山シーズンと準備");
    // no article of the library says 郵便局
    expect(embed.description?.split("\n").at(-1)).toBe("※ どの記事にも含まれない語: 「郵便局」");
  });

  it("answers privately when asked to", async () => {
    const trace = await fake.send(
      fake.chatInput(
        "ask",
        [str("question", "わび茶を大成したのは誰？"), { name: "private", type: 5, value: true }],
        fake.newMember(),
      ),
    );
    expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(embedOf(trace).description).toContain("千利休");
  });

  it("copes with a question of 6,000 characters of odd Unicode", async () => {
    const parts = [
      FAMILY,
      "é",
      "🇯🇵",
      "ｶﾞｲﾄﾞ",
      "\u202e",
      "𠮷野家",
      "か\u3099",
      "@everyone",
      "<@123456789012345678>",
      "**",
      "\u0000",
      "﷽",
      "富士山",
      "\ud800",
    ];
    let question = "";
    for (let i = 0; question.length < 6000; i++) question += parts[i % parts.length];
    question = question.slice(0, 6000);
    const trace = await fake.send(fake.chatInput("ask", [str("question", question)], fake.newMember()));
    const body = lastBody(trace);
    for (const s of strings(body)) expect(LONE_SURROGATE.test(s)).toBe(false);
    expect(embedOf(trace).author?.name.startsWith("質問: ")).toBe(true);
    // The question, shown as the author's name, loses its bidirectional overrides and controls.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
    expect(embedOf(trace).author?.name).not.toMatch(/[\u202e\u0000]/u);
  });

  it("keeps an answer whose every part overflows within every limit, escaped and whole", async () => {
    const trace = await fake.send(
      fake.chatInput("ask", [str("question", "オーバーフロー検証の本文には何が書かれている？")], fake.newMember()),
    );
    const embed = embedOf(trace);
    // The fake accepted the message (afterEach: no violation); and nothing was cut inside a grapheme.
    for (const s of strings(lastBody(trace))) expect(LONE_SURROGATE.test(s)).toBe(false);
    expect(embed.title?.length).toBeLessThanOrEqual(256);
    expect(embed.footer?.text.length).toBeLessThanOrEqual(2048);
    expect(embed.url?.length).toBeLessThanOrEqual(2048);
    expect(embed.description?.length).toBeLessThan(4096);
    // Article text never mentions anyone or formats: @ and < are escaped.
    expect(embed.description).not.toMatch(/(?<!\\)@everyone|(?<!\\)<@/u);
    expect(embed.description).toContain("\\@everyone");
    // The family emoji (a ZWJ sequence) appears whole or not at all: no joiner is left without it.
    for (const text of strings(lastBody(trace))) expect(text.split(FAMILY).join("")).not.toContain("\u200d");
    expect(JSON.stringify(lastBody(trace))).toContain(FAMILY);
  });

  it("asks a member to wait between two questions (cooldown), privately", async () => {
    const member = fake.newMember();
    await fake.send(fake.chatInput("ask", [str("question", "NDCとは？")], member));
    const second = await fake.send(fake.chatInput("ask", [str("question", "NDCとは何ですか？")], member));
    expect(second.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(second)["content"]).toMatch(/少し間を空けてください。あと \d+ 秒/u);
  });

  it("gives a member's cooldown back when Discord refused to show the answer", async () => {
    const member = fake.newMember();
    const original = (r: { method: string; path: string }) =>
      r.method === "PATCH" && r.path.endsWith("/messages/@original");
    fake.refuse = (r) => (original(r) ? { status: 403, json: { message: "Missing Access", code: 50001 } } : null);
    try {
      const first = await fake.send(fake.chatInput("ask", [str("question", "NDCとは？")], member), {
        until: (t) => t.ack !== null && fake.requests.some((r) => original(r) && r.path.includes(t.token)),
      });
      expect(first.ack?.type).toBe(5);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      fake.refuse = null;
    }
    // before, 「少し間を空けてください」: the cooldown of an answer the member never saw
    const again = await fake.send(fake.chatInput("ask", [str("question", "NDCとは？")], member));
    expect(again.ack?.type).toBe(5);
    expect(embedOf(again).description).toBeTruthy();
  });

  it("gives a member's cooldown back when Discord failed (5xx) to show the answer, and tells them to try again", async () => {
    const member = fake.newMember();
    const edit = (r: { method: string; path: string }) =>
      r.method === "PATCH" && r.path.endsWith("/messages/@original");
    fake.refuse = (r) => (edit(r) ? { status: 503, json: { message: "Service Unavailable", code: 0 } } : null);
    try {
      // discord.js asks again three times, then gives up; the member is told privately, the thinking removed
      const first = await fake.send(fake.chatInput("ask", [str("question", "NDCとは？")], member), {
        until: (t) => fake.requests.some((r) => r.method === "DELETE" && r.path.includes(t.token)),
      });
      expect(first.bodies.at(-1)).toMatchObject({ kind: "followup", body: { flags: EPHEMERAL } });
      expect(String(lastBody(first)["content"])).toContain("もう一度お試しください");
    } finally {
      fake.refuse = null;
    }
    // before, 「少し間を空けてください」: the cooldown of an answer the member never saw
    const again = await fake.send(fake.chatInput("ask", [str("question", "NDCとは？")], member));
    expect(again.ack?.type).toBe(5);
    expect(embedOf(again).description).toBeTruthy();
  });

  it("lets a member correct a refused question at once: only a question answered starts the cooldown", async () => {
    const member = fake.newMember();
    const empty = await fake.send(fake.chatInput("ask", [str("question", "  ")], member));
    expect(lastBody(empty)["content"]).toContain("質問が空です");
    const corrected = await fake.send(fake.chatInput("ask", [str("question", "わび茶を大成したのは誰？")], member));
    expect(corrected.ack?.type).toBe(5);
    expect(embedOf(corrected).description).toContain("千利休");
    const third = await fake.send(fake.chatInput("ask", [str("question", "千利休とは？")], member));
    expect(lastBody(third)["content"]).toMatch(/少し間を空けてください/u);
  });

  it("refuses words that show nothing (zero-width spaces) privately, and lets the member ask at once", async () => {
    const member = fake.newMember();
    const invisible = "\u200b\u200b";
    const asked = await fake.send(fake.chatInput("ask", [str("question", invisible)], member));
    expect(asked.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(asked)["content"]).toContain("質問が空です");
    const searched = await fake.send(fake.chatInput("search", [str("query", invisible)], member));
    expect(searched.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(searched)["content"]).toContain("検索する言葉が空です");
    const menu = fake.messageCommand("Search articles", fake.userMessage(invisible), member);
    const pointed = await fake.send(menu);
    expect(pointed.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(pointed)["content"]).toContain("検索できる文章がありません");
    // none of them started a cooldown
    const corrected = await fake.send(fake.chatInput("ask", [str("question", "わび茶を大成したのは誰？")], member));
    expect(corrected.ack?.type).toBe(5);
    expect((await fake.send(fake.chatInput("search", [str("query", "寺")], member))).ack?.type).toBe(5);
  });

  it("refuses a query that shows something only past the 1,000 characters searched, privately, at once", async () => {
    const member = fake.newMember();
    const padded = `${"\u200b".repeat(1_000)}寺`;
    const searched = await fake.send(fake.chatInput("search", [str("query", padded)], member));
    expect(searched.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(searched)["content"]).toContain("検索する言葉が空です");
    const pointed = await fake.send(fake.messageCommand("Search articles", fake.userMessage(padded), member));
    expect(pointed.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(pointed)["content"]).toContain("検索できる文章がありません");
    // neither started a cooldown
    expect((await fake.send(fake.chatInput("search", [str("query", "寺")], member))).ack?.type).toBe(5);
  });
});

describe("/search", () => {
  it("says a page button's search is forgotten, and to search again with either command", async () => {
    const member = fake.newMember();
    const first = await fake.send(fake.chatInput("search", [str("query", "寺")], member));
    // a long query is kept in memory by key (#…): a key the bot no longer has, as after a restart
    const stale = await fake.send(fake.button("search:page:2:#0000000000", String(fake.original(first)["id"]), member));
    expect(lastBody(stale)["content"]).toBe(
      `この検索結果は古くなりました（ボットが再起動したか、多くの検索の後で、検索した言葉をもう覚えていません）。もう一度 ${commandMention("search")} か「記事を検索」で検索してください。`,
    );
  });

  it("pages the matching articles, one hit each and 5 a page, and shows a hit's summary to whoever presses", async () => {
    const member = fake.newMember();
    const articleOf = (id: string) => id.split(":")[2];
    const first = await fake.send(fake.chatInput("search", [str("query", "寺")], member));
    expect(embedOf(first).title).toBe("「寺」の検索結果");
    // Eight articles mention 寺: 鎌倉の寺めぐり (twelve passages) and the seven walks (one each).
    expect(embedOf(first).description).toBe("全 8 件中 1–5 件目（1/2 ページ）");
    expect(embedOf(first).fields).toHaveLength(5);
    const ids = buttonIds(fake.original(first));
    const [prev, next] = ids;
    expect(ids.slice(2)).toEqual(
      [1, 2, 3, 4, 5].map((n) => expect.stringMatching(new RegExp(`^summary:show:[0-9a-f]{12}:${n}$`, "u"))),
    );
    // A page of articles, not of one article's passages.
    const firstPage = ids.slice(2).map(articleOf);
    expect(new Set(firstPage).size).toBe(5);
    expect(new Set(embedOf(first).fields?.map((f) => f.name.replace(/^\d+\. /u, ""))).size).toBe(5);

    // Next page: the message is updated in place, with the other three articles.
    const second = await fake.send(fake.button(String(next), String(fake.original(first)["id"]), member));
    expect(second.ack?.type).toBe(6);
    expect(embedOf(second).description).toBe("全 8 件中 6–8 件目（2/2 ページ）");
    expect(embedOf(second).fields?.map((f) => f.name.match(/^\d+/u)?.[0])).toEqual(["6", "7", "8"]);
    const secondPage = buttonIds(fake.original(first)).slice(2).map(articleOf);
    expect(secondPage).toHaveLength(3);
    expect([...new Set([...firstPage, ...secondPage])]).toHaveLength(8);

    // Another member may not turn the pages of someone else's search.
    const other = await fake.send(fake.button(String(next), String(fake.original(first)["id"]), fake.newMember()));
    expect(other.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(other)["content"]).toContain("検索した人だけ");

    // Back to the first page.
    const back = await fake.send(fake.button(String(prev), String(fake.original(first)["id"]), member));
    expect(embedOf(back).description).toMatch(/1–5 件目/u);

    // Anyone may ask for the summary of a hit; it is shown to them only.
    const summaryButton = String(ids[2]);
    const summary = await fake.send(fake.button(summaryButton, String(fake.original(first)["id"]), fake.newMember()));
    expect(summary.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(embedOf(summary).title).toBe(engine.article(String(articleOf(summaryButton)))?.title);
  });

  it("pages a query holding a lone surrogate: its buttons carry it well-formed", async () => {
    const member = fake.newMember();
    const first = await fake.send(fake.chatInput("search", [str("query", "寺\ud800")], member));
    // (the stand-in refuses a custom id with a lone surrogate: afterEach finds no violation)
    const [, next] = buttonIds(fake.original(first));
    expect(next).toBe("search:page:2:=寺\ufffd");
    const second = await fake.send(fake.button(String(next), String(fake.original(first)["id"]), member));
    expect(embedOf(second).description).toBe("全 8 件中 6–8 件目（2/2 ページ）");
  });

  it("searches with a message's text from the message menu 「記事を検索」", async () => {
    const message = fake.userMessage("千利休って何をした人だっけ？ <@1400000000000000001>");
    const trace = await fake.send(fake.messageCommand("Search articles", message, fake.newMember()));
    expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(embedOf(trace).fields?.[0]?.name).toBe("1. 茶道の歴史と千利休");
    // The query echoed in the title is the member's text; the mention in it is no word of it.
    expect(embedOf(trace).title).toBe("「千利休って何をした人だっけ？」の検索結果");
  });
  it("searches a forwarded message's text, which Discord sends in its snapshot, not its content", async () => {
    // A message forwarded from another channel: its content is empty, what it shows is in message_snapshots.
    const original = fake.userMessage("千利休って何をした人だっけ？");
    const forwarded = {
      ...fake.userMessage(""),
      message_reference: {
        type: 1,
        message_id: original["id"],
        channel_id: "1250000000000000002",
        guild_id: fake.guildId,
      },
      message_snapshots: [
        {
          message: {
            type: 0,
            content: original["content"],
            embeds: [],
            attachments: [],
            mentions: [],
            mention_roles: [],
            components: [],
            timestamp: original["timestamp"],
            edited_timestamp: null,
            flags: 0,
          },
        },
      ],
    };
    const trace = await fake.send(fake.messageCommand("Search articles", forwarded, fake.newMember()));
    // before, 「このメッセージには検索できる文章がありません」 under a message showing a question
    expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(embedOf(trace).title).toBe("「千利休って何をした人だっけ？」の検索結果");
    expect(embedOf(trace).fields?.[0]?.name).toBe("1. 茶道の歴史と千利休");
  });
  it("searches a poll's question and answers, which Discord sends apart from the message's content", async () => {
    const poll = {
      ...fake.userMessage(""),
      poll: {
        question: { text: "千利休って何をした人だっけ？" },
        answers: [
          { answer_id: 1, poll_media: { text: "茶人" } },
          { answer_id: 2, poll_media: { text: "武将" } },
        ],
        expiry: new Date(Date.now() + 86_400_000).toISOString(),
        allow_multiselect: false,
        layout_type: 1,
      },
    };
    const trace = await fake.send(fake.messageCommand("Search articles", poll, fake.newMember()));
    // before, 「このメッセージには検索できる文章がありません」 under a poll asking a question
    expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(embedOf(trace).title).toBe("「千利休って何をした人だっけ？ 茶人 武将」の検索結果");
    expect(embedOf(trace).fields?.[0]?.name).toBe("1. 茶道の歴史と千利休");
  });
});

describe("Discord's markup in what members type or point at", () => {
  const MEMBER = "<@1400000000000000001>";

  it("searches a message's words, not its mentions, emoji, timestamps, links or code fences", async () => {
    const cases: [string, string][] = [
      [`<:fuji:123456789012345678> 富士山 https://example.com/abc?x=1 <a:dance:223456789012345678>`, "富士山"],
      ["```\n富士山の登山\n```", "富士山の登山"],
      ["<t:1700000000:F> `富士山` の </ask:1300000000000000001> <https://example.com/fuji>", "富士山 の"],
      [`${MEMBER} <@!1400000000000000002> [富士山](https://example.com/fuji)の登山シーズン`, "富士山 の登山シーズン"],
    ];
    for (const [content, query] of cases) {
      const trace = await fake.send(
        fake.messageCommand("Search articles", fake.userMessage(content), fake.newMember()),
      );
      expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
      expect(embedOf(trace).title).toBe(`「${query}」の検索結果`);
      expect(embedOf(trace).fields?.[0]?.name).toBe("1. 富士山の登山シーズンと準備");
    }
  });

  it("searches /search's keywords without channel and role mentions, and pages them as searched", async () => {
    const member = fake.newMember();
    const first = await fake.send(
      fake.chatInput("search", [str("query", "<#1250000000000000001> <@&1260000000000000001> 寺")], member),
    );
    expect(embedOf(first).title).toBe("「寺」の検索結果");
    expect(embedOf(first).description).toBe("全 8 件中 1–5 件目（1/2 ページ）");
    const [, next] = buttonIds(fake.original(first));
    expect(next).toBe("search:page:2:=寺");
  });

  it("asks /ask's question without the mentions in it: no id nor さん is named as a word no article says", async () => {
    const trace = await fake.send(
      fake.chatInput(
        "ask",
        [str("question", `${MEMBER} さん、富士山の登山シーズンはいつ？ @everyone`)],
        fake.newMember(),
      ),
    );
    expect(embedOf(trace).author?.name).toBe("質問: 富士山の登山シーズンはいつ？");
    expect(embedOf(trace).description).toContain("7月上旬から9月上旬");
    const said = strings(lastBody(trace)).join("\n");
    expect(said).not.toContain("1400000000000000001");
    expect(said).not.toMatch(/everyone/u);
    // nor さん, which addressed the member mentioned
    expect(said).not.toContain("含まれない語");
  });

  it("refuses privately what is only markup, saying so, and lets the member try again at once", async () => {
    const member = fake.newMember();
    const link = await fake.send(
      fake.messageCommand("Search articles", fake.userMessage("https://example.com/fuji"), member),
    );
    expect(link.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(link)["content"]).toBe(
      `このメッセージにはメンションやリンク、絵文字しかなく、検索できる文章がありません。これらは検索に使いません。文章を含むメッセージで使うか、${commandMention("search")} でキーワードを入力してください。`,
    );
    const mention = await fake.send(fake.messageCommand("Search articles", fake.userMessage(MEMBER), member));
    expect(lastBody(mention)["content"]).toContain("メンションやリンク、絵文字しかなく");
    // a spoiler of a mention leaves its bars, which say nothing either
    const spoiler = await fake.send(fake.messageCommand("Search articles", fake.userMessage(`||${MEMBER}||`), member));
    expect(lastBody(spoiler)["content"]).toContain("メンションやリンク、絵文字しかなく");
    const asked = await fake.send(
      fake.chatInput("ask", [str("question", `${MEMBER} <:fuji:123456789012345678>`)], member),
    );
    expect(asked.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(asked)["content"]).toBe(
      "質問にメンションやカスタム絵文字、タイムスタンプしかありません。これらは検索に使いません。聞きたいことを日本語で入力してください。",
    );
    const searched = await fake.send(fake.chatInput("search", [str("query", "<t:1700000000:R>")], member));
    expect(lastBody(searched)["content"]).toContain(
      "検索する言葉がありません。メンション、カスタム絵文字、タイムスタンプは",
    );
    // none of them started a cooldown
    const pointed = await fake.send(fake.messageCommand("Search articles", fake.userMessage("千利休"), member));
    expect(pointed.ack?.type).toBe(5);
    expect((await fake.send(fake.chatInput("ask", [str("question", "千利休とは？")], member))).ack?.type).toBe(5);
    expect((await fake.send(fake.chatInput("search", [str("query", "寺")], member))).ack?.type).toBe(5);
  });
});

describe("/summary and autocomplete", () => {
  it("offers titles as the member types, with ids as values, within 25 choices", async () => {
    const trace = await fake.send(
      fake.autocomplete("summary", [{ name: "article", type: 3, value: "寺", focused: true }], fake.newMember()),
    );
    expect(trace.ack?.type).toBe(8);
    const choices = choicesOf(trace);
    expect(choices).toEqual([
      { name: "鎌倉の寺めぐり（2024年2月1日）", value: expect.stringMatching(/^[0-9a-f]{12}$/u) },
    ]);
    // The deadline itself is the stand-in's to check (a late answer is a violation): no timing asserted here.
  });

  it("offers the newest articles when nothing is typed, each name within 100 characters", async () => {
    const trace = await fake.send(
      fake.autocomplete("summary", [{ name: "article", type: 3, value: "", focused: true }]),
    );
    const choices = choicesOf(trace);
    expect(choices.length).toBe(engine.list().length);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it("takes an article option that shows nothing (a lone surrogate) for none, as it is typed and as it is sent", async () => {
    const typing = await fake.send(
      fake.autocomplete("summary", [{ name: "article", type: 3, value: "\ud800", focused: true }], fake.newMember()),
    );
    expect(choicesOf(typing)).toEqual([]);
    const trace = await fake.send(fake.chatInput("summary", [str("article", "\ud800")], fake.newMember()));
    expect(trace.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(trace)["content"]).toBe("記事を指定してください。入力すると候補が表示されます。");
  });

  it("summarizes the article chosen", async () => {
    const id = engine.list().find((a) => a.url === "https://example.com/sado")?.articleId as string;
    const trace = await fake.send(
      fake.chatInput("summary", [str("article", id), { name: "points", type: 4, value: 3 }]),
    );
    const embed = embedOf(trace);
    expect(embed.title).toBe("茶道の歴史と千利休");
    expect(embed.url).toBe("https://example.com/sado");
    expect(embed.description?.split("\n")).toHaveLength(3);
    expect(embed.fields?.find((f) => f.name === "記事の情報")?.value).toMatch(/^\d+ 段落 · [\d,]+ 文字/u);
    expect(embed.footer?.text).toContain("しおりテスト通信 · 2024年5月10日");
  });

  it("says no article has an id that names none (one copied a character off), without guessing why", async () => {
    const trace = await fake.send(fake.chatInput("summary", [str("article", "0123456789ab")], fake.newMember()));
    expect(trace.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    // before: 「選んだ記事（ID: 0123456789ab）は見つかりませんでした。候補が表示された後に削除されたようです。…」,
    // a removal the bot had no sign of
    expect(lastBody(trace)["content"]).toBe(
      `ID が 0123456789ab の記事は見つかりませんでした。ID に誤りがないか確かめるか、入力中に表示される候補から記事を選んでください。今ある記事は ${commandMention("about")} の「記事の一覧」ボタンで確かめられます。`,
    );
  });

  it("explains what to do when the typed article does not exist, with the list a member can see", async () => {
    const trace = await fake.send(fake.chatInput("summary", [str("article", "存在しない記事")]));
    expect(trace.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(trace)["content"]).toContain("見つかりませんでした");
    // /article is shown to Manage Server only by default: a member reaches the list through /about.
    expect(lastBody(trace)["content"]).toContain(`${commandMention("about")} の「記事の一覧」`);
    expect(lastBody(trace)["content"]).not.toContain("/article");
  });
});

describe("/article (moderators)", () => {
  it("adds an article by URL, and it is searchable right after", async () => {
    const before = engine.stats.articles;
    const trace = await fake.send(
      fake.chatInput(
        "article",
        [{ type: 1, name: "add", options: [str("url", `${pagesBase}/nijiriguchi.html`)] }],
        fake.moderator,
      ),
    );
    expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const embed = embedOf(trace);
    expect(embed.author?.name).toBe("記事を追加しました");
    expect(embed.title).toBe("にじり口と茶室の広さ");
    expect(engine.stats.articles).toBe(before + 1);
    // the counts before their words, both: before, 「段落 12 · 1,626 文字」 read 段落 12 as the twelfth paragraph
    const added = engine.find(`${pagesBase}/nijiriguchi.html`) as Article;
    const characters = engine.summary(added.id).characters;
    expect(embed.fields?.find((f) => f.name === "記事の情報")?.value).toMatch(
      new RegExp(`^${engine.passagesOf(added.id).length} 段落 · ${characters.toLocaleString("ja-JP")} 文字`, "u"),
    );

    const search = await fake.send(fake.chatInput("search", [str("query", "にじり口")], fake.newMember()));
    expect(embedOf(search).fields?.[0]?.name).toBe("1. にじり口と茶室の広さ");
  });

  it("refetches an article: unchanged, then changed at its source", async () => {
    const id = engine.find(`${pagesBase}/nijiriguchi.html`)?.id as string;
    const refetch = () =>
      fake.send(
        fake.chatInput("article", [{ type: 1, name: "refetch", options: [str("article", id)] }], fake.moderator),
      );
    expect(embedOf(await refetch()).author?.name).toBe("変更はありませんでした");
    nijiriguchiHtml = NIJIRIGUCHI_HTML.replaceAll("にじり口と茶室の広さ", "にじり口と茶室の広さ（改訂版）");
    const changed = embedOf(await refetch());
    expect(changed.author?.name).toBe("記事を更新しました");
    expect(changed.description).toContain("タイトル: にじり口と茶室の広さ → にじり口と茶室の広さ（改訂版）");
    expect(engine.article(id)?.title).toBe("にじり口と茶室の広さ（改訂版）");
    // A new title, a word of the body changed at the same size, another date: each is said. Before, the
    // title's line was all the moderator read, as if the body had stayed the same.
    nijiriguchiHtml = NIJIRIGUCHI_HTML.replaceAll("にじり口と茶室の広さ", "にじり口と茶室の広さ（第二版）")
      .replace("六十センチ", "七十センチ")
      .replace("2024-07-01T10:00:00", "2024-07-02T10:00:00");
    expect((await refetch().then(embedOf)).description?.split("\n")).toEqual([
      "タイトル: にじり口と茶室の広さ（改訂版） → にじり口と茶室の広さ（第二版）",
      expect.stringMatching(/^本文: 一部が変わりました（\d+ 文字のまま）$/u),
      "公開日: 2024年7月1日 → 2024年7月2日",
    ]);
    expect(engine.article(id)?.publishedAt).toMatch(/^2024-07-02/u);
    // Only the time changed, the same day: said with the times, not as 「2024年7月2日 → 2024年7月2日」.
    nijiriguchiHtml = nijiriguchiHtml.replace("2024-07-02T10:00:00", "2024-07-02T15:30:00");
    expect((await refetch().then(embedOf)).description?.split("\n")).toEqual([
      "公開日: 2024年7月2日 10:00 → 2024年7月2日 15:30",
    ]);
  });

  /** /article add with a file attached: one the local site serves under /attachments/. */
  const addFile = (filename: string, size: number, contentType: string, actor = fake.moderator) => {
    const attachmentId = snowflake();
    const url = `${pagesBase}/attachments/${filename}`;
    return fake.send(
      fake.chatInput(
        "article",
        [{ type: 1, name: "add", options: [{ name: "file", type: 11, value: attachmentId }] }],
        actor,
        {
          resolved: {
            attachments: {
              [attachmentId]: { id: attachmentId, filename, size, url, proxy_url: url, content_type: contentType },
            },
          },
        },
      ),
    );
  };

  it("says every change of a refetch when a title is very long, each title cut on its line", async () => {
    const page = (title: string, more: string) =>
      SENSU_HTML.replaceAll("扇子の選び方", title).replace("</article>", `<p>${more}</p></article>`);
    retitledHtml = page("扇子の手入れ", "扇子は使い終えたら閉じて、袋に入れてしまいます。");
    const url = `${pagesBase}/retitled.html`;
    await fake.send(fake.chatInput("article", [{ type: 1, name: "add", options: [str("url", url)] }], fake.moderator));
    const id = engine.find(url)?.id as string;
    const title = `扇子の手入れ${"と保管".repeat(1_500)}`;
    retitledHtml = page(title, "扇子は使い終えたら閉じて、袋に入れてしまいます。湿気の少ない場所に置きましょう。");
    const trace = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "refetch", options: [str("article", id)] }], fake.moderator),
    );
    expect(embedOf(trace).author?.name).toBe("記事を更新しました");
    expect(engine.article(id)?.title).toBe(title);
    // before, the old title's line took the whole notice: the new title and the body's change were cut off
    const lines = embedOf(trace).description?.split("\n") ?? [];
    expect(lines[0]).toMatch(/^タイトル: 扇子の手入れ → 扇子の手入れ[と保管]+…$/u);
    expect(lines[1]).toMatch(/^本文: \d+ 文字 → \d+ 文字$/u);
  });

  it("refuses a refetch that would leave two articles with the same text, naming the other", async () => {
    const addUrl = (path: string) =>
      fake.send(
        fake.chatInput(
          "article",
          [{ type: 1, name: "add", options: [str("url", `${pagesBase}${path}`)] }],
          fake.moderator,
        ),
      );
    // a title of 3,000 characters
    const long = `躙口と茶室の広さ${"と扇子".repeat(1_000)}`;
    changingHtml = NIJIRIGUCHI_HTML.replaceAll("にじり口と茶室の広さ", long).replaceAll("にじり口", "躙口");
    await addUrl("/changing.html");
    await addUrl("/sensu.html");
    const changing = engine.find(`${pagesBase}/changing.html`) as { id: string; title: string };
    const sensu = engine.find(`${pagesBase}/sensu.html`)?.id as string;
    const before = engine.stats.articles;
    changingHtml = SENSU_HTML;
    const trace = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "refetch", options: [str("article", changing.id)] }], fake.moderator),
    );
    const content = String(lastBody(trace)["content"]);
    expect(changing.title).toBe(long);
    // The article fetched again is named by its title, as the moderator picked it, cut so that what to do
    // still fits the message; before, 「記事 <ID> を取り直した内容は」, an ID the moderator never saw.
    expect(content).toMatch(
      new RegExp(`^記事「躙口と茶室の広さ[と扇子]+…」（ID: ${changing.id}）を取り直した内容は、`, "u"),
    );
    expect(content).toContain(
      `登録済みの記事「扇子の選び方」（ID: ${sensu}）と同じ本文の記事になるため、更新しませんでした`,
    );
    expect(content).toMatch(/で削除できます。$/u);
    expect(content.length).toBeLessThan(400);
    expect(engine.stats.articles).toBe(before);
    expect(engine.article(changing.id)?.title).toBe(changing.title);
  });

  it("says how to give a title to a page without one: /article add has no title but in its form", async () => {
    const trace = await fake.send(
      fake.chatInput(
        "article",
        [{ type: 1, name: "add", options: [str("url", `${pagesBase}/untitled.html`)] }],
        fake.moderator,
      ),
    );
    expect(lastBody(trace)["content"]).toBe(
      `ページの見出し（タイトル）が見つかりませんでした。${commandMention("article", "add")} を url も file も付けずに使い、本文を貼り付けてタイトルを付けて追加してください（CLI では --title でタイトルを指定できます）。`,
    );
  });

  it("says why a refetch failed without asking to check a URL the moderator never gave", async () => {
    vanishingThere = true;
    await fake.send(
      fake.chatInput(
        "article",
        [{ type: 1, name: "add", options: [str("url", `${pagesBase}/vanishing.html`)] }],
        fake.moderator,
      ),
    );
    const id = engine.find(`${pagesBase}/vanishing.html`)?.id as string;
    vanishingThere = false;
    const trace = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "refetch", options: [str("article", id)] }], fake.moderator),
    );
    expect(lastBody(trace)["content"]).toBe(
      `記事「消えるページ」（ID: ${id}）を取り直せませんでした。ページが見つかりませんでした（HTTP 404）。記事は前の内容のまま残しています。時間をおいてもう一度取り直すか、ページが移動・削除されたのなら ${commandMention("article", "remove")} で削除してから新しい URL か本文で追加し直してください（CLI では shiori remove ${id}、shiori add）。`,
    );
    expect(engine.article(id)?.title).toBe("消えるページ");
  });

  it("says when a refetched page has moved to another URL, each shown as written", async () => {
    await fake.send(
      fake.chatInput(
        "article",
        [{ type: 1, name: "add", options: [str("url", `${pagesBase}/moving_page.html`)] }],
        fake.moderator,
      ),
    );
    const id = engine.find(`${pagesBase}/moving_page.html`)?.id as string;
    movedAway = true;
    const trace = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "refetch", options: [str("article", id)] }], fake.moderator),
    );
    expect(embedOf(trace).author?.name).toBe("記事を更新しました");
    // in code spans: escaped markdown would have shown moving\_page
    expect(embedOf(trace).description).toContain(
      `URL: \`${pagesBase}/moving_page.html\` → \`${pagesBase}/moved_page.html\``,
    );
    expect(engine.find(`${pagesBase}/moved_page.html`)?.id).toBe(id);
  });

  it("adds an article from an attached file", async () => {
    const trace = await addFile("notes.md", Buffer.byteLength(NOTES_MD), "text/markdown");
    expect(embedOf(trace).author?.name).toBe("記事を追加しました");
    expect(embedOf(trace).title).toBe("和菓子の季節");
  });

  it("refuses an image renamed photo.txt attached as an article, storing nothing", async () => {
    const before = engine.stats.articles;
    const trace = await addFile("photo.txt", pngBytes().length, "text/plain");
    expect(String(lastBody(trace)["content"])).toMatch(/^このファイルは文字として読めません/u);
    expect(engine.stats.articles).toBe(before);
  });

  it("says that an empty attachment is empty, not that it lacks a heading", async () => {
    const before = engine.stats.articles;
    const trace = await addFile("empty.txt", 0, "text/plain");
    expect(lastBody(trace)["content"]).toBe(
      "ファイルが空です（0 バイト）。記事の本文を書いたファイルを指定してください。",
    );
    expect(engine.stats.articles).toBe(before);
  });

  it("tells a moderator whose attachment was cut off in its download to attach it again, storing nothing", async () => {
    const moderator = fake.newMember({ moderator: true });
    const before = engine.stats.articles;
    const trace = await addFile("cut-off.txt", 100_000, "text/plain", moderator);
    // before, 「申し訳ありません、内部エラーが発生しました。…」 and an error in the log, for a file that did not arrive
    expect(lastBody(trace)["content"]).toBe("添付ファイルを受け取れませんでした。もう一度添付してお試しください。");
    expect(engine.stats.articles).toBe(before);
    // the interaction's own line is written once the reply has gone
    const entries = () => logLines.map((l) => JSON.parse(l) as Json).filter((e) => e["userId"] === moderator.id);
    await vi.waitFor(() => expect(entries().some((e) => e["event"] === "interaction")).toBe(true));
    expect(entries().filter((e) => e["event"] === "interaction.error")).toEqual([]);
    expect(entries().find((e) => e["event"] === "interaction")).toMatchObject({
      command: "article",
      outcome: "refused",
      reason: expect.stringMatching(/^download: /u),
    });
  });

  it("adds pasted text through a form with title and URL fields", async () => {
    const open = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "add", options: [] }], fake.roleModerator),
    );
    expect(open.ack?.type).toBe(9);
    const form = open.ack?.data as { custom_id: string; components: { label: string }[] };
    expect(form.components.map((c) => c.label)).toEqual(["タイトル", "出典の URL（任意）", "本文"]);
    const submit = await fake.send(
      fake.modalSubmit(
        form.custom_id,
        {
          title: "手ぬぐいの使い方",
          url: "https://example.com/tenugui",
          text: "手ぬぐいは、綿の平織りの布を切っただけの日本の布です。\n\n汗をふくだけでなく、物を包んだり、頭に巻いたりと、いろいろな使い方ができます。",
        },
        fake.roleModerator,
      ),
    );
    expect(submit.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(embedOf(submit).title).toBe("手ぬぐいの使い方");
    expect(engine.find("https://example.com/tenugui")).toBeDefined();
  });

  it("offers to refetch only the articles with a URL, and to remove any", async () => {
    const pasted = await fake.send(
      fake.modalSubmit(
        "article:text",
        { title: "回覧板（URL なし）", url: "", text: "回覧板は、町内の連絡を順に回して読むための板です。" },
        fake.roleModerator,
      ),
    );
    expect(embedOf(pasted).title).toBe("回覧板（URL なし）");
    const offered = async (action: string) =>
      choicesOf(
        await fake.send(
          fake.autocomplete(
            "article",
            [{ type: 1, name: action, options: [{ name: "article", type: 3, value: "回覧板", focused: true }] }],
            fake.roleModerator,
          ),
        ),
      ).map((c) => c.name);
    // before, refetch offered it, then refused it for having no URL to fetch
    expect(await offered("refetch")).toEqual([]);
    expect((await offered("remove")).some((name) => name.startsWith("回覧板（URL なし）"))).toBe(true);
  });

  it("refuses a form whose URL holds a user name and password, showing and logging neither", async () => {
    const moderator = fake.newMember({ moderator: true });
    const before = engine.stats.articles;
    const submit = await fake.send(
      fake.modalSubmit(
        "article:text",
        {
          title: "社内報の記事",
          url: "https://shiori:hunter2-secret@intra.example.jp/news/1",
          text: "社内報に載った記事の本文です。これは本文です。",
        },
        moderator,
      ),
    );
    expect(submit.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    // before, stored with that URL, the embed's link and the list showing the password to every member
    // (a message's @ is escaped, and shows as @)
    expect(lastBody(submit)["content"]).toBe(
      "出典の URL にユーザー名やパスワード（\\@ の前の部分）が含まれています。記事の URL は記事を見る人すべてに表示されるため、そのままでは登録しません。\\@ までを取り除いた URL を入れるか、欄を空のままにしてください。",
    );
    expect(buttonsOf(lastBody(submit)).map((b) => b.label)).toEqual(["入力し直す"]);
    expect(engine.stats.articles).toBe(before);
    const entries = () => logLines.filter((l) => l.includes(moderator.id));
    await vi.waitFor(() => expect(entries().some((l) => l.includes('"outcome":"refused"'))).toBe(true));
    expect(logLines.join("")).not.toContain("hunter2");
  });

  it("refuses a form whose URL box holds no URL, before anything is stored", async () => {
    const before = engine.stats.articles;
    const submit = await fake.send(
      fake.modalSubmit(
        "article:text",
        { title: "風呂敷の包み方", url: "なし", text: "風呂敷は、物を包んで運ぶための四角い布です。" },
        fake.roleModerator,
      ),
    );
    expect(submit.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(submit)["content"]).toBe(
      "出典の URL の欄に入力された「なし」は URL ではありません。http:// か https:// で始まる記事のページの URL を入れるか、欄を空のままにしてください。",
    );
    expect(engine.stats.articles).toBe(before);
  });

  it.each([
    ["zero-width spaces", "\u200b\u200b", "\u200b\u200b\u200b"],
    ["a lone surrogate", "\ud800", "本文はあるのに、題が半分の文字だけの記事です。"],
    ["a title and no visible body", "見えない本文の記事", "\u3000\u2060\n\ufeff"],
  ])("refuses a form of %s as an empty one, storing nothing", async (_, title, text) => {
    const before = engine.stats.articles;
    const submit = await fake.send(fake.modalSubmit("article:text", { title, url: "", text }, fake.roleModerator));
    expect(submit.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(submit)["content"]).toBe(
      "タイトルと本文の両方を入力してください。空白やゼロ幅スペースなどの見えない文字だけでは登録できません。",
    );
    expect(engine.stats.articles).toBe(before);
  });

  it("keeps what a refused form held: 「入力し直す」 reopens it filled in for its moderator, to correct one box", async () => {
    const moderator = fake.newMember({ moderator: true });
    const typed = {
      title: "  風呂敷の包み方 🎁 ",
      url: "社外秘の下書き",
      text: "風呂敷は、物を包んで運ぶための四角い布です。\n\n瓶も本も、結び方ひとつで包めます。👨‍👩‍👧 家族の贈り物にも。",
    };
    const before = engine.stats.articles;
    const submit = await fake.send(fake.modalSubmit("article:text", typed, moderator));
    // The refusal says why, privately, as before, and carries the button.
    expect(submit.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(String(lastBody(submit)["content"])).toMatch(
      /^出典の URL の欄に入力された「社外秘の下書き」は URL ではありません。/u,
    );
    const [retry, ...others] = buttonsOf(lastBody(submit));
    expect(others).toEqual([]);
    expect(retry?.label).toBe("入力し直す");
    expect(retry?.custom_id).toMatch(/^article:retry:[\w-]+$/u);
    const press = (actor: typeof moderator) =>
      fake.send(fake.button(String(retry?.custom_id), String(fake.original(submit)["id"]), actor));

    // Moderators only, as the command; and only the moderator who typed it.
    const member = await press(fake.newMember());
    expect(member.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(member)["content"]).toContain("モデレーター");
    const other = await press(fake.moderator);
    expect(other.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(other)["content"]).toContain("フォームを送信した本人だけ");

    // The same form, each box as it was typed.
    const reopened = await press(moderator);
    const form = formOf(reopened);
    expect(form.id).toMatch(/^article:text:/u);
    expect(form.inputs.map((i) => [i.id, i.label, i.value])).toEqual([
      ["title", "タイトル", typed.title],
      ["url", "出典の URL（任意）", typed.url],
      ["text", "本文", typed.text],
    ]);

    // The moderator corrects the URL alone and sends it: added.
    const values = Object.fromEntries(form.inputs.map((i) => [i.id, i.value ?? ""]));
    const corrected = await fake.send(
      fake.modalSubmit(form.id, { ...values, url: "https://example.com/furoshiki" }, moderator),
    );
    expect(embedOf(corrected).author?.name).toBe("記事を追加しました");
    expect(engine.find("https://example.com/furoshiki")?.title).toBe("風呂敷の包み方 🎁");
    expect(engine.stats.articles).toBe(before + 1);
    // Once sent, what was kept is forgotten; and none of it was ever logged.
    const again = await press(moderator);
    expect(lastBody(again)["content"]).toContain("この入力内容はもう残っていません（フォームをすでに送り直したか");
    expect(logLines.join("")).not.toContain("瓶も本も");
    expect(logLines.join("")).not.toContain("社外秘の下書き");
    await engine.remove(engine.find("https://example.com/furoshiki")?.id as string);
  });

  it("logs no word a member typed when Discord refuses the message that carries it (a form given back, an answer)", async () => {
    const moderator = fake.newMember({ moderator: true });
    const typed = { title: "門外不出の題", url: "非公開の下書きメモ", text: "この本文は社内だけの下書きです。" };
    const submit = await fake.send(fake.modalSubmit("article:text", typed, moderator));
    const [retry] = buttonsOf(lastBody(submit));
    const question = "わたしの個人的な悩みと富士山の登山シーズン";
    const logged = () => logLines.filter((l) => l.includes('"event":"interaction.error"')).join("\n");
    const before = logged();
    // Discord refuses the form given back, then an answer (discord.js's errors carry the body they sent).
    fake.refuse = (r) =>
      r.path.endsWith("/callback") && (r.body as Json | null)?.["type"] === 9
        ? { status: 400, json: { message: "Invalid Form Body", code: 50035 } }
        : r.method === "PATCH" && r.path.endsWith("/messages/@original")
          ? { status: 403, json: { message: "Missing Access", code: 50001 } }
          : null;
    try {
      await fake.send(fake.button(String(retry?.custom_id), String(fake.original(submit)["id"]), moderator), {
        until: (t) => t.ack !== null || fake.requests.some((r) => r.path.includes(t.token)),
      });
      await vi.waitFor(() => expect(logged().slice(before.length)).toContain('"code":50035'));
      await fake.send(fake.chatInput("ask", [str("question", question)], fake.newMember()), {
        until: (t) => fake.requests.some((r) => r.method === "PATCH" && r.path.includes(t.token)),
      });
      await vi.waitFor(() => expect(logged().slice(before.length)).toContain('"code":50001'));
    } finally {
      fake.refuse = null;
    }
    const lines = logged().slice(before.length);
    // What Discord refused is there, and why; what was in the message is not.
    expect(lines).toContain('"command":"article:retry"');
    expect(lines).toContain('"command":"ask"');
    for (const words of [...Object.values(typed), "個人的な悩み"]) expect(logLines.join("")).not.toContain(words);
  });

  it("says what to do when 「入力し直す」 is pressed after what was typed was forgotten (15 minutes, a restart)", async () => {
    const moderator = fake.newMember({ moderator: true });
    const submit = await fake.send(
      fake.modalSubmit("article:text", { title: "\u200b", url: "", text: "題のない本文です。" }, moderator),
    );
    const [retry] = buttonsOf(lastBody(submit));
    const message = String(fake.original(submit)["id"]);
    const forgotten = `この入力内容はもう残っていません（フォームをすでに送り直したか、保存期間の 15 分が過ぎたか、shiori が再起動しました）。送り直した記事は ${commandMention("article", "list")} で確かめられます。追加し直すには、もう一度 ${commandMention("article", "add")} を使ってください。`;
    clockSkewMs = 16 * 60 * 1_000;
    try {
      const late = await fake.send(fake.button(String(retry?.custom_id), message, moderator));
      expect(late.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
      expect(lastBody(late)["content"]).toBe(forgotten);
    } finally {
      clockSkewMs = 0;
    }
    // A bot started since holds no key of the one before: the same message.
    const restarted = await fake.send(fake.button("article:retry:AAAAAAAAAAAAAAAA", message, moderator));
    expect(lastBody(restarted)["content"]).toBe(forgotten);
  });

  it("reopens a refused form of the longest text within what each box takes, and says what did not fit", async () => {
    const moderator = fake.newMember({ moderator: true });
    // 4,000 characters as Discord counts them, 5,000 UTF-16 units: the box takes the first 4,000 units.
    const text = "𠮷野家。".repeat(1_000);
    const submit = await fake.send(fake.modalSubmit("article:text", { title: "\u3000", url: "", text }, moderator));
    // Told before pressing: the end of the body will not be in the form, and where a long body goes.
    expect(String(lastBody(submit)["content"])).toBe(
      "タイトルと本文の両方を入力してください。空白やゼロ幅スペースなどの見えない文字だけでは登録できません。" +
        "なお、「入力し直す」で開くフォームは長さに限りがあるため、本文の末尾 800 文字が入りません。" +
        `長い本文は .txt ファイルにして ${commandMention("article", "add")} の file で追加できます。`,
    );
    const [retry] = buttonsOf(lastBody(submit));
    const reopened = await fake.send(
      fake.button(String(retry?.custom_id), String(fake.original(submit)["id"]), moderator),
    );
    const body = formOf(reopened).inputs.find((i) => i.id === "text");
    expect(body?.maxLength).toBe(4000);
    expect(body?.value).toBe("𠮷野家。".repeat(800));
    // And told again under the body's label, the command as typed: a form shows no mention.
    expect(body?.description).toBe(
      "長すぎて末尾の 800 文字が入りませんでした。長い本文は .txt ファイルにして /article add の file で追加できます。",
    );
    // A title that shows nothing is given back as typed, and nothing is said under it.
    expect(formOf(reopened).inputs[0]).toMatchObject({ value: "\u3000", description: undefined });
  });

  it("cuts an emoji-heavy body at a whole emoji when it reopens the form, never inside one", async () => {
    const moderator = fake.newMember({ moderator: true });
    // 3,501 characters as Discord counts them (each family five code points), 5,601 UTF-16 units
    const family = "👨‍👩‍👧";
    const text = `a${family.repeat(700)}`;
    const submit = await fake.send(fake.modalSubmit("article:text", { title: "\u3000", url: "", text }, moderator));
    expect(String(lastBody(submit)["content"])).toContain("本文の末尾 201 文字が入りません");
    const [retry] = buttonsOf(lastBody(submit));
    const reopened = await fake.send(
      fake.button(String(retry?.custom_id), String(fake.original(submit)["id"]), moderator),
    );
    const body = formOf(reopened).inputs.find((i) => i.id === "text");
    expect(body?.value).toBe(`a${family.repeat(499)}`);
    expect(body?.value).not.toMatch(LONE_SURROGATE);
    expect(body?.description).toMatch(/^長すぎて末尾の 201 文字が入りませんでした。/u);
  });

  it("takes a URL in Discord's no-preview form <…>, in the form's URL box and in url:", async () => {
    const submit = await fake.send(
      fake.modalSubmit(
        "article:text",
        {
          title: "扇子のたたみ方",
          url: "<https://example.com/sensu>",
          text: "扇子は、骨の順に一本ずつ重ねるようにしてたたみます。",
        },
        fake.roleModerator,
      ),
    );
    expect(embedOf(submit).author?.name).toBe("記事を追加しました");
    expect(engine.find("https://example.com/sensu")?.title).toBe("扇子のたたみ方");

    const id = engine.find(`${pagesBase}/nijiriguchi.html`)?.id as string;
    await engine.remove(id);
    const trace = await fake.send(
      fake.chatInput(
        "article",
        [{ type: 1, name: "add", options: [str("url", ` <${pagesBase}/nijiriguchi.html> `)] }],
        fake.moderator,
      ),
    );
    expect(embedOf(trace).author?.name).toBe("記事を追加しました");
    expect(engine.find(`${pagesBase}/nijiriguchi.html`)?.url).toBe(`${pagesBase}/nijiriguchi.html`);
  });

  it("refuses a duplicate whose stored title is huge in one short escaped line, and never leaves it thinking", async () => {
    const title = `巨大な題名の記事\n**太字** @everyone <@123456789012345678>\u202e${"とても長い題名".repeat(500)}`;
    const stored = createArticle(
      {
        ...FUJI,
        title,
        url: "https://example.com/huge-title",
        blocks: [{ kind: "paragraph", text: "巨大な題名の記事の本文です。" }],
      },
      { by: "test", at: new Date("2024-07-01T00:00:00Z") },
    );
    await engine.put(stored);
    try {
      const trace = await fake.send(
        fake.modalSubmit(
          "article:text",
          { title: "別の題名", url: "https://example.com/huge-title", text: "別の本文です。" },
          fake.roleModerator,
        ),
      );
      expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
      const content = String(lastBody(trace)["content"]);
      expect(content.length).toBeLessThanOrEqual(2000);
      expect(content).toContain(
        `すでに登録されています（ID: ${stored.id}「巨大な題名の記事 \\*\\*太字\\*\\* \\@everyone \\<\\@`,
      );
      // The title is cut, so what to do still fits after it; it is one line, without bidirectional overrides.
      expect(content).toMatch(/…」）。.*\/article refetch/u);
      expect(content).not.toMatch(/[\n\u202e]/u);
      // The deferred reply was edited: no longer "thinking…"; its button reopens the form as it was sent.
      expect(Number(fake.original(trace)["flags"]) & 128).toBe(0);
      const [retry] = buttonsOf(lastBody(trace));
      expect(retry?.label).toBe("入力し直す");
      const reopened = await fake.send(
        fake.button(String(retry?.custom_id), String(fake.original(trace)["id"]), fake.roleModerator),
      );
      expect(formOf(reopened).inputs.map((i) => i.value)).toEqual([
        "別の題名",
        "https://example.com/huge-title",
        "別の本文です。",
      ]);
    } finally {
      await engine.remove(stored.id);
    }
  });

  it("refuses a member without Manage Server or a moderator role, whatever Discord's defaults allowed", async () => {
    const before = engine.stats.articles;
    const trace = await fake.send(
      fake.chatInput(
        "article",
        [{ type: 1, name: "add", options: [str("url", `${pagesBase}/nijiriguchi.html`)] }],
        fake.newMember(),
      ),
    );
    expect(trace.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(trace)["content"]).toContain("モデレーター");
    expect(engine.stats.articles).toBe(before);
  });

  it("removes an article after a confirmation button that only a moderator can press", async () => {
    const target = engine.list().find((a) => a.url === "https://example.com/ndc")?.articleId as string;
    // A member's answer from the article, with its summary button, from before the removal.
    const answered = await fake.send(fake.chatInput("ask", [str("question", "NDCとは？")], fake.newMember()));
    const [summaryButton] = buttonIds(fake.original(answered));
    expect(summaryButton).toBe(`summary:show:${target}`);
    const ask = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "remove", options: [str("article", target)] }], fake.roleModerator),
    );
    expect(ask.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(embedOf(ask).author?.name).toBe("この記事を削除しますか？");
    const [confirm] = buttonIds(fake.original(ask));
    expect(confirm).toBe(`article:remove:${target}`);

    const refused = await fake.send(fake.button(String(confirm), String(fake.original(ask)["id"]), fake.newMember()));
    expect(lastBody(refused)["content"]).toContain("モデレーター");
    expect(engine.article(target)).toBeDefined();

    // Another moderator asked to remove it too, and confirms after it is gone.
    const title = engine.article(target)?.title;
    const other = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "remove", options: [str("article", target)] }], fake.moderator),
    );

    const done = await fake.send(fake.button(String(confirm), String(fake.original(ask)["id"]), fake.roleModerator));
    expect(embedOf(done).author?.name).toBe("記事を削除しました");
    expect(buttonIds(fake.original(ask))).toEqual([]);
    expect(engine.article(target)).toBeUndefined();
    // A second press of the same button (a double click) still says it is removed, and names it.
    const again = await fake.send(fake.button(String(confirm), String(fake.original(ask)["id"]), fake.roleModerator));
    expect([embedOf(again).author?.name, embedOf(again).title]).toEqual(["記事を削除しました", title]);
    // The other moderator is told it is gone already, and which article it was: before, the title was lost.
    const late = await fake.send(fake.button(String(confirm), String(fake.original(other)["id"]), fake.moderator));
    expect([embedOf(late).author?.name, embedOf(late).title]).toEqual(["この記事はすでに削除されています", title]);

    // Its id, chosen from the suggestions before the removal and sent after, is said removed, by its title.
    const chosen = await fake.send(fake.chatInput("summary", [str("article", target)], fake.newMember()));
    expect(lastBody(chosen)["content"]).toMatch(
      new RegExp(
        `^記事「${title}」（ID: ${target}）はすでに削除されています。入力中に表示される候補から今ある記事を選ぶか、`,
        "u",
      ),
    );

    // The summary button now says the article was removed: nothing to pick from, no /article list.
    const gone = await fake.send(
      fake.button(String(summaryButton), String(fake.original(answered)["id"]), fake.newMember()),
    );
    expect(gone.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(gone)["content"]).toContain("削除されたようです");
    expect(lastBody(gone)["content"]).toContain(`${commandMention("about")} の「記事の一覧」`);
    expect(lastBody(gone)["content"]).not.toMatch(/候補|\/article/u);
  });

  it("says once that a removal was called off, or that an article it cannot name is gone", async () => {
    const target = engine.list().find((a) => a.url === "https://example.com/sado")?.articleId as string;
    const remove = () =>
      fake.send(
        fake.chatInput("article", [{ type: 1, name: "remove", options: [str("article", target)] }], fake.moderator),
      );
    const ask = await remove();
    const [confirm, cancel] = buttonIds(fake.original(ask));
    const cancelled = await fake.send(fake.button(String(cancel), String(fake.original(ask)["id"]), fake.moderator));
    // before: {"author":{"name":"削除をやめました"},"title":"削除をやめました"}
    expect([embedOf(cancelled).author, embedOf(cancelled).title]).toEqual([undefined, "削除をやめました"]);
    expect(buttonIds(fake.original(ask))).toEqual([]);
    expect(engine.article(target)).toBeDefined();

    // Removed meanwhile from outside the bot (the CLI), confirmed after: the bot has no title to name.
    const again = await remove();
    const stored = engine.article(target) as Article;
    await engine.remove(target);
    try {
      const late = await fake.send(fake.button(String(confirm), String(fake.original(again)["id"]), fake.moderator));
      expect([embedOf(late).author, embedOf(late).title]).toEqual([undefined, "この記事はすでに削除されています"]);
    } finally {
      await engine.put(stored);
    }
  });

  it("asks to check an id that names no article before removing anything, not that it was removed", async () => {
    const before = engine.stats.articles;
    const real = engine.list()[0]?.articleId as string;
    const mistyped = `${real.slice(0, -1)}${real.endsWith("0") ? "1" : "0"}`;
    const trace = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "remove", options: [str("article", mistyped)] }], fake.moderator),
    );
    expect(trace.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(trace)["content"]).toMatch(
      new RegExp(`^ID が ${mistyped} の記事は見つかりませんでした。ID に誤りがないか確かめるか、`, "u"),
    );
    expect(lastBody(trace)["content"]).not.toContain("削除");
    expect(buttonIds(fake.original(trace))).toEqual([]);
    expect(engine.stats.articles).toBe(before);
  });

  it("lists the articles, newest first, with page buttons", async () => {
    const trace = await fake.send(fake.chatInput("article", [{ type: 1, name: "list", options: [] }], fake.moderator));
    expect(embedOf(trace).title).toBe(`記事の一覧（全 ${engine.stats.articles} 件）`);
    expect(embedOf(trace).description?.split("\n")[0]).toMatch(/^1\. \[/u);
  });
});

describe("/about, errors and refusals", () => {
  it("shows the corpus size, version and uptime, and opens the article list for everyone", async () => {
    const member = fake.newMember();
    const trace = await fake.send(fake.chatInput("about", [], member));
    const fields = embedOf(trace).fields ?? [];
    expect(fields.find((f) => f.name === "記事")?.value).toBe(`${engine.stats.articles} 件`);
    expect(fields.find((f) => f.name === "バージョン")?.value).toBe("0\\.1\\.0\\-test".replace(/\\/gu, ""));
    const list = await fake.send(fake.button("article:list:1", String(fake.original(trace)["id"]), member));
    expect(list.ack?.type).toBe(7);
    expect(embedOf(list).title).toMatch(/^記事の一覧/u);
  });

  it("names the commands as mentions with the ids the server's commands were registered with", async () => {
    // fetched once, from the test server's commands, where deploy-commands registered them
    const fetched = fake.requests.filter((r) => r.method === "GET" && r.path.endsWith("/commands"));
    expect(fetched.map((r) => [r.path, r.status])).toEqual([
      [`/applications/${fake.appId}/guilds/${fake.guildId}/commands`, 200],
    ]);
    const ids = ["ask", "search", "summary", "about"].map((name) => commandMention(name).split(":")[1]);
    expect(new Set(ids).size).toBe(4);
    expect(loggedEvent("bot.command_ids_missing")).toMatchObject({
      guildId: fake.guildId,
      registered: commandsJson().length,
      missing: ["probe", "slow-article"],
    });
    const about = await fake.send(fake.chatInput("about", [], fake.newMember()));
    expect(embedOf(about).description?.split("\n")[1]).toBe(
      `${commandMention("ask")} で質問、${commandMention("search")} で検索、${commandMention("summary")} で記事の要約、メッセージのメニュー「記事を検索」でその話題の記事を探せます。`,
    );
    // In a refusal, escaped as a whole, the bot's own mention stays one; what the member typed is escaped,
    // a mention too, and nobody is pinged.
    const typed = "**ない記事** </ask:1300000000000000099>";
    const refused = await fake.send(fake.chatInput("summary", [str("article", typed)], fake.newMember()));
    expect(lastBody(refused)["content"]).toBe(
      `「\\*\\*ない記事\\*\\* \\</ask:1300000000000000099\\>」に当たる記事が見つかりませんでした。入力中に表示される候補から選ぶか、${commandMention("about")} の「記事の一覧」ボタンで記事を確かめてください。`,
    );
    expect(lastBody(refused)["allowed_mentions"]).toEqual({ parse: [], replied_user: false });
    // The bot's very mention, typed by the member, is theirs: escaped; the one the bot wrote is not.
    const copied = await fake.send(
      fake.chatInput("summary", [str("article", `${commandMention("about")} の記事`)], fake.newMember()),
    );
    expect(lastBody(copied)["content"]).toBe(
      `「\\${commandMention("about").slice(0, -1)}\\> の記事」に当たる記事が見つかりませんでした。入力中に表示される候補から選ぶか、${commandMention("about")} の「記事の一覧」ボタンで記事を確かめてください。`,
    );
    // (and the marks that tell the two apart, INVISIBLE characters, are not shown)
    for (const trace of [about, refused, copied]) {
      for (const text of strings(lastBody(trace))) expect(stripInvisible(text)).toBe(text);
    }
  });

  it("apologizes for an internal error, logs it with context, and keeps running", async () => {
    // A command Discord still lists but the bot no longer has: a bug, not the member's mistake.
    const trace = await fake.send(fake.chatInput("ghost", []));
    expect(trace.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(trace)["content"]).toContain("内部エラーが発生しました");
    const logged = logLines
      .map((l) => JSON.parse(l) as Json)
      .find((e) => e["event"] === "interaction.error" && e["command"] === "ghost");
    expect(logged).toMatchObject({
      command: "ghost",
      userId: fake.member.id,
      err: { message: "bot: no command ghost" },
    });
    const after = await fake.send(fake.chatInput("about", []));
    expect(embedOf(after).title).toBe("shiori について");
  });

  it("shows a handler's buttons under its apology for a bug, and logs the bug itself", async () => {
    const member = fake.newMember();
    const trace = await fake.send(fake.chatInput("probe", [str("mode", "bug-with-button")], member));
    expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(lastBody(trace)["content"]).toContain("内部エラーが発生しました");
    expect(buttonsOf(lastBody(trace))).toEqual([{ label: "入力し直す", custom_id: "probe:again" }]);
    const logged = logLines
      .map((l) => JSON.parse(l) as Json)
      .find((e) => e["event"] === "interaction.error" && e["userId"] === member.id);
    expect(logged).toMatchObject({ command: "probe", err: { message: "probe: a bug under a button" } });
  });

  it("defers a handler that forgot to, so that Discord's 3 seconds are never missed", async () => {
    const trace = await fake.send(fake.chatInput("probe", [str("mode", "slow")], fake.newMember()));
    expect(trace.ack?.type).toBe(5);
    expect(lastBody(trace)["content"]).toBe("おそくなりました");
  });

  it("cuts an error message longer than Discord allows, escaped, to the member only", async () => {
    const trace = await fake.send(fake.chatInput("probe", [str("mode", "long-error")], fake.newMember()));
    expect(trace.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    const content = String(lastBody(trace)["content"]);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/^\\\*\\\*注意\\\*\\\* \\<\\@123456789012345678\\> さん、長い説明です。/u);
    expect(content).not.toContain("\u202e");
    expect(content.endsWith("…")).toBe(true);
  });

  it("defers a slow moderator command privately, as /article replies", async () => {
    const trace = await fake.send(
      fake.chatInput("slow-article", [{ type: 1, name: "list", options: [] }], fake.moderator),
    );
    expect(trace.ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(embedOf(trace).title).toMatch(/^記事の一覧/u);
    expect(Number(fake.original(trace)["flags"]) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it("shows an error that comes after a public defer to the member only, and removes the public reply", async () => {
    const trace = await fake.send(fake.chatInput("probe", [str("mode", "late-error")], fake.newMember()), {
      until: (t) => fake.requests.some((r) => r.method === "DELETE" && r.path.includes(t.token)),
    });
    expect(trace.ack).toMatchObject({ type: 5, data: { flags: 0 } });
    expect(trace.bodies.at(-1)).toMatchObject({
      kind: "followup",
      body: { content: "あとから分かった問題です。", flags: EPHEMERAL },
    });
    expect(trace.originalId && fake.messages.has(trace.originalId)).toBe(false);
  });

  it("refuses politely in a server that is not allowed, and in DMs", async () => {
    const elsewhere = await fake.send(fake.chatInput("about", [], fake.newMember(), { guildId: fake.otherGuildId }));
    expect(elsewhere.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(elsewhere)["content"]).toContain("このサーバーでは shiori を利用できません");
    // A DM is no server to ask permission for: the member is sent to the servers shiori is allowed in.
    const dm = await fake.send(
      fake.chatInput("ask", [str("question", "千利休とは？")], fake.newMember(), { guildId: null }),
    );
    expect(dm.ack).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(lastBody(dm)["content"]).toContain("DM（ダイレクトメッセージ）では shiori を利用できません");
    expect(lastBody(dm)["content"]).toContain("許可されたサーバー");
    expect(lastBody(dm)["content"]).not.toContain("このサーバー");
  });

  it("sends allowed_mentions {parse: []} on every message body, and never logs the token", () => {
    const bodies = fake.requests.flatMap((r) => {
      const body = r.body as Json | null;
      if (r.path.endsWith("/callback")) {
        const type = body?.["type"];
        return type === 4 || type === 7 ? [body?.["data"] as Json] : [];
      }
      return r.path.startsWith("/webhooks/") && (r.method === "PATCH" || r.method === "POST") ? [body as Json] : [];
    });
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(body["allowed_mentions"]).toEqual({ parse: [], replied_user: false });
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join("")).not.toContain(TOKEN);
  });

  it("answered every interaction within Discord's 3 seconds", () => {
    const late = [...fake.interactions.values()].filter((t) => !t.ack || t.ack.at - t.dispatchedAt > 3_000);
    expect(late.map((t) => t.id)).toEqual([]);
  });
});

const NIJIRIGUCHI_HTML = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>にじり口と茶室の広さ | しおりテスト通信</title>
<meta property="og:site_name" content="しおりテスト通信">
<meta property="article:published_time" content="2024-07-01T10:00:00+09:00"></head>
<body><header><nav>ホーム | 文化 | 暮らし</nav></header>
<main><article><h1>にじり口と茶室の広さ</h1>
<p>にじり口は、茶室の客が出入りするための小さな入り口です。高さも幅も六十センチほどしかなく、客は身をかがめて中に入ります。</p>
<p>どんな身分の人も頭を下げて入ることから、茶室の中では誰もが対等であるという考えを表しているといわれます。</p>
<p>茶室の広さは四畳半が基本とされ、それより狭いものは小間、広いものは広間と呼ばれます。二畳の茶室も残っています。</p>
</article></main><footer>しおりテスト通信</footer></body></html>`;

const UNTITLED_HTML = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"></head>
<body><main><p>見出しのないページです。本文はありますが、タイトルになるものがどこにもありません。</p>
<p>二つ目の段落も、見出しのないまま続きます。</p></main></body></html>`;

const VANISHING_HTML = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>消えるページ</title></head>
<body><main><article><h1>消えるページ</h1>
<p>このページは、追加されたあとで取得元から消えます。取り直すと、ページが見つかりません。</p>
</article></main></body></html>`;

/** A page that moves: before, and at its new address with a paragraph more. */
function movingHtml(moved: boolean): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>町内会の事務所</title></head>
<body><main><article><h1>町内会の事務所</h1>
<p>町内会の事務所は、公民館の二階にあります。窓口は平日の午前中に開いています。</p>
${moved ? "<p>来月からは駅前の集会所に移ります。</p>" : ""}
</article></main></body></html>`;
}

const SENSU_HTML = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>扇子の選び方 | しおりテスト通信</title>
<meta property="og:site_name" content="しおりテスト通信"></head>
<body><main><article><h1>扇子の選び方</h1>
<p>扇子は、骨の数と素材で風の強さと持ちやすさが変わります。竹の骨は軽く、しなやかです。</p>
<p>扇面には紙と布があり、紙は風をよく送り、布は丈夫で長く使えます。</p>
</article></main></body></html>`;

const NOTES_MD = `# 和菓子の季節

和菓子は季節を映す菓子です。春には桜餅、夏には水ようかん、秋には栗きんとん、冬には花びら餅が店に並びます。

菓子の名前や形にも季節が込められていて、同じあんこでも季節によって姿を変えるのが和菓子の楽しみです。
`;
