import type { Token } from "../text/analyze.ts";
import { MEASURE_NOUNS, NAN, PERCENT, type QuestionType } from "../text/question-words.ts";

// The patterns below match a run of numerals or a quotation only from its start (a lookbehind, or no
// nested opening quote): tried from every character of a run, a pattern reads it again each time,
// quadratic in the run's length (37 s for 100,000 一 against DATE). The engine applies them to passages
// of at most a few hundred characters, so this guards what a longer text would cost.

/** 日付: 2005年, 10月28日, 平成17年, 2005/10/31, 19世紀 */
const DATE =
  /(?<![0-9０-９])[0-9０-９]+\s*(年|月|日|世紀|年代)|(明治|大正|昭和|平成|令和|元禄|江戸時代)|[0-9]{4}\/[0-9]{1,2}|(?<![一二三四五六七八九十百千])[一二三四五六七八九十百千]+(年|月|日|世紀)/u;
/**
 * A date of the calendar, stricter than DATE, for a sentence that leans on the one before (see answer.ts): a
 * year of four digits (not 2000年間) or of an era, a month (not 5月病), a date with a slash, or a day as news
 * gives it (「同社は10日、」, 「10日から」). Not 「シーバスリーガル25年」, 「４日間で」 or 「2日分の化粧水」, which
 * DATE takes where the sentence also says the question's words. Read in normalized text.
 */
export const CALENDAR_DATE = new RegExp(
  [
    "(?<![0-9])[0-9]{4}\\s*年(?!間)",
    "(?<![0-9])[0-9]{4}/[0-9]{1,2}",
    "(明治|大正|昭和|平成|令和)\\s*([0-9]+|元|[一二三四五六七八九十]+)\\s*年",
    "(?<![0-9])[0-9]{1,2}\\s*月(?!間|病)",
    "(?<![一二三四五六七八九十百千])(十[一二]?|[一二三四五六七八九])月(?!間)",
    "(?<![0-9])[0-9]{1,2}\\s*日(?=[、,(（]|に|から|まで|付)",
  ].join("|"),
  "u",
);

/**
 * 金額: 85円, 3,980円, 1億8千万円, 100億ドル, 130万ユーロ, ¥17,640, $99, 三百円 (NFKC makes ￥ ¥ and ＄ $).
 * Not a bare number: 「…アプリっていくら？」 is not answered by 2位; nor a kanji numeral inside a word:
 * 関東一円 is all over 関東.
 */
const AMOUNT =
  /(?<![0-9])(?<![0-9][,.])[0-9][0-9,.]*\s*[万億千兆]*\s*(円|ドル|ユーロ|ポンド|ウォン|セント)|(?<!\p{Script=Han})[一二三四五六七八九十百千万億]+円|[¥$€£]\s*[0-9]/u;
/**
 * A price: an amount, or 無料. 無料 answers 「いくら？」 (「カケイボは無料で使える」), but for a while or in part
 * (「9月末まで無料」, キャンペーン, 基本無料) it says there is a price, which often follows (「月額料金は210円
 * です」): the answer's article is searched for an amount until a key point holds one.
 */
const MONEY = new RegExp(`${AMOUNT.source}|無料`, "u");
const FREE_FOR_NOW = new RegExp(
  [
    // until a date or a count (9月末まで, 2013年まで, 12/31まで, 先着100名まで; not iPhoneからAndroidまで), for a
    // while (しばらく, 今だけ, 30日間, 最初の1ヶ月), in part (一部, 基本プレイ無料)
    "([0-9年月日末内間名]まで|期間|キャンペーン|初月|初回|初年度|お試し|当面|当分|しばらく|今なら|いまなら|今だけ|先着|限定|限り|いっぱい|一部|年内)[^。]{0,20}無料",
    "[0-9]+\\s*(日間|週間|か月|ヶ月|ヵ月|カ月|年間)[^。]{0,6}無料",
    "基本(プレイ)?無料",
    "無料[^。]{0,10}(期間|キャンペーン|体験|お試し)",
    // a price besides: 課金, 有料, 料金がかかる (not 課金なし, 課金は一切ありません, 料金がかかりません)
    "課金(?![^。、]{0,6}(なし|無し|不要|ない|ありません|せず|しなくて|されない))",
    "有料",
    "料金がかか(?!ら|りませ)",
  ].join("|"),
  "u",
);
/**
 * 無料 as what the thing costs: not a free thing's name (無料アプリ, 無料通話, 無料配信アプリ; 無料ダウンロード and
 * 無料配信 say how it is had), nor 送料無料 (shipping), nor a 無料 denied (無料ではない, 無料でない; 無料ではじめる
 * is no denial).
 */
const FREE =
  /(?<!送料)無料(?=(?:ダウンロード|配信|提供|公開|配布)中?(?![\p{Script=Han}\p{Script=Katakana}])|[^\p{Script=Han}\p{Script=Katakana}]|$)(?!(?:では|じゃ)(?:な|あり)|でな)/u;

/** Whether a text gives the price asked for: an amount, or 無料 for good. */
function givesPrice(text: string): boolean {
  return AMOUNT.test(text) || (FREE.test(text) && !FREE_FOR_NOW.test(text));
}
/** 理由: 〜ため, 〜から, 〜ので, 〜によって, 理由, 原因 */
const REASON = /ため|ので|から[、。]|によって|により|理由|原因|おかげ|せいで/u;
/** 方法: 〜によって, 〜して, 方法, 手段 */
const MANNER = /によって|により|方法|手段|ことで|を使|用いて/u;
/** 命名: 「梅雨の中休み」, 〜という, 〜と呼ぶ/呼ばれる, 〜と称する, a reading in parentheses （からつゆ） */
const NAMING =
  /「[^「」]+」|『[^『』]+』|という|と(呼|よ)[ばびぶべ]|と称|と名付|と言[いうわ]|といい|[（(][\u3041-\u309f]+[）)]/u;
/** 地名の接尾辞: 〜県, 〜市 ... */
const PLACE_SUFFIX = new Set([
  "県",
  "市",
  "町",
  "村",
  "区",
  "都",
  "府",
  "州",
  "国",
  "島",
  "郡",
  "道",
  "寺",
  "城",
  "駅",
  "港",
  "山",
  "川",
]);
/** Counters of people, before which 様 or さん names no one (5名様, お二人様). */
const PEOPLE_COUNTERS: ReadonlySet<string> = new Set(["名", "人"]);
/** 人を表す接尾辞: 〜氏, 〜さん ... */
const PERSON_SUFFIX = new Set(["氏", "さん", "様", "君", "先生", "教授", "社長", "監督", "選手"]);

/**
 * The kind of thing a 何 question asks for, when it names one: 何気団 → 気団, 何県 → 県, 何の綱領 → 綱領.
 * Not for 何 + a counter (何年, 何人), which are question words of their own, nor 何 + a numeral (何十年).
 */
export function kindAsked(tokens: readonly Token[]): Token | null {
  for (let at = 0; at < tokens.length; at++) {
    const word = tokens[at] as Token;
    if (word.question !== "thing" || !NAN.has(word.surface)) continue;
    let next = tokens[at + 1];
    // 何の綱領: the noun after の
    if (next?.surface === "の" && next.pos[0] === "助詞") next = tokens[at + 2];
    if (next && next.pos[0] === "名詞" && next.pos[1] !== "数" && next.term !== null) return next;
  }
  return null;
}

/**
 * The counter a 何 question counts in: 何人 → 人, 何歳 → 歳, 何パーセント → パーセント. The answer is a number
 * in that counter (14人, 49歳), not any number the sentence holds (1860年).
 */
export function counterAsked(tokens: readonly Token[]): Token | null {
  for (const [at, word] of tokens.entries()) {
    if (word.question !== "number" || !NAN.has(word.surface)) continue;
    // 何十人, 何百メートル: numerals between 何 and the counter
    let next = at + 1;
    while (tokens[next]?.pos[1] === "数" && tokens[next]?.start === tokens[next - 1]?.end) next++;
    const counter = tokens[next];
    if (counter?.start !== tokens[next - 1]?.end) continue;
    // 何％: the percent sign alone, of IPADIC's word 「%?」 (see PERCENT)
    const percent = PERCENT.exec(counter?.surface ?? "")?.[0];
    if (counter && percent) return { ...counter, surface: percent };
    const counts = counter?.pos[2] === "助数詞" || MEASURE_NOUNS.has(counter?.surface ?? "");
    if (counter && counts) return counter;
  }
  return null;
}

/** Spellings of the same counter, as a number is written with them: 30パーセント and 30%, 3か所 and 3ヶ所. */
const COUNTER_SPELLINGS: readonly (readonly string[])[] = [
  ["パーセント", "%", "割"], // a share: 「何％？」 is answered by 「約9割」, 「何割？」 by 「90%」
  ["度", "°"], // NFKC makes ℃ °c
  ["人", "名"], // 何人乗れる: 7名まで
  ["か月", "ヶ月", "ヵ月", "カ月", "ケ月", "箇月"],
  ["か国", "ヶ国", "ヵ国", "カ国", "ケ国"],
  ["か所", "ヶ所", "ヵ所", "カ所", "ケ所", "箇所"],
];

/**
 * Units of measure, in their spellings: a product's specifications write them in letters (何ギガ → 64GB,
 * 何ワット → 100W). A number in one of them, in an article, gives a measure of what the
 * article is about (「168g」 for 何グラム), as a number of 人, 社 or 台 need not.
 */
const UNIT_SPELLINGS: readonly (readonly string[])[] = [
  ["メートル", "m"],
  ["キロメートル", "キロ", "km"],
  ["グラム", "g"],
  ["センチメートル", "センチ", "cm"],
  ["ミリメートル", "ミリ", "mm"],
  ["キログラム", "キロ", "kg"],
  ["トン"],
  ["インチ"],
  ["ギガバイト", "ギガ", "gb"],
  ["メガバイト", "メガ", "mb"],
  ["テラバイト", "テラ", "tb"],
  ["キロバイト", "kb"],
  ["ワット", "w"],
  ["キロワット", "kw"],
  ["ボルト", "v"],
  ["ヘルツ", "hz"],
  ["ギガヘルツ", "ghz"],
  ["メガヘルツ", "mhz"],
  ["リットル", "l"],
  ["ミリリットル", "ml"],
  ["キロカロリー", "カロリー", "kcal"],
  ["ミリアンペア", "mah"],
  ["馬力", "ps", "hp"],
  // a camera's pixels (1210万画素, 12.1MP), apart from a screen's (1920ピクセル, 1920px)
  ["画素", "mp"],
  ["ピクセル", "px"],
  ["平方キロメートル", "km2"],
  ["平方メートル", "m2"],
  ["ヘクタール", "ha"],
  ["坪"],
  ["畳"],
  ["マイル"],
  ["フィート"],
  ["ポンド"],
  ["光年"],
  ["cc"],
  ["mbps"],
  ["gbps"],
  ["ノット"],
  ["wh"],
  ["kwh"],
];
const UNITS: ReadonlySet<string> = new Set(UNIT_SPELLINGS.flat());
const SPELLINGS = [...COUNTER_SPELLINGS, ...UNIT_SPELLINGS];

const LENGTH = ["メートル", "キロメートル", "センチメートル", "ミリメートル", "インチ", "マイル", "フィート", "光年"];
const WEIGHT = ["グラム", "キログラム", "トン", "ポンド"];
const CAPACITY = [
  "ミリアンペア",
  "ギガバイト",
  "メガバイト",
  "テラバイト",
  "キロバイト",
  "リットル",
  "ミリリットル",
  "cc",
];
const AREA = ["平方キロメートル", "平方メートル", "ヘクタール", "坪", "畳"];

/**
 * Quantities measured in a unit, and their units: the value of one is a number in one of them (3,200mAh,
 * 250m, 1.2kg), not any number the sentence holds. 「104SHの互換バッテリー、容量なんぼ？」 is answered neither
 * by the 104 of the phone's name nor by its 1.5GHz CPU. 高さ, 重さ … are an adjective and さ to kuromoji.
 */
const MEASURES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  (
    [
      [["容量"], [...CAPACITY, "wh"]],
      [["重さ", "重量", "体重"], WEIGHT],
      [["高さ", "長さ", "距離", "身長", "全長", "標高", "厚さ", "深さ", "幅", "奥行き", "直径"], LENGTH],
      [["面積", "広さ"], AREA],
      [
        ["速度", "速さ"],
        ["キロメートル", "メートル", "mbps", "gbps", "ノット", "ギガヘルツ", "メガヘルツ"],
      ],
      [
        ["出力", "電力"],
        ["ワット", "キロワット", "馬力", "wh", "kwh"],
      ],
    ] as const
  ).flatMap(([nouns, units]) => {
    const spellings = new Set(units.flatMap((unit) => [...spellingsOf(unit)]));
    return nouns.map((noun) => [noun, spellings] as const);
  }),
);
/** The units a number question's measure is given in, when it asks for a quantity of `MEASURES`. */
function unitsOf(type: QuestionType, kind: Token | null): ReadonlySet<string> | undefined {
  return type === "number" ? MEASURES.get(measureOf(kind) ?? "") : undefined;
}

/** The nouns of `MEASURES`: 「バッテリーの容量は？」 asks for a number as 「人口は？」 does. */
export const MEASURED_NOUNS: ReadonlySet<string> = new Set(MEASURES.keys());

/**
 * The quantity a token names, when `MEASURES` has it: 容量 for 容量, 高さ for the adjective of 高さ (kuromoji
 * reads 高 + さ, and the adjective stands for the word) and for 重い (どれくらい重い？), and the measure an
 * adjective of the lesser end asks (軽い: 重さ).
 */
export function measureOf(t: Token | null | undefined): string | null {
  if (!t) return null;
  const whole = t.pos[0] === "形容詞" && t.surface.endsWith("い");
  const stem = whole ? t.surface.slice(0, -1) : t.surface;
  const name = t.pos[0] === "形容詞" ? (whole && OPPOSITE_MEASURES.get(stem)) || `${stem}さ` : (t.term ?? "");
  return MEASURES.has(name) ? name : null;
}

/**
 * The measure an adjective of its lesser end asks (どれくらい軽い？ asks the weight, どのくらい薄い？ the
 * thickness). Not the noun (口の軽さ, 影の薄さ are figures of speech as often).
 */
const OPPOSITE_MEASURES: ReadonlyMap<string, string> = new Map([
  ["軽", "重さ"],
  ["薄", "厚さ"],
  ["短", "長さ"],
  ["低", "高さ"],
  ["狭", "広さ"],
  ["浅", "深さ"],
  ["遅", "速さ"],
]);

/** A counter and its other spellings: パーセント, %. */
function spellingsOf(counter: string): Set<string> {
  return new Set([counter, ...SPELLINGS.filter((group) => group.includes(counter)).flat()]);
}

/** Nouns that name an amount of money: 「アプリの価格は？」, 「値段どのくらい？」, 「価格：85円」. */
export const PRICE_NOUNS = [
  "価格",
  "値段",
  "金額",
  "料金",
  "費用",
  "運賃",
  "月額",
  "定価",
  "売価",
  "税込",
  "代金",
  "手数料",
  "送料",
  "家賃",
  "会費",
  "年収",
  "給料",
  "時給",
  "年俸",
  "賃金",
  "罰金",
  "学費",
  "食費",
  "生活費",
  "給与",
] as const;
const PRICE_NOUN_SET: ReadonlySet<string> = new Set(PRICE_NOUNS);
/** Suffixes that make a price of a noun: 入場料, 電気代, 交通費, 家賃's 賃. */
const PRICE_SUFFIXES = new Set(["料", "代", "費", "賃"]);

/**
 * A noun that names an amount of money: 値段, 料金, 総額, 入場料, チケット代; given the token `before` it, not
 * the 代 of an age or a decade (30代).
 */
export function isPriceNoun(t: Token, before?: Token): boolean {
  if (t.pos[0] !== "名詞") return false;
  if (t.pos[1] === "接尾") return PRICE_SUFFIXES.has(t.surface) && before?.pos[1] !== "数";
  return PRICE_NOUN_SET.has(t.term ?? "") || t.surface.endsWith("額");
}

/** The kind of answer a question asks for, as the sentences of its answer's article are searched for it. */
export interface AnswerSought {
  /** Whether a normalized text may hold the answer: read without analysis, before it. */
  mayHold(text: string): boolean;
  /** Whether a sentence (its normalized text, its tokens) holds it, as `hasAnswerType` judges it. */
  holds(text: string, tokens: readonly Token[], writtenAt: WrittenAt): boolean;
  /**
   * Whether a key point that holds it ends the search: as `holds`, but 無料 for good gives a price too
   * (「カケイボは無料で使える」), though the article is searched for an amount only (another feature's
   * 「…は継続して無料で利用できます」 is no answer to what the new one costs).
   */
  settles(text: string, tokens: readonly Token[], writtenAt: WrittenAt): boolean;
  /** Whether a sentence names what its amount is, so that it answers without the question's words. */
  names(tokens: readonly Token[]): boolean;
  /** Whether any sentence may (`names` is never true when not). */
  readonly mayName: boolean;
}

/** Patterns a text must match to hold the kind of answer, where one is needed (see hasAnswerType). */
const PATTERNS: Partial<Record<QuestionType, RegExp>> = {
  date: DATE,
  number: /[0-9〇零一二三四五六七八九十百千万億兆数幾]|ゼロ/u,
  price: AMOUNT,
  reason: REASON,
  manner: MANNER,
  name: NAMING,
};

/**
 * For a question that asks for a kind of answer, how to find it in an article: a sentence holds it as
 * `hasAnswerType` judges. A text that does not match the kind's pattern (a date, an amount of money, ため),
 * or holds no spelling of the counter asked for, need not be analysed. Only an amount may answer without
 * the question's words: a sentence that says 価格, 料金 or 総額 names a price (「価格：85円」), and a unit of
 * measure names itself (168g); a date, a place or a name is in too many sentences of every article. Null
 * for a question without a type.
 */
export function answerSought(
  type: QuestionType | null,
  kind: Token | null,
  questionTerms: ReadonlyMap<string, unknown>,
): AnswerSought | null {
  if (type === null) return null;
  const units = unitsOf(type, kind);
  if (units) {
    const holds: AnswerSought["holds"] = (_text, tokens, writtenAt) => measuredIn(units, tokens, writtenAt);
    return {
      mayHold: (text) => PATTERNS.number?.test(text) ?? true,
      holds,
      settles: holds,
      // a measure names what it measures: 3,200mAh is a battery's capacity
      names: () => true,
      mayName: true,
    };
  }
  if (type === "number" && kind !== null) {
    const spellings = [...spellingsOf(kind.surface)];
    const holds: AnswerSought["holds"] = (_text, tokens, writtenAt) => countsIn(kind.surface, tokens, writtenAt);
    return {
      mayHold: (text) => {
        const folded = text.toLowerCase();
        return spellings.some((spelling) => folded.includes(spelling));
      },
      holds,
      settles: holds,
      // 168g is the weight of what the article is about; 3台, 5社, 14人 count what the sentence says
      names: () => UNITS.has(kind.surface),
      mayName: UNITS.has(kind.surface),
    };
  }
  const pattern = PATTERNS[type];
  return {
    mayHold: (text) => pattern?.test(text) ?? true,
    holds: (text, tokens, writtenAt) =>
      type === "price" ? AMOUNT.test(text) : hasAnswerType(type, text, tokens, questionTerms, kind, writtenAt),
    // 無料 for good gives the price too; any other kind ends the search where it is held
    settles: (text, tokens, writtenAt) =>
      type === "price" ? givesPrice(text) : hasAnswerType(type, text, tokens, questionTerms, kind, writtenAt),
    names: (tokens) => type === "price" && tokens.some((t, i) => isPriceNoun(t, tokens[i - 1])),
    mayName: type === "price",
  };
}

/** How the text writes a token, before analysis folded its case. */
export type WrittenAt = (token: Token) => string;

/**
 * Units in one letter that a capital makes another thing: 3G is a network (or 3 GB), 5M pixels 5 mega, not
 * 3 grams or 5 metres. SI writes g and m in lower case; kg, km, cm and mm are read in any case (1.5KG).
 */
const LOWER_CASE_UNITS = new Set(["g", "m"]);

/**
 * A number and then the counter, in any of its spellings, a space between allowed: 14人, 第9条, 三十人, 三十
 * 人, 60%, 3m (one token). g and m count in lower case only, where the text is at hand (`writtenAt`):
 * analysis folds case.
 */
function countsIn(counter: string, tokens: readonly Token[], writtenAt?: WrittenAt): boolean {
  return measuredIn(spellingsOf(counter), tokens, writtenAt);
}

/** A number and then one of `spellings`, as `countsIn` reads it. */
function measuredIn(spellings: ReadonlySet<string>, tokens: readonly Token[], writtenAt?: WrittenAt): boolean {
  /** Whether the text writes a unit of LOWER_CASE_UNITS at the end of a token as it is. */
  const asWritten = (t: Token, unit: string) =>
    !LOWER_CASE_UNITS.has(unit) || writtenAt === undefined || writtenAt(t).normalize("NFKC").endsWith(unit);
  return tokens.some((t, i) => {
    const before = tokens[i - 1];
    // km², which NFKC makes km2, is a unit of its own: km and then 2
    const next = tokens[i + 1];
    const power = next?.surface === "2" && next.start === t.end ? "2" : "";
    // analysis keeps no spaces, nor the offsets of what it drops: a gap of one character is the space
    if (spellings.has(t.surface + power) && before?.pos[1] === "数" && t.start - before.end <= 1)
      return asWritten(t, t.surface);
    // the number's reading in parentheses between it and the unit: 「高さ634(むさし)m」
    if (spellings.has(t.surface + power) && readingBefore(tokens, i)) return asWritten(t, t.surface);
    // a spec table's unit in parentheses after the number: 「質量：約140（g）」
    const number = tokens[i - 2];
    // (kuromoji reads ) and the punctuation after it as one token: 「約140（g）。」)
    const bracketed =
      before?.surface === "(" &&
      next?.surface.startsWith(")") === true &&
      number?.pos[1] === "数" &&
      number.end === before.start &&
      before.end === t.start &&
      t.end === next.start;
    if (bracketed && spellings.has(t.surface)) return asWritten(t, t.surface);
    // analysis joins a number and a unit written in letters: 3m, 5kg, 2190km2 (km², once NFKC has read it)
    const joined = t.pos[1] === "数" ? /^[0-9.,]+([a-z]+)(2?)$/u.exec(t.surface) : null;
    const unit = joined?.[1];
    return unit !== undefined && spellings.has(unit + (joined?.[2] || power)) && asWritten(t, unit);
  });
}

/** The most tokens kuromoji cuts a number's reading in kana into: 「(むさし)」 is one, 「(にせんじゅう)」 two. */
const MAX_READING_TOKENS = 4;

/**
 * Whether the tokens before `at` are a number and its reading in kana in parentheses, written together:
 * 「634(むさし)」 (kuromoji reads むさし as an adjective).
 */
function readingBefore(tokens: readonly Token[], at: number): boolean {
  const close = tokens[at - 1];
  if (close?.surface !== ")" || close.end !== tokens[at]?.start) return false;
  let open = at - 2;
  while (open > at - 2 - MAX_READING_TOKENS && tokens[open] && KANA.test(tokens[open]?.surface ?? "")) open--;
  const number = tokens[open - 1];
  return (
    open < at - 2 &&
    tokens[open]?.surface === "(" &&
    number?.pos[1] === "数" &&
    number.end === tokens[open]?.start &&
    tokens.slice(open, at).every((t, k, all) => k === 0 || all[k - 1]?.end === t.start)
  );
}

const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

/**
 * Whether a sentence names a thing of the kind asked for, other than the question's own: 揚子江気団 for
 * 「シベリア気団の後に現れるのは何気団か」 (not シベリア気団), 千葉県 for 何県, 民主党 for 何党.
 */
function namesKind(kind: Token, tokens: readonly Token[], questionTerms: ReadonlyMap<string, unknown>): boolean {
  return tokens.some((t, i) => {
    if (t.term === null) return false;
    // 千葉|県: the kind word after a noun of the sentence's own
    if (t.term === kind.term) {
      const before = tokens[i - 1];
      return (
        before !== undefined &&
        before.end === t.start &&
        before.pos[0] === "名詞" &&
        before.term !== null &&
        !questionTerms.has(before.term)
      );
    }
    // 民主党: one proper noun that ends with the kind word. Only proper nouns: 景色 is no 色, 物語 no 語.
    return (
      t.pos[1] === "固有名詞" &&
      t.surface.length > kind.surface.length &&
      t.surface.endsWith(kind.surface) &&
      !questionTerms.has(t.term)
    );
  });
}

/**
 * Whether a sentence holds the kind of thing a question asks for: a date for いつ, a place for どこ, a
 * person or an organisation for 誰, a number for いくつ, an amount of money for いくら, a 気団 for 何気団. Judged from kuromoji's 品詞 and a
 * few patterns. `writtenAt` gives a token as the text writes it, when the text is at hand.
 */
export function hasAnswerType(
  type: QuestionType,
  text: string,
  tokens: readonly Token[],
  questionTerms: ReadonlyMap<string, unknown>,
  kind: Token | null = null,
  writtenAt?: WrittenAt,
): boolean {
  // 誰 and どこ ask for a name the question does not say: 「シェーンベルクに謝ったのは誰？」 is not answered by
  // シェーンベルク, nor 「コンゴの首都は？」 by コンゴ.
  const unasked = (t: Token | undefined) => t !== undefined && (t.term === null || !questionTerms.has(t.term));
  // A suffix names a place or a person after a name (田中様, 浦安市), not after a count: 「抽選で5名様に」,
  // 「お二人様」, 「全国3市で」 say how many. A name may be written in kanji numerals (四万十市, 十三駅, 一二三さん)
  // or end with a counter (六ヶ所村): only digits and the counters of people count.
  const named = (t: Token | undefined) =>
    unasked(t) &&
    !(t?.pos[1] === "数" && /[0-9]/u.test(t.surface)) &&
    !(t?.pos[1] === "接尾" && PEOPLE_COUNTERS.has(t.surface));
  if (kind && type === "thing") return namesKind(kind, tokens, questionTerms);
  const units = unitsOf(type, kind);
  if (units) return measuredIn(units, tokens, writtenAt);
  if (kind && type === "number") return countsIn(kind.surface, tokens, writtenAt);
  switch (type) {
    case "date":
      return DATE.test(text);
    case "place":
      return tokens.some(
        (t, i) =>
          (t.pos[1] === "固有名詞" && t.pos[2] === "地域" && unasked(t)) ||
          (t.pos[1] === "接尾" && PLACE_SUFFIX.has(t.surface) && named(tokens[i - 1])),
      );
    case "person":
      return tokens.some(
        (t, i) =>
          (t.pos[1] === "固有名詞" && (t.pos[2] === "人名" || t.pos[2] === "組織") && unasked(t)) ||
          (t.pos[1] === "接尾" && PERSON_SUFFIX.has(t.surface) && named(tokens[i - 1])),
      );
    case "number":
      return tokens.some(isNumber);
    case "price":
      return MONEY.test(text);
    case "reason":
      return REASON.test(text);
    case "manner":
      return MANNER.test(text);
    case "name":
      // 何と呼ぶ: the sentence that answers gives a name (このような梅雨のことを空梅雨（からつゆ）という).
      return NAMING.test(text) && tokens.some((t) => t.term !== null && !questionTerms.has(t.term));
    case "thing":
      // 何, どの OS: the answer names something the question does not: a proper noun or a foreign word.
      return tokens.some(
        (t) =>
          t.term !== null &&
          !questionTerms.has(t.term) &&
          (t.pos[1] === "固有名詞" || /^[a-z][a-z0-9.+-]+$/u.test(t.term)),
      );
  }
}

/**
 * A number: a numeral, or digits that analysis joined with a unit (3m, 1.5ghz). Not digits in a name
 * (104sh, x86, sc-04d): a model's name holds no answer to how many.
 */
function isNumber(t: Token): boolean {
  // analysis reads digits and letters as one number (104sh, 168g): only a unit's letters make it one
  if (/[a-z]/u.test(t.surface)) {
    const unit = /^[0-9][0-9.,]*([a-z]+)2?$/u.exec(t.surface)?.[1];
    return unit !== undefined && (UNITS.has(unit) || NUMBER_SUFFIXES.has(unit));
  }
  return t.pos[1] === "数" || /[0-9]/u.test(t.surface);
}

/**
 * Letters after a number that make it a quantity, besides the units of measure: 500mg, 60fps, 64bit,
 * 300dpi, 14nm, 4k, 3d, 1080p, 3x. Any others name a thing (104sh, 240b, 3ds).
 */
const NUMBER_SUFFIXES = new Set(["mg", "fps", "bit", "bps", "kbps", "dpi", "ppi", "nm", "k", "d", "p", "x", "mwh"]);
