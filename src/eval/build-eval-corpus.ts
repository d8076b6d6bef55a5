import type { Dirent } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Article, type ArticleDraft, bodyBlocks, createArticle, hasVisibleText } from "../article/article.ts";
import { importPlainText } from "../article/import-text.ts";
import { Engine } from "../engine.ts";
import { UserFacingError } from "../errors.ts";
import { decodeFile } from "../ingest/read-source.ts";
import type { SquadArticle, SquadQuestion } from "./read-squad.ts";

/** Where a dataset paragraph lies in the temp corpus: `article.body.slice(start, end)` is its text. */
export interface GoldSpan {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
}

/** A question with the paragraph it was written for. */
export interface EvalQuestion extends SquadQuestion {
  readonly gold: GoldSpan;
}

export interface EvalCorpus {
  readonly engine: Engine;
  /** Every dataset paragraph, in dataset order. */
  readonly paragraphs: readonly (GoldSpan & { readonly text: string })[];
  /** Every answerable question, in dataset order. */
  readonly questions: readonly EvalQuestion[];
  /** Distractor files that could not be read as articles. */
  readonly skippedDistractors: number;
  /** Deletes the temp corpus folder. */
  close(): Promise<void>;
}

export interface EvalCorpusOptions {
  /** A folder of plain-text articles (livedoor shape) added to the corpus as distractors. */
  readonly distractors?: string | undefined;
  /** Called during indexing with the articles done and the total. */
  readonly progress?: (done: number, total: number) => void;
}

const ADDED = { by: "eval", at: new Date(0) };

/**
 * Builds a fresh corpus in a temp folder (never the bot's own corpus): one article per dataset entry
 * (its title, `https://ja.wikipedia.org/wiki/<title>`, its paragraphs as the body), plus the distractor
 * articles, indexed by the engine exactly as the bot indexes. The index is not saved.
 */
export async function buildEvalCorpus(
  dataset: readonly SquadArticle[],
  options: EvalCorpusOptions = {},
): Promise<EvalCorpus> {
  const articles: Article[] = [];
  const paragraphs: (GoldSpan & { text: string })[] = [];
  const questions: EvalQuestion[] = [];
  for (const entry of dataset) {
    const kept = entry.paragraphs.filter((p) => p.text.trim() !== "");
    if (kept.length === 0) continue;
    const draft: ArticleDraft = {
      title: entry.title,
      url: `https://ja.wikipedia.org/wiki/${entry.title.replaceAll(" ", "_")}`,
      publisher: "Wikipedia",
      author: null,
      publishedAt: null,
      sourceFormat: "dataset",
      blocks: kept.map((p) => ({ kind: "paragraph", text: p.text })),
      captions: [],
      links: [],
      related: [],
    };
    const article = createArticle(draft, ADDED);
    const blocks = bodyBlocks(article.body).filter((b) => b.kind === "paragraph");
    if (blocks.length !== kept.length) {
      throw new Error(
        `eval: article ${JSON.stringify(entry.title)} has ${blocks.length} body paragraphs, not ${kept.length}`,
      );
    }
    kept.forEach((p, i) => {
      const block = blocks[i] as (typeof blocks)[number];
      const gold = { articleId: article.id, start: block.start, end: block.end };
      paragraphs.push({ ...gold, text: block.text });
      // a blank question (spaces, zero-width characters) asks nothing: scored, it would be a miss of the engine's
      for (const q of p.questions)
        if (q.answers.length > 0 && hasVisibleText(q.question)) questions.push({ ...q, gold });
    });
    articles.push(article);
  }
  if (new Set(articles.map((a) => a.id)).size !== articles.length) {
    throw new UserFacingError(
      "データセットに同じタイトルの記事が複数あります。タイトルが重複しないデータセットを指定してください。",
      "eval: duplicate titles in the dataset",
    );
  }

  // Nothing to ask would score 0 on every metric: the same figures as an engine that found nothing.
  if (questions.length === 0) {
    throw new UserFacingError(
      "データセットに答えのある質問が 1 件もないため、採点できません（質問文や答えが空の質問、is_impossible の質問、本文が空の段落の質問は採点しません）。" +
        "答えのある質問を含む SQuAD 形式のファイルを指定してください。",
      "eval: no answerable question in the dataset",
    );
  }

  let skippedDistractors = 0;
  if (options.distractors) {
    const ids = new Set(articles.map((a) => a.id));
    for (const file of await textFilesOf(options.distractors)) {
      let article: Article;
      try {
        article = createArticle(importPlainText(decodeFile(await readFile(file), { html: false }).text), ADDED);
      } catch (err) {
        if (!(err instanceof UserFacingError)) throw err;
        skippedDistractors++;
        continue;
      }
      // The same URL twice (a republished news item) would replace the first copy: keep one.
      if (ids.has(article.id)) {
        skippedDistractors++;
        continue;
      }
      ids.add(article.id);
      articles.push(article);
    }
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), "shiori-eval-"));
  try {
    const engine = await Engine.open({ corpusDir: dir, indexFile: false });
    await engine.putAll(articles, (done) => options.progress?.(done, articles.length));
    return {
      engine,
      paragraphs,
      questions,
      skippedDistractors,
      close: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The .txt files of a folder and its subfolders, without the corpus's README, LICENSE and CHANGES files. */
export async function textFilesOf(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // a file is there, and not found would send the user looking for a typo
    if (code === "ENOTDIR") {
      throw new UserFacingError(
        `${dir} はフォルダではなくファイルです。記事（.txt）の入ったフォルダ（例: livedoor ニュースコーパスのフォルダ）を指定してください。`,
      );
    }
    if (code !== "ENOENT") {
      throw new UserFacingError(
        `フォルダを読めませんでした: ${dir}（${code ?? (err as Error).message}）。読み取りの権限を確かめてください。`,
      );
    }
    throw new UserFacingError(`フォルダが見つかりません: ${dir}。記事のフォルダのパスを確かめてください。`);
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".txt") && !/^(README|LICENSE|CHANGES)/u.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
