import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from "discord.js";
import { type Engine, SEARCH_HITS_PER_ARTICLE, SEARCH_PAGE_SIZE, type SearchPage } from "../src/engine.ts";
import { UserFacingError } from "../src/errors.ts";
import type { CommandRef } from "../src/render/command-ref.ts";
import { searchToEmbed } from "../src/render/embed.ts";
import { CUSTOM_ID_LIMIT, STRING_OPTION_LIMIT } from "../src/render/limits.ts";
import {
  type Button,
  CUSTOM_ID_SEPARATOR,
  customId,
  defineCommand,
  type KeyMemory,
  type Reply,
  requireArticles,
} from "./context.ts";
import { memberWords, type Refusals, withoutMarkup } from "./markup.ts";

/** The longest query searched; a message command can hand over a whole long message. */
export const SEARCH_QUERY_LIMIT = 1_000;

export interface SearchOptions {
  readonly query: string;
  readonly private: boolean;
}

/**
 * How a page button finds its query again: `=<query>` when the query fits in the custom id (it then
 * survives a restart), else `#<key>` of the bot's in-memory store.
 */
export function queryRef(query: string, memory: KeyMemory): string {
  const inline = `=${query}`;
  if (customId("search", "page", 9999, "").length + inline.length <= CUSTOM_ID_LIMIT) return inline;
  return `#${memory.put(query)}`;
}

function queryOf(ref: string, memory: KeyMemory, commandRef: CommandRef): string {
  const query = ref.startsWith("=") ? ref.slice(1) : memory.get(ref.slice(1));
  if (query === undefined) {
    throw new UserFacingError(
      `この検索結果は古くなりました（ボットが再起動したか、多くの検索の後で、検索した言葉をもう覚えていません）。もう一度 ${commandRef("search")} か「記事を検索」で検索してください。`,
    );
  }
  return query;
}

const SEARCH_REFUSALS: Refusals = {
  blank: "検索する言葉が空です。キーワードを入力してください。",
  onlyMarkup:
    "検索する言葉がありません。メンション、カスタム絵文字、タイムスタンプは検索に使いません。キーワードを入力してください。",
};

/**
 * The query searched, from what the member typed or pointed at (see memberWords): Discord's markup taken
 * out with `clean`, cut to SEARCH_QUERY_LIMIT, as it goes into the page's title and, inline, into the
 * custom ids of its buttons. One that shows nothing, or only markup, is refused with `refusals`.
 */
export function searchQuery(text: string, refusals = SEARCH_REFUSALS, clean = withoutMarkup): string {
  return memberWords(text, refusals, { clean, limit: SEARCH_QUERY_LIMIT });
}

/** Searches one page of matching articles, best first, for searchQuery(query). */
export function searchPage(engine: Engine, query: string, page: number): SearchPage {
  return engine.search(searchQuery(query), { page, pageSize: SEARCH_PAGE_SIZE, perArticle: SEARCH_HITS_PER_ARTICLE });
}

/** A page of results with its buttons: previous/next page, and a summary of each hit's article. */
export function searchReply(page: SearchPage, ref: string): Reply {
  const buttons: Button[][] = [];
  if (page.pageCount > 1) {
    buttons.push([
      {
        id: customId("search", "page", page.page - 1, ref),
        label: "◀ 前へ",
        style: "secondary",
        disabled: page.page <= 1,
      },
      {
        id: customId("search", "page", page.page + 1, ref),
        label: "次へ ▶",
        style: "secondary",
        disabled: page.page >= page.pageCount,
      },
    ]);
  }
  if (page.hits.length) {
    buttons.push(
      page.hits.map((hit, i) => ({
        // The rank keeps custom ids unique even if two hits came from one article.
        id: customId("summary", "show", hit.articleId, page.firstRank + i),
        label: `要約 ${page.firstRank + i}`,
        style: "primary" as const,
      })),
    );
  }
  return { embeds: [searchToEmbed(page)], buttons };
}

/**
 * `/search query [private]`: the matching articles, best first, five a page, each with its best passage;
 * with page and summary buttons.
 */
export const search = defineCommand<SearchOptions>({
  data: new SlashCommandBuilder()
    .setName("search")
    .setNameLocalizations({ ja: "検索" })
    .setDescription("Find the passages of the articles that match your words")
    .setDescriptionLocalizations({ ja: "言葉に一致する記事の段落を探します" })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((o) =>
      o
        .setName("query")
        .setNameLocalizations({ ja: "キーワード" })
        .setDescription("Words to look for")
        .setDescriptionLocalizations({ ja: "探す言葉" })
        .setRequired(true)
        .setMaxLength(STRING_OPTION_LIMIT),
    )
    .addBooleanOption((o) =>
      o
        .setName("private")
        .setNameLocalizations({ ja: "自分だけに表示" })
        .setDescription("Show the results to you only")
        .setDescriptionLocalizations({ ja: "結果を自分だけに表示します" }),
    ),
  cooldown: true,
  parse: (o) => ({ query: o.string("query") ?? "", private: o.boolean("private") ?? false }),
  isPrivate: (o) => o.private,
  async run(ctx) {
    const query = searchQuery(ctx.options.query);
    requireArticles(ctx);
    await ctx.defer({ private: search.isPrivate(ctx.options) });
    const page = searchPage(ctx.engine, query, 1);
    await ctx.reply(searchReply(page, queryRef(page.query, ctx.queries)));
  },
  components: {
    page: {
      async run(ctx) {
        if (ctx.ownerId && ctx.ownerId !== ctx.user.id) {
          throw new UserFacingError(
            `この検索結果のページを切り替えられるのは、検索した人だけです。自分で ${ctx.commandRef("search")} を使ってください。`,
          );
        }
        const [pageText = "1", ...rest] = ctx.args;
        const ref = rest.join(CUSTOM_ID_SEPARATOR);
        const query = queryOf(ref, ctx.queries, ctx.commandRef);
        await ctx.deferUpdate();
        const page = searchPage(ctx.engine, query, Number(pageText) || 1);
        await ctx.update(searchReply(page, ref));
      },
    },
  },
});
