import { foldLongVowel, type Token, WORD_CHAR, wordsOf } from "../text/analyze.ts";
import { CLAUSE_ENDS } from "../text/pos.ts";
import {
  isLaugh,
  mayStartQuestionWord,
  NAN,
  ORGANISATION_NOUNS,
  type QuestionType,
  SENTENCE_END,
} from "../text/question-words.ts";
import { splitSentences } from "../text/sentences.ts";
import { counterAsked, isPriceNoun, MEASURED_NOUNS, measureOf, PRICE_NOUNS } from "./answer-type.ts";

/** Words of a request: 教えて(ください), 知りたい, 説明して, 紹介してほしい. */
const REQUEST_VERBS = new Set(["教える", "知る", "説明", "解説", "紹介"]);
/** What may follow the て of a request: 教えてください, 教えてほしい, 教えてくれ, 教えてもらえますか. */
const AFTER_TE = new Set([
  "ください",
  "下さい",
  "ほしい",
  "欲しい",
  "くれ",
  "くれる",
  "もらえる",
  "もらえ",
  "いただける",
  "いただけ",
]);
/** How the request is to be met: 詳しく, 簡単に. */
const REQUEST_MANNERS = new Set(["詳しい", "簡単", "詳細"]);

/**
 * 挨拶と前置き: the words of a sentence that only greets, thanks, apologises or announces the question, and asks
 * nothing (「質問です。」, 「よろしくお願いします。」). IPADIC reads most greetings as 感動詞 (こんにちは, おはよう,
 * ありがとう, すみません, はじめまして, お疲れ様), which are no terms; these are the words it reads otherwise, and
 * a sentence of nothing else is no part of what is asked. Inside a sentence that says anything else they are
 * words like any other: 「質問箱の使い方は？」, 「お願いの仕方」.
 */
const COURTESY_WORDS: ReadonlySet<string> = new Set([
  // announcing the question: 質問です, 質問があります, 質問させてください, ご相談です, 初めて質問します,
  // 突然すみません, 質問いいですか
  "質問",
  "相談",
  "初めて",
  "突然",
  "いい",
  "良い",
  // closing with a request: よろしくお願いします, 宜しくお願いいたします, お願い申し上げます, よろしくです,
  // ご回答よろしくお願いします, 何卒よろしく…
  "よろしく",
  "宜しく",
  "よろしい", // よろしく closing a sentence: 「よろしくです。」
  "宜しい", // 宜しく closing a sentence: 「宜しくお願い致します。」
  "回答",
  "返答",
  "返信",
  "何卒",
  "お願い",
  "願う",
  "申し上げる",
  // thanks and apologies: 助かります, 感謝します, 恐れ入ります, 恐縮です, 失礼します
  "助かる",
  "感謝",
  "恐れ入る",
  "恐縮",
  "失礼",
  // いつもお世話になっております, どうも, おつかれさまです (お つかれ さま: IPADIC's お疲れ様 is in kanji)
  "いつも",
  "お世話",
  "どうも",
  "つかれる",
  "さま",
]);

/** Where a clause ends before another: 質問なんですが、…, すみませんが、…, 恐れ入りますが…. */
const CLAUSE_BUT = new Set(["が", "けど", "けれど", "けれども"]);

/**
 * Whether the tokens of a sentence (or of a clause opening one) only greet or announce the question: every
 * term a word of courtesy (see COURTESY_WORDS), nothing asked of them, no question word and no topic
 * (「質問とは？」 asks what 質問 is), and said as a greeting is, closing with no word of its own but the
 * politeness of its verb or an interjection (質問です, よろしくお願いします, どうもありがとう; 「質問いいですか？」
 * asks only leave to ask). A phrase closing with its noun names what is asked about: 「失礼な質問」, 「感謝」,
 * 「初めての相談」.
 */
function isCourtesy(tokens: readonly Token[]): boolean {
  if (
    !tokens.every((t, i) => !t.question && !isTopicMarker(tokens, i) && (t.term === null || COURTESY_WORDS.has(t.term)))
  )
    return false;
  // the last word, past punctuation, a closing particle (か, ね) and a が
  const last = tokens.findLast((t) => !isPunctuation(t) && !t.pos[1].includes("終助詞") && t.pos[1] !== "接続助詞");
  return last === undefined || last.term === null;
}

/** A token that is punctuation or a symbol, whatever IPADIC tags it (NFKC's ! and ? are read as nouns). */
function isPunctuation(token: Token): boolean {
  return token.pos[0] === "記号" || /^[\p{P}\p{S}]+$/u.test(token.surface);
}

/**
 * The question without what is around it. The question's sentences that only greet or announce it are no
 * part of it (「こんにちは。質問です。Xen 3.0ではどのOSが…？よろしくお願いします。」 asks what the third asks),
 * nor is an opening clause that does (「質問なんですが、Xenとは？」); and each sentence loses the request that
 * closes it (see withoutRequestAt): 「梅雨の時期を教えてください」 asks for 梅雨 and 時期, and so does
 * 「梅雨について教えて。時期を教えて。」. `tokens` are the analysis of `question`.
 */
export function withoutRequest(question: string, tokens: readonly Token[]): Token[] {
  tokens = withoutLaughs(question, tokens);
  const sentences: Token[][] = [];
  let from = 0;
  for (const sentence of splitSentences(question)) {
    let to = from;
    while (to < tokens.length && (tokens[to] as Token).start < sentence.end) to++;
    sentences.push(tokens.slice(from, to));
    from = to;
  }
  if (from < tokens.length) sentences.push(tokens.slice(from));
  const kept = sentences.map((own) => {
    // the courtesy clauses opening it, passed over one by one (cutting the sentence after each was quadratic:
    // 200,000 characters of 「質問なんですが、」 took 20 s)
    let from = 0;
    for (let end = clauseEnd(own, from); end >= 0 && isCourtesy(own.slice(from, end + 1)); end = clauseEnd(own, from)) {
      from = end + 1;
    }
    const rest = own.slice(from);
    return isCourtesy(rest) ? [] : rest;
  });
  // Beside a sentence that asks, an exclamation of courtesy words alone is one too (「よろしく！」, 「質問！」,
  // 「どうもどうも。」), and a sentence closing with 質問 announces it (「梅雨について質問。時期は？」); alone,
  // such words are what is asked about (「感謝」, 「良い質問」, 「離婚の相談」).
  const asking = kept.filter((own) => own.some((t) => t.term !== null) && !isExclamation(own));
  return withoutOneOf(
    kept.flatMap((own) =>
      asking.length > 0 && isExclamation(own) ? [] : withoutRequestAt(withoutAnnouncement(own, asking.length > 1)),
    ),
  );
}

/**
 * The tokens with no term for the 1つ of 「…の1つ」 (one of them: 「…都市のひとつは？」, 「…局のうちの1つ」): it says
 * how many are asked for, and is no word of what is asked about. In a small library no passage holds 1, and
 * a word no passage holds would weigh the most of the question's.
 */
function withoutOneOf(tokens: Token[]): Token[] {
  return tokens.map((t, i) => {
    if (!isOne(tokens, i) || tokens[i - 1]?.surface !== "の") return t;
    return { ...t, term: null };
  });
}

/**
 * The question without the laughs typed into it, which say nothing of what it asks: 「GLOWって何の雑誌？ｗ」,
 * 「…どこの事務所（笑）」, 「監督だれwww」, 「…誰の要望？草」 (NFKC makes ｗ a w). A run of w, 笑 or 草 standing
 * alone, or in brackets (（笑）): not in quotes, where it is the word asked about (「笑」の書き順); nothing of a
 * word right after it (W杯, 笑の大学) unless it follows a question's mark (「だれ？ｗｗ教えて」); a w not right
 * after letters, digits or 何 (1250W, 何W: watts); 笑 or 草 with no word after it, past a space or 、 (草 食べる
 * 動物, 食べられる草、教えて), but after a question word; and 草 not right after a noun or の, whose word it is
 * (何の草, 雑草), but after a mark, a question word or the end of a clause (？草, どこ草, なの草).
 */
function withoutLaughs(question: string, tokens: readonly Token[]): Token[] {
  // whether a word is said after each token, found once from the end (asked of each laugh, it was quadratic:
  // 20,000 characters of 「草 」 took 2 s)
  const wordAfter: boolean[] = new Array(tokens.length).fill(false);
  for (let i = tokens.length - 2; i >= 0; i--) {
    const next = tokens[i + 1] as Token;
    wordAfter[i] = wordAfter[i + 1] || saysWord(next);
  }
  return tokens.map((t, i) =>
    t.term !== null && isLaughAt(question, tokens, i, wordAfter[i] ?? false) ? { ...t, term: null } : t,
  );
}

const QUOTED = new Map([
  ["「", "」"],
  ["『", "』"],
  ["“", "”"],
  ['"', '"'],
]);
const BRACKETED = new Map([
  ["（", "）"],
  ["(", ")"],
]);

/** A token that says a word, and no laugh: after a laugh, one makes it a word (「草 食べる」). */
function saysWord(t: Token): boolean {
  return isSaid(t) && !isLaugh(t.surface);
}

function isLaughAt(question: string, tokens: readonly Token[], i: number, wordAfter: boolean): boolean {
  const t = tokens[i] as Token;
  if (!isLaugh(t.surface)) return false;
  const [opener, closer] = [question[t.start - 1] ?? "", question[t.end] ?? ""];
  if (QUOTED.get(opener) === closer) return false;
  if (BRACKETED.get(opener) === closer) return true;
  const before = tokens[i - 1];
  // after a question's mark it closes, whatever follows (「だれ？ｗｗ教えて」); else nothing of a word follows it
  const afterMark = before !== undefined && SENTENCE_END.test(before.surface);
  if (afterMark) return true;
  const next = tokens[i + 1];
  if (next && next.start === t.end && saysWord(next)) return false;
  const glued = before !== undefined && before.end === t.start && isSaid(before);
  if (t.surface.startsWith("w")) return !(glued && /[\p{Script=Latin}\p{N}何]$/u.test(before.surface));
  const afterQuestionWord = glued && before.question !== undefined;
  if (!afterQuestionWord && wordAfter) return false;
  if (t.surface.startsWith("草")) {
    return !glued || afterQuestionWord || (before.pos[0] !== "名詞" && before.pos[1] !== "連体化");
  }
  return true;
}

/**
 * A sentence of courtesy words alone, nothing between them but punctuation: 「よろしく！」, 「何卒よろしく。」
 * (a sentence of a question word, 「いつ？」, is none).
 */
function isExclamation(tokens: readonly Token[]): boolean {
  return (
    tokens.some((t) => t.term !== null) &&
    tokens.every((t) => (t.term !== null && COURTESY_WORDS.has(t.term)) || isPunctuation(t))
  );
}

/** What announces a question at the close of a sentence about its subject: Xenについて質問です, …のご相談です. */
const ANNOUNCING = new Set(["質問", "相談"]);

/**
 * A sentence without the 質問 or 相談 that closes it, announcing what the sentence says it is about:
 * 「Xenについて質問です。」, 「梅雨について質問があります」, 「Xenのご相談です」, and beside another sentence that
 * asks (`beside`), 「梅雨について質問。」. Not when it asks (「…についての質問？」), says more after it (「質問の
 * 仕方」), a clause says which 質問 (「答えられない質問」), or it names what is asked about (「離婚の相談」 alone).
 */
function withoutAnnouncement(tokens: readonly Token[], beside: boolean): Token[] {
  const at = tokens.findLastIndex((t) => t.term !== null);
  const noun = tokens[at];
  // after what it is about, and a particle (について, の): not 「答えられない質問」
  const before = tokens[tokens[at - 1]?.pos[0] === "接頭詞" ? at - 2 : at - 1];
  if (!noun?.term || !ANNOUNCING.has(noun.term) || before?.pos[0] !== "助詞") return [...tokens];
  // said to be one: 質問です, 質問があります, ご相談させてください; not 「離婚の相談」, which names it
  const next = tokens[at + 1];
  const said = next?.surface === "が" ? tokens[at + 2] : next;
  const closes = said === undefined || isPunctuation(said);
  if (closes ? !beside : said.pos[0] !== "助動詞" && said.pos[0] !== "動詞") return [...tokens];
  if (tokens.some((t) => t.question || /^[?？]/u.test(t.surface))) return [...tokens];
  const out = [...tokens];
  out[at] = { ...noun, term: null };
  return out;
}

/** Where the first clause of a sentence from `from` on ends before another (質問なんですが、…), or -1. */
function clauseEnd(tokens: readonly Token[], from: number): number {
  for (let i = from; i < tokens.length - 1; i++) {
    const t = tokens[i] as Token;
    if ((t.pos[1] === "接続助詞" || t.pos[0] === "接続詞") && CLAUSE_BUT.has(t.surface)) return i;
  }
  return -1;
}

/**
 * A sentence without the request that closes it: 「梅雨の時期を教えてください」 asks for 梅雨 and 時期,
 * 「梅雨について詳しく知りたいです」 for 梅雨. The request is a verb of telling or knowing in a request's form,
 * right after it — 教えて(ください), 知りたい, 説明して(ほしい) — with how it is to be met (詳しく, 簡単に)
 * before it. Not a request: 「マーラーが教えた学生は？」, 「誰に教えていたか」 (て, then いる), 「知られている」,
 * 「自己紹介とは？」 (a compound), 「梅雨について説明」. A question that is nothing but a request (「教えて
 * ください」) is left without a word, and is answered as one without words.
 */
function withoutRequestAt(tokens: readonly Token[]): Token[] {
  const asker = whoKnowsAt(tokens);
  if (asker >= 0) return tokens.map((t, i) => (i >= asker && t.term !== null ? { ...t, term: null } : t));
  const at = tokens.findLastIndex((t) => t.term !== null);
  const verb = tokens[at];
  const before = tokens[at - 1];
  if (!verb?.term || !REQUEST_VERBS.has(verb.term)) return [...tokens];
  // 自己紹介: a noun glued to the noun before it is part of a compound, not a request
  if (before && before.end === verb.start && before.pos[0] === "名詞" && verb.pos[0] === "名詞") return [...tokens];
  if (!requestFormAt(tokens, verb.pos[0] === "名詞" ? at + 1 : at)) return [...tokens];
  const out = [...tokens];
  out[at] = { ...verb, term: null };
  for (let i = at - 1; i >= 0; i--) {
    const t = out[i] as Token;
    if (t.term === null) continue;
    if (!REQUEST_MANNERS.has(t.term)) break;
    out[i] = { ...t, term: null };
  }
  return out;
}

/** Words of one who can answer: 知ってる人, わかる人, 教えてくれる人, 詳しい人, ご存知の方. */
const KNOWING = new Set(["知る", "わかる", "分かる", "教える", "詳しい", "ご存知", "ご存じ"]);
/** After 人 or 方, what asks whether there is one (いる？, いますか, いらっしゃいますか), or asks them to tell. */
const THERE_IS = new Set(["いる", "い", "おる", "おり", "いらっしゃる", "いらっしゃい", "教え"]);
/** What else may close that ask: 人はいますか, いませんか, いるかな, いたら教えてください. */
const CLOSING_ASK = new Set([
  "は",
  "が",
  "ます",
  "ませ",
  "ん",
  "か",
  "な",
  "ない",
  "の",
  "たら",
  "て",
  "ください",
  "下さい",
]);
/** What stands between the verb and 人: 知ってる, 知っている, 教えてくれる, ご存知の. */
const BETWEEN_KNOWING = new Set(["てる", "て", "いる", "くれる", "る", "た", "の"]);

/**
 * Where an ask for someone who knows starts, or -1: 「辞めた理由を知ってる人いる？」 asks why, as 「辞めた理由を
 * 教えて」 does, and 「この曲わかる人いますか」 what 曲 it is; 「Excelに詳しい人いる？」 asks about Excel.
 */
function whoKnowsAt(tokens: readonly Token[]): number {
  let i = tokens.length - 1;
  let asks = false;
  for (; i >= 0; i--) {
    const { surface } = tokens[i] as Token;
    if (THERE_IS.has(surface)) asks = true;
    else if (!CLOSING_ASK.has(surface) && !SENTENCE_END.test(surface)) break;
  }
  if (!asks || !["人", "方"].includes(tokens[i]?.surface ?? "")) return -1;
  i--;
  while (i >= 0 && BETWEEN_KNOWING.has((tokens[i] as Token).surface)) i--;
  const verb = tokens[i];
  return verb && KNOWING.has(verb.term ?? "") && i > 0 ? i : -1;
}

/** Whether the verb at `at` (する after a サ変 noun: 説明して) is in a request's form. */
function requestFormAt(tokens: readonly Token[], at: number): boolean {
  const verb = tokens[at];
  if (verb?.pos[0] !== "動詞") return false;
  const next = tokens[at + 1];
  if (next?.surface === "たい" || next?.surface === "ください" || next?.surface === "下さい") return true;
  if (next?.surface !== "て") return false;
  const after = tokens[at + 2];
  return (
    after === undefined || AFTER_TE.has(after.surface) || (after.term === null && SENTENCE_END.test(after.surface))
  );
}

/**
 * Where a question's topic ends: at its first は (梅雨は, 梅雨とは), or without one at a colloquial って after a
 * noun (ラオスの首都って). って after a verb quotes (行くって言った), and marks no topic.
 */
function topicMarker(tokens: readonly Token[]): number {
  const wa = tokens.findIndex(isWa);
  return wa >= 0 ? wa : tokens.findIndex((_, i) => isTopicTte(tokens, i));
}

/** Whether the token at `i` marks a topic: は, or って after a noun (false where there is no token). */
function isTopicMarker(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && (isWa(t) || isTopicTte(tokens, i));
}

function isWa(t: Token): boolean {
  return t.pos[1] === "係助詞" && t.surface === "は";
}

/** って after a noun; after a verb it quotes (行くって言った). */
function isTopicTte(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  return t.pos[0] === "助詞" && t.surface === "って" && tokens[i - 1]?.pos[0] === "名詞";
}

/**
 * 主題: the terms before the question's topic marker — 「Xen 3.0では どのOSが…」 → {xen, 3.0}, 「ラオスの首都
 * ってどこ？」 → {ラオス, 首都}. The answer sentence often leaves the topic to the sentence before it (これにより…).
 */
export function topicTerms(tokens: readonly Token[]): Set<string> {
  const marker = topicMarker(tokens);
  const questionAt = tokens.findIndex((t) => t.question);
  if (marker < 0 || (questionAt >= 0 && questionAt < marker)) return new Set();
  return new Set(wordsOf(tokens.slice(0, marker)));
}

/** What may stand between どの and the kind it asks for: どのような人物, どの様な. */
const BETWEEN_KIND = new Set(["よう", "様", "な", "の"]);

/**
 * The question's terms that name what it asks about, not the kind of answer it asks for: どんな人,
 * どういう国, どのような人物, and the kind a 何 names (何の略: `kind`).
 */
export function subjectTermsOf(tokens: readonly Token[], kind: Token | null = null): string[] {
  const subject = new Set<string>();
  let kindNext = false;
  for (const t of tokens) {
    if (t.question) {
      // 連体詞 question words take the kind after them: どんな人, どういう国, どのような人物
      kindNext = t.pos[0] === "連体詞";
      continue;
    }
    if (t.term === null) {
      if (!BETWEEN_KIND.has(t.surface)) kindNext = false;
      continue;
    }
    const isKind = t === kind || (kindNext && t.pos[0] === "名詞");
    kindNext = false;
    if (!isKind) subject.add(t.term);
  }
  return [...subject];
}

/** Nouns of a date that also end a compound as one: 開催日時, 設立年度 (see COMPOUND_ENDINGS). */
const DATE_NOUNS = ["日時", "年度", "日程", "時刻"];

/**
 * Nouns of a count: 数 and 率 alone (特区の数) or as a compound's suffix (議席数, 投票率), and the counts IPADIC
 * reads as one word (件数, 回数). Not 関数 or 変数: one word each, and no count.
 */
const COUNT_NOUNS: ReadonlySet<string> = new Set([
  "数",
  "率",
  "人数",
  "件数",
  "回数",
  "点数",
  "部数",
  "日数",
  "台数",
  "個数",
  "本数",
  "枚数",
  "票数",
]);

/** Kinds of number, not counts: 自然数 and 無理数 are cut as a compound, as 議席数 is. */
const KINDS_OF_NUMBER: ReadonlySet<string> = new Set([
  "自然数",
  "無理数",
  "有理数",
  "整数",
  "実数",
  "虚数",
  "複素数",
  "素数",
  "偶数",
  "奇数",
  "小数",
  "分数",
  "少数",
  "多数",
  "複数",
  "無数",
]);

/** Nouns of a name, which also end a compound as one: 正式名称, 英語名称. */
const NAME_NOUNS = ["名前", "名称", "別名", "愛称", "通称", "略称"];

/** Nouns of a place that also end a compound as one: 県庁所在地, 本社所在地. */
const PLACE_NOUNS = ["所在地", "出身地", "本拠地"];

/**
 * Kind nouns that end a compound as their own kind, whatever the noun before them (開催日時, 県庁所在地,
 * 正式名称); the others do after a サ変 noun only (発売時期, 撮影場所: see questionTypeOfQuestion).
 */
const COMPOUND_ENDINGS: ReadonlyMap<string, QuestionType> = new Map([
  ...DATE_NOUNS.map((noun) => [noun, "date"] as const),
  ...PLACE_NOUNS.map((noun) => [noun, "place"] as const),
  ...NAME_NOUNS.map((noun) => [noun, "name"] as const),
]);

/**
 * Nouns of a region: 「EURO2016で優勝した国は？」 asks where, as 「どこの国？」 does, and so do 「豊岡盆地が広がる
 * 市は」 and 「加盟国は？」.
 */
const REGIONS = ["国", "都市", "市", "町", "村", "州", "県", "地域", "地方", "島"];

/** ORGANISATION_NOUNS as terms (メーカー as メーカ). */
const ORGANISATIONS: ReadonlySet<string> = new Set([...ORGANISATION_NOUNS].map(foldLongVowel));

/**
 * Nouns that name the kind of answer a question without a question word asks for: 「梅雨の時期は？」 asks
 * for a date as 「梅雨はいつ？」 does, 「ラオスの人口は？」 for a number, 「不況の原因は？」 for a reason. An
 * organisation asks who, as 「どこの会社？」 does (「…を作った会社は？」). Keyed by term (メーカー as メーカ).
 */
const KIND_NOUNS = new Map<string, QuestionType>(
  (
    [
      ["date", ["時期", "時代", "年代", "日付", "年月日", "季節", ...DATE_NOUNS]],
      ["place", ["場所", "位置", "首都", "州都", "産地", "本社", "会場", ...PLACE_NOUNS, ...REGIONS]],
      ["number", ["人口", "割合", "期間", "年齢", ...COUNT_NOUNS, ...MEASURED_NOUNS]],
      ["price", PRICE_NOUNS],
      ["person", ["作者", "著者", "創業者", "創始者", "発明者", "設立者", "監督", ...ORGANISATIONS]],
      ["reason", ["理由", "原因", "きっかけ"]],
      ["manner", ["方法", "手段", "やり方"]],
      ["name", [...NAME_NOUNS, "本名", "学名", "芸名", "旧称"]],
    ] as const
  ).flatMap(([type, nouns]) => nouns.map((noun) => [foldLongVowel(noun), type] as const)),
);

/**
 * Kind nouns that also say what is asked about, where they do not close the question: the 店 of 「…の店の名前
 * は？」 is missing from an answer that names no shop. 名前, 方法 or 数 name nothing.
 */
const NAMES_A_THING: ReadonlySet<string> = new Set([...REGIONS, "会場", ...ORGANISATIONS]);

/** Kind nouns that say what a topic is, after it before なん: 「ラオスって国なんだっけ？」 asks whether. */
const SAYS_WHAT_IT_IS: ReadonlySet<string> = new Set([...REGIONS, ...ORGANISATIONS]);

/**
 * Nouns of a person's role or relation: a question that closes with one asks who, after の or a clause
 * (「第二次遣唐使ブーム 言い出した漫画家」, 「力学を提唱した歴史的人物は」, 「マーラーの妻は？」).
 */
const PERSON_ROLES: ReadonlySet<string> = new Set([
  "人",
  "人物",
  "女優",
  "俳優",
  "歌手",
  "選手",
  "監督",
  "先生",
  "社長",
  "会長",
  "芸人",
  "タレント",
  "アイドル",
  "ダンサー",
  "教授",
  "講師",
  "犯人",
  "主人公",
  "首相",
  "大統領",
  "知事",
  "市長",
  "妻",
  "夫",
  "父",
  "母",
  "父親",
  "母親",
  "息子",
  "娘",
  "相手",
  // roles IPADIC reads as one word, whose 家, 師 or 士 no suffix rule sees (作家, not 漫画 + 家)
  "作家",
  "画家",
  "詩人",
  "歌人",
  "職人",
  "芸能人",
  "記者",
  "医師",
  "教師",
  "弁護士",
  "棋士",
  "力士",
  "投手",
  "騎手",
  "声優",
  "主演",
  "主将",
  "司会",
  "通訳",
  "秘書",
  // heads IPADIC reads as one word: 〜長 is as often a length (身長, 全長) or no person (成長, 延長)
  "店長",
  "部長",
  "課長",
  "校長",
  "学長",
  "院長",
  "所長",
  "館長",
  "園長",
  "署長",
  "局長",
  "駅長",
  "船長",
  "艦長",
  "隊長",
  "団長",
  "組長",
  "座長",
  "総長",
  "議長",
  "班長",
  "係長",
  "室長",
  "町長",
  "村長",
  "首長",
  "相方",
  "相棒",
  "恋人",
  "彼氏",
  "コーチ",
  "キャプテン",
  "オーナー",
  "ゲスト",
  "ボーカル",
  "プロデューサー",
  "デザイナー",
  "アナウンサー",
  "キャスター",
]);

/**
 * The nouns before the suffix 長 that make a head of it (委員 + 長, 編集 + 長): after others 長 is as often a
 * length (ケーブル長, 車両長).
 */
const HEADED_BY_CHO: ReadonlySet<string> = new Set(["委員", "編集", "書記", "理事", "幹事", "料理"]);

/** Suffixes that make a noun a person's role: 漫画家, 参加者, 運転手, 会社員, 占い師, 弁護士. */
const PERSON_ROLE_SUFFIXES: ReadonlySet<string> = new Set(["家", "者", "手", "員", "師", "士"]);

/**
 * Whether a question's closing noun names a person's role (see PERSON_ROLES) or another kind noun that asks
 * who (作者, 会社), given the token before it: such a noun on its own (優勝した選手, マーラーの妻), not the last
 * noun of a compound (映画監督), or a noun with a suffix of a role (漫画|家).
 */
function isPersonRole(last: Token, before: Token | undefined): boolean {
  if (last.pos[0] !== "名詞") return false;
  const compound = before?.pos[0] === "名詞" && before.term !== null && before.end === last.start;
  if (last.pos[1] === "接尾" && last.surface === "長") return compound && HEADED_BY_CHO.has(before.surface);
  if (last.pos[1] === "接尾") return PERSON_ROLE_SUFFIXES.has(last.surface) && compound;
  return !compound && (PERSON_ROLES.has(last.surface) || KIND_NOUNS.get(last.term ?? "") === "person");
}

/**
 * Whether the words before a role say whose or which one: a noun with の (マーラーの妻, るろ剣の監督) or a
 * clause in the past (言い出した漫画家, 提唱した歴史的人物, これを作った人). 「料理上手な妻」 and 「喫煙者」 ask about
 * such people, and so does 人 after の (花粉症の人): 人 asks who only after a clause in the past.
 */
function saysWhose(before: readonly Token[], role: Token): boolean {
  const last = before.findLast((t) => t.surface !== "的");
  if (last?.surface === "の" && last.pos[1] === "連体化" && role.surface !== "人") return true;
  return before.some((t) => t.pos[0] === "助動詞" && (t.surface === "た" || t.surface === "だ"));
}

/** Whether the words after a question's last noun ask what it is: 「漫画家とは？」, 「映画監督って何？」. */
function asksWhatItIs(after: readonly Token[]): boolean {
  return after.some((t, i) => t.surface === "とは" || (t.surface === "と" && after[i + 1]?.surface === "は"));
}

/** Suffixes that make a noun of a date: 発売日, 設立年, 公開月. */
const DATE_SUFFIXES: ReadonlySet<string> = new Set(["日", "年", "月"]);

/** Particles after what a question is about: its topic (は, って) or subject (が). */
const ABOUT = new Set(["は", "って", "が"]);

/**
 * What a いくら or どれくらい question measures, when it says: the first that is a count or a price of the
 * noun right before the question word (この国は人口いくら, ジューサーは容量なんぼ) and the nouns its topics and
 * subjects end with, the last first (人口は2020年にはいくら, 議席数が増えるといくら, 値段はだいたいどれくらい).
 */
function measuredType(before: readonly Token[]): "number" | "price" | null {
  const candidates = measuredAt(before);
  const measures = new Set(measuresAt(before, candidates));
  for (const at of candidates) {
    const noun = before[at] as Token;
    // a quantity measured in a unit only where the question asks for it, not in a clause (高さが変えられる
    // デスクはいくら？ asks for a price)
    if (measureOf(noun) !== null) {
      if (measures.has(at)) return "number";
      continue;
    }
    if (isCount(noun)) return "number";
    if (isPriceNoun(noun, before[at - 1])) return "price";
  }
  return null;
}

/**
 * Where the quantities stand that a question asks to be measured: the last noun before the question word,
 * and a topic (は, って) with no predicate between it and the question word; not a subject (が) nor a
 * topic in a clause: 「高さが変えられるデスクはいくら？」, 「容量が大きいハヤテはどれくらい売れた？」.
 */
function measuresAt(before: readonly Token[], candidates = measuredAt(before)): number[] {
  const [last, ...others] = candidates;
  const found = last === undefined ? [] : [last];
  // the particle after each token, and the last predicate, read once (looked for from each topic, they were
  // quadratic: 「値段は」 50,000 times before いくら took 4.5 s)
  const particleAfter: number[] = new Array(before.length + 1).fill(-1);
  for (let i = before.length - 1; i >= 0; i--) {
    particleAfter[i] = (before[i] as Token).pos[0] === "助詞" ? i : (particleAfter[i + 1] as number);
  }
  const lastPredicate = before.findLastIndex((t) => t.pos[0] === "動詞" || t.pos[0] === "形容詞");
  for (const at of others) {
    const particle = particleAfter[at + 1] ?? -1;
    const marker = before[particle];
    if (!marker || marker.surface === "が") continue;
    if (lastPredicate > particle) continue;
    found.push(at);
  }
  return found;
}

/**
 * Where the nouns stand that may say what a question measures: the last noun, then those its topics
 * and subjects end with, the last first.
 */
function measuredAt(before: readonly Token[]): number[] {
  const candidates: number[] = [];
  const last = nounAt(
    before,
    before.findLastIndex((t) => t.term !== null || isSa(t)),
  );
  if (last !== -1) candidates.push(last);
  for (let i = before.length - 1; i > 0; i--) {
    const t = before[i] as Token;
    const noun = nounAt(before, i - 1);
    if (t.pos[0] === "助詞" && ABOUT.has(t.surface) && noun !== -1) candidates.push(noun);
  }
  return candidates;
}

/** The suffix さ that makes a noun of an adjective (高さ, 重さ). */
function isSa(t: Token | undefined): boolean {
  return t?.surface === "さ" && t.pos[1] === "接尾";
}

/**
 * Where the noun ending at `at` stands: a noun with a term, or the adjective of 高さ (高 + さ to kuromoji),
 * which stands for the word; -1 for anything else.
 */
function nounAt(tokens: readonly Token[], at: number): number {
  const t = tokens[at];
  if (t?.pos[0] === "名詞" && t.term !== null) return at;
  const adjective = tokens[at - 1];
  return isSa(t) && adjective?.pos[0] === "形容詞" && adjective.end === t?.start ? at - 1 : -1;
}

/**
 * The quantity a question for a number measures in a unit, when it names one where `measuredType` reads:
 * 容量 in 「104SHの互換バッテリー、容量なんぼ？」 and 「バッテリーの容量は？」, 高さ in 「東京タワーの高さはどれくらい」;
 * or right after a word of degree, an adjective or の and a noun: 「このバッテリーどれくらい重い？」, 「どのくらい
 * 長い？」, 「東京タワーはどのくらいの高さ？」. Not 高い, which asks a price as often (このカメラどのくらい高い？).
 */
export function measureAsked(tokens: readonly Token[]): Token | null {
  const wordAt = tokens.findIndex((t) => t.question);
  const before = wordAt === -1 ? tokens : tokens.slice(0, wordAt);
  for (const at of measuresAt(before)) {
    const noun = before[at] as Token;
    if (measureOf(noun) !== null) return noun;
  }
  if (wordAt === -1 || tokens[wordAt]?.question !== "number") return null;
  // the word of degree may be two tokens (どの くらい); then の, which may stand before a noun
  let next = wordAt + 1;
  while (tokens[next]?.question && tokens[next - 1]?.end === tokens[next]?.start) next++;
  if (tokens[next]?.surface === "の") next++;
  const measured = tokens[next];
  const adjective = measured?.pos[0] === "形容詞";
  if (!measured || (!adjective && measured.pos[0] !== "名詞") || (adjective && measured.surface === "高い"))
    return null;
  // only where it closes the question, or ある or なる after が or に (どれくらいの重さがある？): 「どれくらい長い
  // 時間待った？」 asks how long in time, 「どのくらいの長さの動画」 of a video
  const rest = tokens.slice(isSa(tokens[next + 1]) ? next + 2 : next + 1);
  const verb = rest[1];
  const being =
    (rest[0]?.surface === "が" || rest[0]?.surface === "に") &&
    verb?.pos[0] === "動詞" &&
    /^(あ|な)[るりっ]/u.test(verb.surface);
  return measureOf(measured) !== null && closesOn(being ? rest.slice(2) : rest) ? measured : null;
}

/** A copula or an auxiliary, a final particle, or the explaining の or ん: what closes a sentence on a word. */
function isCopulaOrFinal(t: Token): boolean {
  return t.pos[0] === "助動詞" || t.pos[1]?.includes("終助詞") === true || t.surface === "の" || t.surface === "ん";
}

/**
 * Whether the tokens after a question word only close the question (see isCopulaOrFinal: 何なの, 何なんですか),
 * with spoken なん (何なん), marks or a laugh; or か, after which a request or a verb of knowing frames the
 * question (何なのか教えて).
 */
function closesOn(after: readonly Token[]): boolean {
  for (const t of after) {
    if (t.surface === "か" && t.pos[0] === "助詞") return true;
    const closing = isCopulaOrFinal(t) || t.surface === "なん" || /^[w笑草]+$/u.test(t.surface) || !isSaid(t);
    if (!closing) return false;
  }
  return true;
}

/**
 * A noun that names a count or a measure, not money: 人口, 面積, 議席数, 成長率 (「議席数はいくらか」 asks for a
 * number).
 */
function isCount(t: Token): boolean {
  return KIND_NOUNS.get(t.term ?? "") === "number" || /[数率]$/u.test(t.surface);
}

/**
 * The kind of answer a question asks for: its question word's (いつ, どこ, 何人), or, without one, that of
 * the noun that closes it after の (梅雨の時期は？, ラオスの人口って？, 梅雨の時期を教えて). Not a noun of a
 * compound: 「戦国時代とは？」 asks what 戦国時代 is, 「映画監督とは？」 what a 映画監督 is. The noun before
 * いくら or どれくらい says what is measured: いくら asks for a number where it is a count (議席数はいくらか,
 * 人口はいくら), どれくらい for a price where it is one (値段どのくらい？).
 */
export function questionTypeOfQuestion(tokens: readonly Token[]): QuestionType | null {
  const wordAt = questionWordAt(tokens);
  const word = tokens[wordAt]?.question;
  if (word === "price" || (word === "number" && counterAsked(tokens) === null)) {
    const measured = measuredType(tokens.slice(0, wordAt));
    if (measured) return measured;
  }
  // 「発売日なんだっけ」, 「発売日何？」: 何 right after a noun, closing the question, asks what the noun is, and
  // the noun says what kind of answer, as in 「発売日は？」 (see asksRecalling in analyze.ts); not where the
  // question goes on (「誕生日何欲しい？」 asks what is wanted). After a topic, the spoken なん asks whether it
  // is that (「日本って安全な国なんだっけ？」, as 「日本って安全な国？」).
  const noun = tokens[wordAt - 1];
  const afterNoun =
    NAN.has(tokens[wordAt]?.surface ?? "") && noun?.pos[0] === "名詞" && noun.end === tokens[wordAt]?.start;
  if (word === "thing" && afterNoun && closesOn(tokens.slice(wordAt + 1))) {
    const asked = tokens.slice(0, wordAt);
    // (not where another question word comes before: 「いつ、どこで誕生したのかという過程なんだっけ」)
    if (!asked.some((t) => t.question)) {
      const at = asked.findLastIndex((t) => t.term !== null);
      // (a written 何 asks what: 「ラオスって首都何？」; so does a noun a clause says which one it is:
      // 「共産党は…発行する月刊のタイトルなんだっけ」)
      const clause = asked.some((t) => t.pos[0] === "動詞");
      // (an attribute right after the topic is the topic's: 「宮崎大輔の嫁さんって名前なんだっけ」 asks for
      // her name, as 「…の名前なんだっけ」 does; a person there, and before the spoken なん a region or an
      // organisation, says what the topic is: 「ソニーって会社なんだっけ」, 「ラオスって国なんだっけ？」; a venue is
      // the topic's (「このイベントって会場なんだっけ？」), and a written 何 asks what: 「このイベントって会場何？」)
      const noun = asked[at]?.term ?? "";
      const spoken = tokens[wordAt]?.surface === "なん";
      const kind =
        isTopicMarker(asked, at - 1) && !(spoken && SAYS_WHAT_IT_IS.has(noun)) ? KIND_NOUNS.get(noun) : undefined;
      if (kind && kind !== "person") return kind;
      if (spoken && !clause && asksWhetherItIs(asked, at)) return null;
      return questionTypeOfQuestion(asked) ?? word;
    }
  }
  // 「宮崎大輔の妻の名前は何？」, 「ラオスの首都って何？」: 何 asking what its topic is, where the topic names a
  // kind of answer, asks for one of that kind, as 「…の名前は？」 does
  // (not where the topic holds a question word: 「いつ、どこで誕生したのかという過程は何？」)
  if (
    word === "thing" &&
    isTopicMarker(tokens, wordAt - 1) &&
    closesOn(tokens.slice(wordAt + 1)) &&
    !tokens.slice(0, wordAt).some((t) => t.question)
  ) {
    const topic = questionTypeOfQuestion(tokens.slice(0, wordAt - 1));
    if (topic) return topic;
  }
  if (word) return word;
  // 発売された日は？: IPADIC reads 日 after a clause as 非自立, with no term
  const closing = tokens.findLastIndex((t) => t.term !== null || (t.pos[0] === "名詞" && t.pos[1] === "非自立"));
  const dependent = tokens[closing];
  if (dependent?.term === null && datedBy(dependent.surface, tokens[closing - 1])) return "date";
  const at = tokens.findLastIndex((t) => t.term !== null);
  // 「日本って安全な国？」, 「6月って梅雨の時期？」: a noun in the predicate after a topic asks yes or no
  if (asksWhetherItIs(tokens, at)) return null;
  const last = tokens[at];
  // お店, ご実家: the noun, after its honorific prefix
  const prefixed = tokens[at - 1]?.pos[0] === "接頭詞" && tokens[at - 1]?.end === last?.start;
  const before = tokens[prefixed ? at - 2 : at - 1];
  // the role word starts at its noun when it ends with a suffix (漫画|家)
  const role = last?.pos[1] === "接尾" ? at - 1 : at;
  if (
    last &&
    isPersonRole(last, before) &&
    saysWhose(tokens.slice(0, role), last) &&
    !asksWhatItIs(tokens.slice(at + 1))
  ) {
    return "person";
  }
  const definition = asksWhatItIs(tokens.slice(at + 1));
  // 発売日は？, SH-09Dの公開日, 設立年度は: a compound that ends in a date's suffix or noun asks when (not 3日,
  // 母の日); 発売時期, 撮影場所, 退任理由 ask for their kind as 時期, 場所 and 理由 do
  const compound = before?.pos[0] === "名詞" && before.pos[1] !== "数" && before.end === last?.start;
  if (compound && !definition && last) {
    if (last.pos[1] === "接尾" && DATE_SUFFIXES.has(last.surface)) return "date";
    // 開催日時, 県庁所在地, 正式名称
    const ending = COMPOUND_ENDINGS.get(last.term ?? "");
    if (ending) return ending;
    // 議席数は, 投票率は: a count of what the compound names
    if (
      last.pos[1] === "接尾" &&
      COUNT_NOUNS.has(last.surface) &&
      !KINDS_OF_NUMBER.has(before.surface + last.surface)
    ) {
      return "number";
    }
    // 機関紙名, 英語名: a name (not 若干名: 名 counts people after an adverbial noun, as after a number)
    if (last.pos[1] === "接尾" && last.surface === "名" && before.pos[1] !== "副詞可能") return "name";
    const kind = before.pos[1] === "サ変接続" ? KIND_NOUNS.get(last.term ?? "") : undefined;
    // not a role: 日本代表監督 is a title, not a question who holds it; an organisation is one (所属政党,
    // 所属事務所)
    if (kind && (kind !== "person" || ORGANISATIONS.has(last.term ?? ""))) return kind;
  }
  // 東京タワーの高さは？ (高 + さ), 電池容量は？ (a compound ending in the quantity)
  if (measureOf(last) !== null && !definition) {
    const adjective = last?.pos[0] === "形容詞";
    if (
      adjective
        ? nounAt(tokens, at + 1) === at && before?.surface === "の"
        : before?.pos[0] === "名詞" || before?.surface === "の"
    ) {
      return "number";
    }
  }
  if (!last?.term || last.pos[0] !== "名詞") return null;
  if (before?.surface === "の" && before.pos[1] === "連体化") return KIND_NOUNS.get(last.term) ?? null;
  // after a clause (完成した年は, 会議が開かれた場所は, 辞めた理由は): the clause says which one
  if (!endsClause(before) || definition) return null;
  return KIND_NOUNS.get(last.term) ?? (datedBy(last.term, before) ? "date" : null);
}

/**
 * Whether a question without a question word asks whether its topic is what the noun at `at` names: the noun
 * closes the predicate after a topic (は, って), with nothing after it but a copula or a final particle
 * (日本って安全な国？, 日本は平和な国なの？, ソニーって日本の会社だっけ). Not a noun that is itself the topic (ラオス
 * の首都は, ラオスの首都って？) or what the question asks to be told (…の時期を教えて).
 *
 * Only where the topic and the noun are plainly one sentence: the last topic before the noun, and between
 * them words written together (a comma after a particle aside: 日本って、安全な国？), with no polite ending and
 * no joining particle but て and で. A space, an emoji, a line break or 。 between them may end a sentence
 * (私は初心者w ラオスの首都？, 私は学生です。ラオスの首都？, 今日は雨だ 梅雨の時期？), and then the noun asks for
 * its kind: typing a yes/no question costs its answer less than losing the kind of a real one.
 */
function asksWhetherItIs(tokens: readonly Token[], at: number): boolean {
  const topic = tokens.findLastIndex((_, i) => i < at && isTopicMarker(tokens, i));
  if (topic < 0) return false;
  for (let i = topic; i < at; i++) {
    const t = tokens[i] as Token;
    // a gap (a space, 。, an emoji: what analysis drops) or a symbol it keeps ((, ?) may end a sentence; one
    // character after a particle is a comma (日本って、安全な国？)
    const gap = (tokens[i + 1] as Token).start - t.end;
    const comma = t.surface === "," || (gap === 1 && t.pos[0] === "助詞");
    if (!comma && (gap !== 0 || !isSaid(t))) return false;
    if (i > topic && t.pos[1] === "接続助詞" && t.surface !== "て" && t.surface !== "で") return false;
    if (t.pos[0] === "助動詞" && POLITE.has(t.surface)) return false;
  }
  // after the noun, a copula, denied too (国じゃない, 国ではない), and final particles
  const after = tokens.slice(at + 1);
  return after.every(
    (t, i) =>
      isCopulaOrFinal(t) ||
      t.surface === "じゃ" ||
      (t.surface === "で" && after[i + 1]?.surface === "は") ||
      (t.surface === "は" && after[i - 1]?.surface === "で") ||
      (t.pos[0] === "形容詞" && DENIED.has(t.surface)) ||
      SENTENCE_END.test(t.surface),
  );
}

/**
 * Whether a question with no question word asks for one person, place or thing: it closes on a noun that a
 * clause says which one is, with nothing after it but a topic's は or って (「…3国に分裂した現在の国家は」,
 * 「…施行されたのは」, 「…の原因となった法律」). Not on a noun said of another (「見本市の歴史は？」,
 * 「明日の天気」: what is asked is said of it, not who or what it is), on こと (「…許されることは」), after a
 * topic (「…開かれるのは何時」), on a predicate (「…は存在するか」, 「…使えるの？」), nor on a noun the question
 * asks whether its topic is (「日本って安全な国？」).
 */
export function asksForOne(tokens: readonly Token[]): boolean {
  const said = wordsSaid(tokens);
  const end = said.findLastIndex((t) => t.pos[0] !== "助詞");
  // 「…局の1つ」: IPADIC reads つ after a numeral as an auxiliary
  const at = said[end]?.surface === "つ" && said[end - 1]?.surface === "1" ? end - 1 : end;
  const last = said[at];
  if (last?.pos[0] !== "名詞" || last.surface === "こと") return false;
  const after = said.slice(end + 1);
  if (after.length > 1 || (after[0] && !isTopicMarker(said, end + 1))) return false;
  // a closing の or ん explains (「見本市が開かれるの」): before は it is a thing (「…施行されたのは」)
  if ((last.surface === "の" || last.surface === "ん") && after.length === 0) return false;
  // the noun phrase it closes (現在の国家), and the clause before it
  let start = at;
  while (start > 0 && (said[start - 1]?.pos[0] === "名詞" || said[start - 1]?.pos[1] === "連体化")) start--;
  const clause = said[start - 1];
  if (!clause || !(CLAUSE_ENDS.has(clause.pos[0] ?? "") || pointsAtWhatWasSaid(said, start - 1))) return false;
  return !asksWhetherItIs(
    said,
    said.findLastIndex((t) => t.term !== null),
  );
}

/**
 * Whether the token at `at` is この after a sentence or a clause that ends before it (「…放送している。この
 * ラジオ局は？」): the noun after it is the one that sentence says, as a quiz asks for it. Not その, which
 * says whose (「…ウェブサイトから成る。その代表は？」 asks for one of them).
 */
function pointsAtWhatWasSaid(said: readonly Token[], at: number): boolean {
  const kono = said[at];
  const before = said[at - 1];
  return (
    kono?.surface === "この" &&
    kono.pos[0] === "連体詞" &&
    before !== undefined &&
    CLAUSE_ENDS.has(before.pos[0] ?? "") &&
    before.end < kono.start
  );
}

/**
 * Whether a question asks for the one that does what its clause says: it asks for one (see asksForOne) with
 * the の of a clause that names no subject (「ノーベル経済学賞をアジアで初めて受賞したのは？」 asks who did).
 * Not where the clause says its subject (「見本市が開かれるのは？」 asks where or when it is held).
 */
export function asksForSubject(tokens: readonly Token[]): boolean {
  if (!asksForOne(tokens)) return false;
  const said = wordsSaid(tokens);
  const closing = said.findLastIndex((t) => t.pos[0] !== "助詞");
  return said[closing]?.surface === "の" && !said.some(isSubjectGa);
}

/** Whether a token says something: letters or digits, not a mark that analysis keeps (?, (). */
function isSaid(t: Token): boolean {
  return WORD_CHAR.test(t.surface);
}

/** The tokens of a question that say something, without a laugh typed after it (「…山は？笑」, 「山ー」). */
function wordsSaid(tokens: readonly Token[]): Token[] {
  const said = tokens.filter(isSaid);
  while (said.length > 0 && isTrailing(said.at(-1)?.surface ?? "")) said.pop();
  return said;
}

/** A laugh typed after a question, or a long vowel mark alone (「山ー」). */
function isTrailing(surface: string): boolean {
  return isLaugh(surface) || LONG_VOWELS.test(surface);
}

const LONG_VOWELS = /^ー+$/u;

/** What the subject of an article may answer: who, where, what (and a question for one of them, asksForOne). */
const SUBJECT_KINDS: ReadonlySet<QuestionType> = new Set(["person", "place", "thing"]);

/**
 * Whether a question may ask for the subject of an article it does not name: it asks who, where or what
 * (asksForOne without a question word), not what something is (「パルスとは何？」).
 */
export function asksWhoOrWhat(tokens: readonly Token[], type: QuestionType | null): boolean {
  if (asksWhatItIs(tokens) || asksOfAnother(tokens)) return false;
  return type === null ? asksForOne(tokens) : SUBJECT_KINDS.has(type);
}

/**
 * Whether a question asks for someone or something of the one a clause describes: 「交響曲を作曲した人の妻は
 * 誰？」 asks for the composer's wife, 「見本市が開かれる都市の姉妹都市は？」 for the city's sister city: the
 * clause says which one the kind of noun before の is, not the one asked for.
 */
function asksOfAnother(tokens: readonly Token[]): boolean {
  const said = tokens.filter((t) => isSaid(t) && !t.question);
  // 「…局の1つは何か」 asks for one of the 局, not for something of theirs
  let at = kindOfOne(
    said,
    said.findLastIndex((t) => t.pos[0] === "名詞" && t.term !== null),
  );
  while (at > 0 && said[at - 1]?.pos[0] === "名詞") at--;
  if (said[at - 1]?.pos[1] !== "連体化") return false;
  // the noun before の names a kind of one (人, 都市), which the clause says which one is; not a name or a
  // time (「…走るドイツの都市」, 「…分裂した現在の国家」: the clause is the 都市's and the 国家's)
  const of = said[at - 2];
  if (!of?.term || !(PERSON_ROLES.has(of.surface) || KIND_NOUNS.has(of.term))) return false;
  let head = at - 2;
  while (head > 0 && said[head - 1]?.pos[0] === "名詞") head--;
  return CLAUSE_ENDS.has(said[head - 1]?.pos[0] ?? "");
}

/**
 * The terms of the nouns that name the kind of what a question asks for: the nouns that close it, a clause or
 * の before them, with no predicate after them (ラジオ局 of 「…を放送しているラジオ局は？」, 国 of 「…銃撃戦が
 * 発生した国はどこ？」 and of 「…のはどこの国？」). None for a name alone before its topic marker (「ハノーファーは
 * どこ？」 asks about ハノーファー), nor for a noun a verb follows (「何が光合成する？」).
 */
export function askedNouns(tokens: readonly Token[]): Set<string> {
  const said = wordsSaid(tokens);
  const isNoun = (t: Token | undefined) => t?.pos[0] === "名詞" && t.term !== null;
  const last = said.findLastIndex(isNoun);
  if (said.slice(last + 1).some((t) => CLAUSE_ENDS.has(t.pos[0] ?? "") && t.pos[0] !== "助動詞")) return new Set();
  // 「…局の1つは？」 asks for one of the 局
  const end = kindOfOne(said, last);
  let start = end;
  while (start > 0 && isNoun(said[start - 1])) start--;
  if (start <= 0) return new Set();
  return new Set(said.slice(start, end + 1).map((t) => t.term as string));
}

/**
 * The noun that closes a sentence saying what its subject is: 作曲家 of 「…オーストリアの作曲家。」, 政党 of
 * 「…日本の政党である。」, 都市 of 「…主要都市のひとつ」 (through 「…のひとつ」 and a copula). Null where a predicate
 * closes the sentence.
 */
function closingNoun(tokens: readonly Token[]): { noun: Token; before: Token | undefined } | null {
  const said = tokens.filter(isSaid);
  const closing = said.findLastIndex((t) => t.pos[0] === "名詞" && t.term !== null);
  if (said.slice(closing + 1).some((t) => t.pos[0] !== "助動詞" && t.pos[0] !== "助詞")) return null;
  const at = kindOfOne(said, closing);
  const noun = said[at];
  if (noun?.pos[0] !== "名詞" || noun.term === null) return null;
  return { noun, before: said[at - 1] };
}

/**
 * The kind of answer a sentence's closing noun names, as a question's would (see KIND_NOUNS, isPersonRole),
 * a role also at the end of a compound: 「…オーストリアの作曲家。」, 「…日本のプロ野球選手。」 and 「…日本の政党。」
 * (an organisation answers who) a person, 「…ライネ川沿いにある大きな町。」 a place. Null where it names neither
 * (「…にある寺院。」, 「…過程のことである。」) or a predicate closes the sentence.
 */
export function closingKind(tokens: readonly Token[]): QuestionType | null {
  const closing = closingNoun(tokens);
  if (!closing) return null;
  const { noun, before } = closing;
  if (isPersonRole(noun, before) || isPersonRole(noun, undefined)) return "person";
  const kind = KIND_NOUNS.get(noun.term ?? "");
  return kind === "place" || kind === "person" ? kind : null;
}

/**
 * Whether a sentence says its subject is one of the kind of noun a question asks for (`asked`, see
 * askedNouns): its closing noun is that noun, or a compound it heads, as Japanese compounds are headed by
 * their last part: 「…日本の政党。」 is of 党 (「…したのは何党？」), 「…仏教の聖地。」 of 地, 「…総合建設会社。」 of
 * 会社; and 「…立憲君主制国家。」 of 国, 国家 being the state a 国 is.
 */
export function closesAsKind(tokens: readonly Token[], asked: ReadonlySet<string>): boolean {
  const noun = closingNoun(tokens)?.noun.term;
  return noun != null && [...asked].some((a) => isHeadedBy(noun, a));
}

/**
 * Whether a sentence with no topic or subject of its own says what it leaves unsaid is one of the kind of
 * noun asked for (see closesAsKind): 「かつて文化放送などとともに…時報CMが放送されていた局の1つ。」 in the entry
 * RKBラジオ says RKBラジオ is a 局. Not 「ドイツは…輸出国のひとつ。」, which says it of ドイツ, nor 「市の中心部に
 * 残るのが、…松前藩が築いた城。」 (see mainSubjectGa); a が in a clause before the noun is that clause's
 * (松前藩が築いた城).
 */
export function saysUnsaidIsOfKind(tokens: readonly Token[], asked: ReadonlySet<string>): boolean {
  return (
    !tokens.some((t, i) => (TOPIC_PARTICLES.has(t.surface) && t.pos[1] === "係助詞") || mainSubjectGa(tokens, i)) &&
    closesAsKind(tokens, asked)
  );
}

/**
 * Whether the token at `at` is the が of a sentence's own subject: after a clause made a noun by の (「…残るの
 * が、…城。」), or with no predicate after it (「東京が日本の首都。」); not in a clause (「松前藩が築いた城」).
 */
function mainSubjectGa(tokens: readonly Token[], at: number): boolean {
  const ga = tokens[at];
  if (!ga || !isSubjectGa(ga)) return false;
  const before = tokens[at - 1];
  if (before?.surface === "の" && before.pos[1] === "非自立") return true;
  return !tokens.slice(at + 1).some((t) => t.pos[0] === "動詞" || t.pos[0] === "形容詞");
}

/** Particles that make a noun a sentence's topic: は, and も in its stead. */
const TOPIC_PARTICLES: ReadonlySet<string> = new Set(["は", "も"]);

/**
 * Whether a noun's term is `kind` or a compound headed by it (政党 by 党); 国家 is a 国. Not a word whose
 * last character means something else there (NOT_HEADED: 悪党 is no party, 生地 no place, 天国 no state).
 */
function isHeadedBy(term: string, kind: string): boolean {
  if (term === kind || (term === "国家" && kind === "国")) return true;
  return term.endsWith(kind) && HAN_WORD.test(kind) && !NOT_HEADED.has(term);
}
const HAN_WORD = /^\p{Script=Han}+$/u;
/** Words IPADIC lists whose last character is no head of the kind it names: 悪党 (a villain), 生地 (cloth). */
const NOT_HEADED: ReadonlySet<string> = new Set([
  ...["悪党", "徒党", "甘党", "辛党"],
  ...["天国", "雪国", "南国", "北国"],
  ...["生地", "下地", "素地", "布地", "意地", "見地", "余地", "境地", "心地", "路地"],
]);

/**
 * Whether a sentence names, in a role that may answer (see mayAnswerAt), one of the kind of noun a question
 * asks for (`asked`), other than those the question says (`said`, without `asked`): a country, as IPADIC knows them
 * (オランダ, not ロッテルダム, for 「…国は？」); a name the noun heads (自民党 for 党; 横浜市, read as 横浜 市,
 * for 市), not a noun of the kind alone (政党, 与党) nor a number (野党5党); a person IPADIC knows, for a
 * person's role (作曲家); an organisation it knows, for an organisation (会社, 政党: 自由民主党, ソニー).
 */
export function namesOneOfKind(
  tokens: readonly Token[],
  text: string,
  asked: ReadonlySet<string>,
  said: ReadonlySet<string>,
): boolean {
  const countries = asked.has("国") || asked.has("国家");
  // (an organisation asks who too: KIND_NOUNS has 会社 as a person's kind)
  const people = [...asked].some(
    (a) =>
      !ORGANISATIONS.has(a) && (PERSON_ROLES.has(a) || PERSON_ROLE_SUFFIXES.has(a) || KIND_NOUNS.get(a) === "person"),
  );
  const organisations = [...asked].some((a) => ORGANISATIONS.has(a));
  const isName = (t: Token | undefined) =>
    t !== undefined && t.pos[1] !== "数" && (t.pos[1] === "固有名詞" || t.unknown === true);
  return tokens.some((t, i) => {
    if (t.term === null || said.has(t.term) || t.pos[0] !== "名詞") return false;
    const who = knownWho(t);
    if ((people && who === "人名") || (organisations && who === "組織")) return mayAnswerAt(tokens, i, text, "who");
    if (!mayAnswerAt(tokens, i, text, "place")) return false;
    const known = t.pos[1] === "固有名詞" && t.unknown !== true;
    if (countries && known && t.pos[2] === "地域" && t.pos[3] === "国") return true;
    const before = tokens[i - 1];
    const named = isName(t) || (isName(before) && before?.end === t.start && !said.has(before.term ?? ""));
    return named && [...asked].some((a) => isHeadedBy(t.term as string, a));
  });
}

/**
 * Whether a sentence names a person or an organisation IPADIC knows, that the question does not say, in a role
 * that may answer who (see mayAnswerAt): 「…（1964年 設計・丹下健三）…」 answers 「国立屋内総合競技場を設計したのは」.
 * Not a word kuromoji does not know, which it tags an organisation whatever it is (pyrrole, Lao); nor a name
 * said of a place (「東京大学で教えながら…受賞した。」).
 */
export function namesSomeone(tokens: readonly Token[], text: string, said: ReadonlySet<string>): boolean {
  return tokens.some(
    (t, i) => t.term !== null && !said.has(t.term) && knownWho(t) !== null && mayAnswerAt(tokens, i, text, "who"),
  );
}

/**
 * Whether a token is a person or an organisation IPADIC knows, and which. Not a word kuromoji does not know,
 * which it tags an organisation whatever it is (pyrrole, Lao).
 */
function knownWho(t: Token): "人名" | "組織" | null {
  if (t.pos[1] !== "固有名詞" || t.unknown === true) return null;
  return t.pos[2] === "人名" || t.pos[2] === "組織" ? t.pos[2] : null;
}

/**
 * Whether the name at `i` of a sentence's tokens (`text` the sentence) may answer a question for one of its
 * kind (`kind`: a place, or who): named as what the sentence is about (は, が, も after it and what stands for
 * it: 「ポルトガル代表が優勝した」), closing the sentence (「…を受賞したのは山田だ。」), or credited for a work
 * after ・ or ： (「設計・丹下健三」, 「監督：山田」); and, for who, as the one done to or by, with を or に
 * (「山田耕筰に師事した」 for 「…師事された作曲家は？」, 「指揮は、山田耕筰に任された。」: which of the two the
 * question asks for, the voice of its clause and the sentence's tell, and a person so named is not ruled
 * out). Not a name said as where, with what, whose or with whom (「ドイツへ輸出される」, 「東京大学で教えながら」,
 * 「自民党の議員」); nor, for a place, as where something goes or what is done to it (「ドイツに輸出される」,
 * 「決勝でフランスを破り」 names no country that won).
 */
function mayAnswerAt(tokens: readonly Token[], i: number, text: string, kind: "place" | "who"): boolean {
  const t = tokens[i] as Token;
  if (/[・：:]\s*$/u.test(text.slice(Math.max(0, t.start - 2), t.start))) return true;
  // a suffix or a word that stands for the named one (山田氏, ポルトガル代表, 日本政府); not a noun the name only
  // modifies (衆議院議員総選挙)
  let at = i;
  const standsFor = (u: Token | undefined) => u?.pos[1] === "接尾" || STANDS_FOR.has(u?.surface ?? "");
  while (standsFor(tokens[at + 1]) && tokens[at + 1]?.start === tokens[at]?.end) at++;
  const next = tokens[at + 1];
  // the sentence's end, or a copula (「…したのは山田だ。」)
  if (next === undefined || next.pos[0] === "助動詞") return true;
  if (next.pos[0] !== "助詞") return false;
  if (ABOUT_MARKERS.has(next.surface)) return true;
  return kind === "who" && DONE_TO.has(next.surface) && next.pos[1] === "格助詞";
}
/** Nouns after a name that stand for the one it names: ポルトガル代表 won as ポルトガル did. */
const STANDS_FOR: ReadonlySet<string> = new Set(["代表", "政府", "軍", "側", "チーム"]);
/** Particles after a name that make it what its sentence is about: its topic or subject. */
const ABOUT_MARKERS: ReadonlySet<string> = new Set(["は", "が", "も"]);
/** Case particles after a name that make it the one done to or by: 山田を招いた, 山田耕筰に師事した. */
const DONE_TO: ReadonlySet<string> = new Set(["を", "に"]);

/**
 * Whether a sentence says its own subject: a noun the question does not say (`said`), with が after it
 * (「…世界最大級の見本市が開かれる。」). Then a bare 「…開かれるのは？」 is answered by it, not by what the
 * sentence leaves unsaid.
 */
export function saysOwnSubject(tokens: readonly Token[], said: ReadonlySet<string>): boolean {
  return tokens.some(
    (t, i) => isSubjectGa(t) && tokens[i - 1]?.pos[0] === "名詞" && !said.has(tokens[i - 1]?.term ?? ""),
  );
}

/** が as the case particle of a subject (not the conjunction of 「…だが、」). */
function isSubjectGa(t: Token): boolean {
  return t.surface === "が" && t.pos[1] === "格助詞";
}

/** What makes a noun one of a kind: 「…の主要都市のひとつ」. */
const ONE_OF: ReadonlySet<string> = new Set(["ひとつ", "一つ", "一種", "ひとり"]);

/**
 * Where the noun is that a closing 「…のひとつ」 makes the noun of a kind (「…主要都市のひとつ」, 「…局の1つ」:
 * one of them), or `at` itself. IPADIC reads 1つ as a numeral and つ.
 */
function kindOfOne(said: readonly Token[], at: number): number {
  if (!isOne(said, at) || said[at - 1]?.surface !== "の") return at;
  // 「…都市のうちのひとつ」, 「…局の中の1つ」: of those among them
  const among = AMONG.has(said[at - 2]?.surface ?? "") && said[at - 3]?.surface === "の" ? at - 4 : at - 2;
  return said[among]?.term != null ? among : at;
}

/** Whether the token at `at` says one of a kind: ひとつ, 一つ, 一種, ひとり, or 1 and つ (IPADIC's 1つ). */
function isOne(tokens: readonly Token[], at: number): boolean {
  const one = tokens[at]?.surface ?? "";
  return ONE_OF.has(one) || (one === "1" && tokens[at + 1]?.surface === "つ");
}

/** Nouns that say among which a noun is one: 「…のうちのひとつ」, 「…の中の1つ」. */
const AMONG: ReadonlySet<string> = new Set(["うち", "中"]);

/** ない as IPADIC gives it after では: 国ではない, 国ではなかった. */
const DENIED = new Set(["ない", "なかっ", "なく"]);

/** Polite endings, which close a sentence rather than a clause describing a noun: 私は学生ですラオスの… */
const POLITE = new Set(["です", "ます", "でし", "まし"]);

/**
 * Where the question word that the question asks with starts: of several, the last, nearest its predicate
 * (「インドはなぜ貧しいのかという疑問から…決心をした無神論者は誰か」 asks who, 「1975年、誰の何が連載開始されたか」
 * what). -1 without one.
 */
function questionWordAt(tokens: readonly Token[]): number {
  let at = tokens.findLastIndex((t) => t.question);
  // a word of two tokens (何|年, い|つ, いくら|なん) is one: where it starts; not いつ|どこ
  for (; at > 0; at--) {
    const t = tokens[at] as Token;
    const before = tokens[at - 1] as Token;
    // 何時何分 and 何年何月 are one date: a 何 word after a date's
    const part =
      !mayStartQuestionWord(t.surface) ||
      before.question === t.question ||
      (NAN.has(t.surface) && before.question === "date");
    if (!before.question || before.end !== t.start || !part) break;
  }
  return at;
}

/**
 * Whether a noun after a clause asks for a date: 年 after any (完成した年は); 月 and 日 after an event, a
 * verb or た (桜が咲く月, 発売された日; not 木星の一番大きい月, 寒い日, 眠れない日). Not 時: 「眠れない時は？」
 * and 「スマホを落とした時は？」 ask what to do then. IPADIC reads 日 after a clause as 非自立, with no term.
 */
function datedBy(noun: string, clause: Token | undefined): boolean {
  if (!endsClause(clause)) return false;
  if (noun === "年") return true;
  const event = clause?.pos[0] === "動詞" || clause?.surface === "た" || clause?.surface === "だ";
  return (noun === "月" || noun === "日") && event;
}

/** Whether a token ends a clause that modifies the noun after it: た, 開かれる, 大きい. */
function endsClause(t: Token | undefined): boolean {
  return t !== undefined && (t.pos[0] === "助動詞" || t.pos[0] === "動詞" || t.pos[0] === "形容詞");
}

/**
 * Nouns that name what a question is about (a 一般 or proper noun, a number: 放射能, ダルビッシュ, the 5 of
 * iPhone 5), as opposed to what it says of it (移籍する, 大事, 動く), which an answer often says otherwise.
 */
const NAMING_NOUNS = new Set(["一般", "固有名詞", "数"]);

/**
 * The question's words that name what it is about, an answer's subject: its nouns and names, less the kind
 * of answer it asks for, which the answer gives rather than says: the noun that closes it (「…のスペック」,
 * 「…のコツは？」, 「…会社どこ？」, 「…主役の女優だれ」), a kind noun (名前, 方法, 値段), the kind a 何 or どんな
 * names (何県, どんな人).
 */
export function namingWords(tokens: readonly Token[], kind: Token | null): (Token & { term: string })[] {
  const subject = new Set(subjectTermsOf(tokens, kind));
  // The noun that closes the question names the kind of answer when no question word follows it (…の名前は？)
  // or one follows it at once (…主役の女優だれ); before は or って it is the subject (テザリングはいつから？).
  const at = tokens.findLastIndex((t) => t.term !== null);
  const next = tokens[at + 1];
  const asksKind = !tokens.slice(at + 1).some((t) => t.question) || (next?.question && next.start === tokens[at]?.end);
  const closing = asksKind ? tokens[at] : undefined;
  return tokens.filter(
    (t): t is Token & { term: string } =>
      t.term !== null &&
      t !== closing &&
      subject.has(t.term) &&
      (!KIND_NOUNS.has(t.term) || NAMES_A_THING.has(t.term)) &&
      t.pos[0] === "名詞" &&
      NAMING_NOUNS.has(t.pos[1]),
  );
}

/** A word shown from a question is cut to this many characters (grapheme clusters: ｶﾞ is one). */
const MAX_WORD_LENGTH = 30;
/** What a word shown from a question drops: controls, format characters, lone surrogates. */
const UNSHOWN = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const GRAPHEMES = new Intl.Segmenter("ja", { granularity: "grapheme" });

/** A token of one character (a grapheme: ｶﾞ is one). */
function isPiece(t: Token | undefined): boolean {
  // a grapheme is a few code units at most (a family emoji 11): a long token is read no further
  if (t === undefined || t.surface.length > 16) return false;
  let graphemes = 0;
  for (const _ of GRAPHEMES.segment(t.surface)) if (++graphemes > 1) return false;
  return graphemes === 1;
}

/**
 * A word cut to MAX_WORD_LENGTH graphemes, with … where it is cut. The segmenter is read no further than
 * that: reading all of a long word is quadratic on Node 20 (4.6 s for 40,000 characters).
 */
function cut(word: string): string {
  const characters: string[] = [];
  for (const { segment } of GRAPHEMES.segment(word)) {
    if (characters.length === MAX_WORD_LENGTH) return `${characters.slice(0, MAX_WORD_LENGTH - 1).join("")}…`;
    characters.push(segment);
  }
  return word;
}

/** A noun that is no question word (何 is a noun, and so is the どの of どのくらい, read as the suffix 殿). */
function isNoun(t: Token | undefined): boolean {
  return t?.pos[0] === "名詞" && !t.question;
}

/**
 * The words of a question that hold the tokens at the given indexes, as the question writes them, each
 * once: a run of such tokens, with the prefixes before it and the noun suffixes after it that kuromoji cuts
 * off (郵便局, not 郵便; not the adjective of 東京っぽい), and for a token of one character the short pieces
 * written together with it (令和, not 和), without controls or lone surrogates, cut to MAX_WORD_LENGTH characters.
 * Linear in the question's length.
 */
export function writtenWords(question: string, tokens: readonly Token[], at: ReadonlySet<number>): string[] {
  return writtenWordSpans(question, tokens, at).map((w) => w.word);
}

/** The words of `writtenWords`, each with the first and last of the tokens it is written with. */
export function writtenWordSpans(
  question: string,
  tokens: readonly Token[],
  at: ReadonlySet<number>,
): { word: string; first: number; last: number }[] {
  const touching = (a: Token | undefined, b: Token | undefined) =>
    a !== undefined && b !== undefined && a.end === b.start;
  const words: { word: string; first: number; last: number }[] = [];
  const seen = new Set<string>();
  /** The tokens before this one are in the words shown. */
  let shown = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!at.has(i)) continue;
    // One character cut from a longer word is none a reader knows (令和 is 令 + 和, 一万円札 一 + 万 + 円 + 札):
    // it is shown with the words of one character and the numbers written together with it, a number only
    // before it (1年半, 12年半; 令和, not 令和2年3月), and suffixes (一人分, not 一人分ジューサー). A digit alone
    // says something: 5 is no fragment.
    const fragment = isPiece(tokens[i]) && isNoun(tokens[i]) && !/[0-9]/u.test(tokens[i]?.surface ?? "");
    const joins = (t: Token | undefined, before: boolean) =>
      (before && t?.pos[0] === "接頭詞") ||
      (fragment &&
        isNoun(t) &&
        t?.term !== null &&
        (t?.pos[1] === "数" ? before || !/[0-9]/u.test(t.surface) : isPiece(t)));
    let first = i;
    while (first > shown && joins(tokens[first - 1], true) && touching(tokens[first - 1], tokens[first])) first--;
    let last = i;
    for (let next = tokens[last + 1]; touching(tokens[last], next); next = tokens[last + 1]) {
      if (
        !at.has(last + 1) &&
        !(next?.pos[0] === "名詞" && next.pos[1] === "接尾" && !next.question) &&
        !joins(next, false)
      )
        break;
      last++;
    }
    // once per word, however it is written (ウーバーイーツ, ｳｰﾊﾞｰｲｰﾂ): the terms of its missing tokens (東京都
    // and 東京 are one), of all its tokens for a fragment (一万円札 and 一人分 are two)
    const key = tokens
      .slice(first, last + 1)
      .filter((_, k) => fragment || at.has(first + k))
      .map((t) => t.term ?? t.surface)
      .join(" ");
    i = last;
    shown = last + 1;
    if (seen.has(key)) continue;
    seen.add(key);
    words.push({
      word: cut(question.slice(tokens[first]?.start, tokens[last]?.end).replace(UNSHOWN, "")),
      first,
      last,
    });
  }
  return words;
}

/**
 * Adjacent words in order, across particles but not across a question word: 「梅雨の期間は？」 → 梅雨→期間,
 * 「東西電機が発売したのはいつ？」 → 東西→電機, 電機→発売. The same for a question and for a sentence: a
 * sentence that has a question's pair says the two words as the question does.
 */
export function pairsOf(tokens: readonly Token[]): [string, string][] {
  const pairs: [string, string][] = [];
  let previous: string | null = null;
  for (const t of tokens) {
    if (t.question) previous = null;
    if (t.term === null) continue;
    if (previous !== null && previous !== t.term) pairs.push([previous, t.term]);
    previous = t.term;
  }
  return pairs;
}
