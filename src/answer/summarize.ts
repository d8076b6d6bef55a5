import { type Article, bodyBlocks } from "../article/article.ts";
import { analyze, type Token } from "../text/analyze.ts";
import { splitSentences } from "../text/sentences.ts";
import type { Tokenizer } from "../text/tokenizer.ts";

/** Key points a summary picks: 3 unless asked, from 1 to 10 (Discord's /summary offers 3 to 10). */
export const SUMMARY_POINTS = Object.freeze({ default: 3, min: 1, max: 10 });

export interface SummarizeOptions {
  /** Key points to pick (SUMMARY_POINTS: default 3, 1 to 10; others are brought within). */
  readonly points?: number;
  /** Inverse document frequency of a term across the corpus. */
  readonly idf: (term: string) => number;
}

/** PageRank damping: the share of rank passed along similarity edges rather than back to the lead. */
const DAMPING = 0.85;
const ITERATIONS = 30;
/** MMR trade-off between centrality and novelty. */
const NOVELTY = 0.7;
/** Sentences shorter than this (in characters) are not key points: 「以下の通り。」 */
const MIN_SENTENCE = 12;
/**
 * Sentences considered, from the start: LexRank compares every pair, so a 5 MB article (64,000
 * sentences) would need a 32 GB matrix. News puts its gist first; 300 sentences is a long article.
 */
export const MAX_CANDIDATE_SENTENCES = 300;
/**
 * Of a longer sentence, only the start is read for its words: text without a sentence end (a one-line .txt
 * of 1 MB separated by 、) is one sentence, which kuromoji would read again at every /summary (0.4 s a
 * time); a key point is shown within its share of an embed anyway.
 */
export const MAX_ANALYSED_SENTENCE = 1_000;
/** A sentence this similar to one already chosen repeats it. */
const MAX_SIMILARITY = 0.6;

export interface SummarySentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Extractive summary: the article's most central sentences (LexRank: PageRank over the tf-idf cosine
 * similarity of sentences) with a lead bias (random jumps land on early sentences more, as news puts
 * the gist first), redundancy removed (MMR), shown in the article's order. Only body paragraphs count:
 * headings, captions, link lists and bylines never become key points.
 */
export function summarize(tokenizer: Tokenizer, article: Article, options: SummarizeOptions): SummarySentence[] {
  const count = Math.min(
    Math.max(Math.trunc(options.points ?? SUMMARY_POINTS.default), SUMMARY_POINTS.min),
    SUMMARY_POINTS.max,
  );
  const sentences: (SummarySentence & { vector: Map<string, number>; norm: number; states: boolean })[] = [];
  collect: for (const block of bodyBlocks(article.body)) {
    if (block.kind !== "paragraph") continue;
    for (const s of splitSentences(block.text)) {
      if (sentences.length >= MAX_CANDIDATE_SENTENCES) break collect;
      const vector = new Map<string, number>();
      const tokens = analyze(tokenizer, startOf(s.text, MAX_ANALYSED_SENTENCE));
      for (const t of tokens) {
        if (t.term !== null) vector.set(t.term, (vector.get(t.term) ?? 0) + 1);
      }
      for (const [term, tf] of vector) vector.set(term, tf * options.idf(term));
      const norm = Math.sqrt([...vector.values()].reduce((a, v) => a + v * v, 0));
      const states = isStatement(s.text, tokens, s.text.length <= MAX_ANALYSED_SENTENCE);
      sentences.push({ text: s.text, start: block.start + s.start, end: block.start + s.end, vector, norm, states });
    }
  }
  const worded = sentences.filter((s) => s.norm > 0);
  const long = worded.filter((s) => Array.from(startOf(s.text, 2 * MIN_SENTENCE)).length >= MIN_SENTENCE);
  // An article of short sentences only (a notice: 「本日は休業します。」) is its own summary: its first
  // sentences that say something, rather than none.
  const eligible = long.length > 0 ? long : worded;
  if (eligible.length <= count) return eligible.map(({ text, start, end }) => ({ text, start, end }));

  const n = eligible.length;
  const sim = (a: number, b: number) =>
    cosine(eligible[a] as (typeof eligible)[0], eligible[b] as (typeof eligible)[0]);
  const matrix: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    for (let j = 0; j < n; j++) if (i !== j) row[j] = j < i ? (matrix[j]?.[i] ?? 0) : sim(i, j);
    matrix.push(row);
  }
  const rowSums = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  // Teleport vector: the lead bias. Sentence i is jumped to in proportion to 1/(i+1).
  const lead = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const leadSum = lead.reduce((a, b) => a + b, 0);
  let rank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let j = 0; j < n; j++) if ((rowSums[j] ?? 0) === 0) dangling += rank[j] ?? 0;
    for (let i = 0; i < n; i++) {
      let incoming = 0;
      for (let j = 0; j < n; j++) {
        const s = rowSums[j] ?? 0;
        if (s > 0) incoming += ((matrix[j]?.[i] ?? 0) / s) * (rank[j] ?? 0);
      }
      const teleport = ((lead[i] ?? 0) / leadSum) * (1 - DAMPING + DAMPING * dangling);
      next[i] = teleport + DAMPING * incoming;
    }
    rank = next;
  }

  const chosen: number[] = [];
  const remaining = new Set(Array.from({ length: n }, (_, i) => i));
  const maxRank = Math.max(...rank);
  // Statements first: a heading, a spec row or a link label is picked only when no statement is left.
  let statements = eligible.filter((s) => s.states).length;
  while (chosen.length < count && remaining.size > 0) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const i of remaining) {
      if (statements > 0 && !eligible[i]?.states) continue;
      const redundancy = chosen.length ? Math.max(...chosen.map((c) => matrix[i]?.[c] ?? 0)) : 0;
      const score = NOVELTY * ((rank[i] ?? 0) / maxRank) - (1 - NOVELTY) * redundancy;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    remaining.delete(best);
    if (eligible[best]?.states) statements--;
    const redundancy = chosen.length ? Math.max(...chosen.map((c) => matrix[best]?.[c] ?? 0)) : 0;
    if (redundancy < MAX_SIMILARITY) chosen.push(best);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => {
      const { text, start, end } = eligible[i] as (typeof eligible)[0];
      return { text, start, end };
    });
}

/** Marks that open a heading in plain text: 「■製品概要」, 「●対応機種」. */
const HEADING_MARK = /^[■□◆◇▼▽▲△★☆●○◎◯]/u;
/** Marks that open a list item: a related link (「・【レビュー】iPhone 5を使ってみた」) as often as a statement. */
const ITEM_MARK = /^[・→⇒]/u;
/**
 * How a sentence ends in writing (。, ！, ？, a period, not the ... of an ellipsis), once its closing
 * brackets, quotes, emoticons, marks and laughs are set aside: 「本当に楽しかったです（笑）」, 「2012年7月19日に発売しました(^^)」.
 */
const SENTENCE_END = /(?:[。．｡！!？?‼⁉]|(?<!\.)\.)$/u;
/**
 * One thing that may follow the end of a sentence: a space, a closing bracket or quote, a symbol, an
 * emoticon in brackets, a laugh (（笑）, ｗｗ, not the w of a word in letters).
 */
const AFTER_END =
  /(?:\.{2,}|\s|[\p{P}\p{S}]|[(（][^\p{L}\p{N}]{0,8}[)）]|[(（]笑[)）]|(?<!\p{Script=Latin})[wｗ笑]{1,8})$/u;
/** A sentence's end is read in its last characters only: a one-line file is one sentence of a megabyte. */
const END_WINDOW = 64;
/** 品詞 a sentence ends on when it says something: a verb, an adjective, an auxiliary (です, た), a final particle. */
const PREDICATE_END = new Set(["動詞", "形容詞", "助動詞"]);
/** A token that says nothing of its own at a sentence's end: a symbol, an emoticon's piece, a laugh (w, 笑). */
const UNSAID_AT_END = /^(?:[^\p{L}\p{N}]*|[w笑]+)$/u;

/**
 * Whether a sentence says something, as a key point should: it ends as a sentence is written to end (。,
 * ！, ？) or on a predicate (「…に驚いている」, 「「…うれしい」」, 「絶対に行きたいｗ」), whatever closing
 * brackets, emoticons or laughs follow. Plain-text articles (a news scrape, livedoor) keep as lines of
 * their own what a page shows around its text: headings (「■出荷されてしまい回収されずにいたナスネは？」),
 * spec rows (「本体価格：78,960円」), link labels (「・映画『ダークナイト ライジング』 - 作品情報」), a site's
 * name, and a sentence cut in two by a line break (「紺子のぬいぐるみ、限定１００個が」). A line opening with a
 * heading mark is a heading, however it ends; one opening with a list mark (・, →) is a statement only
 * when it ends as a written sentence does (「・ソフトウェア更新中は、他のアプリケーションを起動しないでください。」),
 * not on a verb as a link's label does. A noun ending (体言止め: 「コスプレでの登場に会場から大歓声」) reads as
 * a caption too, and is left for when no statement is. `whole` says whether `tokens` reach the end of the
 * sentence.
 */
function isStatement(text: string, tokens: readonly Token[], whole: boolean): boolean {
  const trimmed = text.trim();
  if (HEADING_MARK.test(trimmed)) return false;
  for (let end = trimmed.slice(-END_WINDOW), before = ""; before !== end; ) {
    if (SENTENCE_END.test(end)) return true;
    before = end;
    end = end.replace(AFTER_END, "");
  }
  if (!whole || ITEM_MARK.test(trimmed)) return false;
  const last = tokens.findLast((t) => !UNSAID_AT_END.test(t.surface));
  return last !== undefined && (PREDICATE_END.has(last.pos[0]) || last.pos[1] === "終助詞");
}

/**
 * The first `length` UTF-16 units of a text, or one fewer than split a surrogate pair. (Exported for its
 * test: analysis drops a lone surrogate anyway, so a split pair would not show in a summary.)
 */
export function startOf(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

function cosine(a: { vector: Map<string, number>; norm: number }, b: { vector: Map<string, number>; norm: number }) {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.vector.size <= b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  let dot = 0;
  for (const [term, w] of small) {
    const v = large.get(term);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}
