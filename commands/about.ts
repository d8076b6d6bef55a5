import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from "discord.js";
import { aboutToEmbed } from "../src/render/embed.ts";
import { customId, defineCommand } from "./context.ts";

/** `/about`: corpus size, index age, version and uptime, with a button to browse the articles. */
export const about = defineCommand<Record<string, never>>({
  data: new SlashCommandBuilder()
    .setName("about")
    .setNameLocalizations({ ja: "情報" })
    .setDescription("What the bot knows: articles, index age, version, uptime")
    .setDescriptionLocalizations({ ja: "ボットの記事数・索引の更新・バージョン・稼働時間を表示します" })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall),
  parse: () => ({}),
  isPrivate: () => true,
  async run(ctx) {
    const stats = ctx.engine.stats;
    const embed = aboutToEmbed(
      {
        articles: stats.articles,
        passages: stats.passages,
        indexedAt: stats.indexedAt,
        version: ctx.version,
        startedAt: ctx.startedAt,
        now: ctx.now(),
      },
      ctx.commandRef,
    );
    // Everyone may browse the list from here: /article itself is a moderator command by default.
    await ctx.reply({
      embeds: [embed],
      buttons: [[{ id: customId("article", "list", 1), label: "記事の一覧", style: "secondary" }]],
      private: true,
    });
  },
});
