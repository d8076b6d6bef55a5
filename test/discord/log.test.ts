import { describe, expect, it } from "vitest";
import { createLogger, redact } from "../../src/log.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret-token-value_0123456789abcdef";

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", secrets: [TOKEN], destination: { write: (l) => lines.push(l) } });
  return { logger, lines };
}

describe("createLogger", () => {
  it("writes no request body a failed Discord request carried, wherever the error holds it", () => {
    const { logger, lines } = capture();
    // discord.js's DiscordAPIError carries the body it sent: a member's question, a moderator's form
    const refused = () =>
      Object.assign(new Error("Invalid Form Body"), {
        name: "DiscordAPIError[50035]",
        code: 50035,
        requestBody: { files: [], json: { embeds: [{ title: "秘密の質問" }] } },
        rawError: { code: 50035, errors: { embeds: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } },
      });
    logger.error({ event: "a", err: refused() });
    logger.error({ event: "b", err: new AggregateError([refused()], "several") });
    logger.error({ event: "c", err: Object.assign(new Error("wrapped"), { original: refused() }) });
    logger.error({ event: "d", err: new Error("caused", { cause: refused() }) });
    logger.error({ event: "e", error: refused() });
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).not.toContain("秘密の質問");
    // what Discord refused, and why, stays
    expect(JSON.parse(lines[0] as string).err).toMatchObject({ code: 50035, message: "Invalid Form Body" });
    expect(lines[0]).toContain("BASE_TYPE_MAX_LENGTH");
    expect(lines[1]).toContain("Invalid Form Body");
  });

  it("keeps Discord's account of an invalid form, and never throws from a log call", () => {
    const { logger, lines } = capture();
    // 9 levels down: rawError.errors.data.embeds.0.fields.0.value._errors
    const invalid = Object.assign(new Error("Invalid Form Body"), {
      rawError: {
        code: 50035,
        errors: {
          data: { embeds: { 0: { fields: { 0: { value: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } } } },
        },
      },
    });
    logger.error({ event: "deep", err: invalid });
    expect(lines[0]).toContain("BASE_TYPE_MAX_LENGTH");
    // a getter that throws, a proxy whose traps throw, a frozen error: an unhandled rejection's reason may be any
    const getter = Object.defineProperty(new Error("g"), "boom", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    for (const err of [getter, trap, Object.freeze(new Error("frozen"))]) {
      expect(() => logger.error({ event: "odd", err })).not.toThrow();
    }
    // an object met twice side by side is no cycle
    const shared = { code: "SHARED" };
    logger.error({ event: "shared", err: Object.assign(new Error("s"), { a: shared, b: shared }) });
    expect((lines.at(-1) as string).match(/SHARED/gu)).toHaveLength(2);
  });

  it("writes a cycle once, and neither a deep nor a class's request body, within bounds", () => {
    const { logger, lines } = capture();
    const refused = () =>
      Object.assign(new Error("Invalid Form Body"), { requestBody: { json: { content: "秘密の質問" } } });
    // an object whose 25 fields all point back at it: every path copied out ran out of memory
    const ctx: Record<string, unknown> = {};
    for (let k = 0; k < 25; k++) ctx[`f${k}`] = ctx;
    logger.error({ event: "cycle", err: Object.assign(new Error("x"), { ctx, refused: refused() }) });
    // past the depth copied, and inside a class's instance
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let k = 0; k < 20; k++) at = at["next"] = {};
    at["err"] = refused();
    class Holder {
      readonly inner: Error;
      constructor(inner: Error) {
        this.inner = inner;
      }
    }
    logger.error({ event: "deep", err: Object.assign(new Error("y"), { deep, holder: new Holder(refused()) }) });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain("秘密の質問");
    expect(lines[0]).toContain("[Circular]");
    expect((lines[0] as string).length).toBeLessThan(20_000);
  });

  it("writes one JSON line per event with a level name and an ISO time", () => {
    const { logger, lines } = capture();
    logger.info({ event: "bot.ready", articles: 3 }, "ready");
    logger.debug({ event: "hidden" }, "below the level");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ level: "info", event: "bot.ready", articles: 3, msg: "ready" });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });

  it("never writes the token, wherever it hides: message, fields, error message and stack", () => {
    const { logger, lines } = capture();
    logger.error(
      { event: "x", err: new Error(`login failed with ${TOKEN}`), headers: { authorization: `Bot ${TOKEN}` } },
      TOKEN,
    );
    expect(lines.join("")).not.toContain(TOKEN);
    expect(lines.join("")).toContain("[REDACTED]");
  });
});

describe("redact", () => {
  it("hides interaction tokens in reply URLs", () => {
    const line =
      "PATCH /api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnRva2Vu/messages/@original";
    expect(redact(line, [])).toBe("PATCH /api/v10/webhooks/123456789012345678/[REDACTED]/messages/@original");
  });
});
