import { randomBytes } from "node:crypto";
import { SNOWFLAKE } from "./config.ts";
import { type CommandRef, plainCommandRef } from "./render/command-ref.ts";

/** Discord's type of a slash command, and of a subcommand among its options. */
const CHAT_INPUT = 1;
const SUBCOMMAND = 1;

/** A command as the bot defines it (its builder's JSON): its name, type and subcommands. */
export interface DefinedCommand {
  readonly name: string;
  readonly type?: number | undefined;
  readonly options?: readonly { readonly name: string; readonly type: number }[] | undefined;
}

/** A command as Discord lists it: the id it gave, its (default) name and its type. */
export interface RegisteredCommand {
  readonly id: string;
  readonly name: string;
  readonly type: number;
}

/** The bot's way of naming its slash commands in messages (see CommandRef). */
export interface CommandMentions {
  /**
   * A mention, `</article add:123…>` after the `mark`, of a command the bot defines (with that subcommand)
   * and whose id it knows; the command as typed, `/article add`, otherwise (ids not fetched yet, or the
   * fetch failed).
   */
  readonly commandRef: CommandRef;
  /**
   * What commandRef writes before each mention, so that a message escaped as a whole (a refusal, which may
   * quote a title or what a member typed) keeps the mentions the bot wrote, and those only: markdownText's
   * `mentionMark`. Invisible characters (INVISIBLE, which the text the bot sends is rid of), drawn at random
   * when the bot starts: no title, nor anything a member types, holds them, and ids learned or fetched
   * between writing a message and sending it change nothing of it.
   */
  readonly mark: string;
  /**
   * Takes the ids of the commands Discord lists, in place of those known for them; a slash command of the
   * bot's the list lacks keeps the id it has (an interaction's), if any. Returns the names of those it lacks
   * (or gives no snowflake for): commands registered elsewhere (globally, or in another server), or not at all.
   */
  replaceIds(commands: Iterable<RegisteredCommand>): string[];
  /**
   * Takes the id of one command, as an interaction with it says (after a redeploy, or a failed fetch). An id
   * is taken only for a slash command the bot defines, and only if it is a snowflake (17–20 digits), as a
   * mention's is read (markdownText keeps no other); likewise from the list.
   */
  learn(name: string, id: string): void;
}

/** A mark is made of the 16 characters from this one, U+0010–U+001F: C0 controls, which INVISIBLE holds. */
const MARK_FIRST_CHARACTER = 0x10;
/** A mark's length: 4 random bits a character, 48 bits. */
const MARK_LENGTH = 12;

/**
 * Mentions of the bot's slash commands, from the ids Discord gave them. Discord shows a mention as the
 * command's name in the member's language (/記事 追加 in a Japanese client), as a link that fills the
 * command in; it pings nobody. Its text is the command's default name (`</article add:id>`), whatever
 * language it is shown in.
 * @example
 * const mentions = createCommandMentions(commands.map((c) => c.data.toJSON()));
 * mentions.commandRef("ask"); // "/ask"
 * mentions.replaceIds([{ id: "1300000000000000001", name: "ask", type: 1 }]); // ["about", "article", …]
 * mentions.commandRef("ask"); // `${mentions.mark}</ask:1300000000000000001>`
 */
export function createCommandMentions(defined: readonly DefinedCommand[]): CommandMentions {
  const mark = String.fromCharCode(...Array.from(randomBytes(MARK_LENGTH), (b) => MARK_FIRST_CHARACTER + (b % 16)));
  /** The chat input commands the bot defines, each with its subcommands. */
  const subcommands = new Map(
    defined
      .filter((c) => (c.type ?? CHAT_INPUT) === CHAT_INPUT)
      .map((c) => [c.name, new Set((c.options ?? []).filter((o) => o.type === SUBCOMMAND).map((o) => o.name))]),
  );
  const ids = new Map<string, string>();
  /** Takes an id for a slash command the bot defines, if it is one Discord gives (a snowflake); says if it did. */
  const take = (name: string, id: string): boolean => {
    if (!subcommands.has(name) || !SNOWFLAKE.test(id)) return false;
    ids.set(name, id);
    return true;
  };
  const commandRef: CommandRef = (name, subcommand) => {
    const id = ids.get(name);
    const subs = subcommands.get(name);
    if (id === undefined || !subs || (subcommand === undefined ? subs.size > 0 : !subs.has(subcommand)))
      return plainCommandRef(name, subcommand);
    return `${mark}</${subcommand === undefined ? name : `${name} ${subcommand}`}:${id}>`;
  };
  return {
    commandRef,
    mark,
    replaceIds(commands) {
      const listed = new Set<string>();
      for (const c of commands) if (c.type === CHAT_INPUT && take(c.name, c.id)) listed.add(c.name);
      return [...subcommands.keys()].filter((name) => !listed.has(name));
    },
    learn(name, id) {
      take(name, id);
    },
  };
}
