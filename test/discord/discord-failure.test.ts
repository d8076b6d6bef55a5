import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deployCommands } from "../../src/deploy-commands.ts";
import { explainDiscordFailure } from "../../src/discord-failure.ts";
import { FakeDiscord } from "./fake-discord.ts";

/**
 * What the operator is told when registering the commands fails: the real REST client against the
 * stand-in for Discord, answering as Discord does when it refuses.
 */

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfail0.test-token-that-must-never-be-shown";
let fake: FakeDiscord;

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
});

afterEach(() => {
  fake.refuse = null;
  fake.validToken = null;
});

afterAll(async () => {
  await fake?.stop();
});

/** The failure of a deploy to the stand-in's server, as explained to the operator. */
async function deployFailure() {
  const err = await deployCommands({
    token: TOKEN,
    clientId: fake.appId,
    guildId: fake.guildId,
    apiBase: fake.apiBase,
  }).then(
    () => {
      throw new Error("the deploy succeeded");
    },
    (e: unknown) => e,
  );
  return explainDiscordFailure(err, "deploy", fake.apiBase);
}

describe("explainDiscordFailure", () => {
  it("tells to reset the token when Discord does not know it", async () => {
    fake.validToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gnew00.the-token-after-a-reset";
    const failure = await deployFailure();
    expect(failure.reason).toBe("token_rejected");
    expect(failure.message).toContain("Reset Token");
  });

  it("names the IDs to check when Discord refuses the registration (the bot is not in that server)", async () => {
    fake.refuse = () => ({ status: 403, json: { message: "Missing Access", code: 50001 } });
    const failure = await deployFailure();
    expect(failure.reason).toBe("refused");
    expect(failure.message).toContain("DISCORD_CLIENT_ID");
    expect(failure.message).toContain("DISCORD_GUILD_ID");
  });

  it("says to wait when Discord itself fails, after the client's retries", async () => {
    fake.refuse = () => ({ status: 503, json: { message: "Service Unavailable", code: 0 } });
    const failure = await deployFailure();
    expect(failure).toMatchObject({ reason: "unavailable", message: expect.stringContaining("HTTP 503") });
  });

  it("says the details are in the log for anything else, in Japanese and without the error's text", async () => {
    fake.refuse = () => ({ status: 400, json: { message: "Invalid Form Body", code: 50035 } });
    const failure = await deployFailure();
    expect(failure.reason).toBe("unexpected");
    expect(failure.message).toContain("ログ");
    expect(failure.message).not.toContain("Invalid Form Body");
  });

  it("reads a network error wrapped by fetch ('fetch failed', its cause ENOTFOUND)", () => {
    const err = new TypeError("fetch failed", {
      cause: Object.assign(new Error("getaddrinfo"), { code: "ENOTFOUND" }),
    });
    const failure = explainDiscordFailure(err, "login", null);
    expect(failure.reason).toBe("unreachable");
    expect(failure.message).toContain("Discord（https://discord.com/api）に接続できませんでした（ENOTFOUND）");
    expect(failure.message).not.toContain("DISCORD_API_BASE");
  });
});
