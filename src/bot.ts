import { createHash } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type AutocompleteInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  TextInputStyle,
} from "discord.js";
import dotenv from "dotenv";
import { prepareArticleChoices } from "../commands/choices.ts";
import type {
  Actor,
  Attachment,
  Button,
  Command,
  ComponentContext,
  KeyMemory,
  Modal,
  OptionReader,
  Reply,
  Services,
} from "../commands/context.ts";
import { parseCustomId, WithButtons } from "../commands/context.ts";
import { commands as allCommands } from "../commands/index.ts";
import { createCommandMentions } from "./command-mentions.ts";
import { type BotConfig, ConfigError, loadConfig } from "./config.ts";
import { watchCorpus } from "./corpus-watch.ts";
import { explainDiscordFailure, explainGatewayClose, GatewayClosedError } from "./discord-failure.ts";
import { Engine } from "./engine.ts";
import { UserFacingError } from "./errors.ts";
import { createFormMemory } from "./form-memory.ts";
import { type FetchOptions, fetchOptionsOf, formatByteLimit } from "./ingest/ingest.ts";
import { createLogger, type Logger } from "./log.ts";
import { markdownText } from "./render/embed.ts";
import {
  ACTION_ROW_BUTTONS_LIMIT,
  ACTION_ROWS_LIMIT,
  BUTTON_LABEL_LIMIT,
  clip,
  MESSAGE_CONTENT_LIMIT,
  MESSAGE_EMBEDS_LIMIT,
  MODAL_DESCRIPTION_LIMIT,
  MODAL_LABEL_LIMIT,
  MODAL_TITLE_LIMIT,
  TEXT_INPUT_VALUE_LIMIT,
  truncate,
} from "./render/limits.ts";

/** The first response is due 3 s after Discord sends an interaction; a handler still silent by then is deferred. */
export const AUTO_DEFER_MS = 2_000;
/**
 * On shutdown, how long interactions in flight may take to finish. Docker kills a container 10 s after
 * asking it to stop: what still runs after 8 s is told that it was cut short (INTERRUPTED), in the time left.
 */
export const SHUTDOWN_GRACE_MS = 8_000;
/** On shutdown, how long telling members that their interactions were cut short may take. */
const INTERRUPT_MS = 1_500;
/** Search queries remembered for page buttons. */
const QUERY_MEMORY_LIMIT = 1_000;

const GENERIC_APOLOGY =
  "申し訳ありません、内部エラーが発生しました。時間をおいてもう一度お試しください。続く場合はサーバーの管理者に知らせてください。";
const STOPPING = "shiori は再起動のため停止中です。少し待ってからもう一度お試しください。";
const INTERRUPTED =
  "shiori の再起動のため、この操作は終わるのを待たずに打ち切りました。少し待ってから、結果を確かめるか、もう一度お試しください。";
const NOT_ALLOWED_HERE =
  "このサーバーでは shiori を利用できません。利用したい場合は、ボットの運営者にこのサーバーの許可を依頼してください。";
const NOT_ALLOWED_IN_DMS =
  "DM（ダイレクトメッセージ）では shiori を利用できません。shiori は利用が許可されたサーバーでだけ使えます。そのサーバーのチャンネルでコマンドを使ってください。";
const MODERATORS_ONLY =
  "この操作はモデレーター（「サーバー管理」権限、または設定されたモデレーターのロールを持つ人）だけが使えます。必要ならモデレーターに依頼してください。";
const STALE_COMPONENT = "このボタンは古くなって使えません。コマンドをもう一度使ってください。";

/** Every message the bot sends pings nobody: article text may contain @everyone or <@id>. */
const NO_MENTIONS = { parse: [], repliedUser: false } as const;

export interface BotOptions {
  /** With `guildId` (DISCORD_GUILD_ID), the commands' ids are the server's, where deploy-commands registers them. */
  readonly config: Pick<BotConfig, "token" | "moderatorRoleIds" | "allowedGuildIds" | "apiBase" | "cooldownSeconds"> &
    Partial<Pick<BotConfig, "guildId">>;
  readonly engine: Engine;
  readonly logger: Logger;
  readonly fetch: FetchOptions;
  readonly version: string;
  readonly commands?: readonly Command<unknown>[];
  /** Extra discord.js options (the tests lower waitGuildTimeout). */
  readonly clientOptions?: Partial<ClientOptions>;
  readonly now?: () => Date;
  /** On shutdown, how long interactions in flight may take to finish (SHUTDOWN_GRACE_MS). */
  readonly shutdownGraceMs?: number;
}

export interface Bot {
  readonly client: Client;
  /**
   * Logs in and resolves when the gateway session is ready; rejects with a GatewayClosedError when Discord
   * closes the gateway for good on the way (4014: a privileged intent not enabled).
   */
  login(): Promise<void>;
  /**
   * Resolves when Discord closes the gateway for good (4004 a token reset, 4010–4014):
   * discord.js does not reconnect after those, so the bot would stay up without receiving anything.
   */
  readonly lost: Promise<GatewayClosedError>;
  /**
   * Stops taking interactions, waits for those in flight (at most the grace period: the members of those
   * still running are told they were cut short), then for the engine's writes, then disconnects.
   */
  stop(): Promise<void>;
  /**
   * Fetches the ids of the bot's commands (the server's with DISCORD_GUILD_ID, else the global ones), so that
   * messages name commands as mentions; login() starts it without waiting for it. Resolves true once the ids
   * of all its slash commands are known, false when the fetch failed or Discord did not list some there
   * (a warning, each; messages name those as typed until a member uses them), or once the bot is stopping
   * (what a fetch then under way brings is neither taken nor logged). Never rejects. A call while one is under
   * way gets that one.
   */
  fetchCommandIds(): Promise<boolean>;
}

/** Remembers long values under short keys (the same value, the same key), forgetting the oldest. */
export function createKeyMemory(limit = QUERY_MEMORY_LIMIT): KeyMemory {
  const values = new Map<string, string>();
  return {
    put(value) {
      const key = createHash("sha256").update(value).digest("base64url").slice(0, 16);
      values.delete(key);
      values.set(key, value);
      if (values.size > limit) values.delete(values.keys().next().value as string);
      return key;
    },
    get: (key) => values.get(key),
  };
}

const BUTTON_STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const;

/** A reply as discord.js message options: limits clamped, no mentions. */
function messageOf(reply: Reply): InteractionEditReplyOptions {
  const out: InteractionEditReplyOptions = { allowedMentions: NO_MENTIONS };
  if (reply.content !== undefined) out.content = truncate(reply.content, MESSAGE_CONTENT_LIMIT);
  if (reply.embeds) out.embeds = reply.embeds.slice(0, MESSAGE_EMBEDS_LIMIT);
  if (reply.buttons) {
    out.components = reply.buttons
      .filter((row) => row.length > 0)
      .slice(0, ACTION_ROWS_LIMIT)
      .map(
        (row): APIActionRowComponent<APIButtonComponent> => ({
          type: ComponentType.ActionRow,
          components: row.slice(0, ACTION_ROW_BUTTONS_LIMIT).map((b) => ({
            type: ComponentType.Button,
            custom_id: b.id,
            label: truncate(b.label, BUTTON_LABEL_LIMIT),
            style: BUTTON_STYLES[b.style ?? "secondary"],
            disabled: b.disabled ?? false,
          })),
        }),
      );
  }
  return out;
}

function flagsOf(isPrivate: boolean | undefined): { flags?: MessageFlags.Ephemeral } {
  return isPrivate ? { flags: MessageFlags.Ephemeral } : {};
}

/**
 * The API JSON of a form, with text inputs in labels (the current modal layout). A prefilled value is cut
 * (at a grapheme, without a mark) to what the box takes: its max_length and Discord's 4,000.
 */
function modalOf(modal: Modal) {
  return {
    custom_id: modal.id,
    title: truncate(modal.title, MODAL_TITLE_LIMIT),
    components: modal.inputs.map((input) => {
      const value = clip(
        input.value ?? "",
        Math.min(input.maxLength ?? TEXT_INPUT_VALUE_LIMIT, TEXT_INPUT_VALUE_LIMIT),
      );
      return {
        type: ComponentType.Label,
        label: truncate(input.label, MODAL_LABEL_LIMIT),
        ...(input.description ? { description: truncate(input.description, MODAL_DESCRIPTION_LIMIT) } : {}),
        component: {
          type: ComponentType.TextInput,
          custom_id: input.id,
          style: input.style === "short" ? TextInputStyle.Short : TextInputStyle.Paragraph,
          required: input.required,
          ...(input.maxLength === undefined ? {} : { max_length: input.maxLength }),
          ...(input.placeholder === undefined ? {} : { placeholder: input.placeholder }),
          ...(value === "" ? {} : { value }),
        },
      };
    }),
  };
}

type Repliable =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | MessageComponentInteraction
  | ModalSubmitInteraction;

/**
 * Turns for the work a handler does once its interaction is deferred: one at a time, each in a turn of the
 * event loop of its own, and only once every interaction that had come in before it asked is acknowledged.
 * The engine answers synchronously (a question of 1,000 characters takes about 0.25 s on livedoor's 7,358
 * articles, one of 6,000 about 0.9 s), and the acknowledgements go out one after another (discord.js sends
 * an interaction's callback when the one before has come back). Run as each deferral came back, the answers
 * of 30 members asking at once were computed between one acknowledgement and the next, and the last were
 * acknowledged after Discord's 3 s (「アプリケーションが応答しませんでした」). Now what has come in is
 * acknowledged before the next answer is computed, and an interaction waits for one answer at most. An
 * interaction that comes in later does not hold back a turn asked for before it: a steady stream of quick
 * commands cannot keep an answer waiting.
 */
export function createTurns(): {
  /** Resolves when the work after a deferral may run. */
  turn: () => Promise<void>;
  /** An interaction came in; call the function returned once it is acknowledged (or never will be). */
  arrived: () => () => void;
} {
  /** Turns asked for, in order, each with the last arrival before it. */
  const waiting: { resolve: () => void; after: number }[] = [];
  /** The arrivals not yet acknowledged, by their number. */
  const unacknowledged = new Set<number>();
  let arrivals = 0;
  let pumping = false;
  const ready = () => {
    const head = waiting[0];
    if (!head) return false;
    for (const n of unacknowledged) if (n <= head.after) return false;
    return true;
  };
  const pump = () => {
    if (!ready()) {
      pumping = false;
      return;
    }
    // the work resumed by this turn runs before the next turn, which comes after the loop has read I/O
    (waiting.shift() as { resolve: () => void }).resolve();
    setImmediate(pump);
  };
  const start = () => {
    if (pumping || !ready()) return;
    pumping = true;
    setImmediate(pump);
  };
  return {
    turn: () =>
      new Promise<void>((resolve) => {
        waiting.push({ resolve, after: arrivals });
        start();
      }),
    arrived: () => {
      const n = ++arrivals;
      unacknowledged.add(n);
      return () => {
        if (unacknowledged.delete(n)) start();
      };
    },
  };
}

/** A handler cut short at shutdown while it waited for its turn: its member is told, nothing is wrong. */
class InterruptedWhileWaiting extends Error {
  override readonly name = "InterruptedWhileWaiting";
  constructor() {
    super("bot: interrupted while waiting for a turn");
  }
}

/**
 * Answers one interaction: tracks whether it was deferred or replied to, and runs each response after
 * the previous one so that the auto-defer and the handler never race. A deferral resolves at the
 * interaction's turn (see createTurns), when the work after it may run.
 */
class Responder {
  readonly #interaction: Repliable;
  #state: "new" | "deferred" | "replied" | "updating" = "new";
  #private = false;
  /** Once the member is told the interaction was cut short, whatever the handler sends later is dropped. */
  #closed = false;
  /** Messages sent (replies, edits, updates, follow-ups): an interruption after one that landed says nothing. */
  #sent = 0;
  #queue: Promise<unknown> = Promise.resolve();
  /** Milliseconds from receipt to the first response. */
  ackMs: number | null = null;
  readonly #received = performance.now();

  readonly #turn: () => Promise<void>;
  /** Says the interaction is acknowledged (see createTurns). */
  readonly #acknowledged: () => void;
  /** What the bot's commandRef writes before its command mentions, left as written in the messages it escapes. */
  readonly #mentionMark: string;

  /** Resolves when the interaction is cut short at shutdown (see interrupt). */
  readonly #interrupted: Promise<void>;
  #interrupt = () => {};

  constructor(interaction: Repliable, turns: ReturnType<typeof createTurns>, mentionMark: string) {
    this.#interaction = interaction;
    this.#mentionMark = mentionMark;
    this.#turn = turns.turn;
    this.#acknowledged = turns.arrived();
    this.#interrupted = new Promise((resolve) => {
      this.#interrupt = resolve;
    });
  }

  /** The interaction needs no acknowledgement any more: answered, or given up on. */
  settled(): void {
    this.#acknowledged();
  }

  get responded(): boolean {
    return this.#state !== "new";
  }

  #run(work: () => Promise<void>, evenClosed = false): Promise<void> {
    const next = this.#queue
      .then(() => (this.#closed && !evenClosed ? undefined : work()))
      .catch((err: unknown) => {
        // a first response that failed: no acknowledgement will come, and no turn waits for it
        if (this.#state === "new") this.#acknowledged();
        throw err;
      });
    this.#queue = next.catch(() => {});
    return next;
  }

  #acked(state: "deferred" | "replied" | "updating"): void {
    if (this.#state === "new") this.ackMs = Math.round(performance.now() - this.#received);
    this.#state = state;
    this.#acknowledged();
  }

  defer(isPrivate = false): Promise<void> {
    return this.#run(async () => {
      if (this.#state !== "new") return;
      await this.#interaction.deferReply(flagsOf(isPrivate));
      this.#private = isPrivate;
      this.#acked("deferred");
    }).then(() => this.#waitTurn());
  }

  /**
   * The interaction's turn for its work (see createTurns), outside the queue of its responses, so that an
   * interruption at shutdown is not held behind it; once interrupted, the handler stops here.
   */
  #waitTurn(): Promise<void> {
    return Promise.race([
      this.#turn(),
      this.#interrupted.then(() => {
        throw new InterruptedWhileWaiting();
      }),
    ]);
  }

  reply(reply: Reply): Promise<void> {
    return this.#run(async () => {
      const i = this.#interaction;
      if (this.#state === "new") {
        await i.reply({ ...(messageOf(reply) as InteractionReplyOptions), ...flagsOf(reply.private) });
        this.#acked("replied");
      } else if (this.#state === "deferred") {
        await i.editReply(messageOf(reply));
        this.#state = "replied";
      } else {
        await i.followUp({ ...(messageOf(reply) as InteractionReplyOptions), ...flagsOf(reply.private) });
      }
      this.#sent++;
    });
  }

  deferUpdate(): Promise<void> {
    return this.#run(async () => {
      const i = this.#interaction;
      if (this.#state !== "new" || !i.isMessageComponent()) return;
      await i.deferUpdate();
      this.#acked("updating");
    }).then(() => this.#waitTurn());
  }

  update(reply: Reply): Promise<void> {
    return this.#run(async () => {
      const i = this.#interaction;
      if (!i.isMessageComponent()) throw new Error("bot: update() on an interaction without a message");
      if (this.#state === "new") {
        await i.update(messageOf(reply) as Parameters<typeof i.update>[0]);
        this.#acked("updating");
      } else {
        await i.editReply(messageOf(reply));
      }
      this.#sent++;
    });
  }

  showModal(modal: Modal): Promise<void> {
    return this.#run(async () => {
      const i = this.#interaction;
      if (this.#state !== "new" || i.isModalSubmit()) throw new Error("bot: a form can only be the first response");
      await i.showModal(modalOf(modal) as Parameters<typeof i.showModal>[0]);
      this.#acked("replied");
      this.#sent++;
    });
  }

  /**
   * Shows a message to the member only, whatever was sent before; a public "thinking…" is removed.
   * The message is plain text (it may quote a title or what the member typed): escaped so that it never
   * formats or pings, controls dropped, and cut at a grapheme to fit in one Discord message; the command
   * mentions the bot's commandRef wrote stay as written (see CommandMentions.mark), whole or not at all.
   * `buttons` go under it (「入力し直す」).
   */
  fail(message: string, buttons: readonly (readonly Button[])[] = []): Promise<void> {
    return this.#run(() => this.#tell(message, buttons));
  }

  /**
   * Tells the member the interaction was cut short (see fail), unless a message got out while this waited
   * its turn (that was the answer); nothing sent after it reaches them. One sent before is no answer to the
   * rest: a handler that replied and was still at work is cut short.
   */
  interrupt(message: string): Promise<void> {
    this.#closed = true;
    this.#interrupt();
    const sent = this.#sent;
    return this.#run(async () => {
      if (this.#sent === sent) await this.#tell(message);
    }, true);
  }

  async #tell(message: string, buttons: readonly (readonly Button[])[] = []): Promise<void> {
    const i = this.#interaction;
    const components = messageOf({ buttons }).components ?? [];
    const body = {
      content: markdownText(message, [], MESSAGE_CONTENT_LIMIT, { mentionMark: this.#mentionMark }),
      allowedMentions: NO_MENTIONS,
      ...(components.length > 0 ? { components } : {}),
    };
    if (this.#state === "new") {
      await i.reply({ ...body, flags: MessageFlags.Ephemeral });
      this.#acked("replied");
    } else if (this.#state === "deferred" && this.#private) {
      await i.editReply({ ...body, embeds: [], components });
    } else {
      await i.followUp({ ...body, flags: MessageFlags.Ephemeral });
      if (this.#state === "deferred") await i.deleteReply().catch(() => {});
    }
    this.#state = "replied";
    this.#sent++;
  }
}

/** Reads a command's options from discord.js. */
function optionReader(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction): OptionReader {
  const chat = interaction.isChatInputCommand() ? interaction.options : null;
  return {
    string: (name) => chat?.getString(name) ?? null,
    integer: (name) => chat?.getInteger(name) ?? null,
    boolean: (name) => chat?.getBoolean(name) ?? null,
    attachment(name): Attachment | null {
      const a = chat?.getAttachment(name);
      return a ? { name: a.name, url: a.url, size: a.size, contentType: a.contentType } : null;
    },
    subcommand: () => chat?.getSubcommand(false) ?? null,
    targetMessage() {
      if (!interaction.isMessageContextMenuCommand()) return null;
      const m = interaction.targetMessage;
      // A forwarded message shows the message it forwards, which Discord sends as a snapshot: its own
      // content is empty. So is a poll's: its question and answers are apart.
      const text = [m, ...m.messageSnapshots.values()].flatMap((shown) => [
        shown.content,
        ...shown.embeds.flatMap((e) => [e.title, e.description, ...e.fields.map((f) => f.value)]),
        shown.poll?.question.text,
        ...(shown.poll?.answers.map((a) => a.text) ?? []),
      ]);
      return { id: m.id, text: text.filter(Boolean).join("\n") };
    },
  };
}

function commandName(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit())
    return interaction.customId.split(":", 2).join(":");
  return "unknown";
}

/**
 * The Discord bot: routes interactions to the commands, checks moderators, cooldowns and the server
 * allow list, defers what would miss Discord's 3-second deadline, and is the single error boundary.
 */
export function createBot(options: BotOptions): Bot {
  const { config, engine, logger } = options;
  const commands = options.commands ?? (allCommands as readonly Command<unknown>[]);
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const mentions = createCommandMentions(commands.map((c) => c.data.toJSON()));
  /** Where the commands' ids are fetched from: the server's (DISCORD_GUILD_ID), or the global ones (null). */
  const idsGuildId = config.guildId || null;
  const now = options.now ?? (() => new Date());
  const cooldowns = new Map<string, number>();
  /** One handler's work after its deferral per turn of the event loop (see createTurns). */
  const turns = createTurns();
  const inFlight = new Set<Promise<void>>();
  /** The interactions in flight that a member waits on, with what their log line says of them. */
  const waiting = new Map<Responder, Record<string, unknown>>();
  let stopping = false;

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...options.clientOptions,
    rest: { ...options.clientOptions?.rest, ...(config.apiBase ? { api: config.apiBase } : {}) },
  });

  const services: Services = {
    engine,
    fetch: options.fetch,
    version: options.version,
    startedAt: now(),
    queries: createKeyMemory(),
    forms: createFormMemory({ now: () => now().getTime() }),
    commandRef: mentions.commandRef,
    now,
    download: (attachment, maxBytes) => download(attachment, maxBytes, options.fetch.timeoutMs),
  };

  const isModerator = (interaction: Interaction): boolean => {
    if (!interaction.inGuild()) return false;
    if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
    const roles = interaction.member.roles;
    const ids: readonly string[] = Array.isArray(roles) ? roles : [...roles.cache.keys()];
    return ids.some((id) => config.moderatorRoleIds.includes(id));
  };

  const allowedHere = (guildId: string | null): boolean =>
    !config.allowedGuildIds || (guildId !== null && config.allowedGuildIds.includes(guildId));

  /** Starts a member's cooldown for a command, or refuses while one runs; returns how to take it back. */
  const startCooldown = (command: string, userId: string): (() => void) => {
    const ms = config.cooldownSeconds * 1000;
    if (ms <= 0) return () => {};
    const key = `${command}:${userId}`;
    const t = Date.now();
    const until = cooldowns.get(key) ?? 0;
    if (until > t) {
      throw new UserFacingError(
        `続けて使うには少し間を空けてください。あと ${Math.ceil((until - t) / 1000)} 秒ほどで使えます。`,
        `cooldown: ${key}`,
      );
    }
    if (cooldowns.size > 10_000) for (const [k, u] of cooldowns) if (u <= t) cooldowns.delete(k);
    cooldowns.set(key, t + ms);
    return () => {
      if (cooldowns.get(key) === t + ms) cooldowns.delete(key);
    };
  };

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = byName.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const choices =
      stopping || !allowedHere(interaction.guildId) || !command?.autocomplete
        ? []
        : command.autocomplete({
            engine,
            user: { id: interaction.user.id, isModerator: isModerator(interaction) },
            subcommand: interaction.options.getSubcommand(false),
            focused: { name: focused.name, value: String(focused.value) },
          });
    await interaction.respond(choices.map((c) => ({ name: c.name, value: c.value })));
  }

  async function respond(interaction: Repliable, responder: Responder, user: Actor): Promise<void> {
    if (stopping) throw new UserFacingError(STOPPING);
    if (!allowedHere(interaction.guildId)) {
      const message = interaction.guildId === null ? NOT_ALLOWED_IN_DMS : NOT_ALLOWED_HERE;
      throw new UserFacingError(message, `guild ${interaction.guildId} not allowed`);
    }
    if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
      // A slash command says its id: the mentions stay right after a redeploy, or a failed fetch. Only one
      // registered where the ids are fetched from: a command registered both in the server and globally has
      // two ids, and the mentions would go from one to the other with each use.
      if (interaction.isChatInputCommand() && interaction.commandGuildId === idsGuildId)
        mentions.learn(interaction.commandName, interaction.commandId);
      const command = byName.get(interaction.commandName);
      if (!command) throw new Error(`bot: no command ${interaction.commandName}`);
      const parsed = command.parse(optionReader(interaction));
      if (command.moderatorOnly?.(parsed) && !user.isModerator) {
        throw new UserFacingError(MODERATORS_ONLY, `not a moderator: ${user.id}`);
      }
      // Checked and started before the handler runs, so that two uses at once cannot both pass.
      const cancelCooldown = command.cooldown ? startCooldown(command.data.name, user.id) : () => {};
      // A handler slow to answer is deferred as it would have answered: each command says how.
      const isPrivate = command.isPrivate(parsed);
      const timer = setTimeout(() => void responder.defer(isPrivate).catch(() => {}), AUTO_DEFER_MS);
      try {
        await command.run({
          ...services,
          options: parsed,
          user,
          guildId: interaction.guildId,
          defer: (o) => responder.defer(o?.private ?? false),
          reply: (r) => responder.reply(r),
          showModal: (m) => responder.showModal(m),
        });
      } catch (err) {
        // Input refused before any answer (an empty question) did no work: the member may correct it at once.
        // So is a member whose answer Discord would not take (a 403, an interaction it gave up on) or failed
        // to take (a 5xx, still there after discord.js asked again): they got no answer. Not after a bug: the
        // same question would cost the same work again at once.
        if (
          (err instanceof UserFacingError && !responder.responded) ||
          err instanceof DiscordAPIError ||
          err instanceof HTTPError
        )
          cancelCooldown();
        throw err;
      } finally {
        clearTimeout(timer);
      }
      return;
    }
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const { command: name, action, args } = parseCustomId(interaction.customId);
      const handler = byName.get(name)?.components?.[action];
      if (!handler) throw new UserFacingError(STALE_COMPONENT, `no component ${interaction.customId}`);
      if (handler.moderatorOnly && !user.isModerator)
        throw new UserFacingError(MODERATORS_ONLY, `not a moderator: ${user.id}`);
      const fields = new Map<string, string>();
      if (interaction.isModalSubmit()) {
        for (const [id, field] of interaction.fields.fields) {
          if ("value" in field && typeof field.value === "string") fields.set(id, field.value);
        }
      }
      const ctx: ComponentContext = {
        ...services,
        user,
        guildId: interaction.guildId,
        args,
        ownerId: interaction.isMessageComponent() ? (interaction.message.interactionMetadata?.user.id ?? null) : null,
        fields,
        update: (r) => responder.update(r),
        deferUpdate: () => responder.deferUpdate(),
        defer: (o) => responder.defer(o?.private ?? false),
        reply: (r) => responder.reply(r),
        showModal: (m) => responder.showModal(m),
      };
      const timer = setTimeout(
        () => void (interaction.isMessageComponent() ? responder.deferUpdate() : responder.defer(true)).catch(() => {}),
        AUTO_DEFER_MS,
      );
      try {
        await handler.run(ctx);
      } finally {
        clearTimeout(timer);
      }
      return;
    }
    throw new Error(`bot: unsupported interaction type ${(interaction as Interaction).type}`);
  }

  async function handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const entry: Record<string, unknown> = {
      event: "interaction",
      type: interaction.type,
      command: commandName(interaction),
      userId: interaction.user.id,
      guildId: interaction.guildId,
    };
    try {
      if (interaction.isAutocomplete()) {
        await autocomplete(interaction);
        entry["outcome"] = "ok";
        return;
      }
      if (!interaction.isRepliable()) return;
      const user: Actor = { id: interaction.user.id, isModerator: isModerator(interaction) };
      const responder = new Responder(interaction as Repliable, turns, mentions.mark);
      waiting.set(responder, entry);
      try {
        await respond(interaction as Repliable, responder, user);
        entry["outcome"] = "ok";
      } catch (thrown) {
        // cut short at shutdown while it waited for its turn: the interruption told the member
        if (thrown instanceof InterruptedWhileWaiting) {
          entry["outcome"] = "interrupted";
          return;
        }
        // The error boundary: a member's mistake is explained to them; anything else is a bug, logged.
        // A handler may give buttons to go under the message (「入力し直す」 under a refused form).
        const { error: err, buttons } = thrown instanceof WithButtons ? thrown : { error: thrown, buttons: [] };
        const refused = err instanceof UserFacingError;
        entry["outcome"] = refused ? "refused" : "error";
        // (a message's own words, without the marks of its command mentions)
        if (refused) entry["reason"] = err.detail ?? err.message.replaceAll(mentions.mark, "");
        else logger.error({ ...entry, event: "interaction.error", err }, "a command failed");
        await responder.fail(refused ? err.message : GENERIC_APOLOGY, buttons).catch((replyErr: unknown) => {
          logger.warn({ ...entry, event: "interaction.reply_failed", err: replyErr }, "could not tell the member");
        });
      } finally {
        responder.settled();
        waiting.delete(responder);
        entry["ackMs"] = responder.ackMs;
      }
    } catch (err) {
      entry["outcome"] = "error";
      logger.error({ ...entry, event: "interaction.error", err }, "an interaction failed");
    } finally {
      entry["ms"] = Math.round(performance.now() - started);
      logger.info(entry, "interaction");
    }
  }

  client.on(Events.InteractionCreate, (interaction) => {
    const task = handle(interaction);
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  client.on(Events.Error, (err) => logger.error({ event: "client.error", err }, "discord.js client error"));
  // discord.js emits shardDisconnect only for the close codes it does not reconnect after.
  let lostWith: GatewayClosedError | null = null;
  let setLost: (closed: GatewayClosedError) => void = () => {};
  const lost = new Promise<GatewayClosedError>((resolve) => {
    setLost = resolve;
  });
  client.on(Events.ShardDisconnect, (event, shardId) => {
    lostWith ??= new GatewayClosedError(event.code, client.options.intents.toArray());
    logger.debug({ event: "client.shard_disconnect", shardId, closeCode: event.code }, "gateway closed for good");
    setLost(lostWith);
  });
  client.on(Events.Warn, (message) => logger.warn({ event: "client.warn", message }, "discord.js warning"));

  /**
   * See Bot.fetchCommandIds. One that stop() finds under way is abandoned: what it brings is neither taken
   * nor logged (nothing is logged once the bot has stopped), and none starts once it is stopping.
   */
  async function fetchCommandIds(): Promise<boolean> {
    if (stopping) return false;
    const scope = idsGuildId ? { guildId: idsGuildId } : {};
    try {
      if (!client.application) throw new Error("bot: not logged in");
      const registered = await client.application.commands.fetch({ ...scope, cache: false });
      if (stopping) return false;
      const missing = mentions.replaceIds(registered.values());
      if (missing.length > 0) {
        // (registered globally while DISCORD_GUILD_ID is set, or in another server, or not at all)
        logger.warn(
          { event: "bot.command_ids_missing", ...scope, registered: registered.size, missing },
          `Discord does not list ${missing.length} of the bot's slash commands ${idsGuildId ? "in server DISCORD_GUILD_ID" : "globally"}: ` +
            "messages name them as typed until a member uses one; register them there with npm run deploy-commands",
        );
        return false;
      }
      logger.info(
        { event: "bot.command_ids", ...scope, registered: registered.size },
        "fetched the commands' ids: messages mention them",
      );
      return true;
    } catch (err) {
      if (stopping) return false;
      logger.warn(
        { event: "bot.command_ids_failed", ...scope, err },
        "could not fetch the commands' ids: messages name them as typed",
      );
      return false;
    }
  }
  let fetchingIds: Promise<boolean> | null = null;
  const fetchCommandIdsOnce = (): Promise<boolean> =>
    (fetchingIds ??= fetchCommandIds().finally(() => {
      fetchingIds = null;
    }));

  return {
    client,
    lost,
    async login() {
      const ready = once(client, Events.ClientReady);
      const closed = lost.then((e) => Promise.reject(e));
      closed.catch(() => {});
      try {
        await client.login(config.token);
      } catch (err) {
        // shardDisconnect comes first; login() then rejects with discord.js's plain Error, which has no code.
        if (lostWith) throw new GatewayClosedError(lostWith.closeCode, lostWith.intents, { cause: err });
        throw err;
      }
      // The session may still be closed while the client waits for the servers (GUILD_CREATE).
      await Promise.race([ready, closed]);
      // Not waited for: a slow or failed fetch leaves the commands named as typed, and delays nothing.
      void fetchCommandIdsOnce();
    },
    fetchCommandIds: fetchCommandIdsOnce,
    async stop() {
      stopping = true;
      await within(Promise.allSettled([...inFlight]), options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
      // Those still waiting are told, rather than left with "thinking…" until Discord gives up on it.
      const cut = [...waiting];
      for (const [, entry] of cut) {
        logger.warn({ ...entry, event: "interaction.interrupted" }, "cut short by shutdown");
      }
      await within(Promise.allSettled(cut.map(([responder]) => responder.interrupt(INTERRUPTED))), INTERRUPT_MS);
      await engine.idle();
      await client.destroy();
    },
  };
}

/** Waits for `work`, at most `ms` milliseconds. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([work, timeout]);
  clearTimeout(timer);
}

/** Downloads an attachment from Discord's CDN, refusing more than `maxBytes`. */
async function download(attachment: Attachment, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const tooBig = () =>
    new UserFacingError(
      `ファイルが大きすぎます。${formatByteLimit(maxBytes)} 以下のファイルにしてください。`,
      `download: ${attachment.name} over ${maxBytes} bytes`,
    );
  // Whether the connection fails, the time runs out or the body is cut off, before the headers or while
  // reading the body: the file did not arrive, which the moderator can only try again.
  const notReceived = (err: unknown) => {
    const timedOut = (err as Error | null)?.name === "TimeoutError";
    return new UserFacingError(
      timedOut
        ? `添付ファイルを ${Math.round(timeoutMs / 1000)} 秒以内に受け取れませんでした。もう一度添付してお試しください。`
        : "添付ファイルを受け取れませんでした。もう一度添付してお試しください。",
      `download: ${(err as Error).message}${(err as Error).cause ? ` (${String((err as { cause: unknown }).cause)})` : ""}`,
    );
  };
  if (attachment.size > maxBytes) throw tooBig();
  let response: Response;
  try {
    response = await fetch(attachment.url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw notReceived(err);
  }
  if (!response.ok || !response.body) {
    throw new UserFacingError(
      `添付ファイルを受け取れませんでした（HTTP ${response.status}）。もう一度添付してお試しください。`,
      `download: HTTP ${response.status}`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooBig();
      chunks.push(chunk);
    }
  } catch (err) {
    throw err instanceof UserFacingError ? err : notReceived(err);
  }
  return Buffer.concat(chunks);
}

/**
 * Refuses a CORPUS_DIR that is not there: a mistyped path is no empty library (the engine would take it for
 * one, and the first save of its index would create the folder). A file, or a folder that cannot be read,
 * is the engine's to refuse.
 */
async function requireCorpusFolder(dir: string): Promise<void> {
  const missing = await stat(dir).then(
    () => false,
    (err: NodeJS.ErrnoException) => err.code === "ENOENT",
  );
  if (!missing) return;
  throw new UserFacingError(
    `コーパスのフォルダが見つかりません: ${dir}。CORPUS_DIR のパスを確かめて直してください。空のライブラリから始めるなら、このフォルダを作ってから起動してください。`,
    `bot: no corpus folder ${dir}`,
  );
}

/** `npm start`: loads the configuration, the dictionary and the index, then logs in. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  dotenv.config({ quiet: true });
  let config: BotConfig;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  process.on("unhandledRejection", (reason) => {
    logger.error({ event: "process.unhandled_rejection", err: reason }, "unhandled promise rejection");
  });
  const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  let engine: Engine;
  try {
    await requireCorpusFolder(config.corpusDir);
    engine = await Engine.open({
      corpusDir: config.corpusDir,
      // What went wrong with the saved index (unreadable, damaged, not saved) is worth an operator's eye;
      // the rest (load, repair, save) is routine.
      log: (event, fields) =>
        /\.(failed|unreadable|damaged)$/u.test(event)
          ? logger.warn({ event, ...fields })
          : logger.debug({ event, ...fields }),
    });
  } catch (err) {
    // A corpus the operator must fix (missing, a malformed article file): one clear line, no stack trace.
    if (!(err instanceof UserFacingError)) throw err;
    logger.fatal({ event: "bot.corpus_unreadable", err: err.detail ?? err.message }, err.message);
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
    return;
  }
  prepareArticleChoices(engine);
  const bot = createBot({ config, engine, logger, fetch: fetchOptionsOf(config.fetch), version });
  // What the CLI (or an editor) changes in the folder while the bot runs is taken in, not left until a restart.
  const corpusWatch = watchCorpus(engine, config.corpusDir, (event, fields) =>
    event === "corpus.synced" ? logger.info({ event, ...fields }, event) : logger.warn({ event, ...fields }, event),
  );
  let stopping = false;
  /** Stops (see Bot.stop) and exits: after a signal (SIGTERM) with 0, after the gateway was lost with 1. */
  const shutdown = async (why: { signal: string } | { reason: string }, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: "bot.stopping", ...why }, "stopping");
    corpusWatch.close();
    await bot.stop();
    logger.info({ event: "bot.stopped" }, "stopped");
    process.exit(exitCode);
  };
  // A second signal during shutdown gets Node's default: exit at once.
  process.once("SIGINT", () => void shutdown({ signal: "SIGINT" }));
  process.once("SIGTERM", () => void shutdown({ signal: "SIGTERM" }));
  try {
    await bot.login();
  } catch (err) {
    // A rejected token or an unreachable Discord is the operator's to fix: one line saying how, details in the log.
    const failure = explainDiscordFailure(err, "login", config.apiBase);
    const closeCode = err instanceof GatewayClosedError ? err.closeCode : undefined;
    logger.fatal({ event: "bot.login_failed", reason: failure.reason, closeCode, err }, failure.message);
    process.stderr.write(`${failure.message}\n`);
    process.exitCode = 1;
    corpusWatch.close();
    await bot.client.destroy();
    return;
  }
  // Discord closing the session for good leaves a bot that receives nothing (with nothing else to wait on,
  // Node would even exit 0 in silence): say why, stop as on SIGTERM, and exit non-zero.
  void bot.lost.then((closed) => {
    if (stopping) return;
    const failure = explainGatewayClose(closed, "running");
    logger.fatal(
      { event: "bot.gateway_closed", reason: failure.reason, closeCode: closed.closeCode, intents: closed.intents },
      failure.message,
    );
    process.stderr.write(`${failure.message}\n`);
    void shutdown({ reason: "gateway_closed" }, 1);
  });
  const stats = engine.stats;
  logger.info(
    {
      event: "bot.ready",
      user: bot.client.user?.tag,
      guilds: bot.client.guilds.cache.size,
      articles: stats.articles,
      passages: stats.passages,
      index: stats.indexOrigin,
      openMs: stats.openMs,
      startupMs: Math.round(performance.now() - started),
    },
    "ready",
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
