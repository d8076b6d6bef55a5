import type { Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { type AnswerOptions, answerQuestion, highlightsOf, sourceOf } from "./answer/answer.ts";
import { TitleSuggester } from "./answer/suggest.ts";
import { summarize } from "./answer/summarize.ts";
import type { Answer, PassageHit, SourceRef, Summary } from "./answer/types.ts";
import {
  type Article,
  addressKey,
  bodyBlocks,
  isHttpUrl,
  splitFrontMatter,
  withoutCredentials,
} from "./article/article.ts";
import {
  asStorageError,
  type CorpusSnapshot,
  deleteArticle,
  type FileStamp,
  fileHashOf,
  fingerprintOf,
  readCorpus,
  sameStamp,
  writeArticle,
} from "./article/store.ts";
import { UserFacingError } from "./errors.ts";
import { nextTurn } from "./give-way.ts";
import { LruCache } from "./lru.ts";
import { AnalyzePool, defaultPoolSize } from "./search/analyze-pool.ts";
import { type IndexedPassage, PassageIndex, TERM_SEPARATOR } from "./search/index.ts";
import {
  articleIdOf,
  cutPassages,
  type Passage,
  PassageTable,
  soundSpans,
  spansOf,
  splitPassages,
} from "./search/passages.ts";
import { type IndexedArticle, indexPath, readSavedIndex, type SavedIndex, writeSavedIndex } from "./search/persist.ts";
import { analyze, analyzeTerms, queryOf, type Token, type Vocabulary, wordsOf, writesInOrder } from "./text/analyze.ts";
import { readLoanwords } from "./text/hiragana-loanwords.ts";
import { KatakanaSpellings, LatinSpellings } from "./text/loanwords.ts";
import { loadTokenizer, type Tokenizer } from "./text/tokenizer.ts";

export interface EngineOptions {
  /** The corpus folder: one `<id>.md` per article. */
  readonly corpusDir: string;
  /** kuromoji's dictionary folder; the one shipped with kuromoji by default. */
  readonly dictionaryPath?: string;
  /** Where the index is saved; `<corpusDir>/.index/index.bin` by default. `false`: never saved. */
  readonly indexFile?: string | false;
  /** Receives one event per notable step (load, rebuild, save). */
  readonly log?: (event: string, fields: Record<string, unknown>) => void;
  /** Threads that analyse articles when many are indexed at once (default: one per core, at most 4). */
  readonly workers?: number;
  /** Index with worker threads from this many passages on (default 5,000): a pool costs ~1 s to start. */
  readonly parallelFrom?: number;
}

const PARALLEL_FROM_PASSAGES = 5_000;
/** Search results paged through at most. */
const MAX_SEARCH_RESULTS = 500;
/** An article being added gives the event loop back after analysing this many characters (~20 ms). */
const YIELD_EVERY_CHARACTERS = 4_000;
/** Articles handed to a worker at a time. */
const POOL_BATCH = 40;

/**
 * The characters of the texts (questions, passages) whose analysis is kept: 2,000 passages of 300, about
 * 50 MB (livedoor's passages analyse to some 80 bytes of tokens a character). Counted in characters, not
 * texts: 2,000 questions of 6,000 characters (Discord's limit) kept about 1 GB.
 */
const ANALYSIS_CACHE_CHARACTERS = 600_000;
/** Passages read for words written one after another (see Vocabulary.adjacent). */
const ADJACENT_SCAN = 200;

/** How the index came to be when the engine opened. */
export type IndexOrigin = "loaded" | "repaired" | "built";

export interface EngineStats {
  readonly articles: number;
  readonly passages: number;
  readonly indexOrigin: IndexOrigin;
  /** Milliseconds to open: dictionary, corpus, index. */
  readonly openMs: number;
  readonly indexedAt: Date;
  /**
   * Whether the saved index holds what the engine does: false after a save failed (a full disk, a
   * read-only corpus), until one succeeds. The next start-up then rebuilds or repairs it from the files.
   */
  readonly indexSaved: boolean;
}

/** A bulk store (Engine.putAll) stopped by a file it could not write: the `stored` before it are stored. */
export class PartlyStoredError extends Error {
  override readonly name = "PartlyStoredError";
  /** The articles stored before the failure, in order. */
  readonly stored: number;
  constructor(stored: number, cause: unknown) {
    super(`stored ${stored} articles, then: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.stored = stored;
  }
}

export interface SearchPage {
  readonly query: string;
  readonly terms: readonly string[];
  readonly hits: readonly PassageHit[];
  readonly page: number;
  readonly pageCount: number;
  /** Rank of the first hit of this page, counting from 1. */
  readonly firstRank: number;
  /** Results found: the articles (or passages) among the best MAX_SEARCH_RESULTS passages. */
  readonly total: number;
  /** Whether more passages matched than were ranked, so that `total` is a floor: more may match. */
  readonly more?: boolean;
}

/** Articles per page of search results, in /search and in the terminal alike. */
export const SEARCH_PAGE_SIZE = 5;
/** Hits per article in search results: a page lists matching articles, each with its best passage. */
export const SEARCH_HITS_PER_ARTICLE = 1;

/**
 * The search engine over one corpus folder: holds the tokenizer, the articles, their passages and the
 * MiniSearch index, answers questions and keeps the index in step with the folder.
 */
export class Engine {
  readonly #tokenizer: Tokenizer;
  readonly #corpusDir: string;
  readonly #indexFile: string | false;
  readonly #log: NonNullable<EngineOptions["log"]>;
  readonly #articles = new Map<string, Article>();
  readonly #passages = new PassageTable();
  readonly #indexed = new Map<string, IndexedArticle>();
  #index = new PassageIndex();
  readonly #workers: number;
  readonly #parallelFrom: number;
  readonly #dictionaryPath: string | undefined;
  /** The figures of the last open and save; the counts and indexSaved are read when asked (see stats). */
  #stats: Omit<EngineStats, "indexSaved">;
  /** See EngineStats.indexSaved. */
  #indexSaved = true;
  /** Analyses of recent questions and passages: a repeated question costs no tokenizing. */
  readonly #analysis = new LruCache<string, Token[]>(ANALYSIS_CACHE_CHARACTERS, (text) => Math.max(1, text.length));
  /** What respelling a question asks of the library, for answers and searches alike. */
  readonly #vocabulary: Vocabulary = {
    known: (term) => this.#index.documentFrequency(term) > 0,
    together: (terms) => this.#index.together(terms),
    adjacent: (words, terms) => {
      const written = writesInOrder(words);
      return this.#index.holdingAll(terms, ADJACENT_SCAN).some((id) => written(this.#passages.get(id)?.text ?? ""));
    },
    latinSpelling: (katakana) => {
      this.#latinSpellings ??= new LatinSpellings(this.#index.terms());
      return this.#latinSpellings.of(katakana, (term) => this.#index.documentFrequency(term));
    },
    katakanaSpelling: (katakana) => {
      this.#katakanaSpellings ??= new KatakanaSpellings(this.#index.terms());
      return this.#katakanaSpellings.of(katakana, (term) => this.#index.documentFrequency(term));
    },
  };
  /** The library's words of Latin letters by how they sound, built on first use (see #articlesChanged). */
  #latinSpellings: LatinSpellings | undefined;
  /** The library's katakana words by how they sound but for voicing, built on first use (see #articlesChanged). */
  #katakanaSpellings: KatakanaSpellings | undefined;
  /** Title suggestions, built on first use (see #articlesChanged). */
  #suggester: TitleSuggester | undefined;
  /** The articles as list() gives them, sorted on first use (see #articlesChanged). */
  #listed: SourceRef[] | undefined;
  /** Writes run one after another. */
  #writes: Promise<unknown> = Promise.resolve();
  /** Whether the corpus folder has been there (see #folderToWrite): a new library's is made by its first write. */
  #folderWasThere = false;
  /** The folder the articles held were read from, as device and inode (see #folderIsThere). */
  #folderIdentity: string | null = null;

  private constructor(tokenizer: Tokenizer, options: EngineOptions) {
    this.#tokenizer = tokenizer;
    this.#corpusDir = options.corpusDir;
    this.#indexFile = options.indexFile ?? indexPath(options.corpusDir);
    this.#log = options.log ?? (() => {});
    this.#workers = Math.max(1, options.workers ?? defaultPoolSize());
    this.#parallelFrom = options.parallelFrom ?? PARALLEL_FROM_PASSAGES;
    this.#dictionaryPath = options.dictionaryPath;
    this.#stats = { articles: 0, passages: 0, indexOrigin: "built", openMs: 0, indexedAt: new Date() };
  }

  /**
   * Opens a corpus: loads the dictionary, reads the articles, and loads the saved index when it matches
   * the corpus, repairs it when some articles changed, or builds it.
   */
  static async open(options: EngineOptions): Promise<Engine> {
    const started = performance.now();
    // The dictionary is mostly unzipped on libuv's threads: the saved index and the corpus are read meanwhile.
    const [tokenizer, stored] = await Promise.all([
      loadTokenizer(options.dictionaryPath),
      readStored(options.corpusDir, options.indexFile ?? indexPath(options.corpusDir), options.log),
    ]);
    const engine = new Engine(tokenizer, options);
    engine.#folderIdentity = await stat(options.corpusDir).then(identityOf, () => null);
    engine.#folderWasThere = engine.#folderIdentity !== null;
    const origin = await engine.#load(stored);
    const { filesRead } = stored.corpus;
    engine.#stats = {
      articles: engine.#articles.size,
      passages: engine.#passages.size,
      indexOrigin: origin,
      openMs: Math.round(performance.now() - started),
      // an index loaded as it was saved changed when it was last indexed, not at this start
      indexedAt: origin === "loaded" ? (stored.saved?.indexedAt ?? engine.#stats.indexedAt) : engine.#stats.indexedAt,
    };
    engine.#log("engine.open", { corpusDir: options.corpusDir, ...engine.stats, filesRead });
    return engine;
  }

  get stats(): EngineStats {
    return {
      ...this.#stats,
      articles: this.#articles.size,
      passages: this.#passages.size,
      indexSaved: this.#indexSaved,
    };
  }

  get tokenizer(): Tokenizer {
    return this.#tokenizer;
  }

  /** Answers a question: key points, the passages they come from, and the articles to cite. */
  ask(question: string, options: AnswerOptions = {}): Answer {
    return answerQuestion(
      {
        analyze: (text) => this.#analysisOf(text),
        search: (terms) => this.#index.search(terms),
        termsIn: (id, terms) => this.#index.termsIn(id, terms),
        inLibrary: (term) => this.#index.inLibrary(term),
        idf: (term) => this.idf(term),
        ...this.#vocabulary,
        passage: (id) => this.#passages.get(id),
        article: (id) => this.#articles.get(id),
        suggest: (question) => {
          this.#suggester ??= new TitleSuggester(this.#articles.values());
          return this.#suggester.suggest(question);
        },
      },
      question,
      options,
    );
  }

  /** The analysis of a text, from the cache when it was analysed lately. */
  #analysisOf(text: string): Token[] {
    return this.#analysis.getOrSet(text, () => analyze(this.#tokenizer, text));
  }

  /**
   * Passages matching a query, best first, a page at a time. `perArticle` keeps only an article's best
   * passages (1: one hit per article, as /search shows them).
   */
  search(query: string, options: { page?: number; pageSize?: number; perArticle?: number } = {}): SearchPage {
    const pageSize = Math.max(1, options.pageSize ?? 5);
    // loanwords typed in hiragana, read as the library writes them (see readLoanwords)
    const analyze = (text: string) => this.#analysisOf(text);
    const read = readLoanwords(query, analyze(query), analyze, { ...this.#vocabulary, idf: (term) => this.idf(term) });
    const { tokens, searchTerms } = queryOf(this.#analysisOf(read), this.#vocabulary, read);
    const terms = wordsOf(tokens);
    // one more than is ranked, to tell whether more matched
    let results = this.#index.search(searchTerms, MAX_SEARCH_RESULTS + 1);
    const more = results.length > MAX_SEARCH_RESULTS;
    results = results.slice(0, MAX_SEARCH_RESULTS);
    const perArticle = options.perArticle;
    if (perArticle !== undefined && perArticle > 0) {
      // At most `perArticle` passages of each article, the best ones: a page of articles, not of one article.
      const seen = new Map<string, number>();
      results = results.filter((r) => {
        const articleId = articleIdOf(r.id);
        const n = seen.get(articleId) ?? 0;
        seen.set(articleId, n + 1);
        return n < perArticle;
      });
    }
    const pageCount = Math.max(1, Math.ceil(results.length / pageSize));
    const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pageCount);
    const weights = new Set(terms);
    const hits: PassageHit[] = [];
    for (const result of results.slice((page - 1) * pageSize, page * pageSize)) {
      const passage = this.#passages.get(String(result.id));
      const article = passage && this.#articles.get(passage.articleId);
      if (!passage || !article) continue;
      const highlights = highlightsOf(this.#analysisOf(passage.text), weights);
      hits.push({
        ...sourceOf(article),
        passageId: passage.id,
        text: passage.text,
        start: passage.start,
        end: passage.end,
        heading: passage.heading,
        highlights,
        score: result.score,
      });
    }
    return { query, terms, hits, page, pageCount, firstRank: (page - 1) * pageSize + 1, total: results.length, more };
  }

  /** An article's key points. `idOrUrl` is an article id or its source URL. */
  summary(idOrUrl: string, options: { points?: number } = {}): Summary {
    const article = this.find(idOrUrl);
    if (!article) {
      throw new UserFacingError(
        "指定された記事が見つかりませんでした。記事の一覧で ID を確かめてください。",
        `summary: no article ${JSON.stringify(withoutCredentials(idOrUrl))}`,
      );
    }
    const points = summarize(this.#tokenizer, article, {
      idf: (t) => this.idf(t),
      ...(options.points === undefined ? {} : { points: options.points }),
    });
    return {
      ...sourceOf(article),
      author: article.author,
      points,
      passageCount: this.passagesOf(article.id).length,
      characters: bodyBlocks(article.body).reduce((n, b) => n + b.text.length, 0),
    };
  }

  /** An article by id or by source URL, written as stored or as the same page otherwise (see addressKey). */
  find(idOrUrl: string): Article | undefined {
    const key = idOrUrl.trim();
    const byId = this.#articles.get(key);
    if (byId) return byId;
    for (const article of this.#articles.values()) if (article.url && article.url === key) return article;
    // the same page written otherwise (「www.」, a trailing slash, the host in capitals), as an add
    // would find it a duplicate (sameAddress)
    if (!isHttpUrl(key)) return undefined;
    const address = addressKey(key);
    for (const article of this.#articles.values())
      if (article.url && addressKey(article.url) === address) return article;
    return undefined;
  }

  /**
   * All articles, newest first: by publication time, or by when they were added for those without one.
   * Compared as instants: 2024-01-01T08:00:00+09:00 is older than 2024-01-01T00:00:00Z.
   */
  list(): SourceRef[] {
    // Sorted once per change of the articles, not at each call: every keystroke in an article box asks for
    // it (autocomplete), and sorting livedoor's 7,358 articles took the bot's thread 55 ms each time.
    if (!this.#listed) {
      const time = (a: Article) => Date.parse(a.publishedAt ?? a.addedAt) || 0;
      const timed = [...this.#articles.values()].map((a) => ({ a, t: time(a) }));
      this.#listed = timed.sort((x, y) => y.t - x.t).map(({ a }) => sourceOf(a));
    }
    return [...this.#listed];
  }

  article(id: string): Article | undefined {
    return this.#articles.get(id);
  }

  passagesOf(articleId: string): Passage[] {
    return this.#passages.of(articleId);
  }

  /** BM25's inverse document frequency of a term over passages. */
  idf(term: string): number {
    return this.#index.idf(term);
  }

  /**
   * Stores an article: writes its file atomically, then indexes it and saves the index. An article with
   * the same id is replaced. Writes are serialized.
   */
  put(article: Article): Promise<void> {
    return this.#serialized(async () => {
      await this.#store(article);
      this.#log("engine.put", { id: article.id, passages: this.#indexed.get(article.id)?.passages ?? 0 });
    });
  }

  /**
   * Replaces an article that is still in the corpus (a refetch), unless another stored article is the same
   * as `isSame` judges (its page now another's): the check and the write are one serialized step, as in
   * `add`. Returns "replaced"; "removed", doing nothing, when the article was removed in the meantime (a
   * refetch finishing after a remove must not bring it back); or the other article, doing nothing.
   */
  replace(
    article: Article,
    isSame: (stored: Article, replacing: Article) => boolean = () => false,
  ): Promise<"replaced" | "removed" | Article> {
    return this.#serialized(async () => {
      if (!this.#articles.has(article.id)) return "removed";
      for (const stored of this.#articles.values())
        if (stored.id !== article.id && isSame(stored, article)) return stored;
      await this.#store(article);
      this.#log("engine.replace", { id: article.id, passages: this.#indexed.get(article.id)?.passages ?? 0 });
      return "replaced";
    });
  }

  /**
   * Stores a new article unless the corpus already holds the same one, as `isSame` judges (same URL,
   * same text): the check and the write are one serialized step, so two concurrent adds of one page
   * store it once. Returns the article already stored, or undefined when `article` was stored.
   */
  add(article: Article, isSame: (stored: Article, added: Article) => boolean): Promise<Article | undefined> {
    return this.#serialized(async () => {
      for (const stored of this.#articles.values()) if (isSame(stored, article)) return stored;
      await this.#store(article);
      this.#log("engine.add", { id: article.id, passages: this.#indexed.get(article.id)?.passages ?? 0 });
      return undefined;
    });
  }

  /**
   * Analyses an article a slice at a time, giving the event loop back between slices (a 5 MB article
   * must not hold up every other member's question), then writes its file and swaps it into the index
   * in one synchronous step, and saves the index. Runs inside #serialized.
   */
  async #store(article: Article): Promise<void> {
    const passages = splitPassages(article);
    const analysed = await this.#analyseGivingWay(article, passages, { since: 0 });
    await this.#folderToWrite()
      .then(() => writeArticle(this.#corpusDir, article))
      .catch((err: unknown) => {
        throw asStorageError(err, "記事を保存できませんでした。記事は追加も更新もされていません。");
      });
    this.#unindex(article.id);
    // Just written, so not settled: the next start-up reads the file again (see FileStamp).
    this.#addAnalysed(article, { fileHash: fileHashOf(article), stamp: null }, passages, analysed);
    await this.#saveAfterChange();
  }

  /**
   * Analyses an article on this thread, giving the event loop back every YIELD_EVERY_CHARACTERS analysed
   * (counted in `analysed`, which a caller analysing many articles shares between them), so that members'
   * questions are answered meanwhile.
   */
  async #analyseGivingWay(
    article: Article,
    passages: readonly Passage[],
    analysed: { since: number },
  ): Promise<AnalysedArticle> {
    const terms: string[] = [];
    for (const text of textsOf(article, passages)) {
      terms.push(analyzeTerms(this.#tokenizer, text).join(TERM_SEPARATOR));
      analysed.since += text.length;
      if (analysed.since > YIELD_EVERY_CHARACTERS) {
        analysed.since = 0;
        await nextTurn();
      }
    }
    return fromTexts(passages, terms);
  }

  /**
   * Stores many articles (bulk import): writes every file, indexes them, and saves the index once.
   * `progress` is called after each article with the number done. When a file cannot be written (a full
   * disk), the ones written before it are indexed all the same, so that the engine holds what the folder
   * does, and a PartlyStoredError says how many.
   */
  putAll(articles: readonly Article[], progress?: (done: number) => void, signal?: AbortSignal): Promise<number> {
    return this.#serialized(async () => {
      let written = 0;
      let failure: unknown = null;
      for (const article of articles) {
        // stopped (Ctrl-C in an import): the articles written so far are indexed and saved, no other is written
        if (signal?.aborted) break;
        try {
          await this.#folderToWrite();
          await writeArticle(this.#corpusDir, article);
        } catch (err) {
          failure = err;
          break;
        }
        written++;
      }
      const stored = articles.slice(0, written);
      for (const article of stored) this.#unindex(article.id);
      await this.#indexMany(
        stored.map((article) => ({ article, fileHash: fileHashOf(article), stamp: null })),
        progress,
      );
      if (stored.length) await this.#saveAfterChange();
      this.#log("engine.putAll", { articles: stored.length, of: articles.length });
      if (failure !== null) throw new PartlyStoredError(stored.length, failure);
      return stored.length;
    });
  }

  /** Removes an article's file and its index entries. Returns false when there was no such article. */
  remove(id: string): Promise<boolean> {
    return this.#serialized(async () => {
      if (!this.#articles.has(id)) return false;
      await this.#folderToWrite()
        .then(() => deleteArticle(this.#corpusDir, id))
        .catch((err: unknown) => {
          throw asStorageError(err, "記事のファイルを削除できませんでした。記事は残っています。");
        });
      this.#unindex(id);
      await this.#saveAfterChange();
      this.#log("engine.remove", { id });
      return true;
    });
  }

  /**
   * Takes in what changed in the corpus folder since this engine read it: articles another process added,
   * replaced or removed there (the CLI while the bot runs), or a file edited by hand. Files whose stamp is
   * unchanged are not read again. Serialized with the writes, so a duplicate check after it sees the
   * folder as it is; the analysis gives the event loop back as it goes, so that questions are answered
   * meanwhile (an import of livedoor's 7,367 files takes about a minute to take in). `signal` stops it
   * between two articles (shutting down): what it took in stays, and the next sync or start-up takes in
   * the rest. A folder that is gone throws a CorpusFolderMissing, leaving the engine as it was.
   *
   * A file that cannot be read as an article (a title edited by hand into invalid YAML, an editor's half
   * saved file) does not hold up the other changes: its article stays as this engine holds it, answerable
   * and in the saved index with the hash and stamp of the file it was read from, or, a new file, is left
   * out; the result says which (`unreadable`), and the sync after it is mended takes it in. The next
   * start-up reads the file again (its stamp differs from the saved one) and stops on it, as it does on any
   * malformed file, rather than serving the old version or dropping the article unsaid.
   */
  sync(signal?: AbortSignal): Promise<SyncResult> {
    return this.#serialized(async () => {
      await this.#folderIsThere();
      const corpus = await readCorpus(
        this.#corpusDir,
        {
          unchanged: (id, stamp) => {
            const entry = this.#indexed.get(id);
            const article = this.#articles.get(id);
            return entry && article && sameStamp(entry.stamp, stamp)
              ? { article, fileHash: entry.fileHash }
              : undefined;
          },
        },
        // another process's temporary file is its own, whatever its pid reads as here (a container's)
        { removeStaleTemps: false, giveWayEvery: SYNC_GIVE_WAY_FILES, missingThrows: true, skipUnreadable: true },
      ).catch((err: NodeJS.ErrnoException) => {
        throw err.code === "ENOENT" ? new CorpusFolderMissing(this.#corpusDir, err.code) : err;
      });
      // a folder being deleted (rm -r empties it first) is no folder of fewer articles
      await this.#folderIsThere();
      const unreadable = [...corpus.unreadable].map(([id, err]) => ({
        id,
        file: err.file,
        reason: err.reason,
        kept: this.#articles.has(id),
      }));
      const result = { added: 0, replaced: 0, removed: 0, unreadable };
      for (const id of [...this.#articles.keys()]) {
        // an unreadable file is still there: its article stays as this engine holds it
        if (corpus.files.has(id) || corpus.unreadable.has(id)) continue;
        this.#unindex(id);
        result.removed++;
      }
      const analysed = { since: 0 };
      for (const article of corpus.articles) {
        const file = { fileHash: corpus.files.get(article.id) as string, stamp: corpus.stamps.get(article.id) ?? null };
        const entry = this.#indexed.get(article.id);
        if (entry?.fileHash === file.fileHash) {
          // read and found unchanged (this engine's own write, say): its stamp spares reading it next time
          if (file.stamp && !sameStamp(file.stamp, entry.stamp))
            this.#indexed.set(article.id, { ...entry, stamp: file.stamp });
          continue;
        }
        if (signal?.aborted) break;
        const passages = splitPassages(article);
        const analysis = await this.#analyseGivingWay(article, passages, analysed);
        if (entry) {
          this.#unindex(article.id);
          result.replaced++;
        } else result.added++;
        this.#addAnalysed(article, file, passages, analysis);
      }
      if (result.added + result.replaced + result.removed > 0) {
        await this.#saveAfterChange();
        this.#log("engine.sync", {
          ...result,
          unreadable: unreadable.length,
          filesRead: corpus.filesRead,
          stopped: signal?.aborted ?? false,
        });
      }
      return result;
    });
  }

  /**
   * Throws CorpusFolderMissing unless the corpus folder is there, and is the folder the articles held came
   * from. Another folder at its path that holds none of them (a mount lost leaves its empty mount point; a
   * folder moved away and made again) is none: taken in, it dropped every article, and the folder's own
   * files came back only when a sync read them all again. One that holds any (a backup restored, a copy)
   * is the library's, and is taken in.
   */
  async #folderIsThere(): Promise<void> {
    const found = await stat(this.#corpusDir).catch((err: NodeJS.ErrnoException) => {
      throw new CorpusFolderMissing(this.#corpusDir, err.code ?? "ENOENT");
    });
    if (!found.isDirectory()) throw new CorpusFolderMissing(this.#corpusDir, "ENOTDIR");
    const identity = identityOf(found);
    if (identity === this.#folderIdentity) return;
    if (this.#folderIdentity !== null && this.#articles.size > 0) {
      const names = await readdir(this.#corpusDir).catch(() => [] as string[]);
      if (!names.some((name) => name.endsWith(".md") && this.#articles.has(name.slice(0, -3)))) {
        throw new CorpusFolderMissing(this.#corpusDir, "EREPLACED");
      }
    }
    this.#folderIdentity = identity;
  }

  /**
   * Throws ENOENT (or ENOTDIR) before a write when the corpus folder has gone since it was there. A write
   * made while it is gone (moved away, a mount lost) made it again, empty but for that article or the
   * saved index: the next sync took that for the library and dropped every other article, and the folder
   * could no longer be moved back. A removal then would not have stood either: the file is in the folder
   * moved away. A folder not there when the engine opened is a new library, made by its first write.
   */
  async #folderToWrite(): Promise<void> {
    if (!this.#folderWasThere) {
      this.#folderWasThere = true;
      return;
    }
    await this.#folderIsThere().catch((err: unknown) => {
      if (!(err instanceof CorpusFolderMissing)) throw err;
      // said as a file system would (see asStorageError): a folder replaced is the library's folder gone
      throw Object.assign(new Error(err.detail ?? err.message), {
        code: err.code === "ENOTDIR" ? "ENOTDIR" : "ENOENT",
      });
    });
  }

  /** Waits for the writes in flight. */
  async idle(): Promise<void> {
    await this.#writes.catch(() => {});
  }

  #serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#writes.then(work, work);
    this.#writes = run.catch(() => {});
    return run;
  }

  async #load({ saved, corpus }: Stored): Promise<IndexOrigin> {
    for (const article of corpus.articles) this.#articles.set(article.id, article);
    const fileOf = (article: Article): FileOf => ({
      fileHash: corpus.files.get(article.id) as string,
      stamp: corpus.stamps.get(article.id) ?? null,
    });
    if (saved) {
      this.#index = saved.index;
      for (const [id, entry] of saved.articles) this.#indexed.set(id, entry);
      let changed = 0;
      for (const id of [...this.#indexed.keys()]) {
        if (corpus.files.get(id) !== this.#indexed.get(id)?.fileHash) {
          this.#unindex(id, { keepArticle: true });
          changed++;
        }
      }
      // An unchanged article's passages are where they were when it was indexed (the index file keeps
      // their spans); only changed articles are analysed again.
      const stale: ({ article: Article } & FileOf)[] = [];
      let restamped = 0;
      for (const article of corpus.articles) {
        const file = fileOf(article);
        const entry = this.#indexed.get(article.id);
        // (The file hashes as it did then, so the body is the same.)
        const spans = entry && (saved.spansOf(article.id) ?? cutPassages(article));
        if (entry && spans && soundSpans(spans, entry.passages, article.body.length)) {
          this.#passages.set(article, spans);
          // Read and found unchanged: its new stamp spares the next start-up reading it.
          if (file.stamp && !sameStamp(file.stamp, entry.stamp)) {
            this.#indexed.set(article.id, { ...entry, stamp: file.stamp });
            restamped++;
          }
        } else {
          // Not indexed, or cut into other passages than when it was indexed, or from another body (a
          // change of splitting or parsing rules that INDEX_VERSION missed: a file with Windows line ends
          // read anew was shorter than the body its spans were cut from): analysed again.
          if (entry) this.#unindex(article.id, { keepArticle: true });
          stale.push({ article, ...file });
        }
      }
      await this.#indexMany(stale);
      changed += stale.length;
      if (changed === 0 && saved.fingerprint === corpus.fingerprint) {
        if (restamped === 0) return "loaded";
        // Only spares the next start-up some reading: a corpus that cannot be written (a read-only
        // mount, a full disk) still opens.
        this.#log("engine.restamp", { articles: restamped });
        await this.#save({ changed: false, indexedAt: saved.indexedAt }).catch((err: unknown) =>
          this.#log("engine.restamp.failed", { error: (err as Error).message }),
        );
        return "loaded";
      }
      this.#log("engine.repair", { changedArticles: changed, restamped });
      await this.#saveAfterChange();
      return "repaired";
    }
    const started = performance.now();
    await this.#indexMany(corpus.articles.map((article) => ({ article, ...fileOf(article) })));
    this.#log("engine.build", { articles: corpus.articles.length, ms: Math.round(performance.now() - started) });
    // No article, nothing to cache: a folder given by mistake (`shiori list --corpus .` in a project, a home
    // folder) is left as it was found, without a .index folder of an empty index in it.
    if (corpus.articles.length === 0) return "built";
    await this.#saveAfterChange();
    return "built";
  }

  /** Indexes articles, on worker threads when there are many passages. */
  async #indexMany(items: readonly ({ article: Article } & FileOf)[], progress?: (done: number) => void) {
    const prepared = items.map((item) => ({ ...item, passages: splitPassages(item.article) }));
    const passageCount = prepared.reduce((n, p) => n + p.passages.length, 0);
    if (this.#workers < 2 || passageCount < this.#parallelFrom) {
      let done = 0;
      for (const { article, passages, ...file } of prepared) {
        this.#addAnalysed(article, file, passages, analyzeArticle(this.#tokenizer, article, passages));
        progress?.(++done);
      }
      return;
    }
    const started = performance.now();
    // This thread is one of the analysing threads: it adds each batch to MiniSearch in order, and when the
    // next batch is not back from the workers yet it analyses the next one not sent itself. Three busy
    // threads on two cores took up to 22 % more CPU time than two for the same work.
    const pool = await AnalyzePool.start(this.#workers - 1, this.#dictionaryPath);
    let batchesByThisThread = 0;
    try {
      const batches: (typeof prepared)[] = [];
      for (let i = 0; i < prepared.length; i += POOL_BATCH) batches.push(prepared.slice(i, i + POOL_BATCH));
      const textsOfBatch = (batch: typeof prepared) =>
        batch.flatMap(({ article, passages }) => textsOf(article, passages));
      const analyseHere = (batch: typeof prepared) => {
        batchesByThisThread++;
        return textsOfBatch(batch).map((text) => analyzeTerms(this.#tokenizer, text).join(TERM_SEPARATOR));
      };
      const results: (string[] | Promise<string[]> | undefined)[] = new Array(batches.length);
      let sent = 0;
      let inFlight = 0;
      const send = () => {
        while (sent < batches.length && inFlight < 2 * pool.size) {
          const b = sent++;
          const promise = pool.analyze(textsOfBatch(batches[b] as typeof prepared));
          results[b] = promise;
          inFlight++;
          promise.then(
            (terms) => {
              results[b] = terms;
              inFlight--;
            },
            () => inFlight--,
          );
        }
      };
      send();
      let done = 0;
      for (const [b, batch] of batches.entries()) {
        // Messages from the workers arrive only when this thread yields.
        await nextTurn();
        while (!Array.isArray(results[b]) && sent < batches.length && sent > b) {
          const mine = sent++;
          results[mine] = analyseHere(batches[mine] as typeof prepared);
          await nextTurn();
        }
        if (results[b] === undefined) {
          // Not sent yet (every earlier batch was back): this thread analyses it.
          sent = Math.max(sent, b + 1);
          results[b] = analyseHere(batch);
        }
        const terms = await (results[b] as string[] | Promise<string[]>);
        results[b] = undefined;
        send();
        let at = 0;
        for (const { article, passages, ...file } of batch) {
          const count = 1 + passages.length + headingsOf(passages).length;
          this.#addAnalysed(article, file, passages, fromTexts(passages, terms.slice(at, at + count)));
          at += count;
          progress?.(++done);
        }
      }
    } finally {
      await pool.close();
    }
    this.#log("engine.index", {
      articles: items.length,
      passages: passageCount,
      workers: this.#workers,
      batchesByThisThread,
      ms: Math.round(performance.now() - started),
    });
  }

  #addAnalysed(article: Article, file: FileOf, passages: readonly Passage[], analysed: AnalysedArticle): void {
    this.#index.addArticle(article.id, analysed.title, analysed.passages);
    this.#articlesChanged();
    this.#passages.set(article, spansOf(passages));
    this.#articles.set(article.id, article);
    const { body: _body, ...meta } = article;
    this.#indexed.set(article.id, { fileHash: file.fileHash, passages: passages.length, meta, stamp: file.stamp });
  }

  /** Drops what is derived from the articles and their index, to be made again on first use. */
  #articlesChanged(): void {
    this.#suggester = undefined;
    this.#latinSpellings = undefined;
    this.#katakanaSpellings = undefined;
    this.#listed = undefined;
  }

  #unindex(id: string, options: { keepArticle?: boolean } = {}): void {
    this.#articlesChanged();
    const entry = this.#indexed.get(id);
    if (entry) {
      this.#index.removeArticle(id, entry.passages);
      this.#passages.delete(id);
      this.#indexed.delete(id);
    }
    if (!options.keepArticle) this.#articles.delete(id);
  }

  /**
   * Saves the index after the corpus folder changed (or was read): the folder is the state and the saved
   * index a cache of it, so a save that fails (a full disk, a read-only mount) leaves the change standing
   * and reported as done. The next start-up finds the saved index behind the folder and repairs it.
   */
  async #saveAfterChange(): Promise<void> {
    await this.#save().then(
      () => {
        this.#indexSaved = true;
      },
      (err: unknown) => {
        this.#indexSaved = false;
        this.#log("engine.save.failed", { error: (err as Error).message });
      },
    );
  }

  /**
   * Writes the saved index. A save after a change records the change's time (see SavedIndex.indexedAt);
   * one that only records new file stamps keeps `indexedAt`, the time the index it loaded had.
   */
  async #save(options: { changed: boolean; indexedAt?: Date | undefined } = { changed: true }): Promise<void> {
    const indexedAt = options.changed ? new Date() : (options.indexedAt ?? this.#stats.indexedAt);
    this.#stats = { ...this.#stats, indexedAt };
    if (!this.#indexFile) return;
    const files = new Map([...this.#indexed].map(([id, e]) => [id, e.fileHash]));
    const started = performance.now();
    await writeSavedIndex(this.#indexFile, {
      index: this.#index,
      articles: this.#indexed,
      fingerprint: fingerprintOf(files),
      bodyOf: (id) => this.#articles.get(id)?.body,
      spansOf: (id) => this.#passages.spansOf(id),
      indexedAt,
    });
    this.#log("engine.save", { ms: Math.round(performance.now() - started) });
  }
}

/** Files read by `Engine.sync` between two turns given back to the event loop (parsing is synchronous). */
const SYNC_GIVE_WAY_FILES = 200;

/**
 * The corpus folder is gone (deleted, moved, or replaced by a file) while the engine runs, or another
 * folder holding none of its articles stands in its place (`EREPLACED`: an empty mount point).
 */
export class CorpusFolderMissing extends UserFacingError {
  readonly code: string;
  constructor(dir: string, code: string) {
    super(
      code === "EREPLACED"
        ? `コーパスのフォルダ ${dir} が、読み込み済みの記事を 1 件も含まない別のフォルダに置き換わっています（マウントが外れた、作り直された、など）。元のフォルダを戻してください。戻るまで、ボットは読み込み済みの記事で答えます。`
        : `コーパスのフォルダ ${dir} が見つかりません（${code}）。フォルダを元に戻してください。戻るまで、ボットは読み込み済みの記事で答えます。`,
      `engine: corpus folder ${dir} is ${code === "EREPLACED" ? "another folder, holding none of its articles" : "gone"} (${code})`,
    );
    this.code = code;
  }
}

/** A folder's device and inode: a folder deleted and made again, or a mount point, is another. */
export function identityOf(found: Stats): string {
  return `${found.dev}:${found.ino}`;
}

/** What `Engine.sync` found changed in the corpus folder: articles added, replaced and removed there. */
export interface SyncResult {
  readonly added: number;
  readonly replaced: number;
  readonly removed: number;
  /** The files it could not read as articles, and left as they were (see Engine.sync). */
  readonly unreadable: readonly UnreadableFile[];
}

/** A corpus file `Engine.sync` could not read as an article. */
export interface UnreadableFile {
  /** The article id its name gives. */
  readonly id: string;
  readonly file: string;
  /** What is wrong with it, in Japanese (see CorpusFileError). */
  readonly reason: string;
  /** Whether the engine holds an article of that id, read before the file broke, and still answers with it. */
  readonly kept: boolean;
}

/** The file an article was read from: the hash of its bytes, and its stamp if it was settled (see FileStamp). */
interface FileOf {
  readonly fileHash: string;
  readonly stamp: FileStamp | null;
}

/** An article's search terms: its title's, and each passage's (with its section heading's). */
interface AnalysedArticle {
  readonly title: string;
  readonly passages: IndexedPassage[];
}

function headingsOf(passages: readonly Passage[]): string[] {
  return [...new Set(passages.flatMap((p) => (p.heading ? [p.heading] : [])))];
}

/** The texts to analyse for an article, in the order `fromTexts` reads them back. */
function textsOf(article: Article, passages: readonly Passage[]): string[] {
  return [article.title, ...headingsOf(passages), ...passages.map((p) => p.text)];
}

/** Builds the analysed article from the terms of `textsOf`'s texts. */
function fromTexts(passages: readonly Passage[], terms: readonly string[]): AnalysedArticle {
  const headings = headingsOf(passages);
  const headingTerms = new Map(headings.map((h, i) => [h, terms[1 + i] ?? ""]));
  return {
    title: terms[0] ?? "",
    passages: passages.map((p, i) => {
      const text = terms[1 + headings.length + i] ?? "";
      const heading = p.heading ? (headingTerms.get(p.heading) ?? "") : "";
      return { id: p.id, text: heading && text ? `${heading}${TERM_SEPARATOR}${text}` : heading || text };
    }),
  };
}

function analyzeArticle(tokenizer: Tokenizer, article: Article, passages: readonly Passage[]): AnalysedArticle {
  return fromTexts(
    passages,
    textsOf(article, passages).map((text) => analyzeTerms(tokenizer, text).join(TERM_SEPARATOR)),
  );
}

interface Stored {
  readonly saved: SavedIndex | null;
  readonly corpus: CorpusSnapshot;
}

/**
 * Reads the saved index, then the corpus: a file whose stamp is the one the index holds is not read (its
 * article is the index's), and a file whose bytes hash as when it was indexed needs no YAML parsing.
 */
async function readStored(corpusDir: string, indexFile: string | false, log: EngineOptions["log"]): Promise<Stored> {
  const saved = indexFile ? await readSavedIndex(indexFile, log) : null;
  const known = new Map<string, Omit<Article, "body">>();
  for (const entry of saved?.articles.values() ?? []) if (entry.meta) known.set(entry.fileHash, entry.meta);
  const corpus = await readCorpus(corpusDir, {
    unchanged: (id, stamp) => {
      const entry = saved?.articles.get(id);
      if (!entry?.meta || !sameStamp(entry.stamp, stamp)) return undefined;
      const body = saved?.bodyOf(id);
      return body === undefined ? undefined : { article: { ...entry.meta, body }, fileHash: entry.fileHash };
    },
    parsed: (hash, text) => {
      const meta = known.get(hash);
      const parts = meta && splitFrontMatter(text);
      return meta && parts ? { ...meta, body: parts.body } : undefined;
    },
  });
  return { saved, corpus };
}
