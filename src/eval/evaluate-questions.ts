import type { Engine } from "../engine.ts";
import type { EvalQuestion } from "./build-eval-corpus.ts";
import { containsAnswer, firstHitRank, mrrAt, percentile, recallAt, round4 } from "./metrics.ts";

/**
 * The numbers `shiori eval --json` prints. Keys and definitions are stable; other tooling reads them.
 *
 * - `recallAt1`, `recallAt5`, `recallAt10`: share of questions whose first passage standing for the
 *   question's own paragraph (see `passageHits`) is ranked at most 1, 5, 10 by `engine.ask`;
 * - `mrrAt10`: mean of 1/rank of that passage, 0 beyond rank 10;
 * - `answerHitAt1`, `answerHitAt3`: share of questions whose first (first three) key points contain one of
 *   the gold answers, compared after NFKC;
 * - `queryMsP50`, `queryMsP99`: milliseconds per `engine.ask(question)` as the bot calls it, tokenizing
 *   included (nearest-rank percentiles);
 * - `articles`, `passages`: the size of the corpus; `questions`: the questions asked.
 */
export interface EvalMetrics {
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly mrrAt10: number;
  readonly answerHitAt1: number;
  readonly answerHitAt3: number;
  readonly queryMsP50: number;
  readonly queryMsP99: number;
  readonly articles: number;
  readonly passages: number;
  readonly questions: number;
}

/** What happened to one question, for looking at failures. */
export interface QuestionOutcome {
  readonly id: string;
  readonly question: string;
  /** Rank of the first passage standing for the question's paragraph, or null beyond rank 10. */
  readonly rank: number | null;
  /** Rank of the first key point holding a gold answer, or null. */
  readonly answerRank: number | null;
  readonly ms: number;
}

/** Passages asked for to compute R@5, R@10 and MRR@10 (the bot shows 3). */
export const RANKED_PASSAGES = 10;

/** Questions asked once, untimed, before the measured run. */
const WARM_UP_QUESTIONS = 20;

/**
 * Asks every question as the bot does and scores the answers. Each question is asked twice: once exactly
 * as the bot asks (timed; its key points are scored), once with RANKED_PASSAGES passages for the ranks.
 */
export function evaluateQuestions(
  engine: Engine,
  questions: readonly EvalQuestion[],
  progress?: (done: number) => void,
): { metrics: EvalMetrics; outcomes: QuestionOutcome[] } {
  // The bot is a long-running process: warm the JIT and the caches before timing.
  for (const q of questions.slice(0, WARM_UP_QUESTIONS)) engine.ask(q.question);
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const started = performance.now();
    const answer = engine.ask(q.question);
    const ms = performance.now() - started;
    const ranked = engine.ask(q.question, { passages: RANKED_PASSAGES });
    const keyPoints = answer.keyPoints.map((k) => k.text);
    let answerRank: number | null = null;
    for (let i = 0; i < keyPoints.length && answerRank === null; i++) {
      if (containsAnswer([keyPoints[i] as string], q.answers)) answerRank = i + 1;
    }
    outcomes.push({
      id: q.id,
      question: q.question,
      rank: firstHitRank(ranked.passages, q.gold),
      answerRank,
      ms,
    });
    progress?.(outcomes.length);
  }
  const ranks = outcomes.map((o) => o.rank);
  const answerRanks = outcomes.map((o) => o.answerRank);
  const times = outcomes.map((o) => o.ms);
  const stats = engine.stats;
  return {
    metrics: {
      recallAt1: round4(recallAt(ranks, 1)),
      recallAt5: round4(recallAt(ranks, 5)),
      recallAt10: round4(recallAt(ranks, 10)),
      mrrAt10: round4(mrrAt(ranks, 10)),
      answerHitAt1: round4(recallAt(answerRanks, 1)),
      answerHitAt3: round4(recallAt(answerRanks, 3)),
      queryMsP50: Math.round(percentile(times, 50) * 10) / 10,
      queryMsP99: Math.round(percentile(times, 99) * 10) / 10,
      articles: stats.articles,
      passages: stats.passages,
      questions: outcomes.length,
    },
    outcomes,
  };
}
