import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import { hasCredentials, hasVisibleText, isHttpUrl, typedUrl } from "../src/article/article.ts";
import { UserFacingError } from "../src/errors.ts";
import { FORM_MEMORY_TTL_MS } from "../src/form-memory.ts";
import {
  type ArticleSource,
  addArticle,
  DuplicateArticleError,
  FILE_EXTENSIONS,
  formatByteLimit,
  formatByteSize,
  refetchArticle,
} from "../src/ingest/ingest.ts";
import { type CommandRef, plainCommandRef } from "../src/render/command-ref.ts";
import { formatDateChange } from "../src/render/date.ts";
import {
  COLORS,
  count,
  listToEmbed,
  markdownText,
  noticeToEmbed,
  summaryToEmbed,
  urlInCode,
} from "../src/render/embed.ts";
import { clipCounted, oneLine, TEXT_INPUT_VALUE_LIMIT, truncate } from "../src/render/limits.ts";
import { articleChoices, articleOption, resolveArticle, TITLE_IN_MESSAGE_LIMIT } from "./choices.ts";
import {
  type Attachment,
  type Button,
  type CommandContext,
  type ComponentContext,
  customId,
  defineCommand,
  type LibraryServices,
  type Modal,
  type Reply,
  type Services,
  WithButtons,
} from "./context.ts";
import { recentRemovals } from "./removals.ts";

/** Articles per page of /article list. */
export const LIST_PAGE_SIZE = 10;

export type ArticleOptions =
  | { readonly action: "add"; readonly url: string | null; readonly file: Attachment | null }
  | { readonly action: "remove" | "refetch"; readonly article: string }
  | { readonly action: "list"; readonly page: number };

/** A moderator's reply: only the moderator sees it. */
const PRIVATE = { private: true } as const;

/** A press of 「入力し直す」 after what was typed was forgotten. */
export function formForgotten(commandRef: CommandRef): string {
  return `この入力内容はもう残っていません（フォームをすでに送り直したか、保存期間の ${FORM_MEMORY_TTL_MS / 60_000} 分が過ぎたか、shiori が再起動しました）。送り直した記事は ${commandRef("article", "list")} で確かめられます。追加し直すには、もう一度 ${commandRef("article", "add")} を使ってください。`;
}

/** A press of 「入力し直す」 by another moderator than the one who typed (Discord shows it to that one only). */
function formNotYours(commandRef: CommandRef): string {
  return `この「入力し直す」ボタンは、フォームを送信した本人だけが使えます。記事を追加するには ${commandRef("article", "add")} を使ってください。`;
}

function addedBy(userId: string): string {
  return `discord:${userId}`;
}

/** One page of the article list with its previous/next buttons. */
export function listReply({ engine, commandRef }: LibraryServices, requested: number): Reply {
  const all = engine.list();
  const pageCount = Math.max(1, Math.ceil(all.length / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pageCount);
  const first = (page - 1) * LIST_PAGE_SIZE;
  const embed = listToEmbed(
    {
      articles: all.slice(first, first + LIST_PAGE_SIZE),
      page,
      pageCount,
      total: all.length,
      first: first + 1,
    },
    commandRef,
  );
  const buttons: Button[][] =
    pageCount > 1
      ? [
          [
            { id: customId("article", "list", page - 1), label: "◀ 前へ", style: "secondary", disabled: page <= 1 },
            {
              id: customId("article", "list", page + 1),
              label: "次へ ▶",
              style: "secondary",
              disabled: page >= pageCount,
            },
          ],
        ]
      : [];
  return { embeds: [embed], buttons, ...PRIVATE };
}

/**
 * A duplicate refused with the stored article's title on one line and cut: a title can be any length,
 * and the message must still fit in a Discord message with what to do after the title.
 */
function shortDuplicate(err: DuplicateArticleError): UserFacingError {
  const short = shortTitleIn(err, err.existing.title);
  // a refused refetch names the article fetched again too
  return err.refetched ? shortTitleIn(short, err.refetched.title) : short;
}

/** A refusal that quotes an article's title, with the title cut to TITLE_IN_MESSAGE_LIMIT. */
function shortTitleIn<E extends UserFacingError>(err: E, title: string): E | UserFacingError {
  const short = truncate(oneLine(title), TITLE_IN_MESSAGE_LIMIT);
  if (!title || short === title) return err;
  return new UserFacingError(
    err.message.replaceAll(title, () => short),
    err.detail,
  );
}

/** Stores a source and replies with what was stored: title, date, link, size and key points. */
async function addAndReply(
  ctx: Services & { user: { id: string }; reply(r: Reply): Promise<void> },
  source: ArticleSource,
): Promise<void> {
  const added = await addArticle(ctx.engine, source, {
    fetch: ctx.fetch,
    addedBy: addedBy(ctx.user.id),
    commandRef: ctx.commandRef,
  }).catch((err: unknown) => {
    throw err instanceof DuplicateArticleError ? shortDuplicate(err) : err;
  });
  const summary = ctx.engine.summary(added.article.id);
  await ctx.reply({
    embeds: [summaryToEmbed(summary, { heading: "記事を追加しました", color: COLORS.success })],
    ...PRIVATE,
  });
}

/** The boxes of the paste form: what each is called in a message, and the longest value it takes. */
const PASTE_BOXES = {
  title: { name: "タイトル", maxLength: 256 },
  url: { name: "出典の URL", maxLength: 2_000 },
  text: { name: "本文", maxLength: TEXT_INPUT_VALUE_LIMIT },
} as const;
type PasteBox = keyof typeof PASTE_BOXES;

/** Where a body too long for the form goes instead. */
function longTextAsFile(commandRef: CommandRef): string {
  return `長い本文は .txt ファイルにして ${commandRef("article", "add")} の file で追加できます。`;
}

/**
 * What a reopened paste form gives back of a box: the value, cut at a grapheme to what the box takes in
 * UTF-16 units (Discord counts characters, so an emoji-heavy body sent whole may not fit back), and how
 * many characters of its end that left out.
 */
function refill(values: ReadonlyMap<string, string>, id: PasteBox): { text: string; cut: number } {
  return clipCounted(values.get(id) ?? "", PASTE_BOXES[id].maxLength);
}

/**
 * What to add to the refusal of a paste form whose reopened form cannot hold all that was typed (empty
 * when it can): which boxes lose how much of their end, and where a long body goes instead.
 */
function reopenedCutNote(values: ReadonlyMap<string, string>, commandRef: CommandRef): string {
  const cut = (Object.keys(PASTE_BOXES) as PasteBox[])
    .map((id) => ({ id, cut: refill(values, id).cut }))
    .filter((b) => b.cut > 0);
  if (cut.length === 0) return "";
  const parts = cut.map((b) => `${PASTE_BOXES[b.id].name}の末尾 ${count(b.cut)} 文字`);
  return (
    `なお、「入力し直す」で開くフォームは長さに限りがあるため、${parts.join("と")}が入りません。` +
    (cut.some((b) => b.id === "text") ? longTextAsFile(commandRef) : "")
  );
}

/**
 * The form of /article add for pasted text: title, source URL and body, filled with `values` when it is
 * reopened after a refusal. `key` is where those values are kept, forgotten once the form is sent again.
 * A box that cannot hold all its value says so under its label.
 */
export function pasteForm(values: ReadonlyMap<string, string> = new Map(), key?: string): Modal {
  const typed = (id: PasteBox) => {
    const { text, cut } = refill(values, id);
    if (!text) return {};
    if (cut === 0) return { value: text };
    // (a form shows its text as written: no mention there, the command as typed)
    const description = `長すぎて末尾の ${count(cut)} 文字が入りませんでした。${id === "text" ? longTextAsFile(plainCommandRef) : ""}`;
    return { value: text, description };
  };
  return {
    id: key ? customId("article", "text", key) : customId("article", "text"),
    title: "記事を追加（本文を貼り付け）",
    inputs: [
      {
        id: "title",
        label: "タイトル",
        style: "short",
        required: true,
        maxLength: PASTE_BOXES.title.maxLength,
        ...typed("title"),
      },
      {
        id: "url",
        label: "出典の URL（任意）",
        style: "short",
        required: false,
        maxLength: PASTE_BOXES.url.maxLength,
        placeholder: "https://…",
        ...typed("url"),
      },
      {
        id: "text",
        label: "本文",
        style: "paragraph",
        required: true,
        maxLength: PASTE_BOXES.text.maxLength,
        ...typed("text"),
      },
    ],
  };
}

/** Adds the text of the paste form. */
async function addPasted(ctx: ComponentContext): Promise<void> {
  const title = ctx.fields.get("title")?.trim() ?? "";
  const text = ctx.fields.get("text") ?? "";
  const url = typedUrl(ctx.fields.get("url") ?? "") || undefined;
  if (!hasVisibleText(title) || !hasVisibleText(text)) {
    throw new UserFacingError(
      "タイトルと本文の両方を入力してください。空白やゼロ幅スペースなどの見えない文字だけでは登録できません。",
    );
  }
  if (url && hasCredentials(url)) {
    // not echoed, nor logged: it holds a password
    throw new UserFacingError(
      "出典の URL にユーザー名やパスワード（@ の前の部分）が含まれています。記事の URL は記事を見る人すべてに表示されるため、そのままでは登録しません。@ までを取り除いた URL を入れるか、欄を空のままにしてください。",
      "form: the url box held a URL with credentials",
    );
  }
  if (url && !isHttpUrl(url)) {
    throw new UserFacingError(
      `出典の URL の欄に入力された「${truncate(oneLine(url), 60)}」は URL ではありません。http:// か https:// で始まる記事のページの URL を入れるか、欄を空のままにしてください。`,
      // the log gets no text of the form (it may be private): only that the URL box held no URL
      `form: the url box held no http(s) URL (${Array.from(url).length} characters)`,
    );
  }
  await ctx.defer(PRIVATE);
  await addAndReply(ctx, { kind: "text", text, title, url });
}

async function add(ctx: CommandContext<ArticleOptions & { action: "add" }>): Promise<void> {
  const { url, file } = ctx.options;
  if (url && file) throw new UserFacingError("url と file はどちらか一つだけ指定してください。");
  if (!url && !file) {
    // Pasted text: a form with the title, the source URL and the body.
    await ctx.showModal(pasteForm());
    return;
  }
  if (file) {
    const lower = file.name.toLowerCase();
    if (!FILE_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
      throw new UserFacingError(
        `「${truncate(oneLine(file.name), 60)}」は取り込めない種類のファイルです。${FILE_EXTENSIONS.join("・")} のファイルを添付してください。`,
      );
    }
    if (file.size > ctx.fetch.maxBytes) {
      throw new UserFacingError(
        `ファイルが大きすぎます（${formatByteSize(file.size)}）。${formatByteLimit(ctx.fetch.maxBytes)} 以下のファイルにしてください。`,
      );
    }
  }
  await ctx.defer(PRIVATE);
  if (file) {
    const bytes = await ctx.download(file, ctx.fetch.maxBytes);
    await addAndReply(ctx, { kind: "file", name: file.name, bytes });
  } else if (url) {
    await addAndReply(ctx, { kind: "url", url: typedUrl(url) });
  }
}

/** `/article add|remove|refetch|list`: moderators grow and fix the library from Discord. */
export const article = defineCommand<ArticleOptions>({
  data: new SlashCommandBuilder()
    .setName("article")
    .setNameLocalizations({ ja: "記事" })
    .setDescription("Manage the articles the bot answers from (moderators)")
    .setDescriptionLocalizations({ ja: "ボットが答えに使う記事を管理します（モデレーター用）" })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName("add")
        .setNameLocalizations({ ja: "追加" })
        .setDescription("Add an article from a URL or a file; with neither, paste its text in a form")
        .setDescriptionLocalizations({ ja: "URL かファイルから記事を追加します。どちらもなければ本文を貼り付けます" })
        .addStringOption((o) =>
          o
            .setName("url")
            .setNameLocalizations({ ja: "url" })
            .setDescription("Address of the article's page")
            .setDescriptionLocalizations({ ja: "記事のページの URL" })
            .setMaxLength(2_000),
        )
        .addAttachmentOption((o) =>
          o
            .setName("file")
            .setNameLocalizations({ ja: "ファイル" })
            .setDescription("An .html, .htm, .txt or .md file")
            .setDescriptionLocalizations({ ja: ".html・.htm・.txt・.md のファイル" }),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("remove")
        .setNameLocalizations({ ja: "削除" })
        .setDescription("Remove an article (asks to confirm)")
        .setDescriptionLocalizations({ ja: "記事を削除します（確認があります）" })
        .addStringOption(articleOption),
    )
    .addSubcommand((s) =>
      s
        .setName("refetch")
        .setNameLocalizations({ ja: "再取得" })
        .setDescription("Fetch an article's page again and update it if it changed")
        .setDescriptionLocalizations({ ja: "記事のページを取り直し、変わっていれば更新します" })
        .addStringOption(articleOption),
    )
    .addSubcommand((s) =>
      s
        .setName("list")
        .setNameLocalizations({ ja: "一覧" })
        .setDescription("List the articles, newest first")
        .setDescriptionLocalizations({ ja: "記事を新しい順に一覧します" })
        .addIntegerOption((o) =>
          o
            .setName("page")
            .setNameLocalizations({ ja: "ページ" })
            .setDescription("Page number")
            .setDescriptionLocalizations({ ja: "ページ番号" })
            .setMinValue(1),
        ),
    ),
  parse(o): ArticleOptions {
    const action = o.subcommand();
    switch (action) {
      case "add":
        return { action, url: o.string("url"), file: o.attachment("file") };
      case "remove":
      case "refetch":
        return { action, article: o.string("article") ?? "" };
      case "list":
        return { action, page: o.integer("page") ?? 1 };
      default:
        throw new Error(`article: unknown subcommand ${action}`);
    }
  },
  // Listing is open to everyone the command is shown to; changing the library is not.
  moderatorOnly: (o) => o.action !== "list",
  // Every reply of a moderator command is the moderator's only, the list too.
  isPrivate: () => true,
  // refetch offers only the articles it can fetch again: one added from a file or pasted text has no URL
  autocomplete: (ctx) =>
    articleChoices(ctx.engine, ctx.focused.value, ctx.subcommand === "refetch" ? (a) => isHttpUrl(a.url) : undefined),
  async run(ctx) {
    const options = ctx.options;
    switch (options.action) {
      case "add":
        return add({ ...ctx, options });
      case "list":
        return ctx.reply(listReply(ctx, options.page));
      case "remove": {
        const source = resolveArticle(ctx, options.article);
        return ctx.reply({
          embeds: [
            noticeToEmbed({
              heading: "この記事を削除しますか？",
              source,
              lines: ["削除すると、この記事は検索にも答えにも使われなくなります。元に戻すには追加し直してください。"],
              color: COLORS.danger,
            }),
          ],
          buttons: [
            [
              { id: customId("article", "remove", source.articleId), label: "削除する", style: "danger" },
              { id: customId("article", "cancel"), label: "やめる", style: "secondary" },
            ],
          ],
          ...PRIVATE,
        });
      }
      case "refetch": {
        const source = resolveArticle(ctx, options.article);
        await ctx.defer(PRIVATE);
        const result = await refetchArticle(ctx.engine, source.articleId, {
          fetch: ctx.fetch,
          commandRef: ctx.commandRef,
        }).catch((err: unknown) => {
          if (err instanceof DuplicateArticleError) throw shortDuplicate(err);
          // a refusal names the article by its title, as the moderator picked it
          throw err instanceof UserFacingError ? shortTitleIn(err, source.title) : err;
        });
        const lines: string[] = [];
        if (result.title) {
          const [before, after] = [result.title.before, result.title.after].map((t) =>
            markdownText(oneLine(t), [], REFETCH_TITLE_BUDGET),
          );
          lines.push(`タイトル: ${before} → ${after}`);
        }
        if (result.url)
          lines.push(
            `URL: ${urlInCode(result.url.before, REFETCH_URL_BUDGET)} → ${urlInCode(result.url.after, REFETCH_URL_BUDGET)}`,
          );
        const { before, after } = result.characters;
        // the body is said whenever it changed, also at the same size or beside a new title
        if (before !== after) lines.push(`本文: ${count(before)} 文字 → ${count(after)} 文字`);
        else if (result.previous.contentHash !== result.article.contentHash)
          lines.push(`本文: 一部が変わりました（${count(after)} 文字のまま）`);
        const { previous, article: fresh } = result;
        if (previous.author !== fresh.author) {
          const [was, now] = [previous.author, fresh.author].map((a) =>
            a ? markdownText(oneLine(a), [], REFETCH_TITLE_BUDGET) : "なし",
          );
          lines.push(`著者: ${was} → ${now}`);
        }
        if (previous.publishedAt !== fresh.publishedAt)
          lines.push(`公開日: ${formatDateChange(previous.publishedAt, fresh.publishedAt)}`);
        if (result.changed && lines.length === 0) lines.push("本文の一部、著者または日付が変わりました。");
        return ctx.reply({
          embeds: [
            noticeToEmbed({
              heading: result.changed ? "記事を更新しました" : "変更はありませんでした",
              source: {
                ...source,
                title: result.article.title,
                url: result.article.url,
                publishedAt: result.article.publishedAt,
              },
              lines: result.changed ? lines : ["取得元のページは前回と同じ内容でした。"],
              color: result.changed ? COLORS.success : COLORS.neutral,
            }),
          ],
          ...PRIVATE,
        });
      }
    }
  },
  components: {
    // The form of /article add with neither url nor file (`article:text`, or `article:text:<key>` reopened).
    text: {
      moderatorOnly: true,
      async run(ctx) {
        // What this form was reopened from is superseded by what was sent now: kept again if refused.
        const reopened = ctx.args[0];
        if (reopened && ctx.forms.get(reopened)?.ownerId === ctx.user.id) ctx.forms.delete(reopened);
        try {
          await addPasted(ctx);
        } catch (err) {
          // Discord cannot answer a form with a form: the message gets a button that reopens it, filled in.
          const key = ctx.forms.put(ctx.user.id, ctx.fields);
          // Said before it is pressed, when the form it opens cannot hold all that was sent.
          const note = reopenedCutNote(ctx.fields, ctx.commandRef);
          const error =
            note && err instanceof UserFacingError ? new UserFacingError(`${err.message}${note}`, err.detail) : err;
          throw new WithButtons(error, [
            [{ id: customId("article", "retry", key), label: "入力し直す", style: "primary" }],
          ]);
        }
      },
    },
    // 「入力し直す」 under a refused form: the form again, with what its moderator typed.
    retry: {
      moderatorOnly: true,
      async run(ctx) {
        const key = ctx.args[0] ?? "";
        const kept = ctx.forms.get(key);
        if (!kept) throw new UserFacingError(formForgotten(ctx.commandRef), `form ${key} forgotten`);
        if (kept.ownerId !== ctx.user.id)
          throw new UserFacingError(formNotYours(ctx.commandRef), `form ${key} not ${ctx.user.id}'s`);
        await ctx.showModal(pasteForm(kept.values, key));
      },
    },
    remove: {
      moderatorOnly: true,
      async run(ctx) {
        const id = ctx.args[0] ?? "";
        const stored = ctx.engine.list().find((a) => a.articleId === id);
        await ctx.deferUpdate();
        const removed = await ctx.engine.remove(id);
        if (removed && stored) recentRemovals.set(id, { source: stored, by: ctx.user.id });
        // Gone already: the message still names the article it asked about, and a second press of the one
        // who removed it (a double click) still says it is removed, not that someone else did it.
        const gone = removed ? undefined : recentRemovals.get(id);
        const done = removed || gone?.by === ctx.user.id;
        const source = stored ?? gone?.source;
        await ctx.update({
          embeds: [
            noticeToEmbed({
              heading: done ? "記事を削除しました" : "この記事はすでに削除されています",
              ...(source ? { source } : {}),
              color: done ? COLORS.success : COLORS.neutral,
            }),
          ],
          buttons: [],
        });
      },
    },
    cancel: {
      async run(ctx) {
        await ctx.update({ embeds: [noticeToEmbed({ heading: "削除をやめました" })], buttons: [] });
      },
    },
    list: {
      async run(ctx) {
        await ctx.update(listReply(ctx, Number(ctx.args[0]) || 1));
      },
    },
  },
});

/** Each URL of a refetch's 「URL: … → …」 line is cut to this, so that both fit the notice. */
const REFETCH_URL_BUDGET = 500;
/**
 * Each title of a refetch's 「タイトル: … → …」 line is cut to this (escaped), so that both fit the notice with
 * the lines after it: a page's title can be any length, and one of 3,000 characters left only the old.
 */
const REFETCH_TITLE_BUDGET = 500;
