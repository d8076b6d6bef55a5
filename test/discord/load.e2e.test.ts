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

/** How many answers the busy command has computed. */
let computed = 0;

/** A command that defers, then works synchronously as the engine does, then answers. */
const busy = defineCommand<{ n: string }>({
  data: new SlashCommandBuilder().setName("busy").setDescription("test only"),
  parse: (o) => ({ n: o.string("n") ?? "" }),
  isPrivate: () => false,
  async run(ctx) {
    await ctx.defer();
    computed++;
    const until = performance.now() + WORK_MS;
    while (performance.now() < until) {
      // the engine's work: nothing else runs meanwhile
    }
    await ctx.reply({ content: `${ctx.options.n} の答えです` });
  },
});

/** A command answered at once, without deferring. */
const quick = defineCommand<Record<string, never>>({
  data: new SlashCommandBuilder().setName("quick").setDescription("test only"),
  parse: () => ({}),
  isPrivate: () => false,
  async run(ctx) {
    await ctx.reply({ content: "すぐの答えです" });
  },
});

let fake: FakeDiscord;
let engine: Engine;
let corpusDir: string;

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  ({ engine, corpusDir } = await openTestEngine());
});

afterAll(async () => {
  fake.hold = null;
  await fake?.stop();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

async function startBot(shutdownGraceMs?: number): Promise<Bot> {
  const bot = createBot({
    config: fake.botConfig(TOKEN),
    engine,
    logger: createLogger({ level: "info", secrets: [TOKEN], destination: { write: () => {} } }),
    fetch: fetchOptionsOf(loadFetchConfig({})),
    version: "0.1.0-test",
    clientOptions: { waitGuildTimeout: 1_000 },
    commands: [busy, quick],
    ...(shutdownGraceMs === undefined ? {} : { shutdownGraceMs }),
  });
  await bot.login();
  return bot;
}

const busyFrom = (i: number, until?: (t: InteractionTrace) => boolean) =>
  fake.send(fake.chatInput("busy", [{ name: "n", type: 3, value: String(i) }], fake.newMember()), {
    timeoutMs: 60_000,
    ...(until ? { until } : {}),
  });

describe("many members at once", () => {
  it("acknowledges every interaction within 3 s while the answers before it are computed, and answers all", async () => {
    const bot = await startBot();
    try {
      // 20 members at once, then 10 more while those are answered
      const sent: Promise<InteractionTrace>[] = [];
      for (let i = 0; i < 20; i++) sent.push(busyFrom(i));
      for (let i = 20; i < 30; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        sent.push(busyFrom(i));
      }
      const traces = await Promise.all(sent);
      // each deferred, then answered in full
      expect(traces.map((t) => t.ack?.type)).toEqual(traces.map(() => 5));
      expect(traces.map((t) => t.bodies.at(-1)?.body["content"])).toEqual(traces.map((_, i) => `${i} の答えです`));
      // no interaction acknowledged after Discord's deadline
      expect(fake.violations).toEqual([]);
    } finally {
      await bot.stop();
    }
  }, 90_000);

  it("answers a deferred question while other members keep using quick commands", async () => {
    const bot = await startBot();
    // a Discord 120 ms away: each acknowledgement takes that long to come back, about as long as the
    // members' quick commands are apart, so that one is almost always waiting to be acknowledged
    fake.hold = async (r) => {
      if (r.path.endsWith("/callback")) await new Promise((resolve) => setTimeout(resolve, 120));
    };
    try {
      const others: Promise<InteractionTrace>[] = [];
      let asked: Promise<number> | undefined;
      for (let i = 0; i < 40; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        others.push(fake.send(fake.chatInput("quick", [], fake.newMember()), { timeoutMs: 30_000 }));
        if (i === 5) {
          const start = performance.now();
          asked = busyFrom(0).then(() => performance.now() - start);
        }
      }
      const answeredAfter = await (asked as Promise<number>);
      // answered while the quick commands still came: before, only once they stopped (about 3.5 s later)
      expect(answeredAfter).toBeLessThan(2_000);
      await Promise.all(others);
      expect(fake.violations).toEqual([]);
    } finally {
      fake.hold = null;
      await bot.stop();
    }
  }, 60_000);

  it("tells every member still waiting for a turn at shutdown that it was cut short, and computes nothing more", async () => {
    const bot = await startBot(100);
    const before = computed;
    const acknowledged = await Promise.all(Array.from({ length: 15 }, (_, i) => busyFrom(i, (t) => t.ack !== null)));
    await bot.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // before, members whose turn had not come were left on "thinking…", and their answers computed after
    const silent = acknowledged.filter((t) => !t.bodies.some((b) => b.kind !== "callback"));
    expect(silent.map((t) => t.id)).toEqual([]);
    expect(computed - before).toBeLessThan(15);
  }, 60_000);
});
