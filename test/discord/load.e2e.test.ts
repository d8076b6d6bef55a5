import { rm } from "node:fs/promises";
import { SlashCommandBuilder } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineCommand } from "../../commands/context.ts";
import { type Bot, createBot } from "../../src/bot.ts";
import { loadFetchConfig } from "../../src/config.ts";
import type { Engine } from "../../src/engine.ts";
import { fetchOptionsOf } from "../../src/ingest/ingest.ts";
import { createLogger } from "../../src/log.ts";
import { openTestEngine } from "./corpus.ts";
import { FakeDiscord, type InteractionTrace } from "./fake-discord.ts";

/**
 * Many members at once, each answer taking the engine a while: every interaction is still acknowledged
 * within Discord's 3 s, which the stand-in checks (a late one is a violation). The engine answers
 * synchronously; on livedoor's 7,358 articles a question of 1,000 characters takes about 0.25 s, and 30
 * members asking such questions at once had their last interactions acknowledged after 3 s, the answers
 * before them computed back to back while the interactions arriving meanwhile waited unread.
 */

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake0.load-test-token";
/** What one answer costs the event loop: a long question on a large library. */
const WORK_MS = 300;
/** Members asking at once... */
const AT_ONCE = 20;
/** ...and more asking while those are answered, this far apart. */
const LATER = 10;
const APART_MS = 100;

/** A command that defers, then works synchronously as the engine does, then answers. */
const busy = defineCommand<{ n: string }>({
  data: new SlashCommandBuilder().setName("busy").setDescription("test only"),
  parse: (o) => ({ n: o.string("n") ?? "" }),
  isPrivate: () => false,
  async run(ctx) {
    await ctx.defer();
    const until = performance.now() + WORK_MS;
    while (performance.now() < until) {
      // the engine's work: nothing else runs meanwhile
    }
    await ctx.reply({ content: `${ctx.options.n} の答えです` });
  },
});

let fake: FakeDiscord;
let engine: Engine;
let corpusDir: string;
let bot: Bot;

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  ({ engine, corpusDir } = await openTestEngine());
  const logger = createLogger({ level: "info", secrets: [TOKEN], destination: { write: () => {} } });
  bot = createBot({
    config: fake.botConfig(TOKEN),
    engine,
    logger,
    fetch: fetchOptionsOf(loadFetchConfig({})),
    version: "0.1.0-test",
    clientOptions: { waitGuildTimeout: 1_000 },
    commands: [busy],
  });
  await bot.login();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

describe("many members at once", () => {
  it("acknowledges every interaction within 3 s while the answers before it are computed, and answers all", async () => {
    const ask = (i: number) =>
      fake.send(fake.chatInput("busy", [{ name: "n", type: 3, value: String(i) }], fake.newMember()), {
        timeoutMs: 60_000,
      });
    const sent: Promise<InteractionTrace>[] = [];
    for (let i = 0; i < AT_ONCE; i++) sent.push(ask(i));
    for (let i = AT_ONCE; i < AT_ONCE + LATER; i++) {
      await new Promise((resolve) => setTimeout(resolve, APART_MS));
      sent.push(ask(i));
    }
    const traces = await Promise.all(sent);
    // each deferred, then answered in full
    expect(traces.map((t) => t.ack?.type)).toEqual(traces.map(() => 5));
    expect(traces.map((t) => t.bodies.at(-1)?.body["content"])).toEqual(traces.map((_, i) => `${i} の答えです`));
    // no interaction acknowledged after Discord's deadline
    expect(fake.violations).toEqual([]);
  }, 90_000);
});
