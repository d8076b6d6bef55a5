/**
 * Why talking to Discord failed at start-up (`npm start` logging in, `npm run deploy-commands`
 * registering), told to the operator in one Japanese line that says what to do. The errors are read by
 * their shape, so that this file needs no discord.js: discord.js's TokenInvalid, @discordjs/rest's
 * DiscordAPIError and HTTPError (with an HTTP `status`), Node's network errors (with a `code`), and
 * GatewayClosedError, which the bot makes of discord.js's `shardDisconnect` (the gateway's close code).
 */

/** What was being done: logging in, or registering the commands. */
export type DiscordTask = "login" | "deploy";

export interface DiscordFailure {
  /**
   * For the log: token_rejected, unreachable, unavailable, refused or unexpected; for a gateway closed
   * for good, also intents_disallowed, intents_invalid or gateway_refused; rate_limited for a deploy Discord
   * limited for longer than it waits.
   */
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
const DEVELOPER_PORTAL = "開発者ポータル（https://discord.com/developers/applications）";
const RESET_TOKEN = `${DEVELOPER_PORTAL}の Bot ページで Reset Token を押して新しいトークンを発行し、.env の DISCORD_TOKEN に設定してください。`;

/**
 * The privileged intents, by discord.js's name (GatewayIntentBits), with the name of their switch under
 * Privileged Gateway Intents on the Bot page of the Developer Portal.
 */
const PRIVILEGED_INTENTS: Readonly<Record<string, string>> = {
  GuildPresences: "Presence Intent",
  GuildMembers: "Server Members Intent",
  MessageContent: "Message Content Intent",
};

/**
 * Discord closed the gateway with a code discord.js does not reconnect after (4004, 4010–4014): while
 * logging in (IDENTIFY refused) or later (a session ended for good). discord.js itself rejects login()
 * with a plain Error ("Used disallowed intents") and says nothing after it: the code is in its
 * `shardDisconnect` event, which the bot turns into this.
 */
export class GatewayClosedError extends Error {
  override readonly name = "GatewayClosedError";
  /** The WebSocket close code Discord sent (4004, 4014, …). */
  readonly closeCode: number;
  /** The intents the bot asked for, by discord.js's name ("Guilds"). */
  readonly intents: readonly string[];
  constructor(closeCode: number, intents: readonly string[], options?: ErrorOptions) {
    super(`Discord closed the gateway with ${closeCode}`, options);
    this.closeCode = closeCode;
    this.intents = intents;
  }
}

/**
 * The operator's message for a gateway Discord closed for good (4004, 4010–4014): while logging in, or
 * while running (the bot stops, as it can receive nothing more).
 * @example explainGatewayClose(new GatewayClosedError(4014, ["Guilds", "MessageContent"]), "running").reason // "intents_disallowed"
 */
export function explainGatewayClose(closed: GatewayClosedError, when: "login" | "running"): DiscordFailure {
  const stopped =
    when === "login" ? "Discord へのログインに失敗しました。" : "Discord との接続が切れたため、shiori を停止しました。";
  const happened = `${stopped}Discord がゲートウェイの接続を閉じました`;
  const intents = closed.intents.length > 0 ? closed.intents.join("、") : "（なし）";
  const privileged = closed.intents.flatMap((name) => PRIVILEGED_INTENTS[name] ?? []);
  switch (closed.closeCode) {
    case 4004:
      return {
        reason: "token_rejected",
        message:
          `${happened}（4004: 認証の失敗）。DISCORD_TOKEN のトークンを Discord が受け付けませんでした（無効か、リセット済みです）。` +
          RESET_TOKEN,
      };
    case 4014:
      return {
        reason: "intents_disallowed",
        message:
          `${happened}（4014: 許可されていないインテント）。shiori が求めるインテントは ${intents} です。` +
          (privileged.length > 0
            ? `${DEVELOPER_PORTAL}の Bot ページの Privileged Gateway Intents で ${privileged.join("、")} を有効にしてから、もう一度起動してください。`
            : "このうち特権インテントはないため、開発者ポータルの設定では直りません。ボットのプログラムの問題です。ログを添えて開発者に知らせてください。"),
      };
    case 4013:
      return {
        reason: "intents_invalid",
        message:
          `${happened}（4013: 無効なインテント）。shiori が求めるインテント（${intents}）を Discord が受け付けませんでした。` +
          `ボットのプログラムの問題です。ログを添えて開発者に知らせてください。`,
      };
    case 4011:
      return {
        reason: "gateway_refused",
        message:
          `${happened}（4011: シャーディングが必要）。ボットの入っているサーバーが多すぎて、1 つの接続では動かせません。` +
          "shiori はシャーディングに対応していないため、ログを添えて開発者に知らせてください。",
      };
    default: {
      const what =
        closed.closeCode === 4010
          ? "4010: 無効なシャード"
          : closed.closeCode === 4012
            ? "4012: 無効な API バージョン"
            : String(closed.closeCode);
      return {
        reason: "gateway_refused",
        message: `${happened}（${what}）。ボットのプログラムの問題です。ログを添えて開発者に知らせてください。`,
      };
    }
  }
}

/** A rate limit this long (ms) on a deploy is the day's limit on new commands. */
const DAILY_LIMIT_WAIT_MS = 10 * 60_000;

/** A wait in ms as a person says it: 「約 40 秒」, 「約 5 分」, 「約 3 時間」. */
function waitInJapanese(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `約 ${seconds} 秒`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `約 ${minutes} 分`;
  return `約 ${Math.round(minutes / 60)} 時間`;
}

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
  if (err instanceof GatewayClosedError) return explainGatewayClose(err, "login");
  const status = (err as { status?: unknown } | null)?.status;
  // discord.js turns the 401 of its first request into TokenInvalid; @discordjs/rest leaves it a 401.
  if ((err as { code?: unknown } | null)?.code === "TokenInvalid" || status === 401) {
    return {
      reason: "token_rejected",
      message:
        `${doing}に失敗しました。DISCORD_TOKEN のトークンを Discord が受け付けませんでした（無効か、リセット済みです）。` +
        RESET_TOKEN,
    };
  }
  // @discordjs/rest's RateLimitError: Discord answered 429 for longer than the deploy waits.
  const retryAfter = (err as { retryAfter?: unknown } | null)?.retryAfter;
  if (String((err as Error | null)?.name).startsWith("RateLimitError") && typeof retryAfter === "number") {
    return {
      reason: "rate_limited",
      message:
        `${doing}に失敗しました。Discord の回数制限にかかりました（あと${waitInJapanese(retryAfter)}は受け付けられません）。` +
        // a wait of hours is the day's limit on new commands, not a few seconds' burst
        (task === "deploy" && retryAfter > DAILY_LIMIT_WAIT_MS
          ? "コマンドの登録は、1 日に新しく作れる数にも上限があります（サーバーごとに 200 件）。"
          : "") +
        "その時間が過ぎてから、もう一度実行してください。",
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
