import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { controlProblems } from "./discord-rules.ts";
import { FakeDiscord, type InteractionTrace, PRIVILEGED_INTENTS } from "./fake-discord.ts";

/**
 * The stand-in must refuse what Discord refuses, or the end-to-end tests would pass on payloads Discord
 * rejects. Driven here with plain HTTP, without a bot.
 */

let fake: FakeDiscord;

beforeEach(async () => {
  fake = new FakeDiscord();
  await fake.start();
});

afterEach(async () => {
  await fake.stop();
});

/** Registers an interaction with the fake (no client is connected, so nothing is delivered). */
async function pending(interaction = fake.chatInput("ask", [])): Promise<InteractionTrace> {
  return fake.send(interaction, { until: () => true });
}

async function post(path: string, body: unknown, method = "POST"): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${fake.apiBase}/v10${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

const callback = (t: InteractionTrace) => `/interactions/${t.id}/${t.token}/callback`;
const NO_MENTIONS = { parse: [] };

describe("FakeDiscord", () => {
  it("accepts a reply within the limits", async () => {
    const t = await pending();
    const res = await post(callback(t), {
      type: 4,
      data: { content: "こんにちは", embeds: [{ title: "題", description: "本文" }], allowed_mentions: NO_MENTIONS },
    });
    expect(res.status).toBe(204);
    expect(fake.violations).toEqual([]);
  });

  it.each([
    ["a description over 4,096", { embeds: [{ description: "あ".repeat(4097) }] }, "description: length 4097"],
    [
      "a field value over 1,024",
      { embeds: [{ fields: [{ name: "n", value: "v".repeat(1025) }] }] },
      "value: length 1025",
    ],
    ["an empty field value", { embeds: [{ fields: [{ name: "n", value: "" }] }] }, "value: length 0"],
    ["26 fields", { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }] }, "26 > 25"],
    [
      "6,001 characters across embeds",
      { embeds: [{ description: "d".repeat(4000) }, { description: "d".repeat(2001) }] },
      "6001 characters",
    ],
    ["content over 2,000", { content: "c".repeat(2001) }, "content: length 2001"],
    ["an empty message", {}, "empty"],
    [
      "two buttons with one custom id",
      {
        content: "x",
        components: [{ type: 1, components: [0, 1].map(() => ({ type: 2, style: 1, label: "b", custom_id: "same" })) }],
      },
      "duplicate same",
    ],
    [
      "a button label over 80",
      {
        content: "x",
        components: [{ type: 1, components: [{ type: 2, style: 1, label: "l".repeat(81), custom_id: "a" }] }],
      },
      "label: length 81",
    ],
    ["an embed URL that is not http(s)", { embeds: [{ title: "t", url: "javascript:alert(1)" }] }, "url"],
  ])("refuses a message with %s (400 50035)", async (_, data, problem) => {
    const t = await pending();
    const res = await post(callback(t), { type: 4, data: { ...data, allowed_mentions: NO_MENTIONS } });
    expect(res).toMatchObject({ status: 400, json: { code: 50035 } });
    expect(fake.violations.map((v) => v.detail).join()).toContain(problem);
    expect(t.ack).toBeNull();
  });

  it.each([
    ["over the input's max_length", 256, "あ".repeat(257), "value: length 257 not in 0..256"],
    ["over 4,000 characters", undefined, "あ".repeat(4001), "value: length 4001 not in 0..4000"],
  ])("refuses a form whose prefilled value is %s (400 50035)", async (_, maxLength, value, problem) => {
    const input = { type: 4, custom_id: "title", style: 1, value, ...(maxLength ? { max_length: maxLength } : {}) };
    const form = { custom_id: "f", title: "題", components: [{ type: 18, label: "タイトル", component: input }] };
    const t = await pending();
    expect(await post(callback(t), { type: 9, data: form })).toMatchObject({ status: 400, json: { code: 50035 } });
    expect(fake.violations.map((v) => v.detail).join()).toContain(problem);
    const ok = await pending();
    const within = {
      ...form,
      components: [{ ...form.components[0], component: { ...input, value: "あ".repeat(256) } }],
    };
    expect((await post(callback(ok), { type: 9, data: within })).status).toBe(204);
  });

  it("refuses a form whose label has a description over 100 characters (400 50035)", async () => {
    const input = { type: 4, custom_id: "text", style: 2 };
    const form = (description: string) => ({
      custom_id: "f",
      title: "題",
      components: [{ type: 18, label: "本文", description, component: input }],
    });
    const t = await pending();
    expect(await post(callback(t), { type: 9, data: form("説".repeat(101)) })).toMatchObject({ status: 400 });
    expect(fake.violations.map((v) => v.detail).join()).toContain("description: length 101 not in 0..100");
    expect((await post(callback(await pending()), { type: 9, data: form("説".repeat(100)) })).status).toBe(204);
  });

  it("refuses a second initial response (40060)", async () => {
    const t = await pending();
    expect((await post(callback(t), { type: 5 })).status).toBe(204);
    const second = await post(callback(t), { type: 4, data: { content: "x", allowed_mentions: NO_MENTIONS } });
    expect(second).toMatchObject({ status: 400, json: { code: 40060 } });
    expect(fake.violations.map((v) => v.rule)).toEqual(["one initial response"]);
  });

  it("refuses a first response after the deadline (10062 Unknown interaction)", async () => {
    fake.deadlineMs = 20;
    const t = await pending();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const res = await post(callback(t), { type: 5 });
    expect(res).toMatchObject({ status: 404, json: { code: 10062 } });
    expect(fake.violations.map((v) => v.rule)).toEqual(["3-second deadline"]);
  });

  it("refuses 26 autocomplete choices, and choices for anything but autocomplete", async () => {
    const ac = await pending(fake.autocomplete("summary", [{ name: "article", type: 3, value: "", focused: true }]));
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
    expect(await post(callback(ac), { type: 8, data: { choices } })).toMatchObject({ status: 400 });
    expect((await post(callback(ac), { type: 8, data: { choices: choices.slice(0, 25) } })).status).toBe(204);
    const command = await pending();
    expect(await post(callback(command), { type: 8, data: { choices: [] } })).toMatchObject({ status: 400 });
  });

  it("refuses an edit of a reply that was never acknowledged (10015)", async () => {
    const t = await pending();
    const res = await post(`/webhooks/${fake.appId}/${t.token}/messages/@original`, { content: "x" }, "PATCH");
    expect(res).toMatchObject({ status: 404, json: { code: 10015 } });
  });

  it("flags a message body without allowed_mentions {parse: []}", async () => {
    const t = await pending();
    await post(callback(t), { type: 5 });
    await post(`/webhooks/${fake.appId}/${t.token}/messages/@original`, { content: "@everyone" }, "PATCH");
    await post(`/webhooks/${fake.appId}/${t.token}`, { content: "x", allowed_mentions: { parse: ["users"] } });
    expect(fake.violations.map((v) => v.detail)).toEqual([
      "allowed_mentions: missing",
      "allowed_mentions.parse: not []",
    ]);
  });

  it("refuses commands Discord would refuse", async () => {
    const res = await post(
      `/applications/${fake.appId}/commands`,
      [
        { name: "Ask", description: "d", type: 1 },
        { name: "search", description: "x".repeat(101), type: 1 },
        {
          name: "summary",
          description: "d",
          type: 1,
          options: [
            { name: "points", description: "d", type: 4 },
            { name: "article", description: "d", type: 3, required: true },
          ],
        },
        { name: "Search articles", description: "should be empty", type: 3 },
      ],
      "PUT",
    );
    expect(res).toMatchObject({ status: 400, json: { code: 50035 } });
    const detail = fake.violations[0]?.detail ?? "";
    expect(detail).toContain('name "Ask" is not lowercase');
    expect(detail).toContain("description: length 101");
    expect(detail).toContain("a required option after an optional one");
    expect(detail).toContain("a context menu command has no description");
  });

  it("lists the commands registered with their ids, without the localizations unless asked for, as Discord does", async () => {
    const route = `/applications/${fake.appId}/guilds/${fake.guildId}/commands`;
    const ask = {
      name: "ask",
      name_localizations: { ja: "質問" },
      description: "d",
      description_localizations: { ja: "説明" },
      type: 1,
      options: [{ name: "question", name_localizations: { ja: "質問文" }, description: "q", type: 3 }],
    };
    const put = await post(route, [ask], "PUT");
    const id = (put.json as { id: string }[])[0]?.id;
    expect(id).toMatch(/^\d{19}$/u);
    const list = async (query: string) => (await fetch(`${fake.apiBase}/v10${route}${query}`)).json();
    expect(await list("")).toEqual([
      {
        id,
        application_id: fake.appId,
        guild_id: fake.guildId,
        version: expect.any(String),
        name: "ask",
        description: "d",
        type: 1,
        options: [{ name: "question", description: "q", type: 3 }],
      },
    ]);
    expect(await list("?with_localizations=true")).toMatchObject([{ id, name_localizations: { ja: "質問" } }]);
    // none registered in another server
    expect(
      await (await fetch(`${fake.apiBase}/v10/applications/${fake.appId}/guilds/${fake.otherGuildId}/commands`)).json(),
    ).toEqual([]);
  });

  it.each([
    ["a privileged intent not enabled", "t", 1 | PRIVILEGED_INTENTS.MESSAGE_CONTENT, 4014, "Disallowed intent(s)."],
    ["an intent that does not exist", "t", 1 | (1 << 22), 4013, "Invalid intent(s)."],
    ["another token than Discord's", "old", 1, 4004, "Authentication failed."],
  ])("closes the gateway on an IDENTIFY with %s, as Discord does", async (_, token, intents, code, reason) => {
    fake.validToken = "t";
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on("close", (c, r) => resolve({ code: c, reason: String(r) })),
    );
    ws.on("message", (raw) => {
      if ((JSON.parse(String(raw)) as { op: number }).op === 10)
        ws.send(JSON.stringify({ op: 2, d: { token, intents } }));
    });
    expect(await closed).toEqual({ code, reason });
    expect(fake.gatewayCloses).toEqual([code]);
  });

  it("records a route it does not know", async () => {
    const res = await post("/channels/1/messages", { content: "x" });
    expect(res.status).toBe(404);
    expect(fake.violations).toEqual([
      { rule: "unhandled route", detail: "POST /channels/1/messages", path: "/channels/1/messages" },
    ]);
  });
});

describe("our rule on control characters", () => {
  it("finds one anywhere in a body, but lets a line feed through", () => {
    expect(controlProblems({ content: "一行目\n二行目", embeds: [{ description: "a\nb" }] })).toEqual([]);
    expect(controlProblems({ embeds: [{ fields: [{ value: "x\u0010</ask:1300000000000000001>" }] }] })).toEqual([
      'embeds[0].fields[0].value: U+0010 in "x\\u0010</ask:1300000000000000001>"',
    ]);
    expect(controlProblems({ content: "tab\there" })).toEqual([]);
    expect(controlProblems({ content: "bell\u0007" })).toHaveLength(1);
  });
});
