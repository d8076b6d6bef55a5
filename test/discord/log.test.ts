import { describe, expect, it } from "vitest";
import { createLogger, redact } from "../../src/log.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret-token-value_0123456789abcdef";

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", secrets: [TOKEN], destination: { write: (l) => lines.push(l) } });
  return { logger, lines };
}

describe("createLogger", () => {
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
