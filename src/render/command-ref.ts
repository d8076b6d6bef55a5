/**
 * How a message names one of the bot's slash commands: `commandRef("article", "add")`. The messages are
 * the core's, the way to write a command is the caller's: the terminal and the tests write it as it is
 * typed, `/article add`; the bot writes a command mention, `</article add:123…>` (after an invisible mark of
 * its own: see CommandMentions), once it knows the command's id, which Discord shows in the member's own
 * language (/記事 追加) and as a link that fills the command in.
 */
export type CommandRef = (name: string, subcommand?: string) => string;

/**
 * A command as it is typed: `/ask`, `/article add`.
 * @example plainCommandRef("article", "add") // "/article add"
 */
export const plainCommandRef: CommandRef = (name, subcommand) => `/${subcommand ? `${name} ${subcommand}` : name}`;
