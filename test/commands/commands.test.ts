import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { about } from "../../commands/about.ts";
import { article, formForgotten, pasteForm } from "../../commands/article.ts";
import { ask } from "../../commands/ask.ts";
import { articleChoices, resolveArticle } from "../../commands/choices.ts";
import type {
  Attachment,
  Command,
  CommandContext,
  ComponentContext,
  Modal,
  OptionReader,
  Reply,
  Services,
} from "../../commands/context.ts";
import { customId, parseCustomId, requireArticles, WithButtons } from "../../commands/context.ts";
import { commands } from "../../commands/index.ts";
import { queryRef, search, searchPage, searchQuery, searchReply } from "../../commands/search.ts";
import { searchMessage } from "../../commands/search-message.ts";
import { summary } from "../../commands/summary.ts";
import { createArticle } from "../../src/article/article.ts";
import { createKeyMemory } from "../../src/bot.ts";
import { loadFetchConfig } from "../../src/config.ts";
import type { Engine } from "../../src/engine.ts";
import { UserFacingError } from "../../src/errors.ts";
import { createFormMemory } from "../../src/form-memory.ts";
import { fetchOptionsOf } from "../../src/ingest/ingest.ts";
import { plainCommandRef } from "../../src/render/command-ref.ts";
import { KAMAKURA, openTestEngine } from "../discord/corpus.ts";
import { commandProblems } from "../discord/discord-rules.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

/**
 * The command handlers with a plain context (no discord.js client): what they reply, in what order,
 * and what they refuse.
 */

let engine: Engine;
let corpusDir: string;
let services: Services;

beforeAll(async () => {
  ({ engine, corpusDir } = await openTestEngine());
  // Thirty more articles about temples, so that autocomplete has more matches than Discord allows.
  const at = new Date("2024-07-02T00:00:00Z");
  await engine.putAll(
    Array.from({ length: 30 }, (_, i) =>
      createArticle(
        {
          ...KAMAKURA,
          title: `寺の記録 第${i + 1}回 ${"とても長い副題".repeat(20)}`,
          url: `https://example.com/tera/${i + 1}`,
          blocks: [
            { kind: "paragraph", text: `第${i + 1}回の記録では、寺の鐘の音について${i + 1}個の話を集めました。` },
          ],
        },
        { by: "test", at },
      ),
    ),
  );
  services = {
    engine,
    fetch: fetchOptionsOf(loadFetchConfig({})),
    version: "test",
    startedAt: new Date("2024-07-01T00:00:00Z"),
    queries: createKeyMemory(),
    forms: createFormMemory(),
    commandRef: plainCommandRef,
    now: () => new Date("2024-07-01T01:00:00Z"),
    download: () => Promise.reject(new Error("no download in these tests")),
  };
});

afterAll(async () => {
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

/** What a handler did, in order: "defer:private", "reply", "modal", "update", "deferUpdate". */
interface Recorded {
  readonly steps: string[];
  readonly replies: Reply[];
  readonly modals: Modal[];
}

function commandContext<O>(options: O, user = { id: "1400000000000000001", isModerator: false }) {
  const recorded: Recorded = { steps: [], replies: [], modals: [] };
  const ctx: CommandContext<O> = {
    ...services,
    options,
    user,
    guildId: "1200000000000000001",
    defer: async (o) => {
      recorded.steps.push(`defer:${o?.private ? "private" : "public"}`);
    },
    reply: async (r) => {
      recorded.steps.push("reply");
      recorded.replies.push(r);
    },
    showModal: async (m) => {
      recorded.steps.push("modal");
      recorded.modals.push(m);
    },
  };
  return { ctx, recorded };
}

function componentContext(id: string, extra: Partial<ComponentContext> = {}) {
  const recorded: Recorded = { steps: [], replies: [], modals: [] };
  const ctx: ComponentContext = {
    ...services,
    user: { id: "1400000000000000001", isModerator: false },
    guildId: "1200000000000000001",
    args: parseCustomId(id).args,
    ownerId: null,
    fields: new Map(),
    update: async (r) => {
      recorded.steps.push("update");
      recorded.replies.push(r);
    },
    deferUpdate: async () => {
      recorded.steps.push("deferUpdate");
    },
    defer: async (o) => {
      recorded.steps.push(`defer:${o?.private ? "private" : "public"}`);
    },
    reply: async (r) => {
      recorded.steps.push("reply");
      recorded.replies.push(r);
    },
    showModal: async (m) => {
      recorded.steps.push("modal");
      recorded.modals.push(m);
    },
    ...extra,
  };
  return { ctx, recorded };
}

/** Options as a member typed them. */
function reader(
  values: Record<string, string | number | boolean | Attachment>,
  subcommand: string | null = null,
): OptionReader {
  const get = <T>(name: string, type: string) => (typeof values[name] === type ? (values[name] as T) : null);
  return {
    string: (name) => get<string>(name, "string"),
    integer: (name) => get<number>(name, "number"),
    boolean: (name) => get<boolean>(name, "boolean"),
    attachment: (name) => (typeof values[name] === "object" ? (values[name] as Attachment) : null),
    subcommand: () => subcommand,
    targetMessage: () => (typeof values["message"] === "string" ? { id: "1", text: values["message"] } : null),
  };
}

describe("the command list", () => {
  it("has unique names, and registers as Discord accepts", () => {
    const names = commands.map((c) => c.data.name);
    expect(new Set(names).size).toBe(names.length);
    expect(commandProblems(commands.map((c) => c.data.toJSON()))).toEqual([]);
  });

  it("marks /article as a moderator command by default, /ask and /search as cooled down", () => {
    expect(article.data.toJSON().default_member_permissions).toBe("32"); // Manage Server
    expect(commands.filter((c) => "cooldown" in c && c.cooldown).map((c) => c.data.name)).toEqual([
      "ask",
      "search",
      "Search articles",
    ]);
  });
});

describe("privacy", () => {
  /** Whether the first response the handler made was for the member only. */
  function firstPrivacy(recorded: Recorded): boolean {
    const [first] = recorded.steps;
    if (first?.startsWith("defer:")) return first === "defer:private";
    if (first === "reply") return recorded.replies[0]?.private === true;
    throw new Error(`no first response: ${recorded.steps.join(", ")}`);
  }

  const cases: [string, Command<unknown>, OptionReader, boolean][] = [
    ["/ask", ask, reader({ question: "わび茶を大成したのは誰？" }), false],
    ["/ask private", ask, reader({ question: "わび茶を大成したのは誰？", private: true }), true],
    ["/search", search, reader({ query: "寺" }), false],
    ["/search private", search, reader({ query: "寺", private: true }), true],
    ["/summary", summary, reader({ article: "茶道の歴史と千利休" }), false],
    ["/about", about, reader({}), true],
    ["記事を検索", searchMessage, reader({ message: "千利休" }), true],
    ["/article list", article, reader({}, "list"), true],
    ["/article remove", article, reader({ article: "図書館の本の分類" }, "remove"), true],
  ] as [string, Command<unknown>, OptionReader, boolean][];

  it.each(cases)("%s: the rule and the handler's first response agree", async (_, command, options, expected) => {
    const parsed = command.parse(options);
    expect(command.isPrivate(parsed)).toBe(expected);
    const { ctx, recorded } = commandContext(parsed, { id: "1400000000000000001", isModerator: true });
    await command.run(ctx);
    expect(firstPrivacy(recorded)).toBe(expected);
  });

  it("keeps every moderator reply private, whatever the sub-command", () => {
    for (const sub of ["add", "remove", "refetch", "list"]) {
      expect(article.isPrivate(article.parse(reader({ url: "https://example.com/a", article: "x" }, sub)))).toBe(true);
    }
  });
});

describe("/ask", () => {
  it("defers before answering, then replies with the answer and a summary button", async () => {
    const { ctx, recorded } = commandContext(ask.parse(reader({ question: "わび茶を大成したのは誰？" })));
    await ask.run(ctx);
    expect(recorded.steps).toEqual(["defer:public", "reply"]);
    expect(recorded.replies[0]?.embeds?.[0]?.description).toContain("千利休");
    expect(recorded.replies[0]?.buttons?.[0]?.[0]?.id).toMatch(/^summary:show:[0-9a-f]{12}$/u);
  });

  it("says the library is empty, before deferring, rather than that nothing matched", async () => {
    const { engine: empty, dir } = await engineWith([]);
    try {
      for (const [run, options] of [
        [ask.run, ask.parse(reader({ question: "わび茶を大成したのは誰？" }))],
        [search.run, search.parse(reader({ query: "寺" }))],
        [searchMessage.run, { text: "わび茶の話" }],
      ] as const) {
        const { ctx, recorded } = commandContext(options as never);
        await expect(run({ ...ctx, engine: empty } as never)).rejects.toThrow(
          "ライブラリにまだ記事がありません。モデレーターが /article add で記事を追加すると、質問や検索に答えられるようになります。",
        );
        expect(recorded.steps).toEqual([]);
      }
    } finally {
      await removeDir(dir);
    }
  });

  it("refuses an empty question before deferring", async () => {
    const { ctx, recorded } = commandContext(ask.parse(reader({ question: "   " })));
    await expect(ask.run(ctx)).rejects.toBeInstanceOf(UserFacingError);
    expect(recorded.steps).toEqual([]);
  });

  it.each([
    ["zero-width spaces", "\u200b\u200b"],
    ["a byte order mark and a joiner", "\ufeff\u200d "],
    ["a lone surrogate", "\ud800"],
  ])("refuses a question of %s, which shows nothing, before deferring", async (_, question) => {
    const { ctx, recorded } = commandContext(ask.parse(reader({ question })));
    await expect(ask.run(ctx)).rejects.toThrow("質問が空です");
    expect(recorded.steps).toEqual([]);
  });
});

describe("/search", () => {
  it("keeps a short query in the page buttons, and a long one in memory", () => {
    const memory = createKeyMemory();
    expect(queryRef("寺", memory)).toBe("=寺");
    const long = "寺".repeat(500);
    const ref = queryRef(long, memory);
    expect(ref).toMatch(/^#[A-Za-z0-9_-]{16}$/u);
    expect(memory.get(ref.slice(1))).toBe(long);
  });

  it("puts previous/next and one summary button per hit, all custom ids unique and within 100", () => {
    const page = searchPage(engine, "寺".repeat(1000), 1);
    const reply = searchReply(page, queryRef(page.query, createKeyMemory()));
    const ids = reply.buttons?.flat().map((b) => b.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(reply.buttons?.[0]?.map((b) => [b.label, b.disabled])).toEqual([
      ["◀ 前へ", true],
      ["次へ ▶", false],
    ]);
  });

  it("makes a query with a lone surrogate well-formed before it goes into the page buttons", async () => {
    const { ctx, recorded } = commandContext(search.parse(reader({ query: "寺\ud800" })));
    await search.run(ctx);
    const ids = recorded.replies[0]?.buttons?.flat().map((b) => b.id) ?? [];
    for (const id of ids) expect(id.isWellFormed()).toBe(true);
    expect(ids[1]).toBe("search:page:2:=寺\ufffd");
    // a cut at the longest query searched does not split a surrogate pair either
    expect(searchPage(engine, `${"寺".repeat(999)}𠮷`, 1).query).toBe("寺".repeat(999));
  });

  it("lists each matching article once, with its best passage, across all pages", () => {
    const first = searchPage(engine, "寺", 1);
    const articles: string[] = [];
    for (let n = 1; n <= first.pageCount; n++)
      articles.push(...searchPage(engine, "寺", n).hits.map((h) => h.articleId));
    expect(articles).toHaveLength(first.total);
    expect(new Set(articles).size).toBe(articles.length);
    // 鎌倉の寺めぐり has twelve passages that match, and is listed once.
    const kamakura = engine.find("https://example.com/kamakura")?.id;
    expect(articles.filter((id) => id === kamakura)).toHaveLength(1);
  });

  it("turns pages for the member who searched only", async () => {
    const next = customId("search", "page", 2, "=寺");
    const stranger = componentContext(next, { ownerId: "1400000000000000099" });
    await expect(search.components?.["page"]?.run(stranger.ctx)).rejects.toThrow("検索した人だけ");
    const owner = componentContext(next, { ownerId: "1400000000000000001" });
    await search.components?.["page"]?.run(owner.ctx);
    expect(owner.recorded.steps).toEqual(["deferUpdate", "update"]);
    expect(owner.recorded.replies[0]?.embeds?.[0]?.description).toMatch(/6–10 件目/u);
  });

  it("asks to search again when a remembered query is gone (the bot restarted)", async () => {
    const { ctx } = componentContext(customId("search", "page", 2, "#forgottenkey0000"));
    await expect(search.components?.["page"]?.run(ctx)).rejects.toThrow("もう一度 /search");
  });

  it("refuses a message without text from the message menu", async () => {
    const { ctx } = commandContext(searchMessage.parse(reader({ message: "" })));
    await expect(searchMessage.run(ctx)).rejects.toThrow("検索できる文章がありません");
  });

  it("refuses words that show nothing (zero-width spaces), from /search, its buttons and the message menu", async () => {
    const typed = commandContext(search.parse(reader({ query: "\u200b\u200b" })));
    await expect(search.run(typed.ctx)).rejects.toThrow("検索する言葉が空です");
    expect(typed.recorded.steps).toEqual([]);
    const menu = commandContext(searchMessage.parse(reader({ message: "\u200b \u2060\n" })));
    await expect(searchMessage.run(menu.ctx)).rejects.toThrow("検索できる文章がありません");
    expect(menu.recorded.steps).toEqual([]);
    expect(() => searchPage(engine, "\u200b", 1)).toThrow("検索する言葉が空です");
  });
});

describe("/search and 「記事を検索」 with a long query", () => {
  // a query that shows something only past the 1,000 characters searched
  const padded = `${"\u200b".repeat(1_000)}寺`;

  it("refuses one whose searched part shows nothing, before deferring", async () => {
    const typed = commandContext(search.parse(reader({ query: padded })));
    await expect(search.run(typed.ctx)).rejects.toThrow("検索する言葉が空です");
    expect(typed.recorded.steps).toEqual([]);
    const menu = commandContext(searchMessage.parse(reader({ message: `  ${padded}` })));
    await expect(searchMessage.run(menu.ctx)).rejects.toThrow("検索できる文章がありません");
    expect(menu.recorded.steps).toEqual([]);
    expect(() => searchPage(engine, padded, 1)).toThrow("検索する言葉が空です");
  });

  it("searches what it checked: the query trimmed and cut to 1,000 characters", async () => {
    const query = `  ${"寺".repeat(1_200)}  `;
    expect(searchQuery(query)).toBe("寺".repeat(1_000));
    expect(searchQuery(" \u200b寺 ")).toBe("\u200b寺");
    const { ctx, recorded } = commandContext(searchMessage.parse(reader({ message: query })));
    await searchMessage.run(ctx);
    expect(recorded.steps).toEqual(["defer:private", "reply"]);
    // the query is cut inside its brackets: the title still says what it is
    expect(recorded.replies[0]?.embeds?.[0]?.title).toMatch(/^「寺{119}…」の検索結果$/u);
    expect(searchPage(engine, query, 1).query).toBe("寺".repeat(1_000));
  });
});

describe("article choices", () => {
  it("offers at most 25 choices, names within 100 characters, ids as values", () => {
    const choices = articleChoices(engine, "寺");
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(engine.article(c.value)).toBeDefined();
    }
    // A title that starts with what was typed comes first.
    expect(choices[0]?.name).toMatch(/^寺の記録/u);
  });

  it("resolves an id, a URL, an exact title, or the only title containing the words", () => {
    const kamakura = engine.find("https://example.com/kamakura");
    expect(resolveArticle(services, kamakura?.id ?? "").title).toBe("鎌倉の寺めぐり");
    expect(resolveArticle(services, "https://example.com/kamakura").title).toBe("鎌倉の寺めぐり");
    // as Discord posts a link without its preview
    expect(resolveArticle(services, " <https://example.com/kamakura> ").title).toBe("鎌倉の寺めぐり");
    expect(resolveArticle(services, "鎌倉の寺めぐり").title).toBe("鎌倉の寺めぐり");
    expect(resolveArticle(services, "千利休").title).toBe("茶道の歴史と千利休");
  });

  it("shows no password of a URL typed for an article that is not there", () => {
    // the message has no detail, so the bot logs the message: the password went to the moderator and the log
    expect(() => resolveArticle(services, "https://shiori:hunter2@intra.example.jp/x")).toThrow(
      /^「https:\/\/\*\*\*@intra\.example\.jp\/x」に当たる記事が見つかりませんでした。/u,
    );
  });

  it("takes what shows nothing once normalized (a lone surrogate, controls, U+200B) for nothing chosen", () => {
    for (const invisible of ["\ud800", "\udfff\u0000", "\u200b\ufeff", "\u0007 \u0008"]) {
      expect(() => resolveArticle(services, invisible), JSON.stringify(invisible)).toThrow(
        /^記事を指定してください。入力すると候補が表示されます。$/u,
      );
      // Typed, yet nothing to match: no choices, rather than every article (which "" is in).
      expect(articleChoices(engine, invisible), JSON.stringify(invisible)).toEqual([]);
    }
    expect(() => resolveArticle(services, "  ")).toThrow(/^記事を指定してください。/u);
    // Nothing typed yet (or a space): the newest articles, as Discord opens the list.
    expect(articleChoices(engine, "")).toHaveLength(25);
    expect(articleChoices(engine, " ")).toHaveLength(25);
  });

  it("explains an ambiguous or unknown article", () => {
    expect(() => resolveArticle(services, "寺の記録")).toThrow(/件あります。入力中に表示される候補から選んでください/u);
    expect(() => resolveArticle(services, "存在しない")).toThrow(/見つかりませんでした/u);
    // Members cannot see /article by default: the list everyone reaches is /about's.
    expect(() => resolveArticle(services, "存在しない")).toThrow(/候補から選ぶか、\/about の「記事の一覧」/u);
    expect(() => resolveArticle(services, "存在しない")).not.toThrow(/\/article/u);
  });

  it("says no article has an id one character off a real one, without guessing that it was removed", () => {
    const kamakura = engine.find("https://example.com/kamakura")?.id ?? "";
    const mistyped = `${kamakura.slice(0, -1)}${kamakura.endsWith("0") ? "1" : "0"}`;
    // before: 「選んだ記事（ID: …）は見つかりませんでした。候補が表示された後に削除されたようです。」
    expect(() => resolveArticle(services, mistyped)).toThrow(
      `ID が ${mistyped} の記事は見つかりませんでした。ID に誤りがないか確かめるか、入力中に表示される候補から記事を選んでください。今ある記事は /about の「記事の一覧」ボタンで確かめられます。`,
    );
    expect(() => resolveArticle(services, mistyped)).not.toThrow(/削除/u);
  });

  it("says an article this bot removed is removed, by its title, when its id is sent after", async () => {
    const stored = createArticle(
      { ...KAMAKURA, title: "消される寺の記事", url: "https://example.com/removed-temple" },
      { by: "test", at: new Date("2024-07-02T00:00:00Z") },
    );
    await engine.put(stored);
    const id = stored.id;
    // chosen from the suggestions (summary's, here) while it was there, and sent after it was removed
    const chosen = commandContext(summary.parse(reader({ article: id })));
    const { ctx } = componentContext(customId("article", "remove", id));
    await article.components?.["remove"]?.run(ctx);
    expect(engine.article(id)).toBeUndefined();
    await expect(summary.run(chosen.ctx)).rejects.toThrow(
      `記事「消される寺の記事」（ID: ${id}）はすでに削除されています。入力中に表示される候補から今ある記事を選ぶか、/about の「記事の一覧」ボタンで確かめてください。`,
    );
    expect(chosen.recorded.steps).toEqual([]);
  });
});

describe("/summary", () => {
  it("defers, then shows the chosen number of key points", async () => {
    const { ctx, recorded } = commandContext(summary.parse(reader({ article: "茶道の歴史と千利休", points: 3 })));
    await summary.run(ctx);
    expect(recorded.steps).toEqual(["defer:public", "reply"]);
    expect(recorded.replies[0]?.embeds?.[0]?.description?.split("\n")).toHaveLength(3);
  });

  it("shows a summary button's article to the member who pressed it only", async () => {
    const id = engine.find("https://example.com/fuji")?.id ?? "";
    const { ctx, recorded } = componentContext(customId("summary", "show", id, 3));
    await summary.components?.["show"]?.run(ctx);
    expect(recorded.steps).toEqual(["defer:private", "reply"]);
    expect(recorded.replies[0]?.embeds?.[0]?.title).toBe("富士山の登山シーズンと準備");
  });

  it("says a summary button's article was removed, with no choice to pick and no /article list", async () => {
    const { ctx, recorded } = componentContext(customId("summary", "show", "0123456789ab", 1));
    const refused = summary.components?.["show"]?.run(ctx);
    await expect(refused).rejects.toThrow(/削除されたようです。\/search で探し直すか、\/about の「記事の一覧」/u);
    await expect(refused).rejects.not.toThrow(/候補|\/article/u);
    expect(recorded.steps).toEqual([]);
  });
});

describe("/article", () => {
  it("reads each sub-command's options", () => {
    expect(article.parse(reader({ url: "https://example.com/a" }, "add"))).toEqual({
      action: "add",
      url: "https://example.com/a",
      file: null,
    });
    expect(article.parse(reader({ article: "abc" }, "remove"))).toEqual({ action: "remove", article: "abc" });
    expect(article.parse(reader({}, "list"))).toEqual({ action: "list", page: 1 });
  });

  it("needs a moderator to change the library, not to list it", () => {
    expect(article.moderatorOnly?.({ action: "add", url: null, file: null })).toBe(true);
    expect(article.moderatorOnly?.({ action: "remove", article: "x" })).toBe(true);
    expect(article.moderatorOnly?.({ action: "refetch", article: "x" })).toBe(true);
    expect(article.moderatorOnly?.({ action: "list", page: 1 })).toBe(false);
    expect(article.components?.["remove"]?.moderatorOnly).toBe(true);
    expect(article.components?.["text"]?.moderatorOnly).toBe(true);
  });

  it("opens a form for pasted text when neither a URL nor a file is given", async () => {
    const { ctx, recorded } = commandContext(article.parse(reader({}, "add")));
    await article.run(ctx);
    expect(recorded.steps).toEqual(["modal"]);
    expect(recorded.modals[0]?.inputs.map((i) => [i.id, i.required])).toEqual([
      ["title", true],
      ["url", false],
      ["text", true],
    ]);
  });

  it.each([
    [
      "both a URL and a file",
      {
        url: "https://example.com/a",
        file: { name: "a.txt", url: "https://cdn/a", size: 10, contentType: "text/plain" },
      },
      "どちらか一つ",
    ],
    [
      "a file of another type",
      { file: { name: "a.pdf", url: "https://cdn/a", size: 10, contentType: "application/pdf" } },
      "取り込めない種類",
    ],
    [
      "a file too large",
      { file: { name: "a.txt", url: "https://cdn/a", size: 50 * 1024 * 1024, contentType: "text/plain" } },
      "大きすぎます",
    ],
  ])("refuses %s before deferring", async (_, values, message) => {
    const { ctx, recorded } = commandContext(
      article.parse(reader(values as Record<string, string | Attachment>, "add")),
    );
    await expect(article.run(ctx)).rejects.toThrow(message);
    expect(recorded.steps).toEqual([]);
  });

  it.each([
    [500_000, "488 KB"],
    [1_500_000, "1.4 MB"],
    [5 * 1024 * 1024, "5 MB"],
  ])("says the limit a file is over as it is set (FETCH_MAX_BYTES %i: %s)", async (maxBytes, limit) => {
    const { ctx } = commandContext(
      article.parse(
        reader(
          { file: { name: "a.txt", url: "https://cdn/a", size: 6 * 1024 * 1024, contentType: "text/plain" } },
          "add",
        ),
      ),
    );
    // before, 「0 MB 以下」 for 500,000 bytes and 「1 MB 以下」 for 1,500,000
    await expect(article.run({ ...ctx, fetch: { ...ctx.fetch, maxBytes } })).rejects.toThrow(
      `ファイルが大きすぎます（6,144 KB）。${limit} 以下のファイルにしてください。`,
    );
  });

  it("names a duplicate's stored article by its title on one short line, keeping what to do", async () => {
    const title = `二重登録の確認\n${"とても長い題名".repeat(300)}`;
    const stored = createArticle(
      {
        ...KAMAKURA,
        title,
        url: "https://example.com/duplicate",
        blocks: [{ kind: "paragraph", text: "二重登録を確かめるための本文です。" }],
      },
      { by: "test", at: new Date("2024-07-01T00:00:00Z") },
    );
    await engine.put(stored);
    try {
      const fields = new Map([
        ["title", "別の題名"],
        ["url", "https://example.com/duplicate"],
        ["text", "別の本文です。"],
      ]);
      const { ctx } = componentContext(customId("article", "text"), { fields });
      const thrown = await article.components?.["text"]?.run(ctx).then(
        () => null,
        (err: unknown) => err,
      );
      // Refused with the button that reopens the form.
      expect(thrown).toBeInstanceOf(WithButtons);
      const refusal = (thrown as WithButtons).error;
      expect(refusal).toBeInstanceOf(UserFacingError);
      const message = (refusal as UserFacingError).message;
      expect(message).toContain(`（ID: ${stored.id}「二重登録の確認 とても長い題名`);
      expect(message).toMatch(/…」）。.*\/article refetch/u);
      expect(message).not.toContain("\n");
      expect(message.length).toBeLessThan(400);
    } finally {
      await engine.remove(stored.id);
    }
  });

  describe("a refused form, reopened with 「入力し直す」", () => {
    const moderator = { id: "1400000000000000003", isModerator: true };
    const typed = new Map([
      ["title", "風呂敷の包み方"],
      ["url", "なし"],
      ["text", "風呂敷は、物を包んで運ぶための四角い布です。"],
    ]);

    /** Sends the form as `moderator`; returns the key of the retry button under the refusal. */
    async function refuse(fields: ReadonlyMap<string, string>, id = customId("article", "text")): Promise<string> {
      const { ctx, recorded } = componentContext(id, { fields, user: moderator });
      const thrown = await article.components?.["text"]?.run(ctx).then(
        () => null,
        (err: unknown) => err,
      );
      expect(thrown).toBeInstanceOf(WithButtons);
      expect((thrown as WithButtons).error).toBeInstanceOf(UserFacingError);
      // Refused before anything was stored or deferred.
      expect(recorded.steps).toEqual([]);
      const [[button]] = (thrown as WithButtons).buttons as [[{ id: string; label: string }]];
      expect(button.label).toBe("入力し直す");
      const { command, action, args } = parseCustomId(button.id);
      expect([command, action]).toEqual(["article", "retry"]);
      return args[0] as string;
    }

    it("reopens the form as it was filled in, for the moderator who sent it only, moderators only", async () => {
      const key = await refuse(typed);
      expect(article.components?.["retry"]?.moderatorOnly).toBe(true);
      const { ctx, recorded } = componentContext(customId("article", "retry", key), { user: moderator });
      await article.components?.["retry"]?.run(ctx);
      expect(recorded.steps).toEqual(["modal"]);
      expect(recorded.modals[0]).toEqual(pasteForm(typed, key));
      expect(recorded.modals[0]?.inputs.map((i) => [i.id, i.value])).toEqual([...typed]);

      const other = componentContext(customId("article", "retry", key), {
        user: { id: "1400000000000000002", isModerator: true },
      });
      await expect(article.components?.["retry"]?.run(other.ctx)).rejects.toThrow("フォームを送信した本人だけ");
      expect(other.recorded.steps).toEqual([]);
    });

    it("keeps one set of values a form at a time: sending the reopened form forgets the ones it came from", async () => {
      const first = await refuse(typed);
      const second = await refuse(new Map([...typed, ["url", "まだなし"]]), customId("article", "text", first));
      expect(services.forms.get(first)).toBeUndefined();
      expect(services.forms.get(second)?.values.get("url")).toBe("まだなし");
      const gone = componentContext(customId("article", "retry", first), { user: moderator });
      await expect(article.components?.["retry"]?.run(gone.ctx)).rejects.toThrow(formForgotten(plainCommandRef));
    });

    it("says when the reopened form cannot hold all the body: in the refusal, and under the body's label", async () => {
      // 3,000 characters as Discord counts them, 6,000 UTF-16 units: the box takes 4,000 units, 2,000 𠮷
      const body = `鍋の記録。${"𠮷".repeat(3_000)}`;
      const fields = new Map([...typed, ["text", body]]);
      const { ctx } = componentContext(customId("article", "text"), { fields, user: moderator });
      const thrown = (await article.components?.["text"]?.run(ctx).catch((err: unknown) => err)) as WithButtons;
      expect(thrown.error).toBeInstanceOf(UserFacingError);
      expect((thrown.error as UserFacingError).message).toMatch(
        /URL ではありません。.*なお、「入力し直す」で開くフォームは長さに限りがあるため、本文の末尾 1,003 文字が入りません。長い本文は \.txt ファイルにして \/article add の file で追加できます。$/u,
      );
      const key = parseCustomId(String(thrown.buttons[0]?.[0]?.id)).args[0] as string;
      const text = pasteForm(fields, key).inputs.find((i) => i.id === "text");
      expect(text?.value).toBe(`鍋の記録。${"𠮷".repeat(1_997)}`);
      expect(text?.description).toBe(
        "長すぎて末尾の 1,003 文字が入りませんでした。長い本文は .txt ファイルにして /article add の file で追加できます。",
      );
      // the other boxes fit: nothing said of them
      expect(pasteForm(fields, key).inputs.filter((i) => i.description)).toHaveLength(1);
    });

    it("leaves empty boxes empty in the first form", () => {
      expect(pasteForm().id).toBe("article:text");
      expect(pasteForm().inputs.map((i) => i.value)).toEqual([undefined, undefined, undefined]);
    });
  });

  it("asks for confirmation before removing, with the article named", async () => {
    const { ctx, recorded } = commandContext(article.parse(reader({ article: "図書館の本の分類" }, "remove")));
    await article.run(ctx);
    expect(recorded.replies[0]).toMatchObject({ private: true });
    expect(recorded.replies[0]?.embeds?.[0]?.title).toBe("図書館の本の分類");
    expect(recorded.replies[0]?.buttons?.[0]?.map((b) => b.label)).toEqual(["削除する", "やめる"]);
    expect(engine.find("https://example.com/ndc")).toBeDefined();
  });

  it("pages the list ten at a time", async () => {
    const { ctx, recorded } = commandContext(article.parse(reader({ page: 2 }, "list")));
    await article.run(ctx);
    expect(recorded.replies[0]?.embeds?.[0]?.description?.split("\n")[0]).toMatch(/^11\. /u);
    expect(recorded.replies[0]?.buttons?.[0]?.map((b) => b.id)).toEqual(["article:list:1", "article:list:3"]);
  });
});

describe("/about", () => {
  it("replies privately with the corpus size and a button to the list", async () => {
    const { ctx, recorded } = commandContext(about.parse(reader({})));
    await about.run(ctx);
    expect(recorded.replies[0]).toMatchObject({ private: true });
    expect(recorded.replies[0]?.embeds?.[0]?.fields?.[0]).toEqual({
      name: "記事",
      value: `${engine.stats.articles} 件`,
      inline: true,
    });
    expect(recorded.replies[0]?.buttons?.[0]?.[0]?.id).toBe("article:list:1");
  });

  it("names the commands as the context writes them, in its reply and in a refusal", async () => {
    const commandRef = (name: string, sub?: string) => `[${name}${sub ? ` ${sub}` : ""}]`;
    const { ctx, recorded } = commandContext(about.parse(reader({})));
    await about.run({ ...ctx, commandRef });
    expect(recorded.replies[0]?.embeds?.[0]?.description).toContain(
      "[ask] で質問、[search] で検索、[summary] で記事の要約",
    );
    expect(() => resolveArticle({ engine, commandRef }, "存在しない")).toThrow(
      /候補から選ぶか、\[about\] の「記事の一覧」/u,
    );
    const empty = await engineWith([]);
    try {
      expect(() => requireArticles({ engine: empty.engine, commandRef })).toThrow(
        /モデレーターが \[article add\] で記事を追加すると/u,
      );
    } finally {
      await removeDir(empty.dir);
    }
  });
});

describe("customId", () => {
  it("refuses an id over Discord's 100 characters", () => {
    expect(() => customId("search", "page", 1, "x".repeat(100))).toThrow(/over 100/u);
  });

  it("turns a lone surrogate into U+FFFD, as in any text the bot sends", () => {
    expect(customId("search", "page", 1, "=寺\ud800")).toBe("search:page:1:=寺\ufffd");
    expect(customId("summary", "show", "\udc00abc", 2)).toBe("summary:show:\ufffdabc:2");
  });
});
