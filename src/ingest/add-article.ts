import path from "node:path";
import {
  type Article,
  bodyBlocks,
  createArticle,
  isHttpUrl,
  MissingTitleError,
  sameAddress,
  withoutCredentials,
} from "../article/article.ts";
import type { Engine } from "../engine.ts";
import { SourceRefusal, UserFacingError } from "../errors.ts";
import { nextTurn } from "../give-way.ts";
import { type CommandRef, plainCommandRef } from "../render/command-ref.ts";
import { type ArticleSource, type ReadArticle, readSource, type SourceOptions } from "./read-source.ts";

export interface RefetchOptions extends SourceOptions {
  /** How refusals name Discord's commands (see CommandRef); as typed by default. */
  readonly commandRef?: CommandRef | undefined;
}

export interface AddOptions extends RefetchOptions {
  /** Who adds it (a Discord user id, `cli`, …), stored as `added_by`. */
  readonly addedBy: string;
  /** When; now by default. */
  readonly at?: Date | undefined;
}

export interface AddResult {
  readonly article: Article;
  readonly lead: string;
  /** Passages the stored article was cut into. */
  readonly passages: number;
  readonly source: Omit<ReadArticle, "draft">;
}

export interface DryRunResult {
  readonly article: Article;
  readonly lead: string;
  readonly source: Omit<ReadArticle, "draft">;
  /** The article already stored that this one duplicates, if any. */
  readonly duplicateOf: Article | null;
}

/** A change `refetch` found, for the moderator. */
export interface RefetchResult {
  readonly changed: boolean;
  readonly article: Article;
  readonly previous: Article;
  /** Title before and after, when it changed. */
  readonly title: { readonly before: string; readonly after: string } | null;
  /**
   * The article's URL before and after, when the page now has another (it redirected, or names another
   * canonical address): the article is then found by the new one.
   */
  readonly url: { readonly before: string; readonly after: string } | null;
  /** Body size in characters, before and after. */
  readonly characters: { readonly before: number; readonly after: number };
  readonly passages: { readonly before: number; readonly after: number };
}

/**
 * The source is already in the corpus (same address or same text); `existing` is the stored article.
 * `refetched` is the article whose refetch brought it: that article is left as it was. The message is read
 * in Discord and in the terminal alike: it names the Discord command with `commandRef` and the command
 * line's after it, in parentheses.
 */
export class DuplicateArticleError extends UserFacingError {
  readonly existing: Article;
  /** The article being fetched again, when a refetch was refused. */
  readonly refetched: Article | undefined;
  constructor(
    existing: Article,
    reason: "url" | "text",
    { refetched, commandRef }: { readonly refetched?: Article | undefined; readonly commandRef: CommandRef },
  ) {
    const same = reason === "url" ? "同じ URL の" : "同じ本文の";
    if (refetched) {
      super(
        // named by their titles, as a moderator picks them (see refetchRefused)
        `記事「${refetched.title}」（ID: ${refetched.id}）を取り直した内容は、登録済みの記事「${existing.title}」（ID: ${existing.id}）と${same}記事になるため、更新しませんでした。取り直した記事は前の内容のまま残しています。取得元のページが登録済みの記事と同じものになったのなら、取り直した記事は ${commandRef("article", "remove")}（CLI では shiori remove ${refetched.id}）で削除できます。`,
        `refetch: ${refetched.id} would duplicate ${existing.id} (${reason})`,
      );
    } else {
      // An article without a URL cannot be fetched again: it is renewed by removing it and adding it anew.
      const renew = isHttpUrl(existing.url)
        ? `${commandRef("article", "refetch")}（CLI では shiori refetch ${existing.id}）を使ってください`
        : `${commandRef("article", "remove")}（CLI では shiori remove ${existing.id}）で削除してから追加し直してください`;
      super(
        `この記事はすでに登録されています（ID: ${existing.id}「${existing.title}」）。${same}記事は二重に登録しません。内容を新しくするには ${renew}。`,
        `add: duplicate of ${existing.id} (${reason})`,
      );
    }
    this.existing = existing;
    this.refetched = refetched;
  }
}

/**
 * Adds an article from a URL, a file or pasted text: reads and extracts it, refuses a duplicate (same
 * canonical URL or same normalized text) with the id of the article already stored, then stores it
 * (file written atomically, index updated and saved; concurrent adds are serialized by the engine).
 */
export async function addArticle(engine: Engine, source: ArticleSource, options: AddOptions): Promise<AddResult> {
  const { commandRef = plainCommandRef } = options;
  const { article, read } = await articleFrom(source, options);
  const existing = await engine.add(article, (stored, added) => duplicateReason(stored, added) !== null);
  if (existing) throw new DuplicateArticleError(existing, duplicateReason(existing, article) ?? "url", { commandRef });
  return { article, lead: read.lead, passages: engine.passagesOf(article.id).length, source: read };
}

/** Reads and extracts a source as `addArticle` would, and says whether it duplicates a stored article. */
export async function previewArticle(
  engine: Pick<Engine, "list" | "article"> | null,
  source: ArticleSource,
  options: AddOptions,
): Promise<DryRunResult> {
  const { article, read } = await articleFrom(source, options);
  const duplicateOf = engine ? storedDuplicate(engine, article) : null;
  return { article, lead: read.lead, source: read, duplicateOf };
}

/** Reads a source into the article to store; a source without a title is refused as its kind allows. */
async function articleFrom(
  source: ArticleSource,
  options: AddOptions,
): Promise<{ article: Article; read: Omit<ReadArticle, "draft"> }> {
  try {
    const { draft, ...read } = await readSource(source, options);
    // Each step of an add is synchronous and linear in the source's size (a 5 MB text file: decoding and
    // reading 0.45 s, createArticle 1.1 s, cutting its passages 0.75 s): the event loop is given back
    // between them, so that members' interactions are deferred meanwhile, not after 2.3 s.
    await nextTurn();
    const article = createArticle(draft, { by: options.addedBy, at: options.at ?? new Date() });
    await nextTurn();
    return { article, read };
  } catch (err) {
    throw err instanceof MissingTitleError ? untitled(source, options.commandRef ?? plainCommandRef) : err;
  }
}

/**
 * A source without a title, refused with what the moderator can do about it there: Discord's /article
 * add takes a title only in its form for pasted text, the command line takes --title everywhere.
 */
function untitled(source: ArticleSource, commandRef: CommandRef): UserFacingError {
  const paste = `${commandRef("article", "add")} を url も file も付けずに使い、本文を貼り付けてタイトルを付けて追加してください（CLI では --title でタイトルを指定できます）。`;
  switch (source.kind) {
    case "url":
      return new UserFacingError(
        `ページの見出し（タイトル）が見つかりませんでした。${paste}`,
        "add: page without a title",
      );
    case "file": {
      const ext = path.extname(source.name).toLowerCase();
      const fix =
        ext === ".md"
          ? "「# 見出し」の行を書き足したファイルにするか"
          : ext === ".txt"
            ? "1 行目に見出しを書いたファイルにするか"
            : "<title> か <h1> を書き足したファイルにするか";
      return new UserFacingError(
        `ファイルに見出し（タイトル）が見つかりませんでした。${fix}、${paste}`,
        "add: file without a title",
      );
    }
    case "text":
      return new UserFacingError(
        "テキストに見出しが見つかりませんでした。1 行目に見出しを書くか、タイトルを指定してください（CLI では --title）。",
        "add: text without a title",
      );
  }
}

/** The stored article that `article` duplicates; null when none. */
function storedDuplicate(engine: Pick<Engine, "list" | "article">, article: Article): Article | null {
  for (const ref of engine.list()) {
    const stored = engine.article(ref.articleId);
    if (stored && duplicateReason(stored, article)) return stored;
  }
  return null;
}

/**
 * Fetches an article's source URL again and replaces the article when it changed (its id, and when and
 * by whom it was first added, are kept). Says what changed: the title, the size. An article removed
 * while its page was being fetched stays removed: that is refused with a message for the moderator.
 */
export async function refetchArticle(engine: Engine, id: string, options: RefetchOptions): Promise<RefetchResult> {
  const { commandRef = plainCommandRef } = options;
  // by its id, or by its URL
  const previous = engine.find(id);
  if (!previous) {
    throw new UserFacingError(
      `記事 ${withoutCredentials(id)} は見つかりませんでした。記事の一覧（${commandRef("article", "list")}、CLI では shiori list）で ID か URL を確かめてください。`,
      `refetch: no article ${withoutCredentials(id)}`,
    );
  }
  // An article stored before URLs were checked may have 「なし」 for one.
  if (!isHttpUrl(previous.url)) {
    throw new UserFacingError(
      `${previous.url ? `この記事の出典（${previous.url}）は取得できる URL ではない` : "この記事には取得元の URL がない"}ため、取り直せません。新しい内容は ${commandRef("article", "add")} で追加し直してください。前の記事は ${commandRef("article", "remove")} で削除できます（CLI では shiori add、shiori remove ${previous.id}）。`,
      `refetch: article ${id} has no URL to fetch (${JSON.stringify(previous.url)})`,
    );
  }
  const passagesBefore = engine.passagesOf(previous.id).length;
  let fresh: Article;
  try {
    const { draft } = await readSource({ kind: "url", url: previous.url }, options);
    // (given way between the steps, as an add's are: see articleFrom)
    await nextTurn();
    fresh = createArticle(draft, { by: previous.addedBy, at: new Date() });
    await nextTurn();
  } catch (err) {
    throw refetchRefused(previous, err, commandRef);
  }
  const article: Article = { ...fresh, id: previous.id, addedAt: previous.addedAt, addedBy: previous.addedBy };
  const characters = { before: characterCount(previous), after: characterCount(article) };
  const title = previous.title === article.title ? null : { before: previous.title, after: article.title };
  const url = previous.url === article.url ? null : { before: previous.url, after: article.url };
  const changed =
    previous.contentHash !== article.contentHash ||
    title !== null ||
    url !== null ||
    previous.author !== article.author ||
    previous.publishedAt !== article.publishedAt;
  if (!changed) {
    if (!engine.article(previous.id)) throw removedMeanwhile(previous, commandRef);
    return {
      changed,
      article: previous,
      previous,
      title,
      url,
      characters,
      passages: { before: passagesBefore, after: passagesBefore },
    };
  }
  // Stored only if still there (a remove that landed while the page was fetched must stay done), and
  // unless the page is now the same as another article's (or redirected to its address), refused as an add
  // is: checked in the same serialized step as the write, so that an add landing meanwhile is seen.
  const replaced = await engine.replace(article, (stored, replacing) => duplicateReason(stored, replacing) !== null);
  if (replaced === "removed") throw removedMeanwhile(previous, commandRef);
  if (replaced !== "replaced") {
    throw new DuplicateArticleError(replaced, duplicateReason(replaced, article) ?? "text", {
      refetched: previous,
      commandRef,
    });
  }
  return {
    changed,
    article,
    previous,
    title,
    url,
    characters,
    passages: { before: passagesBefore, after: engine.passagesOf(article.id).length },
  };
}

/**
 * Why a refetch failed, with what the moderator can do then: the advice of a refusal is for someone
 * adding a page (check the URL, give a title), and a refetch has neither to give.
 */
function refetchRefused(article: Article, err: unknown, commandRef: CommandRef): unknown {
  if (!(err instanceof SourceRefusal)) return err;
  const what =
    err instanceof MissingTitleError ? "取り直したページに見出し（タイトル）が見つかりませんでした。" : err.what;
  return new UserFacingError(
    `記事「${article.title}」（ID: ${article.id}）を取り直せませんでした。${what}記事は前の内容のまま残しています。時間をおいてもう一度取り直すか、ページが移動・削除されたのなら ${commandRef("article", "remove")} で削除してから新しい URL か本文で追加し直してください（CLI では shiori remove ${article.id}、shiori add）。`,
    `refetch: ${article.id}: ${err.detail ?? err.message}`,
  );
}

function removedMeanwhile(article: Article, commandRef: CommandRef): UserFacingError {
  return new UserFacingError(
    `記事「${article.title}」（ID: ${article.id}）は、取り直している間に削除されました。取り直した内容は保存していません。必要なら ${commandRef("article", "add")}（CLI では shiori add）で追加し直してください。`,
    `refetch: article ${article.id} removed while its page was fetched`,
  );
}

/** Why `added` duplicates `stored`: the same address, or the same normalized text; null when it does not. */
export function duplicateReason(stored: Article, added: Article): "url" | "text" | null {
  // The id of an article without a URL is its text's hash (articleIdFor): the same id is the same text.
  if (stored.id === added.id) return added.url ? "url" : "text";
  if (stored.url && added.url && sameAddress(stored.url, added.url)) return "url";
  if (stored.contentHash === added.contentHash) return "text";
  return null;
}

function characterCount(article: Article): number {
  return bodyBlocks(article.body).reduce((n, b) => n + b.text.length, 0);
}
