import type { SlashCommandStringOption } from "discord.js";
import { sourceOf } from "../src/answer/answer.ts";
import type { SourceRef } from "../src/answer/types.ts";
import { hasVisibleText, typedUrl, withoutCredentials } from "../src/article/article.ts";
import type { Engine } from "../src/engine.ts";
import { UserFacingError } from "../src/errors.ts";
import type { CommandRef } from "../src/render/command-ref.ts";
import { formatDate } from "../src/render/date.ts";
import { AUTOCOMPLETE_CHOICES_LIMIT, CHOICE_NAME_LIMIT, oneLine, truncate } from "../src/render/limits.ts";
import { normalize } from "../src/text/normalize.ts";
import type { Choice, LibraryServices } from "./context.ts";
import { recentRemovals } from "./removals.ts";

/** A stored article's title quoted in a refusal: short enough to leave room for what to do after it. */
export const TITLE_IN_MESSAGE_LIMIT = 100;

/** Normalized titles, so that autocomplete does not normalize thousands of titles per keystroke. */
const normalizedTitles = new Map<string, string>();
const NORMALIZED_TITLES_LIMIT = 50_000;

function normalizedTitle(title: string): string {
  let n = normalizedTitles.get(title);
  if (n === undefined) {
    if (normalizedTitles.size >= NORMALIZED_TITLES_LIMIT) normalizedTitles.clear();
    n = normalize(title);
    normalizedTitles.set(title, n);
  }
  return n;
}

/** Normalizes every title ahead of the first autocomplete (about 0.3 s for 7,000 titles on a busy machine). */
export function prepareArticleChoices(engine: Engine): void {
  for (const a of engine.list()) normalizedTitle(a.title);
}

/**
 * Articles whose title contains what was typed (or whose id starts with it): titles first that start with
 * it; all of them when nothing was typed, none when what was typed shows nothing.
 */
function matchArticles(engine: Engine, typed: string): SourceRef[] {
  const articles = engine.list();
  if (!typed.trim()) return articles;
  const query = normalize(typed).trim();
  // spaces, controls and zero-width characters alone, or a lone surrogate (normalized to ""), show nothing
  // and are in every title
  if (!hasVisibleText(query)) return [];
  const starts: SourceRef[] = [];
  const contains: SourceRef[] = [];
  for (const a of articles) {
    const title = normalizedTitle(a.title);
    if (a.articleId.startsWith(query) || title.startsWith(query)) starts.push(a);
    else if (title.includes(query)) contains.push(a);
  }
  return [...starts, ...contains];
}

/**
 * Autocomplete choices for an article option: titles (with the date) as names, ids as values, newest
 * first when nothing is typed; at most 25, each name within 100 characters. `only` keeps the articles
 * the command can act on (refetch: those with a URL to fetch).
 */
export function articleChoices(
  engine: Engine,
  typed: string,
  only: (article: SourceRef) => boolean = () => true,
): Choice[] {
  return matchArticles(engine, typed.slice(0, 200))
    .filter(only)
    .slice(0, AUTOCOMPLETE_CHOICES_LIMIT)
    .map((a) => {
      const date = formatDate(a.publishedAt);
      const suffix = date ? `（${date}）` : "";
      return {
        name: truncate(oneLine(a.title), CHOICE_NAME_LIMIT - suffix.length) + suffix || a.articleId,
        value: a.articleId,
      };
    });
}

/**
 * The article an option names: its id (what autocomplete sends), its URL, or, since members may type
 * instead of choosing, the one article whose title matches.
 */
export function resolveArticle({ engine, commandRef }: LibraryServices, value: string): SourceRef {
  const key = typedUrl(value);
  if (!hasVisibleText(normalize(key)))
    throw new UserFacingError("記事を指定してください。入力すると候補が表示されます。");
  const found = engine.find(key);
  if (found) return sourceOf(found);
  const matches = matchArticles(engine, key);
  const exact = matches.filter((a) => normalizedTitle(a.title) === normalize(key).trim());
  if (exact.length === 1 && exact[0]) return exact[0];
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new UserFacingError(
      `「${truncate(oneLine(withoutCredentials(key)), 50)}」に当たる記事が ${matches.length} 件あります。入力中に表示される候補から選んでください。`,
    );
  }
  return fail(key, commandRef);
}

function fail(key: string, commandRef: CommandRef): never {
  // Not /article list: Discord shows /article to moderators only by default; everyone has /about's list.
  const list = `${commandRef("about")} の「記事の一覧」ボタン`;
  // An article this bot removed after its id was offered as a choice: the one case where the bot knows why.
  const removal = recentRemovals.get(key);
  if (removal) {
    throw new UserFacingError(
      `記事「${truncate(oneLine(removal.source.title), TITLE_IN_MESSAGE_LIMIT)}」（ID: ${key}）はすでに削除されています。入力中に表示される候補から今ある記事を選ぶか、${list}で確かめてください。`,
      `article option: article ${key} removed by ${removal.by}`,
    );
  }
  // An id, as autocomplete sends it or as a member copies it from a footer, perhaps one character off:
  // whether it was mistyped or its article removed (by the CLI, or before a restart), the bot cannot tell.
  if (/^[0-9a-f]{12}$/u.test(key)) {
    throw new UserFacingError(
      `ID が ${key} の記事は見つかりませんでした。ID に誤りがないか確かめるか、入力中に表示される候補から記事を選んでください。今ある記事は ${list}で確かめられます。`,
      `article option: no article ${key}`,
    );
  }
  throw new UserFacingError(
    // (a URL typed with its password: neither shown nor logged, as the message is when it has no detail)
    `「${truncate(oneLine(withoutCredentials(key)), 50)}」に当たる記事が見つかりませんでした。入力中に表示される候補から選ぶか、${list}で記事を確かめてください。`,
  );
}

/**
 * The article a button names by its id (the summary buttons under /search and /ask results). Nothing
 * was typed or chosen: an article that is not found was removed after the button was shown.
 */
export function articleOfButton({ engine, commandRef }: LibraryServices, id: string): SourceRef {
  const found = engine.article(id);
  if (found) return sourceOf(found);
  throw new UserFacingError(
    `この記事は見つかりませんでした。ボタンが表示された後に削除されたようです。${commandRef("search")} で探し直すか、${commandRef("about")} の「記事の一覧」ボタンで今ある記事を確かめてください。`,
    `button: no article ${id}`,
  );
}

/** The required `article` option with title autocomplete, shared by /summary and /article remove|refetch. */
export function articleOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName("article")
    .setNameLocalizations({ ja: "記事" })
    .setDescription("Type part of the title and pick the article")
    .setDescriptionLocalizations({ ja: "タイトルの一部を入力して記事を選びます" })
    .setRequired(true)
    .setAutocomplete(true);
}
