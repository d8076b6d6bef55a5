import MiniSearch from "minisearch";
import { bodyBlocks } from "../article/article.ts";
import type { Engine } from "../engine.ts";
import { chunkText } from "../text/chunks.ts";
import type { Tokenizer } from "../text/tokenizer.ts";
import type { EvalQuestion } from "./build-eval-corpus.ts";
import { mrrAt, recallAt, round4 } from "./metrics.ts";

/** Paragraph-level retrieval scores of one baseline. */
export interface BaselineMetrics {
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly mrrAt10: number;
  /** Paragraphs indexed. */
  readonly paragraphs: number;
}

/** The baselines, by name. */
export interface BaselineReport {
  /** MiniSearch as it comes: its default tokenizer splits on spaces and punctuation. */
  readonly minisearchDefault: BaselineMetrics;
  /** kuromoji surface forms (表層形) as terms, every other MiniSearch option left at its default. */
  readonly kuromojiSurface: BaselineMetrics;
  /** Overlapping character bigrams of the text (whitespace removed), MiniSearch defaults otherwise. */
  readonly charBigrams: BaselineMetrics;
}

interface ParagraphDoc {
  readonly id: number;
  readonly text: string;
}

const RANKS = 10;

/**
 * Scores plain MiniSearch setups on the same corpus, for comparison with the engine: every body
 * paragraph of every article is one document, and a question's hit is the paragraph it was written for.
 * These are separate small indexes; the engine's own index is not touched.
 */
export function scoreBaselines(
  engine: Engine,
  tokenizer: Tokenizer,
  questions: readonly EvalQuestion[],
): BaselineReport {
  const docs: ParagraphDoc[] = [];
  const idOfSpan = new Map<string, number>();
  for (const ref of engine.list()) {
    const article = engine.article(ref.articleId);
    if (!article) continue;
    for (const block of bodyBlocks(article.body)) {
      if (block.kind !== "paragraph") continue;
      idOfSpan.set(`${article.id}:${block.start}`, docs.length);
      docs.push({ id: docs.length, text: block.text });
    }
  }
  const golds = questions.map((q) => idOfSpan.get(`${q.gold.articleId}:${q.gold.start}`) ?? -1);
  const score = (tokenize?: (text: string) => string[]): BaselineMetrics => {
    const index = new MiniSearch<ParagraphDoc>(tokenize ? { fields: ["text"], tokenize } : { fields: ["text"] });
    index.addAll(docs);
    const ranks = questions.map((q, i) => {
      const at = index
        .search(q.question)
        .slice(0, RANKS)
        .findIndex((r) => r.id === golds[i]);
      return at < 0 ? null : at + 1;
    });
    return {
      recallAt1: round4(recallAt(ranks, 1)),
      recallAt5: round4(recallAt(ranks, 5)),
      recallAt10: round4(recallAt(ranks, 10)),
      mrrAt10: round4(mrrAt(ranks, RANKS)),
      paragraphs: docs.length,
    };
  };
  return {
    minisearchDefault: score(),
    kuromojiSurface: score((text) => surfaceForms(tokenizer, text)),
    charBigrams: score(charBigrams),
  };
}

/** kuromoji's 表層形 of every token but whitespace, the text cut into chunks kuromoji handles in linear time. */
function surfaceForms(tokenizer: Tokenizer, text: string): string[] {
  const out: string[] = [];
  for (const chunk of chunkText(text)) {
    for (const t of tokenizer.tokenize(chunk.text)) if (t.surface_form.trim() !== "") out.push(t.surface_form);
  }
  return out;
}

/** Overlapping character bigrams, whitespace removed: 梅雨前線 → 梅雨, 雨前, 前線. */
export function charBigrams(text: string): string[] {
  const chars = Array.from(text.replace(/\s+/gu, ""));
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}
