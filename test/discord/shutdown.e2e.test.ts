import { rm } from "node:fs/promises";
import { SlashCommandBuilder } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineCommand } from "../../commands/context.ts";
import { type Bot, createBot } from "../../src/bot.ts";
import { loadFetchConfig } from "../../src/config.ts";
import type { Engine } from "../../src/engine.ts";
import { UserFacingError } from "../../src/errors.ts";
import { fetchOptionsOf } from "../../src/ingest/ingest.ts";
import { createLogger } from "../../src/log.ts";
import { openTestEngine } from "./corpus.ts";
import { FakeDiscord } from "./fake-discord.ts";

/**
 * Stopping the bot while members wait: what finishes within the grace period is answered as usual, and
 * what does not is told it was cut short, not left "thinking…" until Discord gives up on it.
 */

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake0.shutdown-test-token";
const EPHEMERAL = 64;
const GRACE_MS = 400;

/** Handlers wait for the test to open their gate: `mode` names it. */
const gates = new Map<string, { opened: Promise<void>; open: () => void }>();
function gate(mode: string): { opened: Promise<void>; open: () => void } {
  let found = gates.get(mode);
  if (!found) {
    let open = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    found = { opened, open };
    gates.set(mode, found);
  }
  return found;
}

const wait = defineCommand<{ mode: string }>({
  data: new SlashCommandBuilder().setName("wait").setDescription("test only"),
  parse: (o) => ({ mode: o.string("mode") ?? "" }),
  isPrivate: () => false,
  async run(ctx) {
    await ctx.defer();
    // "partial" answers at once, then works on a second message
    if (ctx.options.mode === "partial") await ctx.reply({ content: "途中までの答えです" });
    await gate(ctx.options.mode).opened;
    if (ctx.options.mode === "refused") throw new UserFacingError("うまくいきませんでした。");
    await ctx.reply({ content: `${ctx.options.mode} が終わりました` });
  },
});

let fake: FakeDiscord;
let engine: Engine;
let corpusDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  ({ engine, corpusDir } = await openTestEngine());
});

/** A bot of its own for each test: each test stops it. */
async function startBot(): Promise<Bot> {
  const logger = createLogger({ level: "info", secrets: [TOKEN], destination: { write: (l) => logLines.push(l) } });
  const bot = createBot({
    config: fake.botConfig(TOKEN),
    engine,
    logger,
    fetch: fetchOptionsOf(loadFetchConfig({})),
    version: "0.1.0-test",
    clientOptions: { waitGuildTimeout: 1_000 },
    commands: [wait],
    shutdownGraceMs: GRACE_MS,
  });
  await bot.login();
  return bot;
}

const deferred = (t: { ack: { type: number } | null }) => t.ack?.type === 5;

/**
 * Opens the handler's gate and stops the bot while Discord is slow to take what the handler then sends
 * (`method` on the interaction's webhook): it is on its way when the grace period ends, and lands after.
 */
async function stopWhileSending(bot: Bot, method: string, token: string, mode: string): Promise<void> {
  let letThrough = () => {};
  const slow = new Promise<void>((resolve) => {
    letThrough = resolve;
  });
  fake.hold = async (request) => {
    if (request.method === method && request.path.includes(token)) await slow;
  };
  try {
    gate(mode).open();
    const stopped = bot.stop();
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 100));
    letThrough();
    await stopped;
  } finally {
    fake.hold = null;
  }
}
const str = (value: string) => [{ name: "mode", type: 3, value }];

afterAll(async () => {
  await fake?.stop();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

describe("stopping while members wait", () => {
  it("answers what finishes within the grace period, and tells the rest they were cut short", async () => {
    const bot = await startBot();
    const quick = await fake.send(fake.chatInput("wait", str("quick")), { until: deferred });
    const stuck = await fake.send(fake.chatInput("wait", str("stuck")), { until: deferred });

    const stopped = bot.stop();
    gate("quick").open();
    await stopped;

    // the one released within the grace period is answered as it would have been
    expect(quick.bodies.map((b) => b.body["content"])).toEqual(["quick が終わりました"]);
    // the other is told, privately, and its public "thinking…" is removed
    const told = stuck.bodies.at(-1);
    expect(told?.kind).toBe("followup");
    expect(told?.body["content"]).toContain("再起動のため、この操作は終わるのを待たずに打ち切りました");
    expect(told?.body["flags"]).toBe(EPHEMERAL);
    expect(() => fake.original(stuck)).toThrow(/no original message/u);

    // what the handler sends after that never reaches the member
    gate("stuck").open();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stuck.bodies.map((b) => b.body["content"])).not.toContain("stuck が終わりました");

    const interrupted = logLines.map((l) => JSON.parse(l)).filter((l) => l.event === "interaction.interrupted");
    expect(interrupted).toEqual([expect.objectContaining({ command: "wait", level: "warn" })]);
    expect(logLines.join("\n")).not.toContain(TOKEN);
    expect(fake.violations).toEqual([]);
  });

  it("does not tell a member their answer was cut short when it got out while the bot stopped", async () => {
    const bot = await startBot();
    const racy = await fake.send(fake.chatInput("wait", str("racy")), { until: deferred });
    await stopWhileSending(bot, "PATCH", racy.token, "racy");
    expect(racy.bodies.map((b) => [b.kind, b.body["content"]])).toEqual([["edit", "racy が終わりました"]]);
    expect(fake.violations).toEqual([]);
  });

  it("does not add to a refusal that got out while the bot stopped", async () => {
    const bot = await startBot();
    const refused = await fake.send(fake.chatInput("wait", str("refused")), { until: deferred });
    await stopWhileSending(bot, "POST", refused.token, "refused");
    expect(refused.bodies.map((b) => b.body["content"])).toEqual(["うまくいきませんでした。"]);
  });

  it("tells a member whose answer is only partly out that the rest was cut short", async () => {
    const bot = await startBot();
    const partial = await fake.send(fake.chatInput("wait", str("partial")), {
      until: (t) => t.bodies.some((b) => b.kind === "edit"),
    });
    await bot.stop();
    expect(partial.bodies.map((b) => [b.kind, b.body["flags"] ?? 0])).toEqual([
      ["edit", 0],
      ["followup", EPHEMERAL],
    ]);
    expect(partial.bodies.at(-1)?.body["content"]).toContain("打ち切りました");
    gate("partial").open();
  });
});
