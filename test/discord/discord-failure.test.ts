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

  it("says how long to wait when Discord limits the registrations for longer than a deploy waits", async () => {
    // as Discord answers the 201st command created in a server in a day: an hour or more to wait
    const limited = (retryAfter: string) => () => ({
      status: 429,
      json: { message: "You are being rate limited.", retry_after: Number(retryAfter), global: false },
      headers: { "retry-after": retryAfter, "x-ratelimit-scope": "shared" },
    });
    fake.refuse = limited("5400");
    const before = fake.requests.length;
    // before, the deploy waited the 90 minutes in silence, then tried again
    const failure = await deployFailure();
    expect(failure).toEqual({
      reason: "rate_limited",
      message:
        "コマンドの登録に失敗しました。Discord の回数制限にかかりました（あと約 90 分は受け付けられません）。" +
        "コマンドの登録は、1 日に新しく作れる数にも上限があります（サーバーごとに 200 件）。" +
        "その時間が過ぎてから、もう一度実行してください。",
    });
    expect(fake.requests.length - before).toBe(1);
    // A short limit is waited out and tried again, but not for as long as Discord keeps answering 429
    // (before, without end).
    fake.refuse = limited("0");
    const again = fake.requests.length;
    const burst = await deployFailure();
    expect(burst.reason).toBe("rate_limited");
    expect(fake.requests.length - again).toBe(3);
    // a wait of seconds is no day's limit on new commands
    expect(burst.message).not.toContain("200 件");
  });

  it("registers after short rate limits, waited out, with a bucket's headers as Discord sends them", async () => {
    // @discordjs/rest asks again before it retries when the 429 names its bucket: each 429 was counted
    // twice, and the second of two short ones failed the deploy
    let limited = 2;
    fake.refuse = () =>
      limited-- > 0
        ? {
            status: 429,
            json: { message: "You are being rate limited.", retry_after: 0.2, global: false },
            headers: {
              "retry-after": "0.2",
              "x-ratelimit-bucket": "deploy-bucket",
              "x-ratelimit-limit": "2",
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset-after": "0.2",
            },
          }
        : null;
    const result = await deployCommands({
      token: TOKEN,
      clientId: fake.appId,
      guildId: fake.guildId,
      apiBase: fake.apiBase,
    });
    expect(result.scope).toBe("guild");
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
