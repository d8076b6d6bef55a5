import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { type WebSocket, WebSocketServer } from "ws";
import {
  choiceProblems,
  commandProblems,
  controlProblems,
  mentionProblems,
  messageProblems,
  modalProblems,
} from "./discord-rules.ts";

/**
 * A local stand-in for Discord: the REST API under /api/v10 and the gateway WebSocket on one port of
 * 127.0.0.1, enough for the unmodified discord.js client to log in, receive interactions and answer
 * them. It enforces what Discord enforces (message and embed limits, one initial response per
 * interaction, the 3-second deadline, 25 autocomplete choices, command shapes) by answering as
 * Discord would (400 50035, 400 40060, 404 10062), and records every request and every rule broken.
 */

type Json = Record<string, unknown>;

export interface RecordedRequest {
  readonly method: string;
  /** Path after /api/v10, percent-decoded: `/webhooks/…/messages/@original`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage["headers"];
  readonly body: unknown;
  /** performance.now() when the request arrived. */
  readonly at: number;
  status: number;
}

export interface Violation {
  readonly rule: string;
  readonly detail: string;
  readonly path: string;
}

/** A member sending interactions. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly permissions: string;
  readonly roles: readonly string[];
}

/** An interaction the fake sent, and what the bot did with it. */
export interface InteractionTrace {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  /** The member who sent it. */
  readonly user: Json;
  readonly dispatchedAt: number;
  /** The first response (callback): its type, data and when it arrived. */
  ack: { type: number; data: unknown; at: number } | null;
  /** The id of the message @original refers to. */
  originalId: string | null;
  /** Every message body the bot sent for it: callback data, edits and follow-ups, in order. */
  readonly bodies: { kind: "callback" | "edit" | "followup"; body: Json }[];
  readonly followupIds: string[];
}

const PERMISSIONS = {
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  USE_APPLICATION_COMMANDS: 1n << 31n,
  MANAGE_GUILD: 1n << 5n,
};
/** Gateway intents Discord sends only to a bot that has them enabled in the Developer Portal. */
export const PRIVILEGED_INTENTS = {
  GUILD_MEMBERS: 1 << 1,
  GUILD_PRESENCES: 1 << 8,
  MESSAGE_CONTENT: 1 << 15,
} as const;
/** Every intent bit Discord defines (0–16, 20, 21, 24, 25): IDENTIFY with another is closed 4013. */
const KNOWN_INTENTS = 0x1ffff | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);
/** The close codes Discord ends a gateway connection with, with the reasons it gives. */
export const CLOSE_REASONS: Record<number, string> = {
  4000: "Unknown error.",
  4004: "Authentication failed.",
  4010: "Invalid shard.",
  4011: "Sharding required.",
  4012: "Invalid API version.",
  4013: "Invalid intent(s).",
  4014: "Disallowed intent(s).",
};
const MEMBER_PERMISSIONS =
  PERMISSIONS.VIEW_CHANNEL |
  PERMISSIONS.SEND_MESSAGES |
  PERMISSIONS.READ_MESSAGE_HISTORY |
  PERMISSIONS.USE_APPLICATION_COMMANDS;

/** Snowflakes from a counter: realistic 19-digit ids, increasing. */
let nextSnowflake = 1_300_000_000_000_000_000n;
export function snowflake(): string {
  nextSnowflake += 1n;
  return String(nextSnowflake);
}

/**
 * A registered command as Discord lists it without `with_localizations`: the localizations' dictionaries
 * left out, its options' too. (Discord then gives the names in the locale X-Discord-Locale asks for beside
 * them, `name_localized`, which the bot does not ask for: its mentions are written with the default names.)
 */
function withoutLocalizations(node: Json): Json {
  const { name_localizations, description_localizations, options, ...rest } = node;
  return {
    ...rest,
    ...(Array.isArray(options) ? { options: options.map((o: Json) => withoutLocalizations(o)) } : {}),
  };
}

export class FakeDiscord {
  readonly appId = "1100000000000000001";
  readonly guildId = "1200000000000000001";
  readonly otherGuildId = "1200000000000000002";
  readonly channelId = "1250000000000000001";
  readonly moderatorRoleId = "1260000000000000001";
  readonly botUser = {
    id: this.appId,
    username: "shiori",
    discriminator: "0",
    bot: true,
    avatar: null,
    global_name: null,
  };
  /** Time allowed for the first response; Discord's is 3 s. */
  deadlineMs = 3_000;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  /** A test may hold a request before it is answered (a slow Discord): resolves when it may go on. */
  hold: ((request: { method: string; path: string }) => Promise<void>) | null = null;
  /**
   * The bot token Discord knows; a request authenticated with another is answered 401, and a gateway
   * IDENTIFY or RESUME with another is closed 4004, as Discord treats a token that was reset. null: any
   * token is accepted.
   */
  validToken: string | null = null;
  /**
   * The privileged intents enabled for the bot in the Developer Portal (PRIVILEGED_INTENTS bits): an
   * IDENTIFY asking for another is closed 4014, as Discord does.
   */
  enabledPrivilegedIntents = 0;
  /** Close codes the gateway sent, in order. */
  readonly gatewayCloses: number[] = [];
  /**
   * A test may answer a request with an error of Discord's (a status, its JSON body and headers such as
   * Retry-After); null: as usual.
   */
  refuse:
    | ((request: RecordedRequest) => { status: number; json: unknown; headers?: Record<string, string> } | null)
    | null = null;
  /** Every payload the client sent on the gateway. */
  readonly gatewayEvents: Json[] = [];
  identify: Json | null = null;
  /** Registered commands, by route (`/applications/…/commands` or the guild's). */
  readonly registered = new Map<string, Json[]>();
  readonly interactions = new Map<string, InteractionTrace>();
  readonly messages = new Map<string, Json>();

  readonly member: Actor = {
    id: "1400000000000000001",
    username: "member",
    permissions: String(MEMBER_PERMISSIONS),
    roles: [],
  };
  readonly moderator: Actor = {
    id: "1400000000000000002",
    username: "moderator",
    permissions: String(MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_GUILD),
    roles: [],
  };
  readonly roleModerator: Actor = {
    id: "1400000000000000003",
    username: "librarian",
    permissions: String(MEMBER_PERMISSIONS),
    roles: [this.moderatorRoleId],
  };

  #members = 0;

  /** A member of its own, so that cooldowns of one test do not reach another. */
  newMember(options: { moderator?: boolean; roles?: readonly string[] } = {}): Actor {
    this.#members += 1;
    const permissions = options.moderator ? MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_GUILD : MEMBER_PERMISSIONS;
    return {
      id: String(1_400_000_000_000_000_100n + BigInt(this.#members)),
      username: `member${this.#members}`,
      permissions: String(permissions),
      roles: options.roles ?? [],
    };
  }

  #server: Server | null = null;
  #wss: WebSocketServer | null = null;
  readonly #sockets = new Set<WebSocket>();
  #seq = 0;
  #port = 0;
  readonly #waiters = new Set<() => void>();

  get apiBase(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}/gateway`;
  }

  /** Listens on 127.0.0.1 on a free port. */
  async start(): Promise<void> {
    const server = createServer((req, res) => void this.#handle(req, res));
    const wss = new WebSocketServer({ noServer: true });
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/gateway")) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.#connect(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
    this.#wss = wss;
  }

  async stop(): Promise<void> {
    for (const ws of this.#sockets) ws.terminate();
    this.#wss?.close();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  // ── gateway ───────────────────────────────────────────────────────────────────────────────────────

  #connect(ws: WebSocket): void {
    this.#sockets.add(ws);
    ws.on("close", () => this.#sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on("message", (raw) => {
      const payload = JSON.parse(String(raw)) as Json;
      this.gatewayEvents.push(payload);
      switch (payload["op"]) {
        case 1:
          ws.send(JSON.stringify({ op: 11 }));
          break;
        case 2: {
          this.identify = payload["d"] as Json;
          const refused = this.#refusedIdentify(this.identify);
          if (refused !== null) {
            this.#close(ws, refused);
            break;
          }
          this.#send(ws, "READY", {
            v: 10,
            session_id: "fake-session-1",
            resume_gateway_url: this.gatewayUrl,
            user: this.botUser,
            application: { id: this.appId, flags: 0 },
            guilds: [{ id: this.guildId, unavailable: true }],
            shard: [0, 1],
          });
          this.#send(ws, "GUILD_CREATE", this.#guild());
          break;
        }
        case 6:
          if (!this.#tokenValid((payload["d"] as Json)["token"])) this.#close(ws, 4004);
          else this.#send(ws, "RESUMED", {});
          break;
      }
    });
  }

  #tokenValid(token: unknown): boolean {
    return this.validToken === null || token === this.validToken;
  }

  /** The close code Discord answers an IDENTIFY with instead of READY, if any. */
  #refusedIdentify(d: Json): number | null {
    if (!this.#tokenValid(d["token"])) return 4004;
    const intents = Number(d["intents"]);
    if (!Number.isInteger(intents) || (intents & ~KNOWN_INTENTS) !== 0) return 4013;
    const privileged = Object.values(PRIVILEGED_INTENTS).reduce((all, bit) => all | bit, 0);
    if ((intents & privileged & ~this.enabledPrivilegedIntents) !== 0) return 4014;
    return null;
  }

  #close(ws: WebSocket, code: number): void {
    this.gatewayCloses.push(code);
    ws.close(code, CLOSE_REASONS[code] ?? "");
  }

  /** Asks every connected client to reconnect and resume (op 7 RECONNECT), as Discord does now and then. */
  askToReconnect(): void {
    for (const ws of this.#sockets) ws.send(JSON.stringify({ op: 7, d: null }));
  }

  #guild(): Json {
    return {
      id: this.guildId,
      name: "テストサーバー",
      owner_id: this.moderator.id,
      features: [],
      roles: [
        {
          id: this.guildId,
          name: "@everyone",
          permissions: String(MEMBER_PERMISSIONS),
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: this.moderatorRoleId,
          name: "司書",
          permissions: "0",
          position: 1,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [{ id: this.channelId, type: 0, name: "general", position: 0, permission_overwrites: [] }],
      members: [],
      emojis: [],
      stickers: [],
      joined_at: new Date().toISOString(),
      member_count: 3,
      unavailable: false,
    };
  }

  #send(ws: WebSocket, t: string, d: unknown): void {
    ws.send(JSON.stringify({ op: 0, t, s: ++this.#seq, d }));
  }

  /** Sends a dispatch event to every connected client. */
  dispatch(t: string, d: unknown): void {
    for (const ws of this.#sockets) this.#send(ws, t, d);
  }

  // ── interactions ──────────────────────────────────────────────────────────────────────────────────

  #base(type: number, actor: Actor, guildId: string | null = this.guildId): Json {
    const user = {
      id: actor.id,
      username: actor.username,
      discriminator: "0",
      global_name: actor.username,
      avatar: null,
    };
    const where: Json = guildId
      ? {
          guild_id: guildId,
          guild_locale: "ja",
          context: 0,
          authorizing_integration_owners: { 0: guildId },
          member: {
            user,
            roles: actor.roles,
            joined_at: "2024-01-01T00:00:00.000Z",
            permissions: actor.permissions,
            deaf: false,
            mute: false,
            flags: 0,
          },
          channel: { id: this.channelId, type: 0, guild_id: guildId, name: "general" },
          channel_id: this.channelId,
        }
      : {
          user,
          context: 1,
          authorizing_integration_owners: { 1: actor.id },
          channel: { id: "1250000000000000009", type: 1 },
          channel_id: "1250000000000000009",
        };
    return {
      id: snowflake(),
      application_id: this.appId,
      type,
      token: `fake-token-${snowflake()}-aW50ZXJhY3Rpb24`,
      version: 1,
      locale: "ja",
      app_permissions: "2248473465835073",
      entitlements: [],
      ...where,
    };
  }

  /**
   * What an interaction's `data` says of the command used: its id and, for a command registered in a server,
   * that server's id (`guild_id`), as Discord sends them. `registration`: the one the member picked where the
   * command is registered both in this guild and globally; by default the guild's. A command not registered
   * gets an id all the same.
   */
  #commandData(name: string, registration: "guild" | "global" = "guild"): Json {
    const routes = [
      `/applications/${this.appId}/guilds/${this.guildId}/commands`,
      `/applications/${this.appId}/commands`,
    ];
    if (registration === "global") routes.reverse();
    for (const route of routes) {
      const found = this.registered.get(route)?.find((c) => c["name"] === name);
      if (found) return { id: String(found["id"]), ...(found["guild_id"] ? { guild_id: found["guild_id"] } : {}) };
    }
    return { id: "1500000000000000001" };
  }

  /**
   * The configuration of a bot that talks to this stand-in, allowed in its guild, with its moderator role,
   * its commands registered in that guild (DISCORD_GUILD_ID).
   */
  botConfig(token: string, cooldownSeconds = 0) {
    return {
      token,
      guildId: this.guildId,
      moderatorRoleIds: [this.moderatorRoleId],
      allowedGuildIds: [this.guildId],
      apiBase: this.apiBase,
      cooldownSeconds,
    };
  }

  /**
   * A slash command: `options` as Discord sends them ({name, type, value} or sub-commands), used in `guildId`
   * (this guild by default; null: a DM), from its `registration` (see #commandData).
   */
  chatInput(
    name: string,
    options: unknown[],
    actor: Actor = this.member,
    extra: { resolved?: Json; guildId?: string | null; registration?: "guild" | "global" } = {},
  ): Json {
    return {
      ...this.#base(2, actor, extra.guildId === undefined ? this.guildId : extra.guildId),
      data: {
        ...this.#commandData(name, extra.registration),
        name,
        type: 1,
        options,
        ...(extra.resolved ? { resolved: extra.resolved } : {}),
      },
    };
  }

  /** Autocomplete: the option being typed carries `focused: true`. */
  autocomplete(name: string, options: unknown[], actor: Actor = this.member): Json {
    return { ...this.#base(4, actor), data: { ...this.#commandData(name), name, type: 1, options } };
  }

  /** A message command on `target` (a message object). */
  messageCommand(name: string, target: Json, actor: Actor = this.member): Json {
    return {
      ...this.#base(2, actor),
      data: {
        ...this.#commandData(name),
        name,
        type: 3,
        target_id: target["id"],
        resolved: { messages: { [String(target["id"])]: target } },
      },
    };
  }

  /** A press of the button `customId` on a message the bot sent. */
  button(customId: string, messageId: string, actor: Actor = this.member): Json {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`fake: no message ${messageId}`);
    return { ...this.#base(3, actor), message, data: { custom_id: customId, component_type: 2 } };
  }

  /** A submitted form: `fields` by text input id. */
  modalSubmit(customId: string, fields: Record<string, string>, actor: Actor = this.member): Json {
    return {
      ...this.#base(5, actor),
      data: {
        custom_id: customId,
        components: Object.entries(fields).map(([id, value]) => ({
          type: 18,
          component: { type: 4, custom_id: id, value },
        })),
      },
    };
  }

  /** A message posted by a member (the target of a message command). */
  userMessage(content: string, actor: Actor = this.member): Json {
    return {
      id: snowflake(),
      channel_id: this.channelId,
      guild_id: this.guildId,
      type: 0,
      content,
      author: { id: actor.id, username: actor.username, discriminator: "0", global_name: actor.username, avatar: null },
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    };
  }

  /**
   * Sends an interaction and waits until the bot has answered it: for a callback that is a complete
   * answer (message, update, choices, form) until the callback; for a deferral, until the deferred reply
   * is edited (or `until` holds).
   */
  async send(
    interaction: Json,
    options: { until?: (t: InteractionTrace) => boolean; timeoutMs?: number } = {},
  ): Promise<InteractionTrace> {
    const member = interaction["member"] as Json | undefined;
    const trace: InteractionTrace = {
      id: String(interaction["id"]),
      token: String(interaction["token"]),
      type: Number(interaction["type"]),
      user: (member?.["user"] ?? interaction["user"]) as Json,
      dispatchedAt: performance.now(),
      ack: null,
      originalId: interaction["message"] ? String((interaction["message"] as Json)["id"]) : null,
      bodies: [],
      followupIds: [],
    };
    this.interactions.set(trace.token, trace);
    this.dispatch("INTERACTION_CREATE", interaction);
    const done =
      options.until ??
      ((t: InteractionTrace) =>
        t.ack !== null && (![5, 6].includes(t.ack.type) || t.bodies.some((b) => b.kind !== "callback")));
    await this.waitFor(() => done(trace), options.timeoutMs ?? 10_000, `interaction ${trace.id} (type ${trace.type})`);
    return trace;
  }

  /** Resolves when `predicate` holds after some request; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`fake: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#waiters.add(check);
    });
  }

  /** The message @original of an interaction currently is. */
  original(trace: InteractionTrace): Json {
    const message = trace.originalId ? this.messages.get(trace.originalId) : undefined;
    if (!message) throw new Error(`fake: interaction ${trace.id} has no original message`);
    return message;
  }

  // ── REST ──────────────────────────────────────────────────────────────────────────────────────────

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/u, ""));
    let body: unknown = null;
    if (raw && String(req.headers["content-type"]).startsWith("application/json")) body = JSON.parse(raw);
    else if (raw && String(req.headers["content-type"]).startsWith("multipart/form-data")) {
      const form = await new Request("http://x/", {
        method: "POST",
        headers: { "content-type": String(req.headers["content-type"]) },
        body: raw,
      }).formData();
      body = JSON.parse(String(form.get("payload_json") ?? "null"));
    }
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      at,
      status: 0,
    };
    this.requests.push(record);
    if (this.hold) await this.hold(record);
    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (json === undefined) res.writeHead(status, headers).end();
      else res.writeHead(status, { ...headers, "content-type": "application/json" }).end(JSON.stringify(json));
      for (const waiter of [...this.#waiters]) waiter();
    };
    const auth = req.headers.authorization;
    if (this.validToken !== null && auth !== undefined && auth !== `Bot ${this.validToken}`) {
      reply(401, { message: "401: Unauthorized", code: 0 });
      return;
    }
    const refused = this.refuse?.(record);
    if (refused) {
      reply(refused.status, refused.json, refused.headers);
      return;
    }
    try {
      this.#route(record, reply);
    } catch (err) {
      this.#violate("fake", (err as Error).stack ?? String(err), path);
      reply(500, { code: 0, message: "fake: internal error" });
    }
  }

  /** Our own rules on a message the bot sends (not Discord's, which refuse it): it pings nobody, and holds no control. */
  #ourRules(body: Json, path: string): void {
    for (const p of mentionProblems(body)) this.#violate("allowed_mentions", p, path);
    for (const p of controlProblems(body)) this.#violate("control character", p, path);
  }

  #violate(rule: string, detail: string, path: string): void {
    this.violations.push({ rule, detail, path });
  }

  /** 400 50035 as Discord answers an invalid body, recorded as a violation. */
  #invalid(record: RecordedRequest, problems: string[], reply: (s: number, j?: unknown) => void): boolean {
    if (problems.length === 0) return false;
    this.#violate("invalid form body", problems.join("; "), record.path);
    reply(400, {
      code: 50035,
      message: "Invalid Form Body",
      errors: { _errors: problems.map((message) => ({ code: "BASE_TYPE_INVALID", message })) },
    });
    return true;
  }

  #route(record: RecordedRequest, reply: (status: number, json?: unknown) => void): void {
    const { method, path } = record;
    if (method === "GET" && path === "/gateway/bot") {
      reply(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
      });
      return;
    }
    const commandsRoute = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/u.exec(path);
    if (commandsRoute) {
      const [, appId, guildId] = commandsRoute;
      if (method === "PUT") {
        if (this.#invalid(record, commandProblems(record.body), reply)) return;
        const registered = (record.body as Json[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: appId,
          version: snowflake(),
          ...(guildId ? { guild_id: guildId } : {}),
        }));
        this.registered.set(path, registered);
        reply(200, registered);
        return;
      }
      if (method === "GET") {
        const registered = this.registered.get(path) ?? [];
        reply(
          200,
          record.query.get("with_localizations") === "true" ? registered : registered.map(withoutLocalizations),
        );
        return;
      }
    }
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/u.exec(path);
    if (method === "POST" && callback) {
      this.#callback(record, callback[2] as string, reply);
      return;
    }
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/u.exec(path);
    if (webhook) {
      this.#webhook(record, webhook[2] as string, webhook[3] ?? null, reply);
      return;
    }
    this.#violate("unhandled route", `${method} ${path}`, path);
    reply(404, { code: 0, message: "404: Not Found" });
  }

  #messageFrom(data: Json, id = snowflake(), interactionUser?: Json): Json {
    return {
      id,
      channel_id: this.channelId,
      type: 20,
      content: data["content"] ?? "",
      embeds: data["embeds"] ?? [],
      components: data["components"] ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      author: this.botUser,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: data["flags"] ?? 0,
      pinned: false,
      tts: false,
      webhook_id: this.appId,
      application_id: this.appId,
      ...(interactionUser ? { interaction_metadata: interactionUser } : {}),
    };
  }

  #callback(record: RecordedRequest, token: string, reply: (status: number, json?: unknown) => void): void {
    const trace = this.interactions.get(token);
    if (!trace) {
      reply(404, { code: 10062, message: "Unknown interaction" });
      return;
    }
    const elapsed = record.at - trace.dispatchedAt;
    if (trace.ack) {
      this.#violate("one initial response", `interaction ${trace.id} answered twice`, record.path);
      reply(400, { code: 40060, message: "Interaction has already been acknowledged." });
      return;
    }
    if (elapsed > this.deadlineMs) {
      this.#violate(
        "3-second deadline",
        `interaction ${trace.id} answered after ${Math.round(elapsed)} ms`,
        record.path,
      );
      reply(404, { code: 10062, message: "Unknown interaction" });
      return;
    }
    const body = (record.body ?? {}) as Json;
    const type = Number(body["type"]);
    const data = (body["data"] ?? {}) as Json;
    const allowed: Record<number, readonly number[]> = {
      2: [4, 5, 9], // application command
      3: [4, 5, 6, 7, 9], // component
      4: [8], // autocomplete
      5: [4, 5, 6, 7], // modal submit
    };
    if (!allowed[trace.type]?.includes(type)) {
      this.#invalid(record, [`callback type ${type} is not valid for interaction type ${trace.type}`], reply);
      return;
    }
    let problems: string[] = [];
    if (type === 4 || type === 7) {
      problems = messageProblems(data, { create: type === 4 });
      this.#ourRules(data, record.path);
    } else if (type === 5 && data["flags"] !== undefined && ((data["flags"] as number) & ~64) !== 0) {
      problems = ["a deferred response may only set the ephemeral flag"];
    } else if (type === 8) {
      problems = choiceProblems(data["choices"]);
    } else if (type === 9) {
      problems = modalProblems(data);
      for (const p of controlProblems(data)) this.#violate("control character", p, record.path);
    }
    if (this.#invalid(record, problems, reply)) return;

    trace.ack = { type, data, at: record.at };
    if (type === 4 || type === 7) trace.bodies.push({ kind: "callback", body: data });
    const interactionUser = {
      id: trace.id,
      type: trace.type,
      user: trace.user,
      authorizing_integration_owners: { 0: this.guildId },
    };
    if (type === 4 || type === 5) {
      const message = this.#messageFrom(
        type === 5 ? { flags: ((data["flags"] as number) ?? 0) | 128 } : data,
        snowflake(),
        interactionUser,
      );
      this.messages.set(String(message["id"]), message);
      trace.originalId = String(message["id"]);
    } else if (type === 7 && trace.originalId) {
      const previous = this.messages.get(trace.originalId) ?? {};
      this.messages.set(trace.originalId, {
        ...previous,
        ...this.#messageFrom({ ...previous, ...data }, trace.originalId),
        interaction_metadata: previous["interaction_metadata"],
      });
    }
    if (record.query.get("with_response") === "true") {
      reply(200, {
        interaction: { id: trace.id, type: trace.type },
        resource: { type, message: trace.originalId ? this.messages.get(trace.originalId) : undefined },
      });
    } else {
      reply(204);
    }
  }

  #webhook(
    record: RecordedRequest,
    token: string,
    messageId: string | null,
    reply: (status: number, json?: unknown) => void,
  ): void {
    const trace = this.interactions.get(token);
    if (!trace?.ack) {
      this.#violate("webhook before acknowledgement", `${record.method} ${record.path}`, record.path);
      reply(404, { code: 10015, message: "Unknown Webhook" });
      return;
    }
    const body = (record.body ?? {}) as Json;
    const id = messageId === "@original" ? trace.originalId : messageId;
    if (record.method === "POST" && messageId === null) {
      if (this.#invalid(record, messageProblems(body, { create: true }), reply)) return;
      this.#ourRules(body, record.path);
      trace.bodies.push({ kind: "followup", body });
      const message = this.#messageFrom(body);
      this.messages.set(String(message["id"]), message);
      trace.followupIds.push(String(message["id"]));
      reply(200, message);
      return;
    }
    const existing = id ? this.messages.get(id) : undefined;
    if (!id || !existing) {
      reply(404, { code: 10008, message: "Unknown Message" });
      return;
    }
    if (record.method === "PATCH") {
      if (this.#invalid(record, messageProblems(body, { create: false }), reply)) return;
      this.#ourRules(body, record.path);
      trace.bodies.push({ kind: "edit", body });
      // Editing a deferred reply ends its "thinking…" state (flag 128).
      const flags = ((existing["flags"] as number) ?? 0) & ~128;
      const updated = {
        ...existing,
        ...this.#messageFrom({ ...existing, ...body, flags }, id),
        interaction_metadata: existing["interaction_metadata"],
        edited_timestamp: new Date().toISOString(),
      };
      this.messages.set(id, updated);
      reply(200, updated);
      return;
    }
    if (record.method === "GET") {
      reply(200, existing);
      return;
    }
    if (record.method === "DELETE") {
      this.messages.delete(id);
      reply(204);
      return;
    }
    reply(405, { code: 0, message: "405: Method Not Allowed" });
  }
}
