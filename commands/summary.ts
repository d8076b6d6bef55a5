import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from "discord.js";
import { summaryToEmbed } from "../src/render/embed.ts";
import { articleChoices, articleOfButton, articleOption, resolveArticle } from "./choices.ts";
import { defineCommand } from "./context.ts";

export interface SummaryOptions {
  readonly article: string;
  readonly points: number | null;
}

/** `/summary article [points]`: an article's key points, picked by autocomplete over titles. */
export const summary = defineCommand<SummaryOptions>({
  data: new SlashCommandBuilder()
    .setName("summary")
    .setNameLocalizations({ ja: "要約" })
    .setDescription("The key points of an article, in its own words")
    .setDescriptionLocalizations({ ja: "記事の要点を、記事の文のまま示します" })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption(articleOption)
    .addIntegerOption((o) =>
      o
        .setName("points")
        .setNameLocalizations({ ja: "要点の数" })
        .setDescription("How many key points (3 to 10)")
        .setDescriptionLocalizations({ ja: "要点の数（3〜10）" })
        .setMinValue(3)
        .setMaxValue(10),
    ),
  parse: (o) => ({ article: o.string("article") ?? "", points: o.integer("points") }),
  isPrivate: () => false,
  autocomplete: (ctx) => articleChoices(ctx.engine, ctx.focused.value),
  async run(ctx) {
    const article = resolveArticle(ctx, ctx.options.article);
    await ctx.defer();
    const result = ctx.engine.summary(article.articleId, ctx.options.points ? { points: ctx.options.points } : {});
    await ctx.reply({ embeds: [summaryToEmbed(result)] });
  },
  components: {
    // The summary buttons under /search and /ask results: shown to the member who pressed only.
    show: {
      async run(ctx) {
        const article = articleOfButton(ctx, ctx.args[0] ?? "");
        await ctx.defer({ private: true });
        await ctx.reply({ embeds: [summaryToEmbed(ctx.engine.summary(article.articleId))] });
      },
    },
  },
});
