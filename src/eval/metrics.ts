/**
 * The metric definitions of `shiori eval`. Other tooling reads these numbers: keep the definitions stable.
 */

/** A [start, end) range of an article body. */
export interface Span {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Whether a returned passage stands for the question's own paragraph: it lies inside the paragraph
 * (a paragraph, or a window of a long one), or it holds the whole paragraph (a paragraph shorter than
 * MIN_PASSAGE_LENGTH that the passage splitter joined to its neighbour, so no passage lies inside it).
 */
export function passageHits(passage: Span, paragraph: Span): boolean {
  if (passage.articleId !== paragraph.articleId) return false;
  const inside = passage.start >= paragraph.start && passage.end <= paragraph.end;
  const holds = passage.start <= paragraph.start && passage.end >= paragraph.end;
  return inside || holds;
}

/** Rank (from 1) of the first passage that stands for the paragraph, or null when none does. */
export function firstHitRank(passages: readonly Span[], paragraph: Span): number | null {
  const i = passages.findIndex((p) => passageHits(p, paragraph));
  return i < 0 ? null : i + 1;
}

/** Share of ranks that are at most k (a missing rank never counts). */
export function recallAt(ranks: readonly (number | null)[], k: number): number {
  if (ranks.length === 0) return 0;
  return ranks.filter((r) => r !== null && r <= k).length / ranks.length;
}

/** Mean reciprocal rank, ranks beyond k counting 0. */
export function mrrAt(ranks: readonly (number | null)[], k: number): number {
  if (ranks.length === 0) return 0;
  return ranks.reduce<number>((sum, r) => sum + (r !== null && r <= k ? 1 / r : 0), 0) / ranks.length;
}

/** Whether one of the texts contains one of the gold answers, both compared after NFKC. */
export function containsAnswer(texts: readonly string[], answers: readonly string[]): boolean {
  const normalized = texts.map((t) => t.normalize("NFKC"));
  return answers.some((a) => {
    const answer = a.normalize("NFKC");
    return answer !== "" && normalized.some((t) => t.includes(answer));
  });
}

/** The p-th percentile (0–100) by the nearest-rank method; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** Rounds a rate to 4 decimals, as reported. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
