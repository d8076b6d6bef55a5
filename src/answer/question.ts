import type { Token } from "../text/analyze.ts";
import { wordsOf } from "../text/analyze.ts";
import type { QuestionType } from "../text/question-words.ts";

/**
 * What a question asks, read from its tokens: its topic, the terms that name its subject, and the
 * request around it (…について教えてください) that is no part of what it asks.
 */

/** Words of a request: 教えて(ください), 知りたい, 説明して, 詳しく, 簡単に. */
const REQUESTS = new Set(["教える", "知る", "説明", "解説", "紹介", "詳しい", "簡単", "詳細"]);

/**
 * The question without the request that closes it: 「梅雨の時期を教えてください」 asks for 梅雨 and 時期,
 * 「梅雨について詳しく知りたいです」 for 梅雨. From the end, the request's words (教える, 知る, 詳しい …) are no
 * search terms, up to the first other word: 「マーラーが教えた学生は？」 keeps 教える.
 */
export function withoutRequest(tokens: readonly Token[]): Token[] {
  const out = [...tokens];
  for (let i = out.length - 1; i >= 0; i--) {
    const t = out[i] as Token;
    if (t.term === null || t.question) continue;
    if (!REQUESTS.has(t.term)) break;
    out[i] = { ...t, term: null };
  }
  return out;
}

/** 係助詞 and their colloquial forms that mark a question's topic: 梅雨は, 梅雨って, 梅雨とは. */
function marksTopic(t: Token): boolean {
  return (t.pos[1] === "係助詞" && t.surface === "は") || (t.pos[0] === "助詞" && t.surface === "って");
}

/**
 * 主題: the terms before the question's topic marker — 「Xen 3.0では どのOSが…」 → {xen, 3.0}, 「ラオスの首都
 * ってどこ？」 → {ラオス, 首都}. The answer sentence often leaves the topic to the sentence before it (これにより…).
 */
export function topicTerms(tokens: readonly Token[]): Set<string> {
  const marker = tokens.findIndex(marksTopic);
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

/**
 * Nouns that name the kind of answer a question without a question word asks for: 「梅雨の時期は？」 asks
 * for a date as 「梅雨はいつ？」 does, 「ラオスの人口は？」 for a number, 「不況の原因は？」 for a reason.
 */
const KIND_NOUNS: ReadonlyMap<string, QuestionType> = new Map(
  Object.entries({
    ...Object.fromEntries(["時期", "時代", "年代", "日付", "日時", "年月日", "季節", "時刻"].map((n) => [n, "date"])),
    ...Object.fromEntries(
      ["場所", "位置", "所在地", "首都", "出身地", "産地", "本社", "本拠地"].map((n) => [n, "place"]),
    ),
    ...Object.fromEntries(
      ["人口", "人数", "割合", "面積", "金額", "価格", "値段", "高さ", "長さ", "重さ", "距離", "期間", "年齢"].map(
        (n) => [n, "number"],
      ),
    ),
    ...Object.fromEntries(["作者", "著者", "創業者", "創始者", "発明者", "設立者", "監督"].map((n) => [n, "person"])),
    ...Object.fromEntries(["理由", "原因", "きっかけ"].map((n) => [n, "reason"])),
    ...Object.fromEntries(["方法", "手段", "やり方"].map((n) => [n, "manner"])),
    ...Object.fromEntries(["名前", "名称", "別名", "愛称", "通称", "略称"].map((n) => [n, "name"])),
  }) as [string, QuestionType][],
);

/**
 * The kind of answer a question asks for: its question word's (いつ, どこ, 何人), or, without one, that of
 * the noun that closes it (梅雨の時期は？, ラオスの人口って？, 梅雨の時期を教えて).
 */
export function questionTypeOfQuestion(tokens: readonly Token[]): QuestionType | null {
  const word = tokens.find((t) => t.question)?.question;
  if (word) return word;
  const last = tokens.findLast((t) => t.term !== null);
  return last && last.pos[0] === "名詞" ? (KIND_NOUNS.get(last.term as string) ?? null) : null;
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
