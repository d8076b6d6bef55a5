import { createHash } from "node:crypto";
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from "minisearch";

/**
 * Every MiniSearch setting of the project lives here.
 *
 * Documents are passages. Their fields hold search terms already produced by `analyze` (kuromoji base
 * forms, filtered), joined by spaces, so MiniSearch only splits on the space: MiniSearch's own tokenizer
 * splits on spaces and punctuation and would make a whole Japanese sentence one term
 * (measured: R@1 0.24 against 0.90 with kuromoji on JSQuAD).
 */

/** Bumped whenever the analysis or the layout of the index changes, so that saved indexes are rebuilt. */
export const INDEX_VERSION = 1;

/** A passage as MiniSearch sees it. */
export interface IndexedPassage {
  readonly id: string;
  /** Terms of the article's title. */
  readonly title: string;
  /** Terms of the passage (and of its section heading). */
  readonly text: string;
}

export const TERM_SEPARATOR = " ";

const splitTerms = (text: string): string[] => (text === "" ? [] : text.split(TERM_SEPARATOR));
const keepTerm = (term: string): string => term;

export const SEARCH_OPTIONS = {
  fields: ["title", "text"],
  // Title words matter, but every passage of an article shares them: the passage text decides between them.
  boost: { title: 0.6 },
  // prefix search costs 1.5 points of R@1 and fuzzy gains nothing on Japanese (measured on JSQuAD);
  // AND is catastrophic for questions (R@1 0.03–0.14): a question has words its answer does not.
  prefix: false,
  fuzzy: false,
  combineWith: "OR",
  tokenize: splitTerms,
  processTerm: keepTerm,
} as const satisfies SearchOptions;

export const INDEX_OPTIONS: Options<IndexedPassage> = {
  fields: ["title", "text"],
  storeFields: [],
  tokenize: splitTerms,
  processTerm: keepTerm,
  searchOptions: SEARCH_OPTIONS,
  autoVacuum: { minDirtCount: 20, minDirtFactor: 0.1, batchSize: 1000, batchWait: 10 },
};

/** Identifies the settings above (and the analysis version) in a saved index. */
export const OPTIONS_HASH = createHash("sha256")
  .update(JSON.stringify({ INDEX_VERSION, SEARCH_OPTIONS, fields: INDEX_OPTIONS.fields }))
  .digest("hex")
  .slice(0, 16);

export function createIndex(): MiniSearch<IndexedPassage> {
  return new MiniSearch(INDEX_OPTIONS);
}

export function loadIndex(json: unknown): MiniSearch<IndexedPassage> {
  return MiniSearch.loadJS(json as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
}

/** Passages matching any of the terms, best first. */
export function searchIndex(index: MiniSearch<IndexedPassage>, terms: readonly string[]): SearchResult[] {
  if (terms.length === 0) return [];
  return index.search(terms.join(TERM_SEPARATOR));
}

interface MiniSearchInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
}

/**
 * In how many passages a term occurs (their text field), as MiniSearch's own BM25 counts it. MiniSearch
 * has no public API for this; it is read from its inverted index, here and nowhere else.
 */
export function documentFrequency(index: MiniSearch<IndexedPassage>, term: string): number {
  const internals = index as unknown as MiniSearchInternals;
  const fieldId = internals._fieldIds?.["text"];
  if (fieldId === undefined) return 0;
  return internals._index?.get(term)?.get(fieldId)?.size ?? 0;
}
