import type { Article } from "../article/article.ts";
import { normalize } from "../text/normalize.ts";

/**
 * "Did you mean": the titles that share most character bigrams with a question (Dice coefficient), for
 * when nothing answers it. Character bigrams need no tokenizer, so they also catch a title word that the
 * question spells inside another word. Kept as an inverted index from bigram to titles: 7,000 titles
 * answer in well under a millisecond.
 */
export class TitleSuggester {
  readonly #titles: readonly Article[];
  readonly #postings = new Map<string, number[]>();
  readonly #sizes: number[] = [];

  constructor(articles: Iterable<Article>) {
    this.#titles = [...articles];
    this.#titles.forEach((article, i) => {
      const grams = titleBigrams(article.title);
      this.#sizes.push(grams.size);
      for (const g of grams) {
        const list = this.#postings.get(g);
        if (list) list.push(i);
        else this.#postings.set(g, [i]);
      }
    });
  }

  /** Up to `limit` articles whose titles are closest to the question, closest first. */
  suggest(question: string, limit = 3): Article[] {
    const q = titleBigrams(question);
    if (q.size === 0) return [];
    const shared = new Map<number, number>();
    for (const g of q) for (const i of this.#postings.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    return [...shared]
      .map(([i, n]) => ({ i, score: (2 * n) / (q.size + (this.#sizes[i] ?? 0)) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, limit)
      .map(({ i }) => this.#titles[i] as Article);
  }
}

/** The character bigrams of a text, normalized, with spaces, punctuation and symbols left out. */
export function titleBigrams(text: string): Set<string> {
  const chars = Array.from(normalize(text).replace(/[\s\p{P}\p{S}]+/gu, ""));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1) out.add(chars[0] as string);
  return out;
}
