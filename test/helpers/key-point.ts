import type { KeyPoint } from "../../src/answer/types.ts";

/** A key point of an article at example.com, its text whole, scored `score`. */
export const point = (articleId: string, text: string, score: number): KeyPoint => ({
  articleId,
  title: articleId,
  url: `https://example.com/${articleId}`,
  publisher: "example.com",
  publishedAt: null,
  text,
  start: 0,
  end: text.length,
  highlights: [],
  score,
});
