import { type Article, type BodyBlock, bodyBlocks } from "../article/article.ts";
import { analyze, type Token } from "../text/analyze.ts";
import { withoutListMark } from "../text/list-marks.ts";
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
  const blocks = bodyBlocks(article.body);
  /** Where the last list shown with the sentence announcing it ends: its items are no key points of their own. */
  let shownUntil = 0;
  collect: for (const [b, block] of blocks.entries()) {
    if (block.kind !== "paragraph") continue;
    for (const s of splitSentences(block.text)) {
      if (block.start + s.start < shownUntil) continue;
      if (sentences.length >= MAX_CANDIDATE_SENTENCES) break collect;
      let point: SummarySentence = { text: s.text, start: block.start + s.start, end: block.start + s.end };
      // A sentence that only announces what follows (以下の事象が改善されます。) is shown with its list when
      // the list is short; without it, it says nothing and is left for when no statement is.
      let announced: boolean | null = null;
      if (onlyAnnounces(s.text)) {
        const list = listAfter(blocks, b, point.end, s.text);
        announced = list !== null;
        if (list) {
          // one line: the items after the announcement, each with its own mark or number
          const end = (list.at(-1) as SummarySentence).end;
          point = { text: [s.text, ...list.map((l) => l.text)].join(" "), start: point.start, end };
          shownUntil = end;
        }
      }
      point = withoutListMark(point);
      const vector = new Map<string, number>();
      const tokens = analyze(tokenizer, startOf(point.text, MAX_ANALYSED_SENTENCE));
      for (const t of tokens) {
        if (t.term !== null) vector.set(t.term, (vector.get(t.term) ?? 0) + 1);
      }
      for (const [term, tf] of vector) vector.set(term, tf * options.idf(term));
      const norm = Math.sqrt([...vector.values()].reduce((a, v) => a + v * v, 0));
      // (read with its mark: a heading mark makes a heading, a list mark asks for a written sentence's end)
      const states = announced ?? isStatement(s.text, tokens, point.text.length <= MAX_ANALYSED_SENTENCE);
      sentences.push({ ...point, vector, norm, states });
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

/**
 * Where a sentence points at what follows it (以下の, 下記の, 以下を; 次の where it cannot mean next: 次の
 * とおり, 次のように, 次の場合, 次の3点): not after a number or a word (15歳以下の, 5％以下の, これ以下の),
 * only after a particle, a space or a punctuation mark.
 */
const POINTS_AHEAD =
  /(?<![^\p{sc=Hiragana}\s、，,「『（(【：:・]|れ)(?:(?:以下|下記)[のを]|次の(?:とおり|通り|よう|場合|[\p{N}一二三四五六七八九十]))/gu;
/** What may end a sentence that announces: 。, ！, a colon, an emoticon's marks; no closing bracket. */
const ANNOUNCEMENT_END = /[。．.！!？?：:…☆★♪\s]+$/u;
/** An announcement's last clause, from 以下の to its end: 「以下の事象が改善されます」, 「以下のとおりです」. */
const MAX_ANNOUNCEMENT_TAIL = 30;

/**
 * Whether a sentence only announces what follows it, and says nothing without it: its last clause points
 * ahead (「ケータイアップデートにて以下の事象が改善されます。」, 「増額後の割引額は以下のとおりです。」, 「下記の
 * コメントが寄せられている。」, 「次のように語った。」). Not one that goes on after (「以下の1点のみで、更新に
 * かかる時間は約4分です。」), nor one whose 以下 is in brackets (「（以下のQRコードからもアクセス可能）」).
 */
export function onlyAnnounces(sentence: string): boolean {
  // (its end is read in its last characters only: a one-line file is one sentence of a megabyte)
  const text = sentence.slice(-2 * END_WINDOW).replace(ANNOUNCEMENT_END, "");
  const last = [...text.matchAll(POINTS_AHEAD)].at(-1);
  if (last === undefined) return false;
  const tail = text.slice(last.index);
  return tail.length <= MAX_ANNOUNCEMENT_TAIL && !/[、，,。）)」』】]/u.test(tail);
}

/**
 * A paragraph that is an item of a list: a list mark (・, ※, ●, - before a space), a number (1., 1）, (1), ①, 1位),
 * or a quote (「当然ですな。」 after 「下記のコメントが寄せられている。」).
 */
const LIST_ITEM =
  /^(?:[・･•‣◦*＊※→⇒●○◎◯◆◇★☆「]|[-‐]\s|[(（][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}(?:[.．:：](?![0-9０-９])|[)）]|位)|[①-⑳])/u;
/** A list shown with the sentence announcing it has this many items at most… */
const MAX_LIST_ITEMS = 3;
/** …of this many characters in all, as a key point is shown within its share of an embed. */
const MAX_LIST_CHARACTERS = 200;
/**
 * Paragraphs after a list read for another item: in the next few, any item says the list was not read
 * right (a note under it: 「※ 上記以外にも…」, a list the paragraph after it heads); further on, an item of
 * its kind says it goes on after each item's text (「1）…」, its explanation, 「2）…」).
 */
const NEAR_LOOKAHEAD = 3;
const FAR_LOOKAHEAD = 8;
/** The count an announcement gives: 「以下の3点です。」, 「次の16個あるそうです。」. */
const STATED_COUNT = /(?:以下|下記|次)の(?:主な|計)?([0-9０-９]{1,2}|[一二三四五六七八九十])(?![0-9０-９])/u;
const KANJI_NUMBERS = "一二三四五六七八九十";

/**
 * The short list an announcement stands for, when one follows it at once (it ends its paragraph): up to
 * MAX_LIST_ITEMS paragraphs that are items of one kind (a paragraph is a line of the article), as many as
 * it says (以下の3点), with no item in the few paragraphs after them. Not past a heading. Null when there is
 * no such list: none, a long one, a table, a list broken by notes or by the text of each item.
 */
function listAfter(
  blocks: readonly BodyBlock[],
  from: number,
  after: number,
  announcement: string,
): SummarySentence[] | null {
  const block = blocks[from] as BodyBlock;
  if (block.text.slice(after - block.start).trim() !== "") return null;
  const stated = STATED_COUNT.exec(announcement)?.[1];
  // a list as long as it says ends where it says: only the next few paragraphs are read after it
  const lookahead = stated === undefined ? FAR_LOOKAHEAD : NEAR_LOOKAHEAD;
  const items: SummarySentence[] = [];
  let kind: string | null = null;
  let characters = 0;
  let past = 0;
  for (let b = from + 1; b < blocks.length && past < lookahead; b++) {
    const { kind: blockKind, text, start } = blocks[b] as BodyBlock;
    if (blockKind !== "paragraph") break;
    const k = itemKind(text);
    if (past === 0 && k !== null && (kind === null || k === kind)) {
      kind = k;
      // an item that announces a list of its own (「● 更新を実行する場合は、以下の条件を満たしている必要があります。」)
      if (onlyAnnounces(text)) return null;
      characters += Array.from(startOf(text, MAX_LIST_CHARACTERS + 1)).length;
      if (items.push({ text, start, end: start + text.length }) > MAX_LIST_ITEMS) return null;
      if (characters > MAX_LIST_CHARACTERS) return null;
      continue;
    }
    if (items.length === 0 || (k !== null && (past < NEAR_LOOKAHEAD || k === kind))) return null;
    past++;
  }
  if (items.length === 0) return null;
  if (stated !== undefined) {
    const count = KANJI_NUMBERS.includes(stated) ? KANJI_NUMBERS.indexOf(stated) + 1 : Number(stated.normalize("NFKC"));
    if (count !== items.length) return null;
  }
  return items;
}

/**
 * The kind of item a paragraph is: its mark, or the form of its number. 「(1)」, 「（2）」 are one list, 「(1)」 and
 * 「4．今後の見通し」 two, and so are 「・」 and 「※」 (a note under a list). Null for a paragraph that is no item.
 */
function itemKind(line: string): string | null {
  const mark = LIST_ITEM.exec(line)?.[0];
  return mark === undefined ? null : mark.normalize("NFKC").replace(/[0-9]+/gu, "0");
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
