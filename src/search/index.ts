import { createHash } from "node:crypto";
import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import { COMPOUND_JOINER } from "../text/analyze.ts";
import { SPELLING_VARIANTS, VERB_NOUNS } from "../text/spelling-variants.ts";
import { SYNONYMS } from "../text/synonyms.ts";
import { articleIdOf, passageIdOf } from "./passages.ts";

/**
 * Every MiniSearch setting of the project lives here, with the one class that holds the indexes.
 *
 * Two MiniSearch indexes: passages (field `text`: the passage's terms, and its section heading's) and
 * articles (field `title`). A passage's score is its own BM25 plus its article's title score, so every
 * passage of an article about the question's subject gains, without every passage repeating the title
 * in its postings (which doubled the cost of a query).
 *
 * Both hold search terms already produced by `analyzeTerms` (kuromoji base forms, filtered, and compound
 * terms of two adjacent nouns), joined by spaces, so MiniSearch only splits on the space. MiniSearch's
 * own tokenizer splits on spaces and punctuation and would make a whole Japanese sentence one term
 * (measured: R@1 0.24 against 0.90).
 */

/** Bumped whenever the analysis or the layout of the index changes, so that saved indexes are rebuilt. */
export const INDEX_VERSION = 59;

export const TERM_SEPARATOR = " ";

const splitTerms = (text: string): string[] => (text === "" ? [] : text.split(TERM_SEPARATOR));
const keepTerm = (term: string): string => term;

/** MiniSearch's BM25+ parameters (its defaults), used again when rescoring common terms. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

export const SEARCH_OPTIONS = {
  // prefix search costs 1.5 points of R@1 and fuzzy gains nothing on Japanese (measured on JSQuAD);
  // AND is catastrophic for questions (R@1 0.03–0.14): a question has words its answer does not.
  prefix: false,
  fuzzy: false,
  combineWith: "OR",
  tokenize: splitTerms,
  processTerm: keepTerm,
  bm25: BM25,
} as const satisfies SearchOptions;

const PASSAGE_OPTIONS: Options<IndexedPassage> = {
  fields: ["text"],
  storeFields: [],
  tokenize: splitTerms,
  processTerm: keepTerm,
  searchOptions: SEARCH_OPTIONS,
  autoVacuum: { minDirtCount: 20, minDirtFactor: 0.1, batchSize: 1000, batchWait: 10 },
};

const TITLE_OPTIONS: Options<IndexedTitle> = {
  fields: ["title"],
  storeFields: [],
  tokenize: splitTerms,
  processTerm: keepTerm,
  searchOptions: SEARCH_OPTIONS,
  autoVacuum: PASSAGE_OPTIONS.autoVacuum ?? true,
};

/**
 * How many of the question's words a document matched, for MiniSearch's coordination (it multiplies the
 * summed BM25 by the number of query terms matched). A compound's pair term (結婚␟相手) is no word of its
 * own: counted, a passage saying 結婚相手 matched three words where one saying ラサール石井, 結婚 and 年下
 * matched three too, and 「ラサール石井の結婚相手って何歳年下？」 found articles on 結婚相手 first. JSQuAD:
 * recall@1 0.9212 → 0.9217.
 */
function wordsAmong(terms: readonly string[]): number {
  return terms.filter((t) => !t.includes(COMPOUND_JOINER)).length;
}

/** Weight of an article's title score added to each of its passages. */
export const TITLE_WEIGHT = 0.6;

/**
 * A term found in more than this share of passages is "common": it does not select passages (its
 * postings are the longest, and its IDF the lowest), it only re-ranks the best candidates. Measured on
 * livedoor (75k passages): p50 11.6 → 2.8 ms, p99 184 → 20 ms for the MiniSearch query alone.
 */
export const COMMON_TERM_SHARE = 0.02;
/** ...and in more than this many passages: in a small library no term is common. */
export const COMMON_TERM_MIN_DF = 200;
/** Candidates re-ranked with the common terms. */
export const RERANK_DEPTH = 100;
/** The articles whose titles match best, whose passages are candidates whatever words they hold... */
const TITLE_CANDIDATE_ARTICLES = 3;
/** ...their first passages, at most this many each. */
const TITLE_CANDIDATE_PASSAGES = 20;

/** Identifies the settings above, the analysis version and its generated tables in a saved index. */
export const OPTIONS_HASH = createHash("sha256")
  .update(JSON.stringify({ INDEX_VERSION, SEARCH_OPTIONS, TITLE_WEIGHT }))
  // the generated tables analysis folds terms with: a table made again is another analysis
  .update(SPELLING_VARIANTS)
  .update(VERB_NOUNS)
  .update(SYNONYMS)
  .digest("hex")
  .slice(0, 16);

/** A passage as MiniSearch sees it. */
export interface IndexedPassage {
  readonly id: string;
  /** Terms of the passage (and of its section heading), space-joined. */
  readonly text: string;
}

interface IndexedTitle {
  readonly id: string;
  readonly title: string;
}

/** A search hit: a passage id and its score. */
export interface Hit {
  readonly id: string;
  readonly score: number;
}

/**
 * The search indexes of a corpus: passages and article titles. Articles are added and removed as a
 * whole (`<articleId>:<n>` passage ids).
 */
export class PassageIndex {
  #passages: MiniSearch<IndexedPassage>;
  #titles: MiniSearch<IndexedTitle>;
  readonly #passageLengths: FieldLengths;
  readonly #titleLengths: FieldLengths;

  constructor(passages = newIndex(PASSAGE_OPTIONS), titles = newIndex(TITLE_OPTIONS)) {
    this.#passages = passages;
    this.#titles = titles;
    this.#passageLengths = new FieldLengths(passages);
    this.#titleLengths = new FieldLengths(titles);
  }

  get passageCount(): number {
    return this.#passages.documentCount;
  }

  /** Indexes an article: its title terms and its passages' terms (each space-joined). */
  addArticle(articleId: string, titleTerms: string, passages: readonly IndexedPassage[]): void {
    this.#titles.add({ id: articleId, title: titleTerms });
    this.#passages.addAll(passages);
    this.#titleLengths.added([articleId]);
    this.#passageLengths.added(passages.map((p) => p.id));
  }

  /** Removes an article and its passages `<articleId>:0` … `<articleId>:<count-1>`. */
  removeArticle(articleId: string, passageCount: number): void {
    if (this.#titles.has(articleId)) {
      this.#titleLengths.removing(articleId);
      discard(this.#titles, articleId);
    }
    for (let i = 0; i < passageCount; i++) {
      const id = passageIdOf(articleId, i);
      if (!this.#passages.has(id)) continue;
      this.#passageLengths.removing(id);
      discard(this.#passages, id);
    }
    this.#titleLengths.apply();
    this.#passageLengths.apply();
  }

  /**
   * Passages matching any of the terms, best first: BM25 over the passage text plus the article's title
   * score. Rare terms select candidates; common terms (see COMMON_TERM_SHARE) re-rank the best of them.
   */
  search(terms: readonly string[], limit = 100): Hit[] {
    const unique = [...new Set(terms)].filter((t) => t !== "");
    if (unique.length === 0 || this.#passages.documentCount === 0) return [];
    const n = this.#passages.documentCount;
    const byRarity = unique.map((t) => ({ t, df: this.documentFrequency(t) })).sort((a, b) => a.df - b.df);
    const commonFrom = Math.max(n * COMMON_TERM_SHARE, COMMON_TERM_MIN_DF);
    let selecting = byRarity.filter((x) => x.df > 0 && x.df <= commonFrom).map((x) => x.t);
    // Only common words (日本の経済): the two rarest still select, at the full cost.
    if (selecting.length === 0)
      selecting = byRarity
        .filter((x) => x.df > 0)
        .slice(0, 2)
        .map((x) => x.t);
    const common = unique.filter((t) => !selecting.includes(t));

    const titleScores = new Map<string, number>();
    const titleTerms = new Map<string, readonly string[]>();
    // MiniSearch counts a term's documents from its postings, a removed article's among them until it
    // vacuums: cleaned first, so that its scores are those of a library that never held that article.
    const titleInternals = internalsOf(this.#titles, "title");
    for (const term of unique) titleInternals.postings(term);
    for (const r of this.#titles.search(unique.join(TERM_SEPARATOR))) {
      titleScores.set(String(r.id), (r.score / r.queryTerms.length) * Math.max(wordsAmong(r.queryTerms), 1));
      titleTerms.set(String(r.id), r.queryTerms);
    }
    if (selecting.length === 0 && titleScores.size === 0) return [];

    const internals = internalsOf(this.#passages);
    const postingsOf = (term: string) => {
      const postings = internals.postings(term);
      return postings ? { term, postings, idf: bm25Idf(n, postings.size) } : null;
    };
    const raw: { id: unknown; score: number; queryTerms: readonly string[] }[] = selecting.length
      ? this.#passages.search(selecting.join(TERM_SEPARATOR)).slice(0, limit)
      : [];
    const average = internals.averageFieldLength();
    const bm25 = (tf: number, length: number, idf: number) =>
      idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / average)));
    // An article's passages need not repeat its title (天治: 「は、日本の元号の一つ。…1124年から1126年まで」),
    // and a question may hold no word of theirs: the passages of the articles whose titles match best are
    // candidates too, scored on the selecting terms they hold as the search scores them, and re-ranked with
    // the common ones as the search's best are. The search's best `limit` can leave out the passage that the
    // title would have put first: 「年収1000万の人が選ぶ理想の部下 女性の1位だれ？」 selects with 選ぶ (in
    // 1,272 of livedoor's passages), and 女性 and 1位, in thousands, only re-rank; the article's title
    // says 年収1000万 and 理想の部下.
    const candidates = new Set(raw.map((r) => String(r.id)));
    const selectingPostings = selecting.flatMap((term) => postingsOf(term) ?? []);
    const byTitle = [...titleScores].sort((a, b) => b[1] - a[1]).slice(0, TITLE_CANDIDATE_ARTICLES);
    // their passages are re-ranked with the common terms wherever they stand, so that none ranks otherwise
    // for where the search's cut falls (ask's 100, /search's 501)
    const titleArticles = new Set(byTitle.map(([articleId]) => articleId));
    for (const [articleId] of byTitle) {
      for (let i = 0; i < TITLE_CANDIDATE_PASSAGES; i++) {
        const id = passageIdOf(articleId, i);
        const shortId = internals.shortIdOf(id);
        if (shortId === undefined) break;
        if (candidates.has(id)) continue;
        const length = internals.fieldLength(shortId);
        const queryTerms: string[] = [];
        let sum = 0;
        for (const { term, postings, idf } of selectingPostings) {
          const tf = postings.get(shortId);
          if (!tf) continue;
          queryTerms.push(term);
          sum += bm25(tf, length, idf);
        }
        raw.push({ id, score: sum * queryTerms.length, queryTerms });
      }
    }
    const commonPostings = common.flatMap((term) => postingsOf(term) ?? []);
    const scored: { id: string; articleId: string; full: number; focus: number }[] = [];
    for (let i = 0; i < raw.length; i++) {
      const r = raw[i] as (typeof raw)[0];
      const id = String(r.id);
      const articleId = articleIdOf(id);
      const title = TITLE_WEIGHT * (titleScores.get(articleId) ?? 0);
      // MiniSearch multiplies the summed BM25 by the number of query terms matched: keep that shape, counting
      // the question's words (see wordsAmong).
      let sum = r.score / Math.max(r.queryTerms.length, 1);
      let matched = wordsAmong(r.queryTerms);
      let inTitle = 0;
      /** The question's words the passage holds that its title holds too. */
      let matchedInTitle = 0;
      const shortId = internals.shortIdOf(id);
      const titled = titleTerms.get(articleId) ?? [];
      const rerank = i < RERANK_DEPTH || titleArticles.has(articleId);
      if (shortId !== undefined && (titled.length || (rerank && commonPostings.length))) {
        const length = internals.fieldLength(shortId);
        for (const term of titled) {
          const found = selecting.includes(term) ? postingsOf(term) : null;
          const tf = found?.postings.get(shortId);
          if (found && tf) {
            inTitle += bm25(tf, length, found.idf);
            if (!term.includes(COMPOUND_JOINER)) matchedInTitle++;
          }
        }
        if (rerank) {
          for (const { term, postings, idf } of commonPostings) {
            const tf = postings.get(shortId);
            if (!tf) continue;
            const contribution = bm25(tf, length, idf);
            sum += contribution;
            if (titled.includes(term)) inTitle += contribution;
            if (!term.includes(COMPOUND_JOINER)) {
              matched++;
              if (titled.includes(term)) matchedInTitle++;
            }
          }
        }
      }
      // A passage that matched pair terms only, and none of their words among the common ones, counts one.
      matched = Math.max(matched, 1);
      // Within the article, the title's words count for nothing, in the sum and in the number of words held:
      // counted, a passage saying ラオス and 首都 outranked the one about the capital, which leaves ラオス to
      // the title (「ラオスの首都は？」). JSQuAD: recall@1 0.9217 → 0.9232, recall@5 0.9703 → 0.973.
      const focus = Math.max(sum - inTitle, 0) * Math.max(matched - matchedInTitle, 1) + title;
      scored.push({ id, articleId, full: sum * matched + title, focus });
    }
    // The title says what an article is about: the question's words found in it choose the article, the
    // others choose the passage. An article's best passage keeps its full score, so articles rank as they
    // did; its other passages follow in the order of the words its title lacks (「グスタフ・マーラーが
    // 結婚したのは…」: 結婚, not the passages that repeat グスタフ・マーラー).
    const shift = new Map<string, { full: number; focus: number }>();
    for (const s of scored) {
      const best = shift.get(s.articleId);
      shift.set(s.articleId, {
        full: Math.max(best?.full ?? Number.NEGATIVE_INFINITY, s.full),
        focus: Math.max(best?.focus ?? Number.NEGATIVE_INFINITY, s.focus),
      });
    }
    const hits: (Hit & { full: number })[] = scored.map((s) => {
      const best = shift.get(s.articleId) as { full: number; focus: number };
      return { id: s.id, score: s.focus + best.full - best.focus, full: s.full };
    });
    hits.sort((a, b) => b.score - a.score || b.full - a.full);
    return hits.slice(0, limit).map(({ id, score }) => ({ id, score }));
  }

  /** Which of the terms a passage holds (in its text or its heading), read from the postings. */
  termsIn(passageId: string, terms: Iterable<string>): Set<string> {
    const internals = internalsOf(this.#passages);
    const shortId = internals.shortIdOf(passageId);
    const found = new Set<string>();
    if (shortId === undefined) return found;
    for (const term of terms) if (internals.postings(term)?.has(shortId)) found.add(term);
    return found;
  }

  /** Whether some passage holds every one of the terms (the rarest's postings, checked against the others). */
  together(terms: readonly string[]): boolean {
    return this.holdingAll(terms, 1).length > 0;
  }

  /** The ids of the passages that hold every one of the terms, at most `limit` of them. */
  holdingAll(terms: readonly string[], limit: number): string[] {
    const internals = internalsOf(this.#passages);
    const postings: Map<number, number>[] = [];
    for (const term of terms) {
      const found = internals.postings(term);
      if (!found?.size) return [];
      postings.push(found);
    }
    const [rarest, ...others] = postings.sort((a, b) => a.size - b.size);
    const ids: string[] = [];
    for (const shortId of rarest?.keys() ?? []) {
      if (ids.length >= limit) break;
      const id = internals.idOf(shortId);
      if (id !== undefined && others.every((p) => p.has(shortId))) ids.push(id);
    }
    return ids;
  }

  /** In how many passages a term occurs. */
  documentFrequency(term: string): number {
    return internalsOf(this.#passages).postings(term)?.size ?? 0;
  }

  /** Whether any passage (with its heading) or any title holds the term. */
  inLibrary(term: string): boolean {
    return Boolean(
      internalsOf(this.#passages).postings(term)?.size || internalsOf(this.#titles, "title").postings(term)?.size,
    );
  }

  /**
   * The terms of the passages and titles, and those only a removed article held until they are read or
   * MiniSearch vacuums them: a term's postings (documentFrequency) say whether a live document holds it.
   */
  *terms(): Iterable<string> {
    yield* internalsOf(this.#passages).terms();
    yield* internalsOf(this.#titles, "title").terms();
  }

  /** BM25's inverse document frequency of a term over passages. */
  idf(term: string): number {
    return bm25Idf(Math.max(this.#passages.documentCount, 1), this.documentFrequency(term));
  }

  /** The indexes as bytes (see snapshot.ts). */
  toSnapshots(): { passages: MiniSearch<IndexedPassage>; titles: MiniSearch<IndexedTitle> } {
    return { passages: this.#passages, titles: this.#titles };
  }

  static fromIndexes(passages: MiniSearch<IndexedPassage>, titles: MiniSearch<IndexedTitle>): PassageIndex {
    return new PassageIndex(passages, titles);
  }
}

/** BM25's inverse document frequency, as MiniSearch computes it. */
function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * MiniSearch keeps its terms in a radix tree whose nodes scan their children one by one. Japanese terms
 * share few prefixes, so the root has thousands of children and every insertion scans them: building or
 * loading livedoor's 68,000 terms took 2.8 s in that tree alone. shiori never searches by prefix or
 * fuzzily, so a hash map serves: same `get`/`set`/`has`/`delete`/iteration, plus SearchableMap's `fetch`.
 */
export class TermMap<V extends object> extends Map<string, V> {
  fetch(key: string, initial: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = initial();
      this.set(key, value);
    }
    return value;
  }
  atPrefix(): never {
    throw new Error("search: prefix search is not available (the index keeps terms in a hash map)");
  }
  fuzzyGet(): never {
    throw new Error("search: fuzzy search is not available (the index keeps terms in a hash map)");
  }
}

/**
 * The term store of an index loaded from a snapshot: a term holds, until it is first read, only its
 * offset in the snapshot (a number where other terms hold their data). A query reads a handful of
 * livedoor's 190,000 terms, and one Map per term took 0.2 s to create plus its garbage collection. Only
 * loaded indexes pay for the overridden `get`; a build uses the plain TermMap.
 */
export class LazyTermMap<V extends object> extends TermMap<V> {
  /** The snapshot's integers, which unread terms point into. */
  readonly source: Int32Array;
  readonly #read: (source: Int32Array, offset: number) => V;

  /** `read(source, offset)` makes a term's data from the snapshot, on the term's first use. */
  constructor(source: Int32Array, read: (source: Int32Array, offset: number) => V) {
    super();
    this.source = source;
    this.#read = read;
  }

  /** Adds a term whose data starts at `offset` in the source, unread. */
  setUnread(term: string, offset: number): void {
    super.set(term, offset as unknown as V);
  }

  #readNow(key: string, offset: number): V {
    const data = this.#read(this.source, offset);
    super.set(key, data);
    return data;
  }

  override get(key: string): V | undefined {
    const value = super.get(key) as V | number | undefined;
    return typeof value === "number" ? this.#readNow(key, value) : value;
  }

  /** The entries as stored: a term not read yet gives its offset in the snapshot, and stays unread. */
  storedEntries(): MapIterator<[string, V | number]> {
    return super.entries() as MapIterator<[string, V | number]>;
  }

  override *entries(): MapIterator<[string, V]> {
    for (const [key, value] of super.entries() as MapIterator<[string, V | number]>) {
      yield [key, typeof value === "number" ? this.#readNow(key, value) : value];
    }
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) fn.call(thisArg, value, key, this);
  }
}

/** A new, empty MiniSearch index with a hash-map term store (by default a plain TermMap). */
export function newIndex<T>(options: Options<T>, terms: TermMap<object> = new TermMap()): MiniSearch<T> {
  const index = new MiniSearch(options);
  (index as unknown as { _index: unknown })._index = terms;
  return index;
}

export function passageIndexOptions(): Options<IndexedPassage> {
  return PASSAGE_OPTIONS;
}

export function titleIndexOptions(): Options<IndexedTitle> {
  return TITLE_OPTIONS;
}

/**
 * The parts of MiniSearch's state that its public API does not expose: postings (for document
 * frequencies and re-ranking) and field lengths. Read here and in snapshot.ts only; the minisearch
 * version is pinned, and the tests compare results with MiniSearch's own search.
 */
export interface MiniSearchInternals {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    set(term: string, data: Map<number, Map<number, number>>): void;
    delete(term: string): boolean;
    [Symbol.iterator](): Iterator<[string, Map<number, Map<number, number>>]>;
    keys(): Iterable<string>;
  };
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _storedFields: Map<number, unknown>;
}

/**
 * A removed article's documents are discarded (MiniSearch's `discard`): gone from the documents, their
 * field lengths and the document count at once, but left in the postings of their terms until MiniSearch
 * vacuums them, which it does on its own only once a tenth of the index is discarded, in the background.
 * Counted, they made a term's document frequency and IDF those of a library still holding them, and
 * MiniSearch's own search drops them from a term's postings as it meets them, counting the term's
 * documents less for the ones after: a question asked twice ranked otherwise the second time, and a
 * running bot otherwise than the same library loaded or rebuilt. So every read of a term's postings here
 * drops a discarded document's first (each term once per removal: `cleanedAt`), and the scores are those
 * of the live documents alone, whenever the vacuum comes.
 */
interface Discards {
  /** Documents discarded so far. */
  count: number;
  /** A term's data → `count` when its postings were last cleaned. */
  readonly cleanedAt: WeakMap<object, number>;
}

const discardsOf = new WeakMap<object, Discards>();

function discardsIn(index: object): Discards {
  let found = discardsOf.get(index);
  if (!found) {
    found = { count: 0, cleanedAt: new WeakMap() };
    discardsOf.set(index, found);
  }
  return found;
}

function discard<T>(index: MiniSearch<T>, id: string): void {
  discardsIn(index).count++;
  index.discard(id);
}

/** A term's postings (field id → short id → frequency), with those of discarded documents dropped. */
function liveTermData(internals: MiniSearchInternals, term: string): Map<number, Map<number, number>> | undefined {
  const data = internals._index.get(term);
  // none discarded since the last vacuum (or since the index was saved: a snapshot holds live postings only)
  if (data === undefined || internals._dirtCount === 0) return data;
  const discards = discardsIn(internals);
  if (discards.cleanedAt.get(data) === discards.count) return data;
  for (const [fieldId, postings] of data) {
    for (const shortId of postings.keys()) if (!internals._documentIds.has(shortId)) postings.delete(shortId);
    if (postings.size === 0) data.delete(fieldId);
  }
  if (data.size === 0) {
    // only removed documents held it, as MiniSearch's vacuum leaves it
    internals._index.delete(term);
    return undefined;
  }
  discards.cleanedAt.set(data, discards.count);
  return data;
}

/**
 * The sum of each field's lengths over the live documents, so that the average field length BM25 reads
 * is their exact quotient. MiniSearch keeps the average itself, adding and taking each document out
 * of it (avg·n ± length)/(n ± 1): its rounding errors made the same library score in the last digits
 * otherwise after removals, or when built in another order, and a tie was then broken otherwise.
 */
class FieldLengths {
  readonly #internals: MiniSearchInternals;
  readonly #totals: number[] = [];

  constructor(index: object) {
    this.#internals = index as MiniSearchInternals;
    for (const lengths of this.#internals._fieldLength.values()) this.#add(lengths, 1);
    this.apply();
  }

  #add(lengths: readonly number[], sign: 1 | -1): void {
    for (let f = 0; f < lengths.length; f++) this.#totals[f] = (this.#totals[f] ?? 0) + sign * (lengths[f] ?? 0);
  }

  /** A document's field lengths, if the index holds it. */
  #lengthsOf(id: string): readonly number[] | undefined {
    const shortId = this.#internals._idToShortId.get(id);
    return shortId === undefined ? undefined : this.#internals._fieldLength.get(shortId);
  }

  /** Counts documents just added, then sets the averages. */
  added(ids: readonly string[]): void {
    for (const id of ids) {
      const lengths = this.#lengthsOf(id);
      if (lengths) this.#add(lengths, 1);
    }
    this.apply();
  }

  /** Takes out a document about to be discarded (then `apply`). */
  removing(id: string): void {
    const lengths = this.#lengthsOf(id);
    if (lengths) this.#add(lengths, -1);
  }

  /** Sets MiniSearch's averages to the totals over the document count. */
  apply(): void {
    const count = this.#internals._documentCount;
    for (let f = 0; f < this.#totals.length; f++)
      this.#internals._avgFieldLength[f] = count > 0 ? (this.#totals[f] as number) / count : 0;
  }
}

function internalsOf<T>(index: MiniSearch<T>, field = "text") {
  const internals = index as unknown as MiniSearchInternals;
  const fieldId = internals._fieldIds[field] ?? 0;
  return {
    postings: (term: string) => liveTermData(internals, term)?.get(fieldId),
    shortIdOf: (id: string) => internals._idToShortId.get(id),
    /** A live document's id. */
    idOf: (shortId: number) => internals._documentIds.get(shortId),
    fieldLength: (shortId: number) => internals._fieldLength.get(shortId)?.[fieldId] ?? 0,
    averageFieldLength: () => internals._avgFieldLength[fieldId] || 1,
    terms: () => internals._index.keys(),
  };
}
