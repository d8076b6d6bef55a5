import { about } from "./about.ts";
import { article } from "./article.ts";
import { ask } from "./ask.ts";
import type { Command } from "./context.ts";
import { search } from "./search.ts";
import { searchMessage } from "./search-message.ts";
import { summary } from "./summary.ts";

/**
 * Every command of the bot, in the order Discord lists them. The bot, the deploy script and the tests
 * all use this list.
 */
export const commands = [
  ask,
  search,
  summary,
  article,
  about,
  searchMessage,
] as const satisfies readonly Command<unknown>[];
