import path from "node:path";
import { UserFacingError } from "./errors.ts";
import { invalidAllowEntries } from "./ingest/address-policy.ts";

/** Settings shared by the command line and the bot. */
export interface CoreConfig {
  /** The corpus folder (CORPUS_DIR, default ./corpus), resolved. */
  readonly corpusDir: string;
}

/**
 * Reads the settings the engine needs from an environment (process.env in the entry points).
 * The only place in src/ that looks at environment variables.
 */
export function loadCoreConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): CoreConfig {
  const dir = env["CORPUS_DIR"]?.trim() || "corpus";
  return Object.freeze({ corpusDir: path.resolve(cwd, dir) });
}

/** pino's levels, and `silent`. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the Discord bot and the command deploy script need. */
export interface BotConfig extends CoreConfig {
  /** DISCORD_TOKEN: the bot token. Never logged, never shown in errors. */
  readonly token: string;
  /** DISCORD_CLIENT_ID: the application id. */
  readonly clientId: string;
  /** DISCORD_GUILD_ID: deploy commands to this server only (instant updates), or null for global. */
  readonly guildId: string | null;
  /** MODERATOR_ROLE_IDS: members with one of these roles are moderators (as are those with Manage Server). */
  readonly moderatorRoleIds: readonly string[];
  /** ALLOWED_GUILD_IDS: the servers the bot answers in; null: everywhere. */
  readonly allowedGuildIds: readonly string[] | null;
  readonly logLevel: LogLevel;
  /** DISCORD_API_BASE: another base URL for Discord's REST API (and so its gateway), or null for Discord's. */
  readonly apiBase: string | null;
  /** COOLDOWN_SECONDS: per member, between two uses of /ask or of /search. */
  readonly cooldownSeconds: number;
  /** FETCH_* keys: how /article add and refetch fetch pages. */
  readonly fetch: FetchConfig;
}

/**
 * A whole number written in decimal digits only, within [min, max]; null for anything else: `1e3`, `0x10`,
 * `1.5`, `+5` or `５`, which Number() would read. Settings and the command line's options read numbers so.
 */
export function decimalIn(text: string, min: number, max: number): number | null {
  if (!/^[0-9]+$/u.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/**
 * A setting that is a whole number, written in decimal digits only: `1e3`, `0x10`, `1.5`, `+5` or `５`,
 * which Number() would read, are refused with the rest outside [min, max]. An empty one is `fallback`.
 * `what` says what the number counts, for the message (「秒数。」).
 */
function integerSetting(
  env: Readonly<Record<string, string | undefined>>,
  key: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
  what: string,
): number {
  const text = env[key]?.trim() ?? "";
  if (text === "") return fallback;
  const n = decimalIn(text, min, max);
  if (n !== null) return n;
  problems.push(`${key}: ${min} 以上 ${max} 以下の整数を、数字だけで指定してください（${what}既定: ${fallback}）。`);
  return fallback;
}

/**
 * Invalid settings: `problems` lists each, one line per key, without their values. The message is for the
 * operator (the command line shows it as a refusal, not as an internal error).
 */
export class ConfigError extends UserFacingError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      `設定に問題があります（.env または環境変数）:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "各項目の意味は .env.example を参照してください。",
      `config: ${problems.map((p) => p.split(":")[0]).join(", ")}`,
    );
    this.problems = problems;
  }
}

/** A Discord id (a snowflake): 17 to 20 decimal digits. */
export const SNOWFLAKE = /^\d{17,20}$/u;
/** What a Discord token is written with: ASCII letters, digits, `.`, `-` and `_` (base64url parts). */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._-]+$/u;

/**
 * Reads and validates the bot's settings. Every missing or invalid key is reported at once, in one
 * ConfigError; values are never echoed (a token pasted into the wrong key must not end up in a log).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): BotConfig {
  const problems: string[] = [];
  const value = (key: string) => env[key]?.trim() ?? "";

  const token = value("DISCORD_TOKEN").replace(/^Bot\s+/u, "");
  if (!token)
    problems.push("DISCORD_TOKEN: 未設定です。開発者ポータルの Bot ページで発行したトークンを設定してください。");
  else if (/[\s"']/u.test(token))
    problems.push("DISCORD_TOKEN: 空白や引用符を含んでいます。トークンだけを貼り付けてください。");
  // Discord would refuse it at login, which then fails as "unexpected"; the token itself is never shown.
  else if (!TOKEN_CHARACTERS.test(token))
    problems.push(
      "DISCORD_TOKEN: トークンに使われない文字（日本語や記号など）を含んでいて、Discord のトークンではないようです。" +
        "開発者ポータルの Bot ページで Reset Token を押して新しいトークンを発行し、そのまま貼り付けてください。",
    );

  const clientId = value("DISCORD_CLIENT_ID");
  if (!clientId) {
    problems.push(
      "DISCORD_CLIENT_ID: 未設定です。開発者ポータルの General Information にある Application ID を設定してください。",
    );
  } else if (!SNOWFLAKE.test(clientId)) {
    problems.push("DISCORD_CLIENT_ID: 数字の ID（17〜20 桁）ではありません。Application ID を設定してください。");
  }

  const guildId = value("DISCORD_GUILD_ID");
  if (guildId && !SNOWFLAKE.test(guildId)) {
    problems.push(
      "DISCORD_GUILD_ID: 数字の ID（17〜20 桁）ではありません。サーバー ID を設定するか、空にしてください。",
    );
  }

  const ids = (key: string, what: string): string[] => {
    const list = value(key)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = list.findIndex((id) => !SNOWFLAKE.test(id));
    if (bad >= 0) {
      problems.push(
        `${key}: ${bad + 1} 番目の値が数字の ID（17〜20 桁）ではありません。${what}をカンマ区切りで設定してください。`,
      );
    }
    return list;
  };
  const moderatorRoleIds = ids("MODERATOR_ROLE_IDS", "ロール ID ");
  const allowedGuildIds = ids("ALLOWED_GUILD_IDS", "サーバー ID ");

  const logLevel = (value("LOG_LEVEL") || "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL: ${LOG_LEVELS.join(", ")} のどれかを指定してください。`);
  }

  const apiBase = value("DISCORD_API_BASE");
  if (apiBase) {
    let url: URL | null = null;
    try {
      url = new URL(apiBase);
    } catch {}
    if (!url || !["http:", "https:"].includes(url.protocol)) {
      problems.push("DISCORD_API_BASE: http(s) の URL ではありません（例: https://discord.com/api）。");
    } else if (url.username || url.password) {
      // Refused rather than hidden: Discord's REST client sends the bot token, never a URL's user:pass, so
      // they would authenticate nothing and only end up in messages and logs that show the URL.
      problems.push(
        "DISCORD_API_BASE: URL にユーザー名やパスワード（…@）が含まれています。shiori はそれを送らないため、" +
          "認証には使われず、画面やログに残るだけです。@ までを取り除いた URL（例: https://proxy.example.com/api）を指定してください。",
      );
    }
  }

  // An hour at most: a longer wait is no cooldown, and a member is told how many seconds are left.
  const cooldownSeconds = integerSetting(env, "COOLDOWN_SECONDS", 3, 0, 3600, problems, "秒数。0 で無効、");

  let fetch: FetchConfig | null = null;
  try {
    fetch = loadFetchConfig(env);
  } catch (err) {
    // loadFetchConfig's problems join this report.
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }

  if (problems.length || !fetch) throw new ConfigError(problems);
  return Object.freeze({
    ...loadCoreConfig(env, cwd),
    fetch,
    token,
    clientId,
    guildId: guildId || null,
    moderatorRoleIds: Object.freeze(moderatorRoleIds),
    allowedGuildIds: allowedGuildIds.length ? Object.freeze(allowedGuildIds) : null,
    logLevel: logLevel as LogLevel,
    apiBase: apiBase ? apiBase.replace(/\/+$/u, "") : null,
    cooldownSeconds,
  });
}

/** How pages are fetched when a moderator adds an article by URL. */
export interface FetchConfig {
  /** FETCH_MAX_BYTES: largest page accepted, in bytes (5 MB by default); also the cap for files and text. */
  readonly maxBytes: number;
  /** FETCH_TIMEOUT_MS: time for a whole fetch, redirects and body included (15 s by default). */
  readonly timeoutMs: number;
  /** FETCH_CONNECT_TIMEOUT_MS: time to open one connection (5 s by default). */
  readonly connectTimeoutMs: number;
  /** FETCH_MAX_REDIRECTS: redirects followed at most (5 by default). */
  readonly maxRedirects: number;
  /** FETCH_USER_AGENT: the User-Agent header, naming the bot honestly. */
  readonly userAgent: string;
  /**
   * FETCH_ALLOW_ADDRESSES: addresses or CIDR ranges that may be fetched although they are loopback or
   * private (comma-separated, e.g. `10.1.0.0/16` for an intranet). Empty by default: public addresses only.
   */
  readonly allowAddresses: readonly string[];
}

/** A header value: visible ASCII, spaces and tabs (undici refuses control characters, line breaks and non-Latin-1). */
const HEADER_VALUE = /^[\t\x20-\x7e]+$/u;

export const DEFAULT_USER_AGENT = "shiori/0.1 (article bot for a Discord community; fetches pages its moderators add)";

/** Reads the fetch settings; every invalid key is reported at once. */
export function loadFetchConfig(env: Readonly<Record<string, string | undefined>>): FetchConfig {
  const problems: string[] = [];
  const int = (key: string, fallback: number, min: number, max: number, what: string) =>
    integerSetting(env, key, fallback, min, max, problems, what);
  const maxBytes = int("FETCH_MAX_BYTES", 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024, "バイト数。");
  const timeoutMs = int("FETCH_TIMEOUT_MS", 15_000, 100, 600_000, "ミリ秒。");
  const connectTimeoutMs = int("FETCH_CONNECT_TIMEOUT_MS", 5_000, 100, 600_000, "ミリ秒。");
  const maxRedirects = int("FETCH_MAX_REDIRECTS", 5, 0, 20, "回数。");
  const userAgent = env["FETCH_USER_AGENT"]?.trim() || DEFAULT_USER_AGENT;
  // undici refuses any other header value at every fetch (UND_ERR_INVALID_ARG), which a member would
  // meet as a site that cannot be reached: refused here, once, at start-up.
  if (!HEADER_VALUE.test(userAgent)) {
    problems.push(
      "FETCH_USER_AGENT: HTTP ヘッダーに使えない文字（日本語などの全角文字、改行や制御文字）を含んでいます。半角の英数字・記号・空白だけで書いてください（例: mybot/1.0 (+https://example.com/bot)）。",
    );
  }
  const allowAddresses = (env["FETCH_ALLOW_ADDRESSES"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Positions, never values: a secret pasted into the wrong key must not end up in a log.
  const bad = allowAddresses.flatMap((entry, i) => (invalidAllowEntries([entry]).length ? [i + 1] : []));
  if (bad.length) {
    problems.push(
      `FETCH_ALLOW_ADDRESSES: ${bad.join("・")} 番目の値が IP アドレスか CIDR（例: 10.1.0.0/16）ではありません。カンマ区切りで設定してください。`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    maxBytes,
    timeoutMs,
    connectTimeoutMs,
    maxRedirects,
    userAgent,
    allowAddresses: Object.freeze(allowAddresses),
  });
}
