import type { SourceRef } from "../src/answer/types.ts";
import { LruCache } from "../src/lru.ts";

/** An article removed with /article remove, and the moderator who removed it. */
export interface Removal {
  readonly source: SourceRef;
  readonly by: string;
}

/**
 * Articles this bot removed lately, by id: a confirmation pressed after still names the article, and an
 * id chosen from the suggestions before the removal is said to be removed. An article removed with the
 * CLI or from the folder, or before a restart, is not in it: of its id, the bot only knows it names none.
 */
export const recentRemovals = new LruCache<string, Removal>(200);
