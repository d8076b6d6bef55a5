import type { Article } from "../article/article.ts";
import { articleIdOf, type Passage, passageIdOf } from "../search/passages.ts";
import {
  COMPOUND_JOINER,
  compoundTerms,
  queryOf,
  respell,
  type Token,
  type Vocabulary,
  WORD_CHAR,
  wordsOf,
} from "../text/analyze.ts";
import { readLoanwords } from "../text/hiragana-loanwords.ts";
import { withoutListMark } from "../text/list-marks.ts";
import { normalize } from "../text/normalize.ts";
import type { QuestionType } from "../text/question-words.ts";
import { type Sentence, splitSentences } from "../text/sentences.ts";
import {
  type AnswerSought,
  answerSought,
  CALENDAR_DATE,
  counterAsked,
  hasAnswerType,
  kindAsked,
  type WrittenAt,
} from "./answer-type.ts";
import {
  askedNouns,
  asksForSubject,
  asksWhoOrWhat,
  closesAsKind,
  closingKind,
  measureAsked,
  namesOneOfKind,
  namesSomeone,
  namingWords,
  pairsOf,
  questionTypeOfQuestion,
  saysOwnSubject,
  saysUnsaidIsOfKind,
  subjectTermsOf,
  topicTerms,
  withoutRequest,
  writtenWordSpans,
} from "./question.ts";
import type { Answer, Highlight, KeyPoint, PassageHit, SourceRef } from "./types.ts";

/** What answering needs from the engine. */
export interface AnswerContext extends Vocabulary {
  /** Passages matching any of the terms (words and compound terms), best first, with their scores. */
  search(terms: readonly string[]): readonly { id: string; score: number }[];
  /** Which of the terms a passage holds, with its heading (without analysing it again). */
  termsIn(passageId: string, terms: readonly string[]): ReadonlySet<string>;
  /** Inverse document frequency of a term over passages. */
  idf(term: string): number;
  /** Whether any passage or title of the library holds the term. */
  inLibrary(term: string): boolean;
  passage(id: string): Passage | undefined;
  article(id: string): Article | undefined;
  /** The articles whose titles are closest to the question, for when nothing answers it. */
  suggest(question: string): readonly Article[];
  /** The analysis of a text (a question, a passage, a heading); the engine caches it. */
  analyze(text: string): readonly Token[];
}

export interface AnswerOptions {
  /** Key points to return (1–3). */
  readonly keyPoints?: number;
  /** Passages to return. */
  readonly passages?: number;
}

/** Passages whose sentences compete to be key points. */
const CANDIDATE_PASSAGES = 6;
/**
 * The best passages of the search, scored again by their best sentence (see byBestSentence): the
 * candidates, whose sentences are analysed anyway, and as many whatever the number of passages asked
 * for, so that the order of the first ones does not depend on it. Ten cost 4 ms more per question on
 * livedoor (p50 11 ms against 7) for recall@1 0.9185 against 0.9181.
 */
const RESCORED_PASSAGES = CANDIDATE_PASSAGES;
/**
 * Articles of their own rescored with them (see byBestSentence): the best passage of each of the next
 * articles among the first RESCORED_FROM results, when the best passages all come from one or two.
 */
const RESCORED_OTHER_ARTICLES = 2;
const RESCORED_FROM = 20;
/**
 * Weight of word order in a sentence's match (see byBestSentence): the question's adjacent words said in
 * the same order. 0.1 is the weight of the ordered window in Metzler and Croft's sequential dependence
 * model (2005), not fitted here: on JSQuAD 0.1, 0.15 and 0.3 gave recall@1 0.9208, 0.9205 and 0.9210.
 */
const ORDER_WEIGHT = 0.1;
/** A Latin word of one or two letters: the no and wa of a question in romaji, no evidence of a passage. */
const LATIN_FRAGMENT = /^[a-z]{1,2}$/u;

function isWord(term: string): boolean {
  return !LATIN_FRAGMENT.test(term);
}

/** A passage must hold this share of the question's term weight (IDF-weighted) to answer it. */
const MIN_COVERAGE = 0.3;
/** Weight of topic terms (before は) in a sentence's own coverage. */
const TOPIC_WEIGHT = 0.5;
/** Further key points must score at least this share of the best one. */
const RUNNER_UP_SHARE = 0.4;
/** Weight of the previous sentence's coverage: これにより… answers with what the sentence before said. */
const CONTEXT_WEIGHT = 0.3;
/**
 * Weight of the question's words a further key point says that those before it do not (see keyPointsOf):
 * the share of the question's weight it adds, as CONTEXT_WEIGHT weighs what context adds.
 */
const NOVELTY_WEIGHT = 0.3;
/** Weight of the section heading's coverage. */
const HEADING_WEIGHT = 0.2;
/** Weight of the passage's retrieval score, relative to the best passage. */
const PASSAGE_WEIGHT = 0.25;
/** Bonus when a sentence holds what the question word asks for (a date for いつ, ...). */
const ANSWER_TYPE_BONUS = 0.2;
/** A sentence that closes with a question mark (？ after normalization): it asks, and answers nothing. */
const ASKS = /\?\s*$/u;
/** Sentences longer than this are less likely to be a crisp answer. */
const LONG_SENTENCE = 200;

/**
 * Answers a question from the corpus: the sentences that answer it (key points), the passages they come
 * from, and for each the article to cite. Never invents: when nothing matches, `found` is false.
 */
export function answerQuestion(ctx: AnswerContext, asTyped: string, options: AnswerOptions = {}): Answer {
  const maxKeyPoints = Math.min(Math.max(options.keyPoints ?? 3, 1), 3);
  const maxPassages = options.passages ?? 3;
  // the question as it is read: its loanwords typed in hiragana as the library writes them (すかいつりー)
  const question = readLoanwords(asTyped, ctx.analyze(asTyped), ctx.analyze, ctx);
  const asked = withoutRequest(question, ctx.analyze(question));
  const { tokens: questionTokens, searchTerms } = queryOf(asked, ctx, question);
  const questionType = questionTypeOfQuestion(questionTokens);
  // What the question word asks for, when the question names it: 何気団 a 気団, 何人 a number of 人.
  // 容量 and 高さ a number in a unit of measure.
  const kind =
    questionType === "number"
      ? (counterAsked(questionTokens) ?? measureAsked(questionTokens))
      : kindAsked(questionTokens);
  const terms = wordsOf(questionTokens);
  const empty = { question: asTyped, questionType, terms, missing: [], notInLibrary: [], keyPoints: [], passages: [] };
  if (terms.length === 0) return { ...empty, found: false, suggestions: ctx.suggest(question).map(sourceOf) };
  // Nothing answers: the member learns which of their words no article holds.
  // (the words shown as the member typed them: a loanword read in katakana has as many letters)
  const unanswered = () => missingWords(ctx, asTyped, asked, questionTokens, kind, []);

  const weights = new Map(terms.map((t) => [t, ctx.idf(t)]));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  // A question that is all topic (「梅雨の期間は？」) has no focus to weigh against it: nothing is halved.
  const topic = topicTerms(questionTokens);
  const halvable = topic.size < terms.length ? topic : new Set<string>();
  const read = passageReader(ctx, terms, weights, totalWeight);
  const searched = byBestSentence(ctx.search(searchTerms), read, weights, totalWeight, pairsOf(questionTokens)).slice(
    0,
    Math.max(CANDIDATE_PASSAGES, maxPassages),
  );
  if (searched.length === 0) {
    return { ...empty, found: false, ...unanswered(), suggestions: ctx.suggest(question).map(sourceOf) };
  }
  // A question that names nothing but an article's subject asks what the article says first: its lead,
  // where it says what its subject is. What is X (梅雨とは？, マーラーってどんな人？) is answered by the
  // lead's first sentences, in order; a question for a kind of answer (月影村はいつできた？) by the lead's
  // first sentence when it holds one, then the best others.
  const definition = questionType === null || (questionType === "thing" && kind === null);
  const subject = subjectTermsOf(questionTokens, kind);
  const leadId = leadAsked(searched.slice(0, CANDIDATE_PASSAGES), read, subject, (first) => {
    const typed =
      definition ||
      hasAnswerType(
        questionType,
        normalize(first.sentence.text),
        first.tokens,
        weights,
        kind,
        writtenIn(first.reading),
      );
    return first.reading.coverage >= MIN_COVERAGE && typed;
  });
  // The lead, when it answers, ranks first (with the best score, so that scores still fall with rank).
  const results = leadId
    ? [{ id: leadId, score: searched[0]?.score ?? 0 }, ...searched.filter((r) => r.id !== leadId)]
    : searched;
  const lead: KeyPoint[] = [];
  const bestScore = results[0]?.score || 1;

  const passages: PassageHit[] = [];
  const sentences: KeyPoint[] = [];
  /** The sentences that hold the kind of answer asked for. */
  const typed = new Set<KeyPoint>();
  const settlesFirst = new Set<KeyPoint>();
  /** The sentences that hold the kind of answer asked for and none of the question's words. */
  const leaning: KeyPoint[] = [];
  const sought = answerSought(questionType, kind, weights);
  for (const result of results) {
    const reading = read(result.id);
    if (!reading) continue;
    const { passage, article, titleTerms } = reading;
    const source = sourceOf(article);
    const hit: PassageHit = {
      ...source,
      passageId: passage.id,
      text: passage.text,
      start: passage.start,
      end: passage.end,
      heading: passage.heading,
      highlights: [],
      score: result.score,
    };
    passages.push(hit);
    // A passage that shares too little with the question does not answer it, however it ranks. Judged
    // from the index's postings (only passages that may answer are analysed) and the article's title:
    // a passage may leave the article's subject to its title (天治: 「は、日本の元号の一つ。…1124年から
    // 1126年までの期間を指す。」), as a sentence may leave it to its heading.
    const titleSaysAll = subject.length > 0 && subject.every((t) => titleTerms.has(t));
    if (reading.coverage < MIN_COVERAGE) continue;
    const tokens = ctx.analyze(passage.text);
    passages[passages.length - 1] = { ...hit, highlights: highlightsOf(tokens, weights) };
    const headingTerms = reading.contextTerms;
    // In a sentence, the question's topic (Xen 3.0 では…) may be left to the context, where the context says
    // it: a topic term the passage, its heading or its title holds counts TOPIC_WEIGHT in a sentence's own
    // coverage. A passage that does not name the topic answers about another subject (「ヒポキサンチンは何から
    // 産出されるか」: not 「石油は北海油田で産出されている」), so there the topic counts in full.
    const sentenceWeights = topicWeights(weights, halvable, reading.said);
    const sentenceTotal = [...sentenceWeights.values()].reduce((a, b) => a + b, 0) || 1;
    let previousTerms = new Set<string>();
    // Offsets in passage.text: negative for the sentence before a window.
    let previousUnit: Unit | null = null;
    /** The score of previousUnit as a candidate, if it is one. */
    let previousScore: number | null = null;
    const written = writtenIn(reading);
    for (const [i, { sentence, tokens: inSentence, terms: ownTerms }] of reading.sentences().entries()) {
      // A sentence that opens by pointing back (このような梅雨のことを…, それらを…, 後者は…), or only names
      // what the sentence before says (空気感染と呼ばれる。), is read with the sentence it points to: together
      // they are one key point, which says what the pointer stands for, or what is named. At the start of a
      // window of a long paragraph, the sentence pointed to is the window before's last one.
      const pointsBack = refersBack(sentence.text, inSentence) || namesWhatWasSaid(inSentence);
      if (i === 0 && pointsBack) previousUnit = sentenceBefore(ctx, article.body, passage.start);
      const before =
        pointsBack && previousUnit && sameParagraph(article.body, passage.start, previousUnit, sentence)
          ? previousUnit
          : null;
      const alone: Unit = { start: sentence.start, end: sentence.end, tokens: inSentence, sentences: 1 };
      const unit: Unit = before
        ? {
            start: before.start,
            end: sentence.end,
            tokens: [...before.tokens, ...inSentence],
            sentences: before.sentences + 1,
          }
        : alone;
      const unitTerms = before ? termsIn(unit.tokens, weights) : ownTerms;
      // The title is the topic of every sentence of its article: in a sentence that does not say them, its
      // terms count TOPIC_WEIGHT of what saying them would (a term of the question's topic is halved
      // twice). The title also adds context, as a heading does: measured, dropping either role costs
      // answerHitAt1 (0.8483 → 0.8399 without this one, → 0.8465 without the context).
      const untold = weightOf(difference(titleTerms, unitTerms), sentenceWeights);
      const own = (coverage(unit.tokens, sentenceWeights) + TOPIC_WEIGHT * untold) / sentenceTotal;
      // Context supplies what the sentence leaves out: a sentence may leave its subject to the one before it.
      const context = Math.max(
        before ? 0 : (CONTEXT_WEIGHT * weightOf(difference(previousTerms, ownTerms), weights)) / totalWeight,
        (HEADING_WEIGHT * weightOf(difference(headingTerms, unitTerms), weights)) / totalWeight,
      );
      // the sentence before in the same paragraph says some of the question's words (not a caption or a
      // heading written in the text, a line of its own)
      const saidBefore =
        previousTerms.size > 0 &&
        previousUnit !== null &&
        sameParagraph(article.body, passage.start, previousUnit, sentence);
      previousTerms = ownTerms;
      // A chain (A。同社は…。同年…) is followed back a few sentences; a longer one starts again from its last.
      const continued = before ? previousScore : null;
      previousUnit = unit.sentences < MAX_UNIT_SENTENCES ? unit : alone;
      previousScore = null;
      // A sentence that says none of the question's words answers a question about its title's subject. Or,
      // where the sentence before says some, one that holds the kind of answer asked for: a sentence leaves
      // out what it shares with the one before (「所管官庁は、法務省である。」, then 「併せて題名も「出入国管理
      // 及び難民認定法」に改められ…」 for what the 法務省 oversees). Such a sentence is the last resort of
      // withAnswerKind, after the article's sentences that say the question's words. Not after a heading or a
      // title alone: any person an article names would answer who.
      const leansOnContext = unitTerms.size === 0 && !titleSaysAll;
      if (leansOnContext && (!saidBefore || questionType === null || !NAMED_KINDS.has(questionType))) continue;
      const text = article.body.slice(passage.start + unit.start, passage.start + unit.end);
      const normalized = normalize(text);
      // A sentence that asks answers nothing: an interviewer's 「貯金額はいくらですか？」 restates the member's
      // question. It stays context for the answer after it.
      if (ASKS.test(normalized)) continue;
      const holdsAnswer =
        questionType !== null && hasAnswerType(questionType, normalized, unit.tokens, weights, kind, written);
      if (leansOnContext && (!holdsAnswer || (questionType === "date" && !CALENDAR_DATE.test(normalized)))) continue;
      let score = own + context + PASSAGE_WEIGHT * (result.score / bestScore);
      if (holdsAnswer) score += ANSWER_TYPE_BONUS;
      if (text.length > LONG_SENTENCE) score -= 0.1 * Math.min(1, text.length / LONG_SENTENCE - 1);
      // What continues a sentence (これをフォークト表記という。) answers at least as well as the sentence alone.
      if (continued !== null) score = Math.max(score, continued);
      // (a sentence that leans on its context lends no score to the one continuing it: it ranks no key point)
      if (unit === previousUnit && !leansOnContext) previousScore = score;
      const point = unmarked({
        ...source,
        text,
        start: passage.start + unit.start,
        end: passage.start + unit.end,
        highlights: highlightsOf(unit.tokens, weights).map(([s, e]) => [s - unit.start, e - unit.start] as const),
        score,
      });
      // a line of a mark alone (「※」) says nothing
      if (!WORD_CHAR.test(point.text)) continue;
      if (leansOnContext) {
        if (sought?.holds(normalized, unit.tokens, written) ?? true) leaning.push(point);
        continue;
      }
      sentences.push(point);
      // holding it as the article is searched for it; 無料 for good answers only as the best match (see
      // withAnswerKind)
      if (holdsAnswer && (sought?.holds(normalized, unit.tokens, written) ?? true)) typed.add(point);
      else if (holdsAnswer && sought?.settles(normalized, unit.tokens, written)) settlesFirst.add(point);
      if (result.id === leadId) {
        // A sentence read with the one before it (この鳥は…) replaces it in the lead: the pair holds both. A
        // unit that overlaps the last one without holding it (a chain started again) is left out.
        const last = lead.at(-1);
        if (last && point.start <= last.start && point.end >= last.end) lead[lead.length - 1] = point;
        else if (last && point.start < last.end) continue;
        else if (definition ? lead.length < maxKeyPoints : i === 0) lead.push(point);
      }
    }
  }

  // On a tie, the longer: a sentence together with what continues it. The lead, when asked for, first.
  const sorted = sentences.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
  const ranked = distinct([...lead, ...sorted]);
  // The passages shown with an answer show the question's words in bold, answering or not.
  if (ranked.length) {
    for (const [i, p] of passages.slice(0, maxPassages).entries()) {
      if (p.highlights.length === 0) passages[i] = { ...p, highlights: highlightsOf(ctx.analyze(p.text), weights) };
    }
  }
  const top = Math.max(0, ...ranked.map((k) => k.score));
  const best = keyPointsOf(
    ranked.filter((k) => lead.includes(k) || k.score >= top * RUNNER_UP_SHARE),
    lead,
    maxKeyPoints,
    memoized((k: KeyPoint) => termsIn(ctx.analyze(k.text), weights)),
    weights,
    totalWeight,
  );
  const keyPoints = withAnswerKind(
    best,
    ranked,
    typed,
    maxKeyPoints,
    (articleId) =>
      (sought ? sentenceOfKind(read, articleId, weights, sought) : undefined) ??
      leaning.reduce<KeyPoint | undefined>(
        (best, k) => (k.articleId === articleId && (!best || k.score > best.score) ? k : best),
        undefined,
      ),
    settlesFirst,
  );
  // The subject of the key points' entry may be the answer when none of them names one of the kind asked
  // for (judged once the entry is read: see `answers`) or says who or what the noun asked for is, and
  // withAnswerKind found no sentence that does.
  const askedFor = askedNouns(questionTokens);
  const said = new Set(terms);
  /** What the question says besides the noun it asks for: a key point that names 横浜市 names a 市. */
  const saidBesides = new Set(terms.filter((t) => !askedFor.has(t)));
  // A bare 「…したのは」 asks for the one who did it (see asksForSubject), unless the first key point says its
  // own subject (「…世界最大級の見本市が開かれる。」 for 「毎年春に開かれるのは？」): in its first sentence, not one
  // read with it, which points back at the first (「…「軍事方針」を採択した。この武装方針に沿って…事件が起こる」).
  const first = keyPoints[0];
  const bareDoer =
    questionType === null &&
    asksForSubject(questionTokens) &&
    !(first && saysOwnSubject(firstSentenceOf(ctx, first.text), said));
  const answered =
    asksWhoOrWhat(questionTokens, questionType) &&
    !keyPoints.some((k) => askedFor.size > 0 && saysOfWhat(ctx.analyze(k.text), askedFor))
      ? withEntrySubject(read, weights, keyPoints, maxKeyPoints, askedFor, {
          isOfKind: (reading, opening) =>
            // a person or a place, its closing noun says (「…の作曲家。」, 「…大きな町。」), holding one as the
            // answer type judges; a thing, or one without a question word, named as the kind asked for
            // (「…政党は？」: 「日本共産党（…）は、日本の政党。」; 「…ラジオ局は？」: RKBラジオ); for a bare 「…したのは」,
            // which names no kind, any entry
            questionType === "person" || questionType === "place"
              ? closingKind(opening.tokens) === questionType &&
                hasAnswerType(questionType, normalize(opening.text), opening.tokens, weights, kind, writtenIn(reading))
              : bareDoer ||
                [...opening.tokens.map((t) => t.term), ...reading.titleWords].some(
                  (t) => t !== null && askedFor.has(t),
                ),
          // a key point's first sentence (what points back in it points at the entry, not at a sentence read
          // with it) calls the entry one of the kind asked for; for who or where, not an entry that says it
          // is a place or a person (「この研究所は…」 in a scholar's entry is no answer to where)
          keyPointSaysKind: (opening) =>
            closingKind(opening.tokens) !== OTHER_KIND.get(questionType ?? "thing") &&
            keyPoints.some((k) => {
              const tokens = firstSentenceOf(ctx, k.text);
              return pointsBackAsAsked(tokens, askedFor) || saysUnsaidIsOfKind(tokens, askedFor);
            }),
          // Where the entry is one of the kind of noun asked for (「…日本の政党。」 for 「…したのは何党？」), a key
          // point answers by naming another of that kind as what it is about: not by any place or person it
          // holds (ロッテルダム for 「ユーロポート港がある国は？」, in the entry オランダ). A bare 「…したのは」 is
          // answered by the someone a key point names so (「…設計・丹下健三」 for 「…を設計したのは」), as typed
          // answers are for a question word, and as a sentence withAnswerKind found holding the kind asked for
          // is presumed to: it is judged as the others only where the entry is of the noun asked for (「最高
          // 機関として、中央では党大会…」 holds a 党, and names none for 「…のは何党？」).
          answers: (ofKindAsked) =>
            (!ofKindAsked && !keyPoints.every((k) => best.includes(k))) ||
            keyPoints.some((k) => {
              const tokens = ctx.analyze(k.text);
              if (ofKindAsked) return namesOneOfKind(tokens, k.text, askedFor, saidBesides);
              return typed.has(k) || (bareDoer && namesSomeone(tokens, k.text, said));
            }),
        })
      : keyPoints;
  // A name no article says, where the answer's article says none of the question's other names: the key
  // points answer about something else (「半沢直樹の最終回の視聴率は？」, from 「家政婦のミタ」's 40 %).
  const found = answered.length > 0 && !aboutAnotherSubject(ctx, question, questionTokens, kind, answered);
  return {
    ...empty,
    found,
    ...(found ? missingWords(ctx, asTyped, asked, questionTokens, kind, answered) : unanswered()),
    keyPoints: found ? answered : [],
    // where nothing answers, the passages shown as related hold a word of the question, not only a Latin
    // fragment (the no of romaji matched 「レポートNO.1」)
    passages: (found ? passages : passages.filter((p) => [...(read(p.passageId)?.held ?? [])].some(isWord))).slice(
      0,
      maxPassages,
    ),
    suggestions: found ? [] : ctx.suggest(question).map(sourceOf),
  };
}

/**
 * The key points among the ranked sentences: the lead's, when asked for, in order, then the best; and after
 * the first, each the best by its score and the question's words it says that those before it do not
 * (NOVELTY_WEIGHT). Sentences that say the same of the question's words say no more together than one of
 * them, and the one that answers may say fewer: of 「「さみだれ」の漢字表記は？」, 「漢字表記「梅雨」の語源として
 * は…」 says most, 「漢字表記は葡萄牙で…」 the same words again, and 「このほかに…「五月雨（さみだれ）」…」 the word
 * the first leaves unsaid. JSQuAD answerHitAt3: 0.9482 → 0.9498 (+7, none lost); member-style questions +3,
 * none lost (0.5 gained 2 more JSQuAD answers, and lost one of them and one member question).
 */
export function keyPointsOf(
  ranked: readonly KeyPoint[],
  lead: readonly KeyPoint[],
  max: number,
  termsOf: (k: KeyPoint) => ReadonlySet<string>,
  weights: ReadonlyMap<string, number>,
  totalWeight: number,
): KeyPoint[] {
  const chosen: KeyPoint[] = [];
  const said = new Set<string>();
  while (chosen.length < max) {
    let next: KeyPoint | undefined;
    let nextScore = Number.NEGATIVE_INFINITY;
    for (const k of ranked) {
      if (chosen.includes(k)) continue;
      if (chosen.length === 0 || lead.includes(k)) {
        next = k;
        break;
      }
      const score = k.score + (NOVELTY_WEIGHT * weightOf(difference(termsOf(k), said), weights)) / totalWeight;
      if (score > nextScore) [next, nextScore] = [k, score];
    }
    if (!next) break;
    chosen.push(next);
    for (const term of termsOf(next)) said.add(term);
  }
  return chosen;
}

/**
 * The key points, with the kind of answer asked for among them when the answer's article has it: when none
 * holds it (a date for いつ, a weight in grams for 何グラム), the best sentence of the first key point's
 * article that does takes the last place. The sentences sharing most words with a question are often its
 * restatement (「…電子書籍リーダー…Wi-Fiモデルの「PRS-T1」だ。」 for 「ソニーの電子書籍リーダーのWi-Fiモデルって何
 * グラム？」), and the one that answers says less of it (「重さは約168g」). The first key point stays.
 *
 * The best is a scored sentence; else the sentence of the article that holds one and most of the
 * question's words, the first on a tie (see `answerSought`). The passages saying most of a question may
 * restate it, and the one that answers rank too low to be scored: the guest of 「…上映会でトークショーをした
 * のは誰？」 is named in a passage of its own. For an amount, one that says none of the question's words
 * answers when it names what its amount is: an article about a product gives its price in a line of its
 * own (「価格：85円」), which names nothing of the question.
 */
export function withAnswerKind(
  keyPoints: readonly KeyPoint[],
  ranked: readonly KeyPoint[],
  typed: ReadonlySet<KeyPoint>,
  max: number,
  elsewhere: (articleId: string) => KeyPoint | undefined,
  settlesFirst: ReadonlySet<KeyPoint> = new Set(),
): KeyPoint[] {
  const first = keyPoints[0];
  if (!first || max < 2) return [...keyPoints];
  // the best match says it is free: that is the price (「カケイボは無料で使える」); a later key point saying
  // something else is (「ウイルス対策機能は継続して無料」) leaves the price to be found
  if (settlesFirst.has(first)) return [...keyPoints];
  // the answer is the first key point's article's: another article's name or date does not give it
  if (keyPoints.some((k) => typed.has(k) && k.articleId === first.articleId)) return [...keyPoints];
  const answering = ranked.find((k) => typed.has(k) && k.articleId === first.articleId) ?? elsewhere(first.articleId);
  // another article's copy of the same sentence may be a key point already (see distinct)
  if (!answering || keyPoints.some((k) => k.text === answering.text)) return [...keyPoints];
  return [...keyPoints.slice(0, max - 1), answering];
}

/**
 * The kinds of answer a sentence that says none of the question's words may hold, leaning on the sentence
 * before: a person, a place, a thing, or a date of the calendar (CALENDAR_DATE). Not a count or an amount
 * (32台, 1,000円引き count what their own sentence says), a reason or a manner (ため, ので, により are in most
 * sentences), nor a name, whose 〜という is as often hearsay (「…が原因だという。」).
 */
const NAMED_KINDS: ReadonlySet<QuestionType> = new Set(["person", "place", "date", "thing"]);

/** Passages of an article read for an answer (see sentenceOfKind): an answer lies in its first pages. */
const MAX_SCANNED_PASSAGES = 64;

/**
 * The sentence of an article that holds the kind of answer sought and most of the question's words, the
 * first on a tie; one that holds none of them only if it names what its amount is. Read passage by passage,
 * in order, at most MAX_SCANNED_PASSAGES; only the passages whose text may hold the answer (`mayHold`) are
 * analysed.
 */
function sentenceOfKind(
  read: (id: string) => PassageReading | undefined,
  articleId: string,
  weights: ReadonlyMap<string, number>,
  sought: AnswerSought,
): KeyPoint | undefined {
  let best: { point: KeyPoint; weight: number } | undefined;
  for (let i = 0; i < MAX_SCANNED_PASSAGES; i++) {
    const reading = read(passageIdOf(articleId, i));
    if (!reading) break;
    // No sentence of a passage says more of the question than the passage does (its postings tell,
    // without analysis): one that cannot beat the best so far is not read.
    const held = weightOf(reading.held, weights);
    if (best ? held <= best.weight : held === 0 && !sought.mayName) continue;
    if (!sought.mayHold(normalize(reading.passage.text))) continue;
    const written = writtenIn(reading);
    for (const { sentence, tokens, terms } of reading.sentences()) {
      const weight = weightOf(terms, weights);
      if (best && weight <= best.weight) continue;
      if (weight === 0 && !sought.names(tokens)) continue;
      if (!sought.holds(normalize(sentence.text), tokens, written)) continue;
      best = { point: sentencePoint(reading, sentence, tokens, weights), weight };
    }
  }
  return best?.point;
}

/** A sentence of a passage as a key point that is no candidate (it has no score), the question's words marked. */
function sentencePoint(
  { passage, article }: PassageReading,
  sentence: Sentence,
  tokens: readonly Token[],
  weights: ReadonlyMap<string, number>,
): KeyPoint {
  return unmarked({
    ...sourceOf(article),
    text: sentence.text,
    start: passage.start + sentence.start,
    end: passage.start + sentence.end,
    highlights: highlightsOf(tokens, weights).map(([s, e]) => [s - sentence.start, e - sentence.start] as const),
    score: 0,
  });
}

/**
 * A token of a passage's analysis as its article writes it. Offsets are the passage's, negative for the
 * sentence before a window (see sentenceBefore): read in the article's body, not the passage's text.
 */
function writtenIn({ article, passage }: { article: Article; passage: Passage }): WrittenAt {
  return (t) => article.body.slice(passage.start + t.start, passage.start + t.end);
}

/** At most this many missing words are named. */
const MAX_MISSING_WORDS = 8;

/**
 * The words of the question that name what it is about (see namingWords) and that the article of the first
 * key point does not say, in its text or its title, as the question writes them: shown with the answer, as
 * search engines show "Missing: …", so that a member sees what the answer leaves out (「メルカリの販売手数料
 * って何％？」, answered with other fees from articles that never say メルカリ). `asked` is the question's
 * analysis as written, `questionTokens` as respelled for the library (リッチアンドフェイマス → リッチ アンド
 * フェイマス): a word is missing when a part of it is. Linear in the question's length.
 *
 * Of those, the words that no article says at all (a missing part of them is in no passage, heading or
 * title: PayPay残高, whatever 残高 is) are `notInLibrary`: the library has nothing on ChatGPT, whatever the
 * first key point says of 無料. With no key point (nothing answers), both are the words no article says: a
 * member who asks 「darubisshu no nenpou wa?」 learns that no article holds darubisshu or nenpou.
 */
function missingWords(
  ctx: AnswerContext,
  question: string,
  asked: readonly Token[],
  questionTokens: readonly Token[],
  kind: Token | null,
  keyPoints: readonly KeyPoint[],
): { missing: string[]; notInLibrary: string[] } {
  const none = { missing: [], notInLibrary: [] };
  const { naming, models, terms } = namingTermsOf(questionTokens, kind);
  if (naming.length === 0) return none;
  // What the first key point's article says. The first key point is the answer; a later one from an
  // article that says every word would hide a first one that says none (「LINEの利用者数は？」 answered
  // about Facebook).
  // With no key point, the words no article says.
  const first = keyPoints[0];
  if (first && !ctx.article(first.articleId)) return none;
  const unsaidTerms = new Set(first ? unsaidBy(ctx, first.articleId, terms) : terms.filter((t) => !ctx.inLibrary(t)));
  // The question's own words (as written) that hold an unsaid part.
  const unsaidModels = new Map(
    models.filter((m) => unsaidTerms.has(m.term)).flatMap((m) => m.parts.map((part) => [part, m.term] as const)),
  );
  const unsaid = naming.filter((t) => unsaidTerms.has(t.term) || unsaidModels.has(t));
  const missingAt = new Set<number>();
  /** The words written (their indexes in `asked`) with a missing part that no article says. */
  const saidNowhere = new Set<number>();
  let w = 0;
  for (const part of unsaid) {
    while (w < asked.length && (asked[w] as Token).end <= part.start) w++;
    if (w >= asked.length || (asked[w] as Token).start > part.start) continue;
    missingAt.add(w);
    if (!ctx.inLibrary(unsaidModels.get(part) ?? part.term)) saidNowhere.add(w);
  }
  const words = writtenWordSpans(question, asked, missingAt).slice(0, MAX_MISSING_WORDS);
  const nowhere = words.filter(({ first, last }) => [...saidNowhere].some((i) => i >= first && i <= last));
  return { missing: words.map((w) => w.word), notInLibrary: nowhere.map((w) => w.word) };
}

/**
 * Whether key points answer about something other than what the question names: a name of the question
 * (a proper noun, a noun IPADIC does not know, a word of Latin letters: 半沢直樹, メルカリ, ChatGPT, PS5 as a
 * model and its number) is in no article, and the first key point's article says none of the question's
 * other names. The library then has nothing on what is asked about, and the sentences sharing its other
 * words answer another question: 「半沢直樹の最終回の視聴率何％だった？」 was answered with 「家政婦のミタ」's 40 %,
 * 「ChatGPTって無料で使える？」 with another app's 「無料で使える」, the missing word noted under them where a
 * member reading the answer may not look. A name the library holds besides keeps the answer: 「アクオスフォン
 * ゼータのSH-09Dっていつ出るの？」 is answered from the SH-09D's article, which writes AQUOS PHONE ZETA.
 * Common nouns do not count: a small library lacks many (帽子, 外界), and the question's other words still
 * say what it asks about.
 */
function aboutAnotherSubject(
  ctx: AnswerContext,
  question: string,
  questionTokens: readonly Token[],
  kind: Token | null,
  keyPoints: readonly KeyPoint[],
): boolean {
  const first = keyPoints[0];
  if (!first) return false;
  const { naming, models } = namingTermsOf(questionTokens, kind);
  const inUnsaidModel = new Set(models.filter((m) => !ctx.inLibrary(m.term)).flatMap((m) => m.parts));
  const names = naming.filter((t) => t.pos[1] === "固有名詞" || t.unknown === true || /\p{Script=Latin}/u.test(t.term));
  const saidNowhere = (t: NamingToken) => inUnsaidModel.has(t) || !ctx.inLibrary(t.term);
  if (!names.some(saidNowhere)) return false;
  // a head written in letters: one in kana may be the library's name in letters (「ダイエットコーチのエイコさん」,
  // whose article writes EICO) or a common word misspelled (「イギリスのア―キテクト」, a ― for ー)
  const heads = new Set<Token>(names.filter((t) => saidNowhere(t) && /\p{Script=Latin}/u.test(t.term)));
  // where each name is among the question's tokens, found once (looked for name by name, it was quadratic)
  const place = new Map(questionTokens.map((t, i) => [t, i]));
  const others = [
    ...new Set(
      names
        .filter((t) => !saidNowhere(t) && !modifiesOneOf(question, questionTokens, place.get(t) ?? -1, heads))
        .map((t) => t.term),
    ),
  ];
  return unsaidBy(ctx, first.articleId, others).length === others.length;
}

/**
 * Whether a name only says whose one of `heads` is: before it with の (「ドコモのahamo」) or written next to it,
 * a space between allowed (「kobo Clara」). The name asked about is then the head: the library's articles on
 * ドコモ or kobo say nothing of ahamo or Clara, and 「kobo Claraっていくら？」 was answered with kobo Touch's
 * 7,980円. `at` is the name's place among `tokens`; their offsets are the question's (see normalize).
 */
function modifiesOneOf(question: string, tokens: readonly Token[], at: number, heads: ReadonlySet<Token>): boolean {
  const name = tokens[at];
  const next = tokens[at + 1];
  if (name === undefined || next === undefined) return false;
  if (next.surface === "の" && next.pos[1] === "連体化" && next.start === name.end) {
    const head = tokens[at + 2];
    return head !== undefined && heads.has(head) && head.start === next.end;
  }
  // (a space, not a comma: 「ドコモ、ahamo」 names two things)
  return heads.has(next) && /^\s?$/u.test(question.slice(name.end, next.start));
}

/**
 * The question's words that name what it is about (see namingWords), with each model and its number as one
 * term: a model and its number (PS5: ps 5, see splitModelNumbers) are said together or not at all, since any
 * article says a 5 somewhere, and PS4's does not say PS5.
 */
function namingTermsOf(
  questionTokens: readonly Token[],
  kind: Token | null,
): { naming: NamingToken[]; models: { parts: NamingToken[]; term: string }[]; terms: string[] } {
  const naming = namingWords(questionTokens, kind);
  const models = naming.flatMap((t, i) => {
    const next = naming[i + 1];
    return next && /^[a-z]+$/u.test(t.term) && next.pos[1] === "数" && t.end === next.start
      ? [{ parts: [t, next], term: `${t.term}${COMPOUND_JOINER}${next.term}` }]
      : [];
  });
  return { naming, models, terms: [...new Set([...naming.map((t) => t.term), ...models.map((m) => m.term)])] };
}

type NamingToken = Token & { term: string };

/**
 * The terms an article does not say: not in its passages (their postings), nor in its title as the library
 * spells it.
 */
function unsaidBy(ctx: AnswerContext, articleId: string, terms: readonly string[]): string[] {
  const article = ctx.article(articleId);
  if (!article) return [...terms];
  const title = titleAsSpelled(ctx, article);
  const inTitle = new Set([...wordsOf(title), ...compoundTerms(title)]);
  let unsaid = terms.filter((t) => !inTitle.has(t));
  for (let i = 0; unsaid.length > 0; i++) {
    const id = passageIdOf(articleId, i);
    if (!ctx.passage(id)) break;
    const held = ctx.termsIn(id, unsaid);
    if (held.size > 0) unsaid = unsaid.filter((t) => !held.has(t));
  }
  return unsaid;
}

/** An article's title as the library spells it (see respell): what every sentence of the article is about. */
function titleAsSpelled(ctx: AnswerContext, article: Article): Token[] {
  return respell(ctx.analyze(article.title), ctx);
}

/** What answering reads of a passage: the re-ranking reads it first, the key points again. */
interface PassageReading {
  readonly passage: Passage;
  readonly article: Article;
  /** The question's terms the passage holds, read from the postings (its text and its heading). */
  readonly held: ReadonlySet<string>;
  /** The question's terms its article's title holds. */
  readonly titleTerms: ReadonlySet<string>;
  /** All the words of its article's title. */
  readonly titleWords: readonly string[];
  /** The question's terms its heading and its title hold: what all its sentences are about. */
  readonly contextTerms: ReadonlySet<string>;
  /** The question's terms it holds with its heading and its title... */
  readonly said: ReadonlySet<string>;
  /** ...and their share of the question's term weight: a passage under MIN_COVERAGE does not answer. */
  readonly coverage: number;
  /** Its sentences, with their tokens and the question's terms each holds (the passage is analysed). */
  sentences(): readonly { sentence: Sentence; tokens: Token[]; terms: Set<string> }[];
}

/** Reads passages for one question, each once (and each article's title once). */
function passageReader(
  ctx: AnswerContext,
  terms: readonly string[],
  weights: ReadonlyMap<string, number>,
  totalWeight: number,
): (id: string) => PassageReading | undefined {
  const titles = new Map<string, { terms: Set<string>; words: string[] }>();
  const readings = new Map<string, PassageReading | undefined>();
  const readingOf = (id: string): PassageReading | undefined => {
    const passage = ctx.passage(id);
    const article = passage && ctx.article(passage.articleId);
    if (!passage || !article) return undefined;
    let title = titles.get(article.id);
    if (!title) {
      const tokens = titleAsSpelled(ctx, article);
      title = { terms: termsIn(tokens, weights), words: wordsOf(tokens) };
      titles.set(article.id, title);
    }
    const titleTerms = title.terms;
    const headingTerms = passage.heading ? termsIn(ctx.analyze(passage.heading), weights) : [];
    const held = ctx.termsIn(passage.id, terms);
    const contextTerms = new Set([...headingTerms, ...titleTerms]);
    const said = new Set([...held, ...contextTerms]);
    let sentences: ReturnType<PassageReading["sentences"]> | undefined;
    return {
      passage,
      article,
      held,
      titleTerms,
      titleWords: title.words,
      contextTerms,
      said,
      coverage: weightOf(said, weights) / totalWeight,
      sentences: () => {
        if (!sentences) {
          const tokens = ctx.analyze(passage.text);
          sentences = splitSentences(passage.text).map((sentence) => {
            const inSentence = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
            return { sentence, tokens: inSentence, terms: termsIn(inSentence, weights) };
          });
        }
        return sentences;
      },
    };
  };
  return (id) => {
    if (!readings.has(id)) readings.set(id, readingOf(id));
    return readings.get(id);
  };
}

/**
 * Proximity: the best passages are scored again by their best sentence. A passage's score is multiplied by
 * the share of the question's term weight that its best sentence holds, the terms of its heading and of its
 * article's title counting as said in every sentence (they are what all its sentences are about). Of two
 * passages holding the same words, the one that says them together in one sentence ranks first: 「朝鮮半島
 * の梅雨は」 asks for 「朝鮮半島では6月下旬ごろから…」, not a passage naming 朝鮮半島 in passing. On JSQuAD:
 * recall@1 0.9136 → 0.9181, answerHitAt1 0.8519 → 0.8532; a window of two sentences gained less.
 *
 * Order counts too (ORDER_WEIGHT): of two sentences holding 梅雨 and 期間, 「梅雨の期間はどの地方でも40日
 * から50日前後…」 says what 「梅雨の期間は？」 says, 「梅雨の半ばには…回復する期間が…」 does not. JSQuAD:
 * recall@1 0.9187 → 0.9208, answerHitAt3 0.9259 → 0.9262.
 */
function byBestSentence(
  results: readonly { id: string; score: number }[],
  read: (id: string) => PassageReading | undefined,
  weights: ReadonlyMap<string, number>,
  totalWeight: number,
  pairs: readonly (readonly [string, string])[],
): { id: string; score: number }[] {
  const pairWeight = (pair: readonly [string, string]) => (weights.get(pair[0]) ?? 0) + (weights.get(pair[1]) ?? 0);
  const allPairs = pairs.reduce((sum, pair) => sum + pairWeight(pair), 0);
  /** A sentence's match: the share of the question's weight it holds, and of its word pairs it says in order. */
  const match = (terms: ReadonlySet<string>, tokens: readonly Token[]) => {
    const held = weightOf(terms, weights) / totalWeight;
    if (allPairs === 0) return held;
    // terms hold no space (analysis removes whitespace): a space joins the two words of a pair
    const said = new Set(pairsOf(tokens).map(([a, b]) => `${a} ${b}`));
    const inOrder = pairs.filter(([a, b]) => said.has(`${a} ${b}`));
    return (1 - ORDER_WEIGHT) * held + (ORDER_WEIGHT * inOrder.reduce((sum, p) => sum + pairWeight(p), 0)) / allPairs;
  };
  // The best passages, and the best passage of up to RESCORED_OTHER_ARTICLES articles not among them: every
  // passage of an article whose title holds a question word gains its title's score, so one article's
  // passages can fill the window on a word they all share (「放射能が心配」: an article titled 心配されたがりや).
  const rescoring = results.slice(0, RESCORED_PASSAGES);
  const articles = new Set(rescoring.map((r) => articleIdOf(r.id)));
  const others = RESCORED_PASSAGES + RESCORED_OTHER_ARTICLES;
  for (const result of results.slice(RESCORED_PASSAGES, RESCORED_FROM)) {
    if (rescoring.length >= others) break;
    if (articles.has(articleIdOf(result.id))) continue;
    articles.add(articleIdOf(result.id));
    rescoring.push(result);
  }
  const rescored = rescoring.map((result, rank) => {
    const reading = read(result.id);
    if (!reading) return { ...result, rank };
    const { contextTerms } = reading;
    // No sentence holds more than the whole passage: a passage that does not answer (see MIN_COVERAGE) is
    // not analysed for its sentences, and is scored as if one sentence held all its words, none in order.
    if (reading.coverage < MIN_COVERAGE) {
      return { id: result.id, score: result.score * reading.coverage * (allPairs ? 1 - ORDER_WEIGHT : 1), rank };
    }
    let best = 0;
    for (const { terms, tokens } of reading.sentences()) {
      best = Math.max(best, match(new Set([...terms, ...contextTerms]), tokens));
    }
    return { id: result.id, score: result.score * best, rank };
  });
  // A passage of another article that scores below all of the best passages goes back to its place among
  // the passages after them, which keep their order, below them.
  const lowest = Math.min(...rescored.filter((r) => r.rank < RESCORED_PASSAGES).map((r) => r.score));
  const ahead = rescored.filter((r) => r.rank < RESCORED_PASSAGES || r.score >= lowest);
  ahead.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const aheadIds = new Set(ahead.map((r) => r.id));
  const floor = ahead.at(-1)?.score ?? 0;
  const rest = results.filter((r) => !aheadIds.has(r.id)).map((r) => ({ id: r.id, score: Math.min(r.score, floor) }));
  return [...ahead.map(({ id, score }) => ({ id, score })), ...rest];
}

/**
 * Whether a sentence says who or what the noun asked for is, that noun its topic or subject: 「妻はアルマと
 * なった。」 for 「…作曲した人の妻は誰？」, 「姉妹都市はルーアンである。」 (the name IPADIC may not know as one).
 * Not where the noun is what is said of the subject: 「ニーダーザクセン州の州都である。」; nor where この or 同
 * points it back at what the context names (「このプロジェクトは…設立された。」, 「同局は」, 「本大会は」): in an entry,
 * that may be the entry's subject, which the sentence leaves unnamed. その says whose (「その子会社は」): the noun
 * is another, said of what the context names.
 */
function saysOfWhat(tokens: readonly Token[], asked: ReadonlySet<string>): boolean {
  return tokens.some((_, i) => askedSubjectAt(tokens, i, asked) === "named");
}

/**
 * Whether a sentence's topic or subject is the noun asked for, pointed back at what the context names:
 * 「このプロジェクトは…設立された。」 for 「…設立されたプロジェクトは？」. Said first in a key point, in an entry, that
 * is its subject, which the sentence thus says is one of the kind asked for.
 */
function pointsBackAsAsked(tokens: readonly Token[], asked: ReadonlySet<string>): boolean {
  return tokens.some((_, i) => askedSubjectAt(tokens, i, asked) === "pointed back");
}

/**
 * Whether the token at `at` is the noun asked for as a topic or subject (は, が after it), and how: named, or
 * pointed back at the context (このラジオ局は, 同党は; 同局, one noun to IPADIC, as 局). Null where it is not.
 */
function askedSubjectAt(
  tokens: readonly Token[],
  at: number,
  asked: ReadonlySet<string>,
): "named" | "pointed back" | null {
  const term = tokens[at]?.term;
  if (term == null || !SUBJECT_MARKERS.has(tokens[at + 1]?.surface ?? "")) return null;
  if (term.startsWith("同") && asked.has(term.slice(1))) return "pointed back";
  if (!asked.has(term)) return null;
  // the pointer is before the compound the noun ends (この|ラジオ局)
  let start = at;
  while (start > 0 && tokens[start - 1]?.pos[0] === "名詞" && tokens[start - 1]?.end === tokens[start]?.start) start--;
  return pointsBack(tokens[start - 1]) ? "pointed back" : "named";
}

/** Prefixes that point a noun back at what the context names: 同党, 本大会, 当大会. */
const POINTING_PREFIXES: ReadonlySet<string> = new Set(["同", "本", "当"]);

/** Whether a token before a noun points it back at what the context names: この; 同, 本, 当. */
function pointsBack(before: Token | undefined): boolean {
  if (!before) return false;
  if (before.pos[0] === "連体詞") return before.surface === "この";
  return before.pos[0] === "接頭詞" && POINTING_PREFIXES.has(before.surface);
}

/**
 * The tokens of a key point's first sentence: one that points back at it may be read with it (see
 * refersBack, namesWhatWasSaid), and what it says is of what the first names.
 */
function firstSentenceOf(ctx: AnswerContext, text: string): Token[] {
  const first = splitSentences(text)[0];
  return first ? ctx.analyze(text).filter((t) => t.start >= first.start && t.end <= first.end) : [];
}

/** The kind of subject that answers neither who nor where: a person for where, a place for who. */
const OTHER_KIND: ReadonlyMap<QuestionType, QuestionType> = new Map([
  ["person", "place"],
  ["place", "person"],
]);

/** Particles that make a noun a sentence's topic or subject. */
const SUBJECT_MARKERS: ReadonlySet<string> = new Set(["は", "が"]);

/**
 * The key points, with the sentence that names the first one's subject when that subject may be the answer.
 * Japanese leaves out what a sentence shares with its context, and in an encyclopedia entry that is the
 * entry's subject: 「ニーダーザクセン州の州都である。」 in the entry ハノーファー, 「UEFAネーションズリーグでは、
 * 第1回大会の2018-19で優勝した。」 in ポルトガル. A question that asks who, where or what such a sentence leaves
 * unsaid (「ニーダーザクセン州の州都はどこ？」) and names nothing of the entry's title but the noun of what it
 * asks for (`asked`: 国 of 「…した国は？」 in ドミニカ国) is answered by the subject. The entry's first sentence,
 * which names it and says what it is (「ハノーファー（Hannover）は、ライネ川沿いにある大きな町。」), takes the
 * last place when it is of the kind asked for, judged without its glosses: a 誰 question is not answered by
 * 「生命の起源（…、Origin of life）は、…過程のことである。」. It is, where its closing noun is the noun asked for
 * or one that noun heads (「…日本の政党。」 for 「…した党は？」: see closesAsKind), or as `judge.isOfKind` says,
 * or where a key point calls it one (`judge.keyPointSaysKind`: 「このプロジェクトは…」, 「…局の1つ。」).
 * And only where no key point answers already, as `judge.answers` says, told whether the entry is of the noun
 * asked for; where all the key points come from the entry, and none names its title.
 * An article whose first sentence does not open with its title is no entry: a news article under a headline.
 */
function withEntrySubject(
  read: (id: string) => PassageReading | undefined,
  weights: ReadonlyMap<string, number>,
  keyPoints: KeyPoint[],
  max: number,
  asked: ReadonlySet<string>,
  judge: {
    isOfKind: (reading: PassageReading, opening: { text: string; tokens: readonly Token[] }) => boolean;
    /**
     * Whether a key point says what it leaves unsaid, or points back at, is of the kind asked for (see
     * saysUnsaidIsOfKind), for an entry that opens so.
     */
    keyPointSaysKind: (opening: { text: string; tokens: readonly Token[] }) => boolean;
    answers: (ofKindAsked: boolean) => boolean;
  },
): KeyPoint[] {
  const first = keyPoints[0];
  // the first of several articles may not be the one asked about
  if (!first || max < 2 || keyPoints.some((k) => k.articleId !== first.articleId)) return keyPoints;
  const reading = read(passageIdOf(first.articleId, 0));
  // The question names nothing of the title (titleTerms: the question's terms it holds) but the kind asked
  // for (国 of 「…した国は？」 in ドミニカ国): 「1958年に完成した東京タワーは？」 names 東京タワー.
  if (!reading || [...reading.titleTerms].some((t) => !asked.has(t))) return keyPoints;
  if (reading.titleWords.every((t) => reading.titleTerms.has(t))) return keyPoints;
  const { article, passage } = reading;
  if (!opensWithName(splitSentences(passage.text)[0]?.text ?? "", article.title)) return keyPoints;
  if (keyPoints.some((k) => namesTitle(k.text, article.title))) return keyPoints;
  const opening = reading.sentences()[0];
  if (!opening) return keyPoints;
  // what the sentence says of the subject, not its glosses (「Origin of life」 names no one)
  const says = unglossed(opening.sentence, opening.tokens);
  const ofKindAsked = closesAsKind(says.tokens, asked) || judge.keyPointSaysKind(says);
  if (!(ofKindAsked || judge.isOfKind(reading, says)) || judge.answers(ofKindAsked)) return keyPoints;
  return [...keyPoints.slice(0, max - 1), sentencePoint(reading, opening.sentence, opening.tokens, weights)];
}

/**
 * Whether a sentence opens with an article's title as its topic, glosses in parentheses aside: 「ハノーファー
 * （Hannover）は、…」, 「石油（せきゆ）とは、…」, 「『君の名は。』は…」 open with ハノーファー, 石油 and 君の名は。; so does
 * 「ニューヨークは…」 with ニューヨーク (都市), a title told from others by what follows it in parentheses.
 * Not 「東芝は、同社製の…」 with the headline 「声に反応！東芝の「VoiPY」で…」, nor 「日本共産党は」 with 日本, nor
 * は opening a word (「ハノーファーはじめて」).
 */
export function opensWithName(sentence: string, title: string): boolean {
  const whole = squashed(unglossed({ text: sentence, start: 0, end: sentence.length }, []).text);
  return namesOf(title).some((name) => {
    // the full name first, holding the name, then the name as it is commonly said (「ラオス人民民主共和国、
    // 通称ラオスは…」; not 「昨日、通称ゆりかもめは…」); a company's legal form before it (「株式会社ニコンは…」)
    const commonly = COMMON_NAME.exec(whole);
    const openings = [
      whole,
      commonly?.[1]?.includes(name) ? whole.slice(commonly[0].length) : null,
      whole.replace(LEGAL_FORM, ""),
    ];
    return openings.some(
      (opening) =>
        opening !== null &&
        [name, `『${name}』`, `「${name}」`].some((written) => {
          if (!opening.startsWith(written)) return false;
          // a company's legal form after its name (「清水建設株式会社（…）は」)
          const after = opening.slice(written.length).replace(LEGAL_FORM, "");
          return TOPIC_AFTER_NAME.test(after);
        }),
    );
  });
}

/** A full name, then the common name a sentence goes on with: 「ラオス人民民主共和国、通称」. */
const COMMON_NAME = /^([^、。，,]{1,40})[、，,]通称/u;
/** A company's legal form, before or after its name: 株式会社, 有限会社, 合同会社. */
const LEGAL_FORM = /^(?:株式会社|有限会社|合同会社)/u;

/** は or とは as a topic's particle: no hiragana after it (は、, は日本の; not はじめて, nor はやがて). */
const TOPIC_AFTER_NAME = /^と?は(?!\p{Script=Hiragana})/u;

/** Whether a text names an article's title (as spelled, or without what tells it from others). */
function namesTitle(text: string, title: string): boolean {
  const said = squashed(text);
  return namesOf(title).some((name) => said.includes(name));
}

/** A title as a text may name it: whole, and without what tells it from others (ニューヨーク (都市)). */
function namesOf(title: string): string[] {
  const whole = squashed(title);
  const bare = squashed(title.replace(/[（(][^（()）]*[)）]\s*$/u, ""));
  return [...new Set([whole, bare])].filter((name) => name.length > 0);
}

/** A text normalized, without spaces (「Google 検索」 as 「Google検索」; an underscore is a space in a title). */
function squashed(text: string): string {
  return normalize(text).replace(/[\s_]+/gu, "");
}

/** The first sentence of a lead passage, as leadAsked offers it to be judged. */
interface LeadSentence {
  readonly reading: PassageReading;
  readonly sentence: Sentence;
  readonly tokens: readonly Token[];
}

/**
 * The lead passage of the article a question is about, when the question names nothing but that article's
 * subject and the lead says what the subject is (and `answers`, judging its first sentence, agrees). The
 * article is that of a candidate passage whose title holds every subject term, the one whose title says
 * least besides: 「梅雨とは？」 is about 梅雨, not 梅雨前線.
 */
function leadAsked(
  results: readonly { id: string }[],
  read: (id: string) => PassageReading | undefined,
  subject: readonly string[],
  answers: (first: LeadSentence) => boolean,
): string | null {
  if (subject.length === 0) return null;
  let about: PassageReading | undefined;
  for (const result of results) {
    const reading = read(result.id);
    if (!reading || !subject.every((t) => reading.titleTerms.has(t))) continue;
    if (!about || reading.titleWords.length < about.titleWords.length) about = reading;
  }
  if (!about) return null;
  const id = `${about.article.id}:0`;
  const reading = read(id);
  const first = reading?.sentences()[0];
  if (!reading || !first || !defines(first.sentence, first.tokens, subject)) return null;
  return answers({ reading, sentence: first.sentence, tokens: first.tokens }) ? id : null;
}

/**
 * A sentence that leaves its subject to the title, as an encyclopedia entry does: 「は、日本の元号の一つ。」,
 * 「は日本の元号の一つ。」, 「とは自動車…」; not は opening a word (はじめに).
 */
const OPENS_WITH_TOPIC = /^\s*と?は(?:[、，,]|(?!\p{Script=Hiragana}))/u;
const OPENING_BRACKETS = new Set(["（", "("]);
const CLOSING_BRACKETS = new Set(["）", ")"]);

/**
 * The glosses in parentheses after a name, nested or side by side, as [start, end) offsets in the
 * sentence: 梅雨（つゆ、ばいう）, 東京都（とうきょうと、英: Tokyo Metropolis（…））.
 */
function glossesIn(text: string): [number, number][] {
  const glosses: [number, number][] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (OPENING_BRACKETS.has(c)) {
      if (depth === 0) from = i;
      depth++;
    } else if (CLOSING_BRACKETS.has(c) && depth > 0) {
      depth--;
      if (depth === 0) glosses.push([from, i + 1]);
    }
  }
  return glosses;
}

/**
 * A sentence without its glosses in parentheses (see glossesIn), as text and tokens: 「生命の起源は、…」 of
 * 「生命の起源（せいめいのきげん、Origin of life）は、…」. Token offsets are the passage's, as the sentence's
 * start is; a token touching a gloss is left out.
 */
function unglossed(sentence: Sentence, tokens: readonly Token[]): { text: string; tokens: Token[] } {
  const glosses = glossesIn(sentence.text);
  let text = "";
  let from = 0;
  for (const [start, end] of glosses) {
    text += sentence.text.slice(from, start);
    from = end;
  }
  text += sentence.text.slice(from);
  const at = glosses.map(([start, end]) => [sentence.start + start, sentence.start + end] as const);
  return { text, tokens: tokens.filter((t) => !at.some(([start, end]) => t.start < end && t.end > start)) };
}

/**
 * Whether a sentence says what the subject is: it opens with a noun phrase that ends in a subject term and
 * is its topic (梅雨（つゆ、ばいう）は、…, 生命の起源（…）は…, …通称ラオスは、…, 雷鳥とは…), glosses in
 * parentheses aside; or it leaves the subject to the title (は、山あいにある集落で…). Not a news lead that
 * opens with a hook (9月に入り、断捨離は…) or a time (今年の梅雨は…, 2020年の梅雨は…).
 */
function defines(sentence: Sentence, tokens: readonly Token[], subject: readonly string[]): boolean {
  if (OPENS_WITH_TOPIC.test(sentence.text)) return true;
  const outside = unglossed(sentence, tokens).tokens;
  const wa = outside.findIndex((t) => t.pos[1] === "係助詞" && t.surface === "は");
  const last = outside[wa - 1]?.surface === "と" ? wa - 2 : wa - 1;
  const topic = outside[last];
  if (!topic?.term || !subject.includes(topic.term)) return false;
  return outside.slice(0, last).every((t) => {
    if (t.pos[0] === "助詞") return t.pos[1] === "連体化";
    // a time or a number before the subject (今年の梅雨は) says when, not what
    return (t.pos[0] === "名詞" || t.pos[0] === "接頭詞") && t.pos[1] !== "副詞可能" && t.pos[1] !== "数";
  });
}

/** Sentences shown as one key point: a sentence and those it points back at. Offsets as in the loop above. */
interface Unit {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
  readonly sentences: number;
}

/** At most this many sentences make one key point (A。同社は…。同年…). */
const MAX_UNIT_SENTENCES = 3;

/**
 * How far back before a window the sentence before it is looked for. Only a sentence that starts in the
 * second half of this is taken: one starting in the first half may start further back still, or end
 * elsewhere (a quote open before the text read). A paragraph of 1 MB without a sentence end was read,
 * analysed and made a key point whole at every question that it answered.
 */
const SENTENCE_BEFORE_LOOKBACK = 3_000;

/**
 * The sentence before a passage, when the passage is a window that starts inside a paragraph; null at the
 * start of a paragraph, or when that sentence is longer than half of SENTENCE_BEFORE_LOOKBACK. Analysed on
 * its own; its offsets are made relative to the passage (negative).
 */
function sentenceBefore(ctx: AnswerContext, body: string, passageStart: number): Unit | null {
  const from = Math.max(0, passageStart - SENTENCE_BEFORE_LOOKBACK);
  const newline = body.slice(from, passageStart).lastIndexOf("\n");
  // read from inside the paragraph: a sentence starting early in what was read may start before it
  const inside = newline < 0 && from > 0 && body[from - 1] !== "\n";
  let paragraphStart = from + newline + 1;
  // the backslash the body stores before a paragraph starting with #, --- or \ (formatBody) is not its text
  if (!inside && body[paragraphStart] === "\\") paragraphStart++;
  const last = splitSentences(body.slice(paragraphStart, passageStart)).at(-1);
  if (!last || (inside && last.start < SENTENCE_BEFORE_LOOKBACK / 2)) return null;
  const shift = paragraphStart + last.start - passageStart;
  const tokens = ctx.analyze(last.text).map((t) => ({ ...t, start: t.start + shift, end: t.end + shift }));
  return { start: shift, end: shift + last.text.length, tokens, sentences: 1 };
}

/** Whether nothing but spaces lies between a span and a sentence after it (no line break: one paragraph). */
function sameParagraph(body: string, passageStart: number, span: { end: number }, sentence: Sentence): boolean {
  return !/\n/u.test(body.slice(passageStart + span.end, passageStart + sentence.start));
}

/** The question's weights for a sentence's own coverage: the topic's terms that the context says, reduced. */
function topicWeights(
  weights: ReadonlyMap<string, number>,
  topic: ReadonlySet<string>,
  saidAround: ReadonlySet<string>,
): Map<string, number> {
  return new Map([...weights].map(([t, w]) => [t, topic.has(t) && saidAround.has(t) ? w * TOPIC_WEIGHT : w]));
}

function termsIn(tokens: readonly Token[], weights: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) for (const term of termsOfToken(t)) if (weights.has(term)) out.add(term);
  return out;
}

/** A token's term, and its parts' where it is a name written with a ・ (see Token.parts). */
function termsOfToken(t: Token): readonly string[] {
  if (t.term === null) return [];
  return t.parts ? [t.term, ...t.parts] : [t.term];
}

/**
 * A key point without the list mark its line opens with (「■ 価格は85円」, 「・対応機種：…」; see
 * withoutListMark), its highlights moved past the mark with its start. Taken off as a point is made, so that
 * 「■X」 and 「・X」 are one point (see distinct).
 */
function unmarked(point: KeyPoint): KeyPoint {
  const bare = withoutListMark(point);
  const mark = bare.start - point.start;
  if (mark === 0) return point;
  return {
    ...bare,
    highlights: point.highlights
      .filter(([, end]) => end > mark)
      .map(([start, end]) => [Math.max(0, start - mark), end - mark] as const),
  };
}

/** A function of one argument that computes each value once. */
function memoized<K, V>(f: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    if (!values.has(key)) values.set(key, f(key));
    return values.get(key) as V;
  };
}

function difference(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((t) => !b.has(t)));
}

function weightOf(terms: Iterable<string>, weights: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const t of terms) sum += weights.get(t) ?? 0;
  return sum;
}

/** Sum of the weights of the question terms found among the tokens (each term once). */
function coverage(tokens: readonly Token[], weights: ReadonlyMap<string, number>): number {
  const seen = new Set<string>();
  let sum = 0;
  for (const t of tokens) {
    for (const term of termsOfToken(t)) {
      if (seen.has(term)) continue;
      const w = weights.get(term);
      if (w === undefined) continue;
      seen.add(term);
      sum += w;
    }
  }
  return sum;
}

/** The ranges of the tokens whose term is one of `terms`, adjacent ones merged: what is shown in bold. */
export function highlightsOf(tokens: readonly Token[], terms: { has(term: string): boolean }): Highlight[] {
  const ranges: Highlight[] = [];
  for (const t of tokens) {
    if (!termsOfToken(t).some((term) => terms.has(term))) continue;
    const last = ranges.at(-1);
    if (last && last[1] === t.start) ranges[ranges.length - 1] = [last[0], t.end];
    else ranges.push([t.start, t.end]);
  }
  return ranges;
}

/**
 * A sentence is a candidate on its own and again inside a later sentence's key point when that one points
 * back at it: keep the best of any key points that overlap.
 */
function distinct(points: KeyPoint[]): KeyPoint[] {
  const kept: KeyPoint[] = [];
  for (const p of points) {
    const overlaps = (k: KeyPoint) => k.articleId === p.articleId && k.start < p.end && p.start < k.end;
    // the same sentence twice (a repeated paragraph, an article republished under another title) says it once
    if (!kept.some((k) => overlaps(k) || k.text === p.text)) kept.push(p);
  }
  return kept;
}

/** 指示語 that point back: 連体詞 (このような梅雨, こうした団体) and 代名詞 (これにより, それらを, 彼女は). */
const POINTING_BACK = new Set([
  "この",
  "その",
  "こうした",
  "そうした",
  "こういう",
  "そういう",
  "こんな",
  "そんな",
  "これ",
  "それ",
  "これら",
  "それら",
  "ここ",
  "そこ",
  "彼",
  "彼女",
  "彼ら",
]);
/** この春, この度, このほど: now, not what the sentence before said. */
const NOW_AFTER_KONO = new Set(["春", "夏", "秋", "冬", "度", "ほど", "たび"]);
/** Nouns that stand for something just named: 後者, 同年, 同社, 翌年, その後. */
const REFERRING_NOUNS = new Set([
  ...["前者", "後者", "両者", "その後", "同様"],
  ...["同年", "同月", "同日", "同社", "同氏", "同市", "同町", "同村", "同県", "同国", "同党", "同校", "同局", "同地"],
  ...["同書", "同作", "同誌", "同紙", "翌年", "翌月", "翌日", "翌朝", "翌週"],
]);
/** 例えば, たとえば: what follows is an example of what the sentence before said. */
const EXAMPLE_MARKERS = new Set(["例えば", "たとえば"]);
/** 具体的には: what follows spells out what the sentence before said. */
const SPELLS_OUT = /^具体的に(?:は|いうと|言うと)/u;
/** A sentence that opens with a quotation: its これ points inside the quotation (「これは面白い」と話した). */
const OPENS_WITH_QUOTE = /^\s*[「『（(【“]/u;

/**
 * Whether a sentence opens by pointing back at the sentence before it (照応): このような梅雨のことを…,
 * それらを…, 後者は…, 同年…, 翌5月31日より…, その後…; or by giving an example or the details of what it
 * said (例えば…, 具体的には…). Conjunctions and adverbs before the pointer are skipped (また、これを…,
 * さらにこれを…). Not これまで or ここ数年 (up to now), nor この春 or この度.
 */
export function refersBack(text: string, tokens: readonly Token[]): boolean {
  if (OPENS_WITH_QUOTE.test(text)) return false;
  // analyze() keeps no 記号: the 「 of a quotation is seen in the text above, not among the tokens
  const at = tokens.findIndex((t) => t.pos[0] !== "接続詞" && t.pos[0] !== "副詞");
  // 例えば…, 具体的には…: an example or the details of what the sentence before said, read with it
  // (「数多くの名建築を手掛けている。例えば国立屋内総合競技場…」).
  if (tokens.slice(0, at < 0 ? tokens.length : at).some((t) => EXAMPLE_MARKERS.has(t.surface))) return true;
  if (
    at >= 0 &&
    SPELLS_OUT.test(
      tokens
        .slice(at, at + 6)
        .map((t) => t.surface)
        .join(""),
    )
  )
    return true;
  const first = tokens[at];
  if (!first) return false;
  const next = tokens[at + 1];
  const [pos, detail] = first.pos;
  if (pos === "連体詞") return POINTING_BACK.has(first.surface) && !(next && NOW_AFTER_KONO.has(next.surface));
  if (pos === "名詞" && detail === "代名詞") {
    return POINTING_BACK.has(first.surface) && !(next && (next.surface === "まで" || next.pos[1] === "数"));
  }
  if (pos === "接頭詞") return first.surface === "同" || first.surface === "翌";
  return pos === "名詞" && REFERRING_NOUNS.has(first.surface);
}

/** Verbs that give a name (呼ぶ, 言う, 略す, 称する), by term or, where a term is none, surface (いう). */
const NAMING_VERBS: ReadonlySet<string> = new Set([
  "呼ぶ",
  "言う",
  "いう",
  "略す",
  "称す",
  "称する",
  "名付ける",
  "名づける",
]);
/** Particles that mark a sentence's own topic, subject or object, after a noun (主将も…と言う: its own subject). */
const OWN_ARGUMENTS: ReadonlySet<string> = new Set([...SUBJECT_MARKERS, "を", "も"]);
/** 言う as a verb of naming: said of a name only with も (小暦とも言う) or in the passive (…と言われる). */
const SAYS = new Set(["言う", "いう"]);

/**
 * Whether a sentence only gives a name to what the sentence before it says, leaving it unsaid (省略):
 * 「…単体で3フィート以上浮遊する。」 then 「空気感染と呼ばれる。」, 「…と略される。」, 「小暦とも言う。」. It closes on
 * a verb of naming, the name right before it: a noun quoted by と, with nothing between them but も and an
 * adverb (と一般的に呼ばれる). It has no topic, subject or object of its own: not 「通称は小暦と称される。」,
 * 「主将も「最高のチーム」と言う。」, nor 「各国軍部隊を、平和維持軍という。」 (日本では… is no topic of its own: a
 * place, with its particle). Not what someone said (「友人と京都へ行ったと言う。」, 「仲間と先輩に言う。」), nor
 * news hearsay (「意識不明の重体という。」): 言う names only with も or in the passive.
 */
export function namesWhatWasSaid(tokens: readonly Token[]): boolean {
  const verb = tokens.findLastIndex((t) => t.pos[0] === "動詞" && t.pos[1] === "自立");
  const named = tokens[verb];
  if (!named || !NAMING_VERBS.has(named.term ?? named.surface)) return false;
  const after = tokens.slice(verb + 1);
  if (after.some((t) => !["助動詞", "助詞"].includes(t.pos[0]) && t.pos[1] !== "接尾")) return false;
  const quote = tokens.findLastIndex((t, i) => i < verb && t.surface === "と" && t.pos[0] === "助詞");
  if (tokens[quote - 1]?.pos[0] !== "名詞") return false;
  // between the name and the verb, nothing a case particle marks (「仲間と先輩に言う」)
  const between = tokens.slice(quote + 1, verb);
  if (between.some((t) => t.pos[1] === "格助詞" || t.pos[0] === "動詞")) return false;
  const also = between.some((t) => t.surface === "も");
  if (SAYS.has(named.term ?? named.surface) && !also && after[0]?.pos[1] !== "接尾") return false;
  return !tokens.some(
    (t, i) => OWN_ARGUMENTS.has(t.surface) && t.pos[0] === "助詞" && tokens[i - 1]?.pos[0] === "名詞",
  );
}

export function sourceOf(article: Article): SourceRef {
  return {
    articleId: article.id,
    title: article.title,
    url: article.url,
    publisher: article.publisher,
    publishedAt: article.publishedAt,
  };
}

export type { QuestionType };
