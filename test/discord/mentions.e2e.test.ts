import { rm } from "node:fs/promises";
import { SlashCommandBuilder } from "discord.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Command, defineCommand } from "../../commands/context.ts";
import { commands } from "../../commands/index.ts";
import { type Bot, createBot } from "../../src/bot.ts";
import { loadFetchConfig } from "../../src/config.ts";
import { deployCommands } from "../../src/deploy-commands.ts";
import type { Engine } from "../../src/engine.ts";
import { UserFacingError } from "../../src/errors.ts";
import { fetchOptionsOf } from "../../src/ingest/ingest.ts";
import { createLogger } from "../../src/log.ts";
import { stripInvisible } from "../../src/render/limits.ts";
import { openTestEngine } from "./corpus.ts";
import { FakeDiscord, type InteractionTrace } from "./fake-discord.ts";

/**
 * The commands named in replies when their ids are not known: none registered yet, or Discord failing (or
 * slow) to list them. Replies still come, and name the commands as typed, /ask; a command used is known
 * from then on, and a later fetch brings the mentions back. (With the ids, see bot.e2e.test.ts.)
 */

type Json = Record<string, unknown>;

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake0.mentions-test-token";
const PLAIN_ABOUT =
  "/ask で質問、/search で検索、/summary で記事の要約、メッセージのメニュー「記事を検索」でその話題の記事を探せます。";
const ONLY_A_LINK =
  "このメッセージにはメンションやリンク、絵文字しかなく、検索できる文章がありません。これらは検索に使いません。文章を含むメッセージで使うか、/search でキーワードを入力してください。";

let engine: Engine;
let corpusDir: string;
let fake: FakeDiscord;
let bot: Bot | null = null;
const logLines: string[] = [];

beforeAll(async () => {
  ({ engine, corpusDir } = await openTestEngine());
});

beforeEach(async () => {
  fake = new FakeDiscord();
  await fake.start();
});

afterEach(async () => {
  await bot?.stop();
  bot = null;
  // nothing the bots sent broke a rule of Discord's, and no log line holds the token
  expect(fake.violations).toEqual([]);
  // nor an INVISIBLE character: the marks before the bot's mentions (see CommandMentions.mark) are not shown
  for (const text of fake.requests.flatMap((r) => strings(r.body))) expect(stripInvisible(text)).toBe(text);
  expect(logLines.join("\n")).not.toContain(TOKEN);
  await fake.stop();
});

afterAll(async () => {
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

/**
 * Logs in a bot of the server's (DISCORD_GUILD_ID), or with `global` one of all servers, with the commands of
 * the bot and `extra` ones: login() does not wait for the commands' ids.
 */
async function startBot(extra: readonly Command<unknown>[] = [], { global = false } = {}): Promise<Bot> {
  const logger = createLogger({ level: "info", secrets: [TOKEN], destination: { write: (l) => logLines.push(l) } });
  bot = createBot({
    // global: a bot without DISCORD_GUILD_ID, whose commands' ids are the global ones
    config: { ...fake.botConfig(TOKEN), guildId: global ? null : fake.guildId },
    engine,
    logger,
    fetch: fetchOptionsOf(loadFetchConfig({})),
    version: "0.1.0-test",
    clientOptions: { waitGuildTimeout: 1_000 },
    commands: [...(commands as readonly Command<unknown>[]), ...extra],
  });
  await bot.login();
  return bot;
}

const commandsRoute = () => `/applications/${fake.appId}/guilds/${fake.guildId}/commands`;

/** The second line of /about's description: the commands, by name. */
async function aboutCommands(): Promise<string | undefined> {
  const trace = await fake.send(fake.chatInput("about", [], fake.newMember()));
  const embed = (lastBody(trace)["embeds"] as { description?: string }[] | undefined)?.[0];
  return embed?.description?.split("\n")[1];
}

/** The refusal of the message menu 「記事を検索」 on a message of a link alone, which names /search. */
async function onlyALink(): Promise<unknown> {
  const message = fake.userMessage("https://example.com/fuji");
  return lastBody(await fake.send(fake.messageCommand("Search articles", message, fake.newMember())))["content"];
}

function lastBody(trace: InteractionTrace): Json {
  const body = trace.bodies.at(-1)?.body;
  if (!body) throw new Error(`no message for interaction ${trace.id}`);
  return body;
}

/** Every string in a value. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

function logged(event: string): Json | undefined {
  return logLines.map((l) => JSON.parse(l) as Json).find((e) => e["event"] === event);
}

describe("commands named without their ids", () => {
  it("names them as typed when none is registered in the server, and warns the operator", async () => {
    // registered globally, not in the server DISCORD_GUILD_ID names, where the bot looks for them
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: null, apiBase: fake.apiBase });
    const started = await startBot();
    // Discord listed none: nothing to mention, and nothing that says it fetched them
    expect(await started.fetchCommandIds()).toBe(false);
    expect(fake.requests.some((r) => r.method === "GET" && r.path === commandsRoute())).toBe(true);
    expect(logged("bot.command_ids_missing")).toMatchObject({
      level: "warn",
      guildId: fake.guildId,
      registered: 0,
      missing: ["ask", "search", "summary", "article", "about"],
    });
    expect(logged("bot.command_ids")).toBeUndefined();
    expect(await aboutCommands()).toBe(PLAIN_ABOUT);
    expect(await onlyALink()).toBe(ONLY_A_LINK);
  });

  it("keeps the id a command used gave when a later list lacks it", async () => {
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: fake.guildId, apiBase: fake.apiBase });
    const inServer = (name: string) =>
      String(fake.registered.get(commandsRoute())?.find((c) => c["name"] === name)?.["id"] ?? "none");
    // Discord lists none there (as when the list is asked of the wrong place)
    fake.refuse = (r) => (r.method === "GET" && r.path === commandsRoute() ? { status: 200, json: [] } : null);
    const started = await startBot();
    expect(await started.fetchCommandIds()).toBe(false);
    const asked = await fake.send(
      fake.chatInput("ask", [{ name: "question", type: 3, value: "富士山の登山シーズンはいつ？" }], fake.newMember()),
    );
    expect(asked.ack?.type).toBe(5);
    expect(await started.fetchCommandIds()).toBe(false);
    // still mentioned: a list that lacks a command says nothing of its id
    expect(await aboutCommands()).toBe(PLAIN_ABOUT.replace("/ask", `</ask:${inServer("ask")}>`));
  });

  it("answers at once, as typed, while Discord is slow to list them or fails to, and mentions them once known", async () => {
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: fake.guildId, apiBase: fake.apiBase });
    const id = (name: string) =>
      String(fake.registered.get(commandsRoute())?.find((c) => c["name"] === name)?.["id"] ?? "none");
    // the list is held until the test lets it go, then refused with a server error (which discord.js tries again)
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const listing = (r: { method: string; path: string }) => r.method === "GET" && r.path === commandsRoute();
    fake.hold = async (r) => {
      if (listing(r)) await released;
    };
    fake.refuse = (r) =>
      listing(r) ? { status: 500, json: { message: "500: Internal Server Error", code: 0 } } : null;
    const started = await startBot();
    // logged in, and answering, while the list is held
    expect(await aboutCommands()).toBe(PLAIN_ABOUT);
    release();
    expect(await started.fetchCommandIds()).toBe(false);
    expect(logged("bot.command_ids_failed")).toMatchObject({ level: "warn", guildId: fake.guildId });
    expect(await aboutCommands()).toBe(PLAIN_ABOUT);
    expect(await onlyALink()).toBe(ONLY_A_LINK);
    // a command used says its id: mentioned from then on, the others still as typed
    const asked = await fake.send(
      fake.chatInput("ask", [{ name: "question", type: 3, value: "富士山の登山シーズンはいつ？" }], fake.newMember()),
    );
    expect(asked.ack?.type).toBe(5);
    expect(await aboutCommands()).toBe(
      `</ask:${id("ask")}> で質問、/search で検索、/summary で記事の要約、メッセージのメニュー「記事を検索」でその話題の記事を探せます。`,
    );
    // Discord answers again: all of them
    fake.refuse = null;
    fake.hold = null;
    expect(await started.fetchCommandIds()).toBe(true);
    expect(await aboutCommands()).toBe(
      `</ask:${id("ask")}> で質問、</search:${id("search")}> で検索、</summary:${id("summary")}> で記事の要約、メッセージのメニュー「記事を検索」でその話題の記事を探せます。`,
    );
    expect(await onlyALink()).toBe(ONLY_A_LINK.replace("/search", `</search:${id("search")}>`));
  });
});

describe("stopping", () => {
  it("abandons a fetch of the ids still under way: nothing is taken or logged of it once stopped", async () => {
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: fake.guildId, apiBase: fake.apiBase });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.hold = async (r) => {
      if (r.method === "GET" && r.path === commandsRoute()) await released;
    };
    const started = await startBot();
    const fetching = started.fetchCommandIds();
    // (held: the stand-in records it before it answers)
    await vi.waitFor(() =>
      expect(fake.requests.some((r) => r.method === "GET" && r.path === commandsRoute())).toBe(true),
    );
    await started.stop();
    bot = null;
    const stoppedAt = logLines.length;
    release();
    expect(await fetching).toBe(false);
    expect(logLines.slice(stoppedAt)).toEqual([]);
    // and a call once stopped asks nothing
    const asked = fake.requests.length;
    expect(await started.fetchCommandIds()).toBe(false);
    expect(fake.requests.length).toBe(asked);
  });
});

describe("the bot's own mentions in a refusal", () => {
  it("stay mentions when the ids change between writing the refusal and sending it", async () => {
    // the commands registered in the server and globally, as after moving from one to the other
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: fake.guildId, apiBase: fake.apiBase });
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: null, apiBase: fake.apiBase });
    const id = (route: string, name: string) =>
      String(fake.registered.get(route)?.find((c) => c["name"] === name)?.["id"] ?? "none");
    const inServer = id(commandsRoute(), "article");
    const global = id(`/applications/${fake.appId}/commands`, "article");
    // a command for this test only: writes its refusal, then waits (as a slow refetch does) before refusing
    let written = () => {};
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowRefusal = defineCommand<Record<string, never>>({
      data: new SlashCommandBuilder().setName("slow-refusal").setDescription("test only"),
      parse: () => ({}),
      isPrivate: () => true,
      async run(ctx) {
        const message = `取得元のページがなくなったのなら ${ctx.commandRef("article", "remove")} で削除してください。`;
        written();
        await released;
        throw new UserFacingError(message, "slow refusal");
      },
    });
    const started = await startBot([slowRefusal as Command<unknown>]);
    // (false: this test's command is not registered)
    await started.fetchCommandIds();
    const refused = fake.send(fake.chatInput("slow-refusal", [], fake.newMember()));
    await wrote;
    // meanwhile a moderator uses the global /article, which says its own id
    const list = await fake.send(
      fake.chatInput("article", [{ type: 1, name: "list", options: [] }], fake.moderator, { registration: "global" }),
    );
    expect(list.ack?.type).toBeDefined();
    release();
    expect(lastBody(await refused)["content"]).toBe(
      `取得元のページがなくなったのなら </article remove:${inServer}> で削除してください。`,
    );
    expect(global).not.toBe(inServer);
  });
});

describe("the ids the bot learns from the commands used", () => {
  const ask = (extra: Parameters<FakeDiscord["chatInput"]>[3]) =>
    fake.chatInput(
      "ask",
      [{ name: "question", type: 3, value: "富士山の登山シーズンはいつ？" }],
      fake.newMember(),
      extra,
    );
  const idIn = (route: string, name: string) =>
    String(fake.registered.get(route)?.find((c) => c["name"] === name)?.["id"] ?? "none");

  it("takes none from a command registered elsewhere than where the ids are fetched from", async () => {
    // registered in the server and globally: a member sees both, and may use either
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: fake.guildId, apiBase: fake.apiBase });
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: null, apiBase: fake.apiBase });
    const started = await startBot();
    expect(await started.fetchCommandIds()).toBe(true);
    const mentioned = `</ask:${idIn(commandsRoute(), "ask")}>`;
    expect(await aboutCommands()).toContain(mentioned);
    expect((await fake.send(ask({ registration: "global" }))).ack?.type).toBe(5);
    // still the server's: the mentions do not go from one to the other with each use
    expect(await aboutCommands()).toContain(mentioned);
  });

  it("takes none from a server the bot does not answer in", async () => {
    await deployCommands({ token: TOKEN, clientId: fake.appId, guildId: null, apiBase: fake.apiBase });
    const started = await startBot([], { global: true });
    expect(await started.fetchCommandIds()).toBe(true);
    const mentioned = `</ask:${idIn(`/applications/${fake.appId}/commands`, "ask")}>`;
    expect(await aboutCommands()).toContain(mentioned);
    // an id no command of the bot's has, from a server not allowed
    const elsewhere = ask({ guildId: fake.otherGuildId, registration: "global" });
    (elsewhere["data"] as Json)["id"] = "1300000000000000999";
    const refused = await fake.send(elsewhere);
    expect(lastBody(refused)["content"]).toContain("このサーバーでは shiori を利用できません");
    expect(await aboutCommands()).toContain(mentioned);
  });
});
