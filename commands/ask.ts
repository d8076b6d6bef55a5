import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from "discord.js";
import { answerToEmbed } from "../src/render/embed.ts";
import { STRING_OPTION_LIMIT } from "../src/render/limits.ts";
import { type Button, customId, defineCommand, requireArticles } from "./context.ts";
import { memberWords, type Refusals } from "./markup.ts";

/** A question of spaces or zero-width spaces asks nothing; nor does one of mentions and emoji alone. */
const ASK_REFUSALS: Refusals = {
  blank: "質問が空です。聞きたいことを日本語で入力してください。",
  onlyMarkup:
    "質問にメンションやカスタム絵文字、タイムスタンプしかありません。これらは検索に使いません。聞きたいことを日本語で入力してください。",
};

export interface AskOptions {
  readonly question: string;
  readonly private: boolean;
}

/**
 * `/ask question [private]`: the sentences of the corpus that answer, their passages and sources. The
 * question is asked without Discord's markup (withoutMarkup): a mention's id is no word of it.
 */
export const ask = defineCommand<AskOptions>({
  data: new SlashCommandBuilder()
    .setName("ask")
    .setNameLocalizations({ ja: "質問" })
    .setDescription("Answer a question from the articles, quoting them with their sources")
    .setDescriptionLocalizations({ ja: "記事の文を引用して、出典つきで質問に答えます" })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((o) =>
      o
        .setName("question")
        .setNameLocalizations({ ja: "質問文" })
        .setDescription("Your question, in Japanese")
        .setDescriptionLocalizations({ ja: "聞きたいこと（日本語で）" })
        .setRequired(true)
        .setMaxLength(STRING_OPTION_LIMIT),
    )
    .addBooleanOption((o) =>
      o
        .setName("private")
        .setNameLocalizations({ ja: "自分だけに表示" })
        .setDescription("Show the answer to you only")
        .setDescriptionLocalizations({ ja: "答えを自分だけに表示します" }),
    ),
  cooldown: true,
  parse: (o) => ({ question: o.string("question") ?? "", private: o.boolean("private") ?? false }),
  isPrivate: (o) => o.private,
  async run(ctx) {
    const question = memberWords(ctx.options.question, ASK_REFUSALS);
    requireArticles(ctx);
    await ctx.defer({ private: ask.isPrivate(ctx.options) });
    const answer = ctx.engine.ask(question);
    const top = answer.keyPoints[0];
    const buttons: Button[][] = top
      ? [[{ id: customId("summary", "show", top.articleId), label: "この記事の要約", style: "secondary" }]]
      : [];
    await ctx.reply({ embeds: [answerToEmbed(answer)], buttons });
  },
});
