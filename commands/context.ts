import type { APIEmbed, RESTPostAPIApplicationCommandsJSONBody } from "discord.js";
import type { Engine } from "../src/engine.ts";
import { UserFacingError } from "../src/errors.ts";
import type { FormMemory } from "../src/form-memory.ts";
import type { FetchOptions } from "../src/ingest/ingest.ts";
import type { CommandRef } from "../src/render/command-ref.ts";
import { CUSTOM_ID_LIMIT } from "../src/render/limits.ts";

/**
 * What a command handler may see and do: a narrow context instead of the raw interaction, so that the
 * handlers run the same under the bot, the command line and the tests.
 */

/** The member who used the command. */
export interface Actor {
  readonly id: string;
  /** Has Manage Server, or one of MODERATOR_ROLE_IDS, in the server the command was used in. */
  readonly isModerator: boolean;
}

export type ButtonStyle = "primary" | "secondary" | "success" | "danger";

/** A button under a reply; `id` is a custom id made with `customId`. */
export interface Button {
  readonly id: string;
  readonly label: string;
  readonly style?: ButtonStyle;
  readonly disabled?: boolean;
}

/** A message the bot sends. */
export interface Reply {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  /** Rows of buttons (at most 5 rows of 5). An empty list removes the buttons of an edited message. */
  readonly buttons?: readonly (readonly Button[])[];
  /**
   * Only the member who asked sees it. Set by the first response: a deferred reply keeps the privacy
   * chosen in `defer`.
   */
  readonly private?: boolean;
}

export interface TextInput {
  readonly id: string;
  readonly label: string;
  readonly style: "short" | "paragraph";
  readonly required: boolean;
  readonly maxLength?: number;
  readonly placeholder?: string;
  /** A line under the label, at most 100 characters (what the member should know about the box). */
  readonly description?: string;
  /** Text already in the box (what the member typed before); cut to `maxLength` if longer. */
  readonly value?: string;
}

/** A form the member fills in; its submission comes back to the command's component `action`. */
export interface Modal {
  readonly id: string;
  readonly title: string;
  readonly inputs: readonly TextInput[];
}

/** A file attached to a command. */
export interface Attachment {
  readonly name: string;
  readonly url: string;
  readonly size: number;
  readonly contentType: string | null;
}

/** The target of a message command. */
export interface TargetMessage {
  readonly id: string;
  /** The message's text, with the text of its embeds after it. */
  readonly text: string;
}

/** Reads the options of a command; the bot implements it over discord.js, tests over plain objects. */
export interface OptionReader {
  string(name: string): string | null;
  integer(name: string): number | null;
  boolean(name: string): boolean | null;
  attachment(name: string): Attachment | null;
  subcommand(): string | null;
  targetMessage(): TargetMessage | null;
}

/** Short keys for values too long for a custom id (a search query), kept in memory by the bot. */
export interface KeyMemory {
  put(value: string): string;
  get(key: string): string | undefined;
}

/** What every handler can use besides the interaction itself. */
export interface Services {
  readonly engine: Engine;
  /** How the bot fetches pages for /article add and refetch (size, time and address limits). */
  readonly fetch: FetchOptions;
  readonly version: string;
  readonly startedAt: Date;
  readonly queries: KeyMemory;
  /** What moderators typed in refused forms, for 「入力し直す」. */
  readonly forms: FormMemory;
  /**
   * How a message names a slash command: a mention once the bot knows the command's id, which Discord shows
   * in the member's language, else as typed (see CommandRef).
   */
  readonly commandRef: CommandRef;
  now(): Date;
  /** Downloads an attached file, refusing one larger than `maxBytes`. */
  download(attachment: Attachment, maxBytes: number): Promise<Uint8Array>;
}

export interface CommandContext<O> extends Services {
  readonly options: O;
  readonly user: Actor;
  readonly guildId: string | null;
  /** Acknowledges now and answers later: call it before any work that may take more than a moment. */
  defer(options?: { private?: boolean }): Promise<void>;
  /** The reply; after `defer` it fills the deferred reply, after a reply it adds a follow-up. */
  reply(reply: Reply): Promise<void>;
  /** Opens a form; only as the first response. */
  showModal(modal: Modal): Promise<void>;
}

/** A button press or a form submission. */
export interface ComponentContext extends Services {
  readonly user: Actor;
  readonly guildId: string | null;
  /** The custom id's arguments: `search:page:2:…` → ["2", "…"]. */
  readonly args: readonly string[];
  /** The member who ran the command whose message carries the button; null for forms. */
  readonly ownerId: string | null;
  /** A form's inputs by id; empty for buttons. */
  readonly fields: ReadonlyMap<string, string>;
  /** Edits the message carrying the button (after `deferUpdate`, too). */
  update(reply: Reply): Promise<void>;
  /** Acknowledges a button press that will edit its message later. */
  deferUpdate(): Promise<void>;
  defer(options?: { private?: boolean }): Promise<void>;
  /** A new reply (or the deferred one). */
  reply(reply: Reply): Promise<void>;
  /** Opens a form; only as the first response to a button press (a form cannot answer a form). */
  showModal(modal: Modal): Promise<void>;
}

export interface AutocompleteContext {
  readonly engine: Engine;
  readonly user: Actor;
  readonly subcommand: string | null;
  readonly focused: { readonly name: string; readonly value: string };
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

export interface ComponentHandler {
  /** Checked by the bot before `run`. */
  readonly moderatorOnly?: boolean;
  run(ctx: ComponentContext): Promise<void>;
}

/** A slash command or a message command: its definition, how to read its options, and its handler. */
export interface Command<O> {
  /** The builder; `toJSON()` is what is registered with Discord. */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  parse(options: OptionReader): O;
  run(ctx: CommandContext<O>): Promise<void>;
  /**
   * Whether the replies to these options are shown to the member only. The bot defers with it when a
   * handler is slow to answer, so it must say what the handler itself chooses (tests check they agree).
   */
  isPrivate(options: O): boolean;
  /**
   * Whether these options need a moderator. The bot checks it when the command runs: Discord's
   * default_member_permissions can be overridden by server admins, so it is not a check.
   */
  moderatorOnly?(options: O): boolean;
  /** Subject to the per-member cooldown (COOLDOWN_SECONDS). */
  readonly cooldown?: boolean;
  /** Autocomplete choices, answered from memory (Discord allows 3 s and no deferral). */
  autocomplete?(ctx: AutocompleteContext): readonly Choice[];
  /** Buttons and forms, by the action part of their custom id (`<command>:<action>:<args>`). */
  readonly components?: Readonly<Record<string, ComponentHandler>>;
}

/**
 * A handler's error with buttons to show under the message that explains it (「入力し直す」 under a refused
 * form): the bot shows `error` as it shows any error (a refusal's message, or its apology for a bug), and
 * the buttons under it.
 */
export class WithButtons extends Error {
  override readonly name = "WithButtons";
  readonly error: unknown;
  readonly buttons: readonly (readonly Button[])[];
  constructor(error: unknown, buttons: readonly (readonly Button[])[]) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.error = error;
    this.buttons = buttons;
  }
}

/** The separator of custom id parts. */
export const CUSTOM_ID_SEPARATOR = ":";

/**
 * A custom id routed back to a command's component: `customId("search", "page", 2, ref)` →
 * `search:page:2:<ref>`, well-formed (a lone surrogate in what a member typed becomes U+FFFD, as in any
 * text the bot sends). Throws if it exceeds Discord's 100 characters.
 */
export function customId(command: string, action: string, ...args: readonly (string | number)[]): string {
  const id = [command, action, ...args].join(CUSTOM_ID_SEPARATOR).toWellFormed();
  if (id.length > CUSTOM_ID_LIMIT) throw new Error(`commands: custom id over ${CUSTOM_ID_LIMIT} characters: ${id}`);
  return id;
}

/** The parts of a custom id: command, action, arguments. */
export function parseCustomId(id: string): { command: string; action: string; args: string[] } {
  const [command = "", action = "", ...args] = id.split(CUSTOM_ID_SEPARATOR);
  return { command, action, args };
}

/** Declares a command with its options type inferred from `parse`. */
export function defineCommand<O>(command: Command<O>): Command<O> {
  return command;
}

/** What a reply about the library needs: the engine, and how to name a command to a member. */
export type LibraryServices = Pick<Services, "engine" | "commandRef">;

/**
 * Refuses to search an empty library, saying why and what to do: 「見つかりませんでした」 and advice to
 * shorten the keywords would send a member looking for a mistake they did not make.
 */
export function requireArticles({ engine, commandRef }: LibraryServices): void {
  if (engine.stats.articles > 0) return;
  throw new UserFacingError(
    `ライブラリにまだ記事がありません。モデレーターが ${commandRef("article", "add")} で記事を追加すると、質問や検索に答えられるようになります。`,
    "library empty",
  );
}
