import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Article, bodyBlocks, createArticle } from "../article/article.ts";
import { importPlainText } from "../article/import-text.ts";
import { Engine } from "../engine.ts";
import { UserFacingError } from "../errors.ts";
import { decodeFile } from "../ingest/read-source.ts";
import { analyze } from "../text/analyze.ts";
import { normalize } from "../text/normalize.ts";
import { splitSentences } from "../text/sentences.ts";
import type { Tokenizer } from "../text/tokenizer.ts";
import { textFilesOf } from "./build-eval-corpus.ts";
import { round4 } from "./metrics.ts";
import { type Rouge, type RougeScore, rouge } from "./rouge.ts";

/** The summaries compared, each scored against the article's headline. */
export const SUMMARY_SYSTEMS = {
  keyPoints3: "engine.summary（要点 3 文、既定）",
  lead3: "先頭 3 文（lead-3）",
  keyPoints1: "engine.summary（要点 1 文）",
  lead1: "先頭 1 文（lead-1）",
} as const;
export type SummarySystem = keyof typeof SUMMARY_SYSTEMS;

/** Mean ROUGE of one system over the articles, on two kinds of unit, and its mean length in characters. */
export interface SystemScores {
  /**
   * Units are characters of the NFKC-normalized, lower-cased text with whitespace, punctuation and
   * symbols removed.
   */
  readonly characters: Rouge;
  /** Units are kuromoji tokens (表層形 after NFKC), symbols (記号) and whitespace removed. */
  readonly tokens: Rouge;
  readonly meanLength: number;
}

export interface SummaryReport {
  /** Articles scored. */
  readonly articles: number;
  /** Mean headline length in characters. */
  readonly meanHeadlineLength: number;
  readonly systems: Readonly<Record<SummarySystem, SystemScores>>;
}

export interface SummaryEvalOptions {
  /** Articles to score, picked evenly across the sorted files (all by default). */
  readonly limit?: number | undefined;
  readonly progress?: (done: number, total: number) => void;
}

/**
 * Scores the engine's key points against a weak but real reference: the headline of each livedoor news
 * article (its first line after the URL and the time; not part of the body). The articles picked form a
 * fresh temp corpus, so term weights (IDF) come from them. Lead-3 and lead-1 (the first sentences of the
 * body) are scored in the same run.
 */
export async function evaluateSummaries(dir: string, options: SummaryEvalOptions = {}): Promise<SummaryReport> {
  const files = sample(await textFilesOf(dir), options.limit);
  const articles: { article: Article; headline: string }[] = [];
  const added = { by: "eval", at: new Date(0) };
  const seen = new Set<string>();
  for (const file of files) {
    try {
      const draft = importPlainText(decodeFile(await readFile(file), { html: false }).text);
      if (draft.sourceFormat !== "livedoor") continue;
      const article = createArticle(draft, added);
      if (seen.has(article.id)) continue;
      seen.add(article.id);
      articles.push({ article, headline: draft.title });
    } catch (err) {
      if (!(err instanceof UserFacingError)) throw err;
    }
  }
  if (articles.length === 0) {
    throw new UserFacingError(
      `見出しのある記事（livedoor 形式: 1 行目 URL、2 行目 日時、3 行目 見出し）が ${dir} に見つかりませんでした。フォルダを確かめてください。`,
    );
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), "shiori-eval-summaries-"));
  try {
    const engine = await Engine.open({ corpusDir: tmp, indexFile: false });
    await engine.putAll(articles.map((a) => a.article));
    const sums = new Map<SummarySystem, { characters: Rouge[]; tokens: Rouge[]; length: number }>();
    for (const system of Object.keys(SUMMARY_SYSTEMS) as SummarySystem[]) {
      sums.set(system, { characters: [], tokens: [], length: 0 });
    }
    let headlineLength = 0;
    for (const [done, { article, headline }] of articles.entries()) {
      const lead = leadSentences(article, 3);
      const outputs: Record<SummarySystem, string[]> = {
        keyPoints3: engine.summary(article.id).points.map((p) => p.text),
        lead3: lead,
        keyPoints1: engine.summary(article.id, { points: 1 }).points.map((p) => p.text),
        lead1: lead.slice(0, 1),
      };
      const reference = { characters: characterUnits(headline), tokens: tokenUnits(engine.tokenizer, headline) };
      headlineLength += Array.from(headline).length;
      for (const [system, sentences] of Object.entries(outputs) as [SummarySystem, string[]][]) {
        const text = sentences.join("");
        const entry = sums.get(system) as { characters: Rouge[]; tokens: Rouge[]; length: number };
        entry.characters.push(rouge(characterUnits(text), reference.characters));
        entry.tokens.push(rouge(tokenUnits(engine.tokenizer, text), reference.tokens));
        entry.length += Array.from(text).length;
      }
      options.progress?.(done + 1, articles.length);
    }
    const systems = Object.fromEntries(
      [...sums].map(([system, s]) => [
        system,
        {
          characters: meanRouge(s.characters),
          tokens: meanRouge(s.tokens),
          meanLength: Math.round((s.length / articles.length) * 10) / 10,
        },
      ]),
    ) as Record<SummarySystem, SystemScores>;
    return {
      articles: articles.length,
      meanHeadlineLength: Math.round((headlineLength / articles.length) * 10) / 10,
      systems,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The first sentences of the body's paragraphs (headings, captions and links are not body sentences). */
export function leadSentences(article: Article, count: number): string[] {
  const out: string[] = [];
  for (const block of bodyBlocks(article.body)) {
    if (block.kind !== "paragraph") continue;
    for (const s of splitSentences(block.text)) {
      if (out.length === count) return out;
      out.push(s.text);
    }
  }
  return out;
}

const NOT_A_CHARACTER_UNIT = /[\s\p{P}\p{S}]/u;

/** ROUGE units "characters": NFKC, lower case, without whitespace, punctuation and symbols. */
export function characterUnits(text: string): string[] {
  return Array.from(normalize(text)).filter((c) => !NOT_A_CHARACTER_UNIT.test(c));
}

/** ROUGE units "tokens": kuromoji 表層形 after NFKC and lower case, without 記号 and whitespace. */
export function tokenUnits(tokenizer: Tokenizer, text: string): string[] {
  return analyze(tokenizer, text)
    .filter((t) => t.pos[0] !== "記号" && t.surface.trim() !== "")
    .map((t) => t.surface);
}

/** `limit` items spread evenly over the list (every k-th), or the whole list. */
export function sample<T>(items: readonly T[], limit: number | undefined): T[] {
  if (limit === undefined || limit >= items.length) return [...items];
  const out: T[] = [];
  for (let i = 0; i < limit; i++) out.push(items[Math.floor((i * items.length) / limit)] as T);
  return out;
}

function meanRouge(scores: readonly Rouge[]): Rouge {
  const mean = (pick: (r: Rouge) => RougeScore): RougeScore => {
    const n = scores.length || 1;
    return {
      precision: round4(scores.reduce((a, r) => a + pick(r).precision, 0) / n),
      recall: round4(scores.reduce((a, r) => a + pick(r).recall, 0) / n),
      f1: round4(scores.reduce((a, r) => a + pick(r).f1, 0) / n),
    };
  };
  return { rouge1: mean((r) => r.rouge1), rouge2: mean((r) => r.rouge2), rougeL: mean((r) => r.rougeL) };
}
