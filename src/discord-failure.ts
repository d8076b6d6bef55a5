/**
 * Why talking to Discord failed at start-up (`npm start` logging in, `npm run deploy-commands`
 * registering), told to the operator in one Japanese line that says what to do. The errors are read by
 * their shape, so that this file needs no discord.js: discord.js's TokenInvalid, @discordjs/rest's
 * DiscordAPIError and HTTPError (with an HTTP `status`), and Node's network errors (with a `code`).
 */

/** What was being done: logging in, or registering the commands. */
export type DiscordTask = "login" | "deploy";

export interface DiscordFailure {
  /** For the log: token_rejected, unreachable, unavailable, refused or unexpected. */
  readonly reason: string;
  /** One Japanese line for the operator: what went wrong and what to do. */
  readonly message: string;
}

/** Node's and undici's codes for a host that cannot be reached (refused, unknown, timed out, cut off). */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

const DEFAULT_API_BASE = "https://discord.com/api";

/** The network error code in an error or its causes (fetch wraps it in "fetch failed"), if any. */
function networkCode(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as Error).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
    // @discordjs/rest aborts a request that took longer than its timeout (15 s).
    if ((e as Error).name === "AbortError" || (e as Error).name === "TimeoutError") return "timeout";
  }
  return null;
}

/**
 * The operator's message for a failure to log in or to register the commands.
 * @param apiBase DISCORD_API_BASE, or null for Discord's own
 * @example explainDiscordFailure({ code: "ECONNREFUSED" }, "login", null).reason // "unreachable"
 */
export function explainDiscordFailure(err: unknown, task: DiscordTask, apiBase: string | null): DiscordFailure {
  const doing = task === "login" ? "Discord へのログイン" : "コマンドの登録";
  const status = (err as { status?: unknown } | null)?.status;
  // discord.js turns the 401 of its first request into TokenInvalid; @discordjs/rest leaves it a 401.
  if ((err as { code?: unknown } | null)?.code === "TokenInvalid" || status === 401) {
    return {
      reason: "token_rejected",
      message:
        `${doing}に失敗しました。DISCORD_TOKEN のトークンを Discord が受け付けませんでした（無効か、リセット済みです）。` +
        "開発者ポータル（https://discord.com/developers/applications）の Bot ページで Reset Token を押して新しいトークンを発行し、.env の DISCORD_TOKEN に設定してください。",
    };
  }
  const code = networkCode(err);
  if (code) {
    return {
      reason: "unreachable",
      message:
        `${doing}に失敗しました。Discord（${apiBase ?? DEFAULT_API_BASE}）に接続できませんでした（${code}）。` +
        "ネットワークの接続（プロキシやファイアウォールも）を確かめて、もう一度実行してください。" +
        (apiBase ? "DISCORD_API_BASE の値も確かめてください。" : ""),
    };
  }
  if (typeof status === "number" && (status >= 500 || status === 429)) {
    return {
      reason: "unavailable",
      message: `${doing}に失敗しました。Discord が一時的に応答できない状態です（HTTP ${status}）。しばらく待ってから、もう一度実行してください。`,
    };
  }
  if (task === "deploy" && (status === 403 || status === 404)) {
    // 403: the application of the token is not DISCORD_CLIENT_ID's, or the bot is not in DISCORD_GUILD_ID's server.
    return {
      reason: "refused",
      message:
        `${doing}に失敗しました。Discord が登録を拒否しました（HTTP ${status}）。` +
        "DISCORD_CLIENT_ID がトークンと同じアプリケーションの Application ID か、DISCORD_GUILD_ID のサーバーにボットが追加されているかを確かめてください。",
    };
  }
  return {
    reason: "unexpected",
    message: `${doing}に失敗しました。詳しい内容はログに書きました。直らない場合は、そのログを添えて開発者に知らせてください。`,
  };
}
