import type { KuromojiToken } from "./tokenizer.ts";

/** The kind of answer a question asks for. */
export const QuestionType = {
  date: "date", // いつ, 何年
  place: "place", // どこ
  person: "person", // 誰, どなた
  number: "number", // いくつ, 何人, どのくらい
  price: "price", // いくら, 何円, 値段は: an amount of money
  reason: "reason", // なぜ, どうして
  manner: "manner", // どう, どのように
  thing: "thing", // 何, どの, どれ
  name: "name", // 何という, 何と呼ぶ: the name something goes by
} as const;
export type QuestionType = (typeof QuestionType)[keyof typeof QuestionType];

/** 疑問詞 by their normalized surface form. */
const QUESTION_WORDS: ReadonlyMap<string, QuestionType> = new Map(
  Object.entries({
    いつ: "date",
    どこ: "place",
    何処: "place", // どこ in kanji, as some write it
    どちら: "thing",
    どっち: "thing", // spoken どちら
    どこら: "place", // どこらへん, どこら辺
    誰: "person",
    だれ: "person",
    どなた: "person",
    何者: "person",
    いくつ: "number",
    幾つ: "number",
    いくら: "price",
    幾ら: "price",
    なんぼ: "price", // 関西: いくら
    何分: "number", // 何分かかる？: IPADIC reads it as one adverb (なにぶん), which questions never mean
    なぜ: "reason",
    何故: "reason",
    どうして: "reason",
    どう: "manner",
    どのよう: "manner",
    どんな: "thing",
    どういう: "thing", // 連体詞: どういう意味か
    どういった: "thing",
    どの: "thing",
    どれ: "thing",
    何: "thing",
    なに: "thing",
    なん: "thing",
  } satisfies Record<string, QuestionType>),
);

/**
 * Nouns of an organisation: どこ before の and one of them asks for its name, as 誰 does for a company
 * (「…の和田奈央子ってどこのチーム？」: 浦和レッズ, 「どこのブランド？」: リーバイス), not for a place.
 */
export const ORGANISATION_NOUNS: ReadonlySet<string> = new Set([
  "会社",
  "企業",
  "メーカー",
  "業者",
  "ブランド",
  "チーム",
  "球団",
  "クラブ",
  "団体",
  "組織",
  "政党",
  "党",
  "新聞",
  "社",
  "事務所",
  "レーベル",
  "放送局",
  "テレビ局",
  "局",
  "大学",
  "高校",
  "学校",
  "店",
]);

/** Nouns read after an organisation's that ask where it is: 「どこの大学の近く？」. */
const PLACE_NOUNS = new Set(["近く", "場所", "辺り", "あたり", "周辺", "近所", "前", "隣"]);

/**
 * Whether the words after どこの (`after(k)`, from the token after の) name an organisation: its noun, or
 * the last noun of a compound (出版|社, 放送|局; not a laugh typed after it: どこの会社ｗ), after an お (お店); not followed by の and a place
 * (どこの大学の近く).
 */
function asksOrganisation(after: (k: number) => KuromojiToken | undefined): boolean {
  let k = after(0)?.pos === "接頭詞" ? 1 : 0;
  let noun: KuromojiToken | undefined;
  // a compound of at most a few nouns
  const isWord = (t: KuromojiToken | undefined) =>
    t?.pos === "名詞" && /^[\p{L}\p{N}]/u.test(t.surface_form) && !isLaugh(t.surface_form);
  for (let n = 0; n < 4 && isWord(after(k)); n++, k++) noun = after(k);
  if (!noun || !ORGANISATION_NOUNS.has(noun.basic_form)) return false;
  return !(after(k)?.surface_form === "の" && PLACE_NOUNS.has(after(k + 1)?.basic_form ?? ""));
}

/** 何 as it is written: the question word that asks for a thing, or with a noun after it for a kind. */
export const NAN = new Set(["何", "なに", "なん"]);

/** What closes a question: kuromoji tags a half-width ? (NFKC of ？) as a noun. */
export const SENTENCE_END = /^[?!？！。．.]/u;
/** 何と and なんと as kuromoji gives them: one 副詞 token. */
const NAN_TO = new Set(["何と", "なんと", "何て", "なんて"]);
/** Question words after which なん is the spoken copula なの (see questionTypeOf). */
const ASKING_BEFORE_NAN: ReadonlySet<string> = new Set([...QUESTION_WORDS.keys(), "なんで"]);
/** The quoting という as IPADIC gives it, written and spoken: 何という, なんていう, 何っていう. */
const QUOTING = new Set(["という", "ていう", "っていう"]);

/**
 * What なんて (or 何 + て) asks for, as 何という does: a name (spoken なんて曲？, 何て名前の曲？, なんてアプリ使って
 * る？, この犬なんて名前なの？, これなんて曲？, この花なんて花？), or a thing for なんて意味？, what something means.
 * Not the なんて of such a thing as: after a verb (来るなんて嘘？), or after a noun unless a noun of a name, the
 * same noun or これ closes the question (英語なんて勉強する意味ある？, 私なんて素人？, 俺なんて名前だけだよ,
 * それなんて冗談でしょ？); nor the exclamation closing with だ (なんて日だ); nor なんと, an exclamation before a
 * noun as often (なんと社長が).
 */
function askedByNante(
  surface: string,
  next: KuromojiToken | undefined,
  after: (k: number) => KuromojiToken | undefined,
  previous: KuromojiToken | undefined,
): QuestionType | null {
  // where the noun lies: right after なんて, or after 何 and て (after(0))
  const at = NANTE.has(surface) ? -1 : NAN.has(surface) && next?.surface_form === "て" ? 0 : null;
  if (at === null) return null;
  const named = at < 0 ? next : after(at);
  if (named?.pos !== "名詞" || !NAMED_NOUN.has(named.pos_detail_1)) return null;
  if (previous?.pos === "動詞" || previous?.pos === "助動詞") return null;
  if (after(at + 1)?.surface_form === "だ" && closesExclaiming(after(at + 2))) return null;
  const afterNoun = previous?.pos === "名詞" && !SENTENCE_END.test(previous.surface_form);
  const meaning = named.basic_form === "意味";
  // before 意味 (なんて意味ないよ) or after a noun (それなんて嘘でした), なんて is as often such a thing as: a name's
  // noun must close the sentence, and any other noun a question
  if (meaning || afterNoun) {
    const name = !meaning && NAMES_NANTE_ASKS.has(named.basic_form);
    if (!name && !meaning && !namesAfterNoun(named, previous)) return null;
    if (!closesFrom(after, at + 1, !name)) return null;
  }
  return meaning ? "thing" : "name";
}

/** Whether what follows an exclamation's だ closes it: nothing, 。 or ！ (なんて日だ！; not なんて名前だ？). */
function closesExclaiming(t: KuromojiToken | undefined): boolean {
  return t === undefined || /^[。！!]/u.test(t.surface_form);
}

/**
 * Whether なんて after a noun (`previous`) and before `named` asks for a name: before a noun of a name, the
 * same noun, or after これ (この犬なんて名前？, この花なんて花？, これなんて曲？); elsewhere it is as often such a
 * thing as (英語なんて勉強する, 夢なんて夢でしょ).
 */
function namesAfterNoun(named: KuromojiToken, previous: KuromojiToken | undefined): boolean {
  if (NAMES_NANTE_ASKS.has(named.basic_form) || named.basic_form === previous?.basic_form) return true;
  return POINTING.has(previous?.surface_form ?? "");
}

/**
 * Whether the sentence closes from `after(from)` on: at its end, or after nothing but a copula, in the past
 * too, a final particle, the topic は or a laugh (曲？, 名前だっけ, 曲ですか, 名前なの？, 名前でしたっけ, 曲だった？,
 * 名前は？, 名前w, 名前〜？); not 名前だけだよ, nor the presumptive 冗談でしょ？ (it is, isn't it). `asking`: it
 * must close as a question, with ？ (!? too), か, っけ, a spoken なの or なん, or with nothing after the noun:
 * 「これなんて曲ですか」, 「これなんて曲なの」, 「これなんて曲」, not 「それなんて嘘でした」 or 「夢なんて夢だね」.
 */
function closesFrom(after: (k: number) => KuromojiToken | undefined, from: number, asking: boolean): boolean {
  // the spoken なの or なん that ends a question without ？ (これなんて曲なの, 曲なんw)
  let nano = false;
  for (let k = from; k < from + MAX_CLOSING; k++) {
    const t = after(k);
    if (t === undefined) return !asking || k === from || nano;
    if (/[?？]/u.test(t.surface_form) || QUESTION_FINALS.has(t.surface_form)) return true;
    if (SENTENCE_END.test(t.surface_form)) return !asking;
    if (t.pos === "記号") continue;
    const final = t.pos === "助詞" && t.pos_detail_1.includes("終助詞");
    const topic = t.surface_form === "は" && t.pos === "助詞";
    if (!final && !topic && !COPULAS.has(t.surface_form) && !isLaugh(t.surface_form) && t.surface_form !== "ー")
      return false;
    if ((t.surface_form === "の" || t.surface_form === "ん") && after(k - 1)?.surface_form === "な") nano = true;
  }
  return false;
}

/** Final particles that close a question: か, っけ, かな (の only before the end: 意味のない). */
const QUESTION_FINALS = new Set(["か", "っけ", "かな", "かしら"]);
/** Words read after a name's noun before the question closes (see closesFrom). */
const MAX_CLOSING = 5;
/** A copula and its past (だっ|た, でし|た), and what closes on it: 名前なの, 曲なん (の, ん). */
const COPULAS = new Set(["だ", "です", "な", "だっ", "でし", "た", "の", "ん"]);
/** A laugh after a question: 名前w, 曲ｗ (NFKC: w), 笑, 草, repeated (名前wwww, 曲笑笑). */
export function isLaugh(surface: string): boolean {
  return LAUGH.test(surface);
}

const LAUGH = /^(?:w+|笑+|草+)$/u;

/** Pronouns that point at a thing, whose name なんて after them asks for (これなんて曲？). */
const POINTING = new Set(["これ", "それ", "あれ", "こっち", "そっち", "あっち"]);

/** 何て and なんて: spoken 何という before a noun (なんて曲？). */
const NANTE = new Set(["何て", "なんて"]);
/** Nouns なんて names a kind of (なんて曲？, なんて名前？): not a pronoun or a formal noun. */
const NAMED_NOUN = new Set(["一般", "固有名詞", "サ変接続"]);
/** Nouns of a name, which なんて after a noun asks for (この犬なんて名前？). */
const NAMES_NANTE_ASKS = new Set([
  "名前",
  "名",
  "名称",
  "呼び名",
  "タイトル",
  "題名",
  "曲名",
  "店名",
  "商品名",
  "愛称",
]);

/** Verbs that name something: 何と「いう」, 何と「呼ぶ」, 何と「読む」. */
const NAMING_VERBS = new Set(["いう", "言う", "呼ぶ", "よぶ", "称する", "読む", "名付ける", "名づける"]);

/** The particle も. */
function isMo(t: KuromojiToken | undefined): boolean {
  return t?.surface_form === "も" && t.pos === "助詞";
}

/** でも, as one token or で + も. */
function isDemo(first: KuromojiToken | undefined, second: KuromojiToken | undefined): boolean {
  return first?.surface_form === "でも" || (first?.surface_form === "で" && second?.surface_form === "も");
}

/** Verbs after なんで that ask with what, not why: なんでできてる, なんで行く. */
const MEANS_VERBS = new Set(["できる", "出来る", "作る", "つくる", "行く", "来る", "帰る", "通う", "払う"]);

/** 副助詞 of degree after どれ, どの or spoken どん: どれくらい, どのぐらい, どれほど, どんだけ (and the noun 程度: どの程度). */
const DEGREE = new Set(["くらい", "ぐらい", "ほど", "だけ"]);

/** 助数詞 after 何 that ask for an amount of money: 何円, 何ドル. */
const MONEY_COUNTERS = new Set(["円", "ドル", "ユーロ", "ポンド", "ウォン", "セント"]);

/**
 * Units IPADIC reads as common nouns, not 助数詞: 何馬力 asks for a number of 馬力 (304ps) as 何ワット does for
 * one of ワット, not for a kind of 馬力 as 何気団 asks for a kind of 気団. The unit stays a search term: an
 * article may name it (1210万画素).
 */
export const MEASURE_NOUNS: ReadonlySet<string> = new Set(["馬力", "画素", "ピクセル", "ドット"]);

/**
 * A percent sign after 何 asks for a number, as 何パーセント does. IPADIC's ％ is a 助数詞, but NFKC makes it %,
 * a symbol IPADIC reads as a noun, and one word with the symbols after it: 「何％？」 is 何 + 「%?」.
 */
export const PERCENT = /^[%‰]/u;

/** Numerals read between 何 and its counter, after the first: 何千万円. */
const MAX_NUMERALS = 3;

/** 助数詞 after 何 that ask for a date or time: 何年, 何月, 何日, 何時. */
const DATE_COUNTERS = new Set(["年", "月", "日", "時", "曜日", "世紀", "年代", "時代", "年度", "年間"]);

/**
 * Words of knowing and telling, which take an indirect question: 首都はどこか教えて, どこか分からない,
 * どこかご存知ですか.
 */
const KNOWING_WORDS = new Set([
  "教える",
  "知る",
  "分かる",
  "わかる",
  "判る",
  "調べる",
  "聞く",
  "尋ねる",
  "確かめる",
  "知れる",
  "ご存知",
  "ご存じ",
  "存じる",
]);

/** Whether a verb's base form is one of knowing or telling (see KNOWING_WORDS). */
export function isKnowingWord(base: string): boolean {
  return KNOWING_WORDS.has(base);
}

/** Closing quotes: 「どこか」 closes a quoted question. */
const CLOSING_QUOTES = new Set(["」", "』", "”", '"']);

/** What a question word is read in: the token before it, and whether its sentence has a topic before it. */
export interface QuestionContext {
  readonly previous?: KuromojiToken | undefined;
  /**
   * A topic (は) or subject (が, って) after a noun before it in the same clause: 「首都はどこか教えて」, not
   * 「誰か教えて」 nor 「この曲は最高だけど、誰か教えて」.
   */
  readonly topic?: boolean;
}

/**
 * Whether a question word and か ask, given the token after か: where the question closes (コアはいくつか。,
 * どこかな; not at a comma: 「誰か、知ってる？」 asks whether someone knows), or as an indirect question
 * after a topic (首都はどこか教えて). 「誰か教えて」 asks someone to tell.
 */
function asksThere(
  t: KuromojiToken | undefined,
  topic: boolean,
  afterComma: KuromojiToken | undefined,
  verbs: ReadonlySet<string> = KNOWING_WORDS,
): boolean {
  if (t === undefined || SENTENCE_END.test(t.surface_form) || CLOSING_QUOTES.has(t.surface_form)) return true;
  if (t.pos === "助詞" && t.pos_detail_1 === "終助詞") return true;
  if (!topic) return false;
  // 首都はどこか、教えてください: after a topic, a comma before the verb of telling
  const verb = COMMAS.has(t.surface_form) ? afterComma : t;
  return verb !== undefined && verbs.has(verb.basic_form === "*" ? verb.surface_form : verb.basic_form);
}

const COMMAS = new Set(["、", ","]);

/** The verb of telling, which いくらか asks before (いくらか教えて, いくらか、教えてください): see questionTypeOf. */
const TELLING_WORDS: ReadonlySet<string> = new Set(["教える"]);

/** Whether a word after `previous` stands apart from what came before: after a sentence, a comma, or a verb. */
function callsOn(previous: KuromojiToken | undefined): boolean {
  if (previous === undefined) return false;
  if (SENTENCE_END.test(previous.surface_form) || COMMAS.has(previous.surface_form)) return true;
  return previous.pos === "動詞" || (previous.pos === "助詞" && previous.pos_detail_1 === "接続助詞");
}

/** Counters IPADIC cuts after 何 + か: 何か国語 (何 か 国語), 何か国 (何 か 国). */
const KA_COUNTERS = new Set(["国", "国語"]);

/**
 * A question word's indefinite form (誰か, 何か, どこかで, なぜか, 〜かどうか, 誰も, どこでも, 何度も): it asks
 * nothing, and is no search term, as the question word is none.
 */
const INDEFINITE = { type: null, includesNext: false } as const;

/** Whether a token may be where a question word starts: 何, いつ (い of い|つ), どこ; not 年 of 何年. */
export function mayStartQuestionWord(surface: string): boolean {
  return MAY_ASK.has(surface);
}

/**
 * 何 and the noun after it, as a question asks with them: 何年 a date, 何円 a price, 何人 a number, 何メートル a
 * number of a measure (the noun stays a term), 何十年 and 何千万円 by the counter after the numerals; `beyond`,
 * where the token after the counter is (`after(beyond)`). Null for any other noun: 何県 and 何杯 ask for a kind.
 */
function countedBy(
  next: KuromojiToken,
  after: (k: number) => KuromojiToken | undefined,
): { type: QuestionType; includesNext: boolean; beyond: number } | null {
  if (DATE_COUNTERS.has(next.surface_form)) return { type: "date", includesNext: true, beyond: 0 };
  if (MONEY_COUNTERS.has(next.surface_form)) return { type: "price", includesNext: true, beyond: 0 };
  if (next.pos_detail_2 === "助数詞" || PERCENT.test(next.surface_form))
    return { type: "number", includesNext: true, beyond: 0 };
  if (MEASURE_NOUNS.has(next.surface_form)) return { type: "number", includesNext: false, beyond: 0 };
  if (next.pos_detail_1 !== "数") return null;
  // at most a few numerals: 何千万億円 (a run of 何何何… must not be read to its end from each 何)
  let k = 0;
  while (k < MAX_NUMERALS && after(k)?.pos_detail_1 === "数") k++;
  const counter = after(k)?.surface_form ?? "";
  const type = DATE_COUNTERS.has(counter) ? "date" : MONEY_COUNTERS.has(counter) ? "price" : "number";
  return { type, includesNext: true, beyond: k + 1 };
}

/** A question word and か as IPADIC gives them, as one adverb: what they ask where they ask. */
const ADVERB_KA: ReadonlyMap<string, QuestionType> = new Map([
  ["いつか", "date"],
  ["なにか", "thing"],
  // IPADIC reads 誰か after a noun or の as one noun (友達の誰かが, 書いたの誰か教えて), elsewhere 誰 + か
  ["誰か", "person"],
  ["だれか", "person"],
  ["いくらか", "price"],
  ["幾らか", "price"],
]);

/** The surfaces questionTypeOf reads as (part of) a question word; any other token is none. */
const MAY_ASK: ReadonlySet<string> = new Set([
  ...QUESTION_WORDS.keys(),
  ...NAN,
  ...NAN_TO,
  "なんで",
  "い", // いつ after の or は, read as い + つ
  "はい",
  ...ADVERB_KA.keys(),
  "どん", // spoken どんくらい, どんだけ
]);

/**
 * The question type of a token, given the tokens after it (`after(k)`: the k-th after `next`), and
 * whether the next token belongs to the question word
 * (何 + 助数詞: 何年 asks for a date, 何人 for a number). 何 before any other noun (何気団, 何県, 何語)
 * asks for a thing of that kind: the noun stays a search term, and `kindAsked` names it.
 */
export function questionTypeOf(
  token: KuromojiToken,
  next: KuromojiToken | undefined,
  after: (k: number) => KuromojiToken | undefined = () => undefined,
  context: QuestionContext = {},
): { type: QuestionType | null; includesNext: boolean } | null {
  const surface = token.surface_form;
  // most tokens are no question word: every surface read below is in MAY_ASK
  if (!MAY_ASK.has(surface)) return null;
  const afterNext = after(0);
  // A question word and か is an indefinite pronoun: いくつかの国 (some), 誰かが (someone), 何か食べたい, どこかで.
  // Not where the question closes with it (コアはいくつか。, どこかな) or asks to be told (どこか教えて, いつか
  // 分からない): an indirect question.
  const ka = next?.surface_form === "か" && next.pos === "助詞";
  // 何か国語, 何か国: 何 and a counter IPADIC cuts in two
  if (ka && NAN.has(surface) && KA_COUNTERS.has(afterNext?.surface_form ?? "")) {
    return { type: "number", includesNext: true };
  }
  // 〜かどうか (whether): no question, and どう no term
  if (surface === "どう" && ka && context.previous?.surface_form === "か") return INDEFINITE;
  if (ka && !asksThere(afterNext, context.topic ?? false, after(1))) return INDEFINITE;
  // 誰か after a sentence, a comma or a request calls on someone (首都はどこ？誰か, 教えて誰か), as 誰か教えて does;
  // not after a topic (作ったのは、誰か知ってる？)
  if (ka && QUESTION_WORDS.get(surface) === "person" && !context.topic && callsOn(context.previous)) return INDEFINITE;
  // A question word and も or でも is a pronoun of all or none: 誰も知らない, 何も, いくつもある, どこでも採掘
  // できる, どこまでも; with a counter, of many: 何度も, 何年も, 何十回も; 何の利益も与えず.
  // (いくらでも, いくら何でも are read below: いくら stays a word of documents there)
  const anyAmount = QUESTION_WORDS.get(surface) === "price";
  if (isMo(next) || (isDemo(next, afterNext) && !anyAmount)) return INDEFINITE;
  // and with a particle between: 誰にも言えない, どこにもない, 何とも, どこからも
  if (next?.pos === "助詞" && next.pos_detail_1 === "格助詞" && isMo(afterNext) && !anyAmount) return INDEFINITE;
  // the adverb 何分 (なにぶん) before a comma or にも: 「何分、素人なもので」, 「何分にも初めてで」 (何分に出る asks)
  const adverb = COMMAS.has(next?.surface_form ?? "") || (next?.surface_form === "に" && isMo(afterNext));
  if (surface === "何分" && adverb) return null;
  if (next?.surface_form === "まで" && isMo(afterNext)) return INDEFINITE;
  if (NAN.has(surface) && next?.surface_form === "の" && afterNext?.pos === "名詞" && isMo(after(1))) {
    return INDEFINITE;
  }
  const counted = NAN.has(surface) && next?.pos === "名詞" ? countedBy(next, after) : null;
  // with a counter and も or でも, of many (何度も, 何年も, 何十回も): what asking would make no term stays none
  // (何度, 何十), and what it would keep stays a term (何杯, 何色)
  if (NAN.has(surface) && (next?.pos_detail_1 === "接尾" || next?.pos_detail_1 === "数")) {
    const beyond = counted?.beyond ?? 0;
    if (isMo(after(beyond)) || isDemo(after(beyond), after(beyond + 1))) {
      return { type: null, includesNext: counted?.includesNext ?? false };
    }
  }
  if (counted) return { type: counted.type, includesNext: counted.includesNext };
  // Spoken なんで asks why (before a verb of making or moving, with what: なんでできてる). kuromoji gives it
  // as one 副詞, or as なん + the particle で (なんで泣いてるの？); not なんでも. Written 何で asks by what
  // (何で表されるか, 何で構成されているか) as often as why: it stays no question word.
  if (surface === "なんで") {
    return { type: next && MEANS_VERBS.has(next.basic_form) ? "manner" : "reason", includesNext: false };
  }
  if (surface === "なん" && next?.surface_form === "で" && next.pos === "助詞" && afterNext?.surface_form !== "も") {
    return { type: afterNext && MEANS_VERBS.has(afterNext.basic_form) ? "manner" : "reason", includesNext: true };
  }
  // 何故 is sometimes 何 + 故
  if (NAN.has(surface) && next?.surface_form === "故") return { type: "reason", includesNext: true };
  // IPADIC reads いつ after の or は as い (いる) + つ (文語の完了の助動詞), which modern text never uses:
  // 「完成したのはいつ？」 → の は い つ, 「描かれたのはいつ？」 → の はい つ.
  if ((surface === "い" || surface === "はい") && next?.pos === "助動詞" && next.surface_form === "つ") {
    return { type: "date", includesNext: true };
  }
  // 「発見されたのはいつか。」, 「公用語はなにか教えて」, 「GDPはいくらか教えて」: a question word and か that IPADIC
  // gives as one adverb asks where 何 + か would (see asksThere). Elsewhere いつか is the adverb someday, a word
  // of its own, and なにか and いくらか are 何か and いくつか: indefinite (なにかいい方法, いくらか安い).
  // いくらか before a verb of knowing is as often somewhat (日本語はいくらか分かる): it asks before 教える only.
  const askedByKa = ADVERB_KA.get(surface);
  if (askedByKa) {
    const verbs = askedByKa === "price" ? TELLING_WORDS : KNOWING_WORDS;
    if (asksThere(next, context.topic ?? false, afterNext, verbs)) return { type: askedByKa, includesNext: false };
    return surface === "いつか" ? null : INDEFINITE;
  }
  // spoken なん right after a question word is the copula なの: どこなん？, いつなん？, なんでなんw, 何なんやろ
  if (surface === "なん" && context.previous && ASKING_BEFORE_NAN.has(context.previous.surface_form)) return null;
  // 何と/なんと before a verb of saying or naming asks for a name: 「何というか」「何と呼ぶ」. Elsewhere
  // なんと is an exclamation (なんと美しい) and no question word.
  if (NAN_TO.has(surface) && next && NAMING_VERBS.has(next.basic_form)) return { type: "name", includesNext: false };
  // 何という, 何と呼ぶ: 何 followed by the quoting という (spoken ていう, っていう) or と and a naming verb.
  if (NAN.has(surface) && QUOTING.has(next?.surface_form ?? "")) return { type: "name", includesNext: false };
  const nante = askedByNante(surface, next, after, context.previous);
  if (nante) return { type: nante, includesNext: false };
  if (NAN.has(surface) && next?.surface_form === "と" && afterNext && NAMING_VERBS.has(afterNext.basic_form)) {
    return { type: "name", includesNext: false };
  }
  // どれくらい, どのぐらい, どれほど, どれだけ: kuromoji gives どれ (代名詞) or どの (連体詞) and a 副助詞; the
  // pair asks for an amount, not for one of several things. Spoken, どんくらい, どんだけ: どん (名詞) and one.
  const degree = next && ((next.pos === "助詞" && DEGREE.has(next.surface_form)) || next.surface_form === "程度");
  if ((surface === "どれ" || surface === "どの" || surface === "どん") && degree) {
    return { type: "number", includesNext: true };
  }
  // いくらでも, いくら何でも, 何でも: no question, but "however much", "anything" (でも is one token or で + も)
  const demo = isDemo(next, afterNext);
  // (いくらなん？ is spoken いくらなの？, and asks)
  // (幾らなんでも: IPADIC reads 幾ら な ん で も)
  const nanDemo = next?.surface_form === "な" && afterNext?.surface_form === "ん" && isDemo(after(1), after(2));
  const anyhow = demo || (NAN.has(next?.surface_form ?? "") && isDemo(afterNext, after(1))) || nanDemo;
  if (anyAmount && anyhow) return null;
  // spoken いくらなん？ (いくらなの？): one question word
  if (anyAmount && NAN.has(next?.surface_form ?? "")) {
    return { type: "price", includesNext: true };
  }
  if (NAN.has(surface) && demo) return null;
  const type = QUESTION_WORDS.get(surface);
  if (!type) return null;
  // どこの会社, どこのチーム: which organisation, who, not where (どこの国, どこの島 ask where)
  if (type === "place" && next?.surface_form === "の" && asksOrganisation(after)) {
    return { type: "person", includesNext: false };
  }
  // どう in どうぞ or どうも is not a question; kuromoji gives those as one token, so a bare どう is safe.
  return { type, includesNext: false };
}
