import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
} from "discord.js";
import type { CommandRef } from "../src/render/command-ref.ts";
import { defineCommand, requireArticles } from "./context.ts";
import { messageWords, type Refusals } from "./markup.ts";
import { queryRef, searchPage, searchQuery, searchReply } from "./search.ts";

const messageRefusals = (commandRef: CommandRef): Refusals => ({
  blank: "このメッセージには検索できる文章がありません。文章を含むメッセージで使ってください。",
  onlyMarkup: `このメッセージにはメンションやリンク、絵文字しかなく、検索できる文章がありません。これらは検索に使いません。文章を含むメッセージで使うか、${commandRef("search")} でキーワードを入力してください。`,
});

export interface SearchMessageOptions {
  readonly text: string;
}

/**
 * Message menu 「記事を検索」: searches the articles with a message's text, its mentions, emoji, links and
 * code fences taken out (messageWords). A message command receives its target's content without the
 * privileged Message Content intent.
 */
export const searchMessage = defineCommand<SearchMessageOptions>({
  data: new ContextMenuCommandBuilder()
    .setName("Search articles")
    .setNameLocalizations({ ja: "記事を検索" })
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall),
  cooldown: true,
  parse: (o) => ({ text: o.targetMessage()?.text ?? "" }),
  // Someone else's message: the results go to the member who used the menu only.
  isPrivate: () => true,
  async run(ctx) {
    const query = searchQuery(ctx.options.text, messageRefusals(ctx.commandRef), messageWords);
    requireArticles(ctx);
    await ctx.defer({ private: true });
    const page = searchPage(ctx.engine, query, 1);
    await ctx.reply(searchReply(page, queryRef(page.query, ctx.queries)));
  },
});
