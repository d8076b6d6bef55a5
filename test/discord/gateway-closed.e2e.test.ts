import { rm } from "node:fs/promises";
import { type ClientOptions, GatewayIntentBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Bot, createBot } from "../../src/bot.ts";
import { loadFetchConfig } from "../../src/config.ts";
import { explainDiscordFailure, explainGatewayClose, GatewayClosedError } from "../../src/discord-failure.ts";
import type { Engine } from "../../src/engine.ts";
import { fetchOptionsOf } from "../../src/ingest/ingest.ts";
import { createLogger } from "../../src/log.ts";
import { openTestEngine } from "./corpus.ts";
import { FakeDiscord, PRIVILEGED_INTENTS } from "./fake-discord.ts";

/**
 * Discord closing the gateway with a code discord.js does not reconnect after: an IDENTIFY refused while
 * logging in (4014 a privileged intent not enabled, 4013 an intent that does not exist), or a session
 * ended later (4004 the token was reset). The real client against the stand-in, which closes as Discord does.
 */

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Ggate0.gateway-test-token-never-to-be-shown";

let fake: FakeDiscord;
let engine: Engine;
let corpusDir: string;
const logLines: string[] = [];
const bots: Bot[] = [];

beforeAll(async () => {
  ({ engine, corpusDir } = await openTestEngine());
});

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.client.destroy();
  await fake?.stop();
  expect(logLines.join("\n")).not.toContain(TOKEN);
});

afterAll(async () => {
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

async function startFake(): Promise<FakeDiscord> {
  fake = new FakeDiscord();
  await fake.start();
  return fake;
}

function newBot(clientOptions: Partial<ClientOptions> = {}): Bot {
  const logger = createLogger({ level: "debug", secrets: [TOKEN], destination: { write: (l) => logLines.push(l) } });
  const bot = createBot({
    config: fake.botConfig(TOKEN),
    engine,
    logger,
    fetch: fetchOptionsOf(loadFetchConfig({})),
    version: "0.1.0-test",
    clientOptions: { waitGuildTimeout: 1_000, ...clientOptions },
  });
  bots.push(bot);
  return bot;
}

/** What login() rejected with. */
async function loginFailure(bot: Bot): Promise<unknown> {
  return bot.login().then(
    () => {
      throw new Error("the login succeeded");
    },
    (e: unknown) => e,
  );
}

describe("a gateway Discord closes while the bot logs in", () => {
  it("4014: names the intents the bot asks for and the switch to turn on in the Developer Portal", async () => {
    await startFake();
    const bot = newBot({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent] });
    const err = await loginFailure(bot);
    expect(fake.gatewayCloses).toEqual([4014]);
    expect(err).toBeInstanceOf(GatewayClosedError);
    expect(err).toMatchObject({ closeCode: 4014, intents: ["Guilds", "MessageContent"] });

    const failure = explainDiscordFailure(err, "login", fake.apiBase);
    expect(failure.reason).toBe("intents_disallowed");
    expect(failure.message).toMatch(/^Discord へのログインに失敗しました。/u);
    expect(failure.message).toContain("4014");
    expect(failure.message).toContain("shiori が求めるインテントは Guilds、MessageContent です");
    expect(failure.message).toContain("Privileged Gateway Intents で Message Content Intent を有効にしてから");
    expect(failure.message).not.toContain(TOKEN);
  });

  it("logs in with the same intents once the privileged one is enabled (the stand-in refused for that reason)", async () => {
    await startFake();
    fake.enabledPrivilegedIntents = PRIVILEGED_INTENTS.MESSAGE_CONTENT;
    const bot = newBot({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent] });
    await bot.login();
    expect(fake.gatewayCloses).toEqual([]);
  });

  it("4013: says Discord refused the intents, and that it is the program's to fix", async () => {
    await startFake();
    // A bit Discord defines no intent for.
    const bot = newBot({ intents: 1 << 22 });
    const err = await loginFailure(bot);
    expect(err).toMatchObject({ closeCode: 4013 });
    const failure = explainDiscordFailure(err, "login", fake.apiBase);
    expect(failure.reason).toBe("intents_invalid");
    expect(failure.message).toContain("4013");
    expect(failure.message).toContain("開発者に知らせてください");
  });
});

describe("a gateway Discord closes after the bot is ready", () => {
  it("4004 on resuming after a token reset: the bot learns it was lost, and the message says to reset the token", async () => {
    await startFake();
    fake.validToken = TOKEN;
    const bot = newBot();
    await bot.login();
    let lost: GatewayClosedError | null = null;
    void bot.lost.then((closed) => {
      lost = closed;
    });

    // The token is reset in the Developer Portal; Discord then asks the bot to reconnect and refuses its RESUME.
    fake.validToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gnew00.the-token-after-a-reset";
    fake.askToReconnect();
    const closed = await bot.lost;
    expect(lost).toBe(closed);
    expect(fake.gatewayCloses).toEqual([4004]);
    expect(closed.closeCode).toBe(4004);

    const failure = explainGatewayClose(closed, "running");
    expect(failure.reason).toBe("token_rejected");
    expect(failure.message).toMatch(/^Discord との接続が切れたため、shiori を停止しました。/u);
    expect(failure.message).toContain("Reset Token");
    expect(failure.message).toContain(".env の DISCORD_TOKEN");
  });

  it("does not report a reconnect Discord asks for and accepts", async () => {
    await startFake();
    const bot = newBot();
    await bot.login();
    const resumed = fake.gatewayEvents.length;
    fake.askToReconnect();
    await vi.waitFor(() => expect(fake.gatewayEvents.slice(resumed).some((p) => p["op"] === 6)).toBe(true), {
      timeout: 5_000,
    });
    const outcome = await Promise.race([
      bot.lost,
      new Promise((resolve) => setTimeout(() => resolve("still up"), 300)),
    ]);
    expect(outcome).toBe("still up");
    expect(fake.gatewayCloses).toEqual([]);
  });
});

describe("explainGatewayClose", () => {
  it.each([
    [4010, "gateway_refused", "4010"],
    [4011, "gateway_refused", "シャーディング"],
    [4012, "gateway_refused", "4012"],
  ])("%i: one Japanese line saying it is the program's to fix", (code, reason, names) => {
    const failure = explainGatewayClose(new GatewayClosedError(code, ["Guilds"]), "running");
    expect(failure.reason).toBe(reason);
    expect(failure.message).toContain(names);
    expect(failure.message).toContain("開発者に知らせてください");
    expect(failure.message).not.toContain("\n");
  });

  it("4014 with no privileged intent asked for: says the portal cannot fix it, and to tell the developer", () => {
    const failure = explainGatewayClose(new GatewayClosedError(4014, ["Guilds"]), "login");
    expect(failure.message).toContain("shiori が求めるインテントは Guilds です");
    expect(failure.message).toContain("特権インテントはないため、開発者ポータルの設定では直りません");
    expect(failure.message).toContain("開発者に知らせてください");
  });
});
