import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadCoreConfig } from "../../src/config.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret-token-value_0123456789abcdef";
const VALID = {
  DISCORD_TOKEN: TOKEN,
  DISCORD_CLIENT_ID: "123456789012345678",
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, "/srv/shiori");
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    // The message lists every problem and never echoes a value.
    for (const v of Object.values(env)) if (v.length > 3) expect((err as Error).message).not.toContain(v);
    return (err as ConfigError).problems;
  }
  return [];
}

describe("loadConfig", () => {
  it("reads a minimal environment with defaults for the rest", () => {
    expect(loadConfig(VALID, "/srv/shiori")).toEqual({
      corpusDir: path.resolve("/srv/shiori", "corpus"),
      token: TOKEN,
      clientId: "123456789012345678",
      guildId: null,
      moderatorRoleIds: [],
      allowedGuildIds: null,
      logLevel: "info",
      apiBase: null,
      cooldownSeconds: 3,
      fetch: expect.objectContaining({ maxBytes: 5 * 1024 * 1024, allowAddresses: [] }),
    });
  });

  it("parses every key", () => {
    const config = loadConfig(
      {
        ...VALID,
        DISCORD_TOKEN: `Bot ${TOKEN}`,
        DISCORD_GUILD_ID: "223456789012345678",
        MODERATOR_ROLE_IDS: "323456789012345678, 423456789012345678",
        ALLOWED_GUILD_IDS: "223456789012345678",
        CORPUS_DIR: "data/articles",
        LOG_LEVEL: "DEBUG",
        DISCORD_API_BASE: "http://127.0.0.1:8080/api/",
        COOLDOWN_SECONDS: "0",
      },
      "/srv/shiori",
    );
    expect(config).toMatchObject({
      token: TOKEN,
      guildId: "223456789012345678",
      moderatorRoleIds: ["323456789012345678", "423456789012345678"],
      allowedGuildIds: ["223456789012345678"],
      corpusDir: "/srv/shiori/data/articles",
      logLevel: "debug",
      apiBase: "http://127.0.0.1:8080/api",
      cooldownSeconds: 0,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reports every missing key at once", () => {
    expect(problemsOf({})).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN: 未設定です/u),
      expect.stringMatching(/^DISCORD_CLIENT_ID: 未設定です/u),
    ]);
  });

  it("reports every invalid key at once, without echoing any value", () => {
    const problems = problemsOf({
      DISCORD_TOKEN: `${TOKEN} extra`,
      // a token pasted into the wrong key must not be echoed either
      DISCORD_CLIENT_ID: TOKEN,
      DISCORD_GUILD_ID: "my-server",
      MODERATOR_ROLE_IDS: "323456789012345678,moderators",
      ALLOWED_GUILD_IDS: "12",
      LOG_LEVEL: "verbose",
      DISCORD_API_BASE: "ftp://example.com",
      COOLDOWN_SECONDS: "-1",
      FETCH_MAX_BYTES: "lots",
      FETCH_USER_AGENT: "しおりボット/1.0",
    });
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "DISCORD_TOKEN",
      "DISCORD_CLIENT_ID",
      "DISCORD_GUILD_ID",
      "MODERATOR_ROLE_IDS",
      "ALLOWED_GUILD_IDS",
      "LOG_LEVEL",
      "DISCORD_API_BASE",
      "COOLDOWN_SECONDS",
      "FETCH_MAX_BYTES",
      "FETCH_USER_AGENT",
    ]);
    expect(problems[3]).toContain("2 番目の値");
  });
});

describe("DISCORD_TOKEN", () => {
  it.each([
    ["Japanese", "トークンひみつ"],
    ["a token with a Japanese word in it", `${TOKEN}ひみつ`],
    ["symbols no token has", "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabc+E/secret=value"],
    ["a control character", `${TOKEN}\u0007`],
  ])("refuses %s at start-up, as not a token, saying how to get one and never showing it", (_what, token) => {
    const problems = problemsOf({ ...VALID, DISCORD_TOKEN: token });
    expect(problems).toEqual([
      "DISCORD_TOKEN: トークンに使われない文字（日本語や記号など）を含んでいて、Discord のトークンではないようです。" +
        "開発者ポータルの Bot ページで Reset Token を押して新しいトークンを発行し、そのまま貼り付けてください。",
    ]);
    expect(problems.join("\n")).not.toMatch(/ひみつ|secret|MTIz/u);
  });

  it("takes a token of ASCII letters, digits, dots, hyphens and underscores, with or without Bot before it", () => {
    for (const token of [TOKEN, `Bot ${TOKEN}`, "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gnew00.the-token-after-a-reset"]) {
      expect(loadConfig({ ...VALID, DISCORD_TOKEN: token }, "/srv/shiori").token).toBe(token.replace(/^Bot /u, ""));
    }
  });
});

describe("DISCORD_API_BASE", () => {
  it.each([
    "https://shiori:hunter2-proxy-password@proxy.example.com/api",
    "https://hunter2-proxy-token@proxy.example.com/api",
    "http://:hunter2-proxy-password@127.0.0.1:8080/api",
  ])("refuses credentials in the URL (%s), which no request would send, without showing them", (apiBase) => {
    const problems = problemsOf({ ...VALID, DISCORD_API_BASE: apiBase });
    expect(problems).toEqual([
      "DISCORD_API_BASE: URL にユーザー名やパスワード（…@）が含まれています。shiori はそれを送らないため、" +
        "認証には使われず、画面やログに残るだけです。@ までを取り除いた URL（例: https://proxy.example.com/api）を指定してください。",
    ]);
    expect(problems.join("\n")).not.toContain("hunter2");
  });

  it("takes a proxy's URL with a port and a path", () => {
    expect(loadConfig({ ...VALID, DISCORD_API_BASE: "https://proxy.example.com:8443/discord/api" }).apiBase).toBe(
      "https://proxy.example.com:8443/discord/api",
    );
  });
});

describe("numeric settings", () => {
  const KEYS = [
    ["COOLDOWN_SECONDS", 0, 3600],
    ["FETCH_MAX_BYTES", 1024, 1024 * 1024 * 1024],
    ["FETCH_TIMEOUT_MS", 100, 600_000],
    ["FETCH_CONNECT_TIMEOUT_MS", 100, 600_000],
    ["FETCH_MAX_REDIRECTS", 0, 20],
  ] as const;

  it.each(KEYS.flatMap(([key]) => ["1e3", "0x10", "1.5", "+5", "-1", "5 秒", "５", "Infinity"].map((v) => [key, v])))(
    "%s=%s is refused: whole numbers are written in decimal digits only",
    (key, text) => {
      const problems = problemsOf({ ...VALID, [key]: text });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${key}: \\d+ 以上 \\d+ 以下の整数を、数字だけで指定してください`, "u"));
    },
  );

  it.each(KEYS)("%s takes %i to %i, and nothing past them", (key, min, max) => {
    expect(problemsOf({ ...VALID, [key]: String(min) })).toEqual([]);
    expect(problemsOf({ ...VALID, [key]: ` ${max} ` })).toEqual([]);
    const past = [String(max + 1), "99999999999999999999999", ...(min > 0 ? [String(min - 1)] : [])];
    for (const text of past) {
      expect(problemsOf({ ...VALID, [key]: text })).toEqual([
        expect.stringMatching(new RegExp(`^${key}: ${min} 以上 ${max} 以下の整数を、数字だけで指定してください`, "u")),
      ]);
    }
  });

  it("COOLDOWN_SECONDS: a member is never told to wait 999999999998 seconds (1e12 was read as a number)", () => {
    expect(problemsOf({ ...VALID, COOLDOWN_SECONDS: "1e12" })).toEqual([
      "COOLDOWN_SECONDS: 0 以上 3600 以下の整数を、数字だけで指定してください（秒数。0 で無効、既定: 3）。",
    ]);
    expect(loadConfig({ ...VALID, COOLDOWN_SECONDS: "3600" }, "/srv/shiori").cooldownSeconds).toBe(3600);
    expect(loadConfig({ ...VALID, COOLDOWN_SECONDS: "010" }, "/srv/shiori").cooldownSeconds).toBe(10);
  });

  it("reads each fetch setting as written", () => {
    const config = loadConfig(
      {
        ...VALID,
        FETCH_MAX_BYTES: "1048576",
        FETCH_TIMEOUT_MS: "20000",
        FETCH_CONNECT_TIMEOUT_MS: "3000",
        FETCH_MAX_REDIRECTS: "0",
      },
      "/srv/shiori",
    );
    expect(config.fetch).toMatchObject({
      maxBytes: 1048576,
      timeoutMs: 20000,
      connectTimeoutMs: 3000,
      maxRedirects: 0,
    });
  });
});

describe("loadCoreConfig", () => {
  it("still needs nothing but CORPUS_DIR, for the command line", () => {
    expect(loadCoreConfig({}, "/srv/shiori")).toEqual({ corpusDir: "/srv/shiori/corpus" });
  });
});
