import type { KuromojiToken } from "./tokenizer.ts";

/** The kind of answer a question asks for. */
export const QuestionType = {
  date: "date", // いつ, 何年
  place: "place", // どこ
  person: "person", // 誰, どなた
  number: "number", // いくつ, いくら, 何人
  reason: "reason", // なぜ, どうして
  manner: "manner", // どう, どのように
  thing: "thing", // 何, どの, どれ
} as const;
export type QuestionType = (typeof QuestionType)[keyof typeof QuestionType];

/** 疑問詞 by their normalized surface form. */
const QUESTION_WORDS: Readonly<Record<string, QuestionType>> = {
  いつ: "date",
  どこ: "place",
  どちら: "thing",
  誰: "person",
  だれ: "person",
  どなた: "person",
  何者: "person",
  いくつ: "number",
  いくら: "number",
  どれくらい: "number",
  どのくらい: "number",
  どれほど: "number",
  どれだけ: "number",
  なぜ: "reason",
  何故: "reason",
  どうして: "reason",
  どう: "manner",
  どのよう: "manner",
  どんな: "thing",
  どの: "thing",
  どれ: "thing",
  何: "thing",
  なに: "thing",
  なん: "thing",
};

const NAN = new Set(["何", "なに", "なん"]);

/** 助数詞 after 何 that ask for a date or time: 何年, 何月, 何日, 何時. */
const DATE_COUNTERS = new Set(["年", "月", "日", "時", "曜日", "世紀", "年代", "時代", "年度", "年間"]);

/**
 * The question type of a token, and whether the next token belongs to the question word
 * (何 + 助数詞: 何年 asks for a date, 何人 for a number).
 */
export function questionTypeOf(
  token: KuromojiToken,
  next: KuromojiToken | undefined,
): { type: QuestionType; includesNext: boolean } | null {
  const surface = token.surface_form;
  if (
    NAN.has(surface) &&
    next &&
    next.pos === "名詞" &&
    (next.pos_detail_1 === "接尾" || next.pos_detail_2 === "助数詞")
  ) {
    const type = DATE_COUNTERS.has(next.surface_form) ? "date" : "number";
    return { type, includesNext: true };
  }
  // 何故 is sometimes 何 + 故
  if (NAN.has(surface) && next?.surface_form === "故") return { type: "reason", includesNext: true };
  const type = QUESTION_WORDS[surface];
  if (!type) return null;
  // どう in どうぞ or どうも is not a question; kuromoji gives those as one token, so a bare どう is safe.
  return { type, includesNext: false };
}
