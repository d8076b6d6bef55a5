import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  analyze,
  analyzeTerms,
  COMPOUND_JOINER,
  compoundTerms,
  foldLongVowel,
  respell,
  searchTermsOf,
  writesInOrder,
} from "../../src/text/analyze.ts";
import { chunkText, MAX_CHUNK_LENGTH } from "../../src/text/chunks.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";

let tokenizer: Tokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

/** The words of a text: its terms without the compound terms. */
const wordsOf = (text: string) => analyze(tokenizer, text).flatMap((t) => (t.term === null ? [] : [t.term]));

describe("words", () => {
  it.each<[string, string, string[]]>([
    [
      "particles, auxiliaries and symbols are dropped; verbs become their base form",
      "本を読みました。",
      ["本", "読む"],
    ],
    ["version numbers stay one term: 3 . 0 → 3.0", "Xen 3.0が出た", ["xen", "3.0", "出る"]],
    ["letters and digits written together stay together: x86", "x86サーバー", ["x86", "サーバ"]],
    [
      "a number's thousands separators cut it into no parts: 31,500円 = 31500円, 3,200mAh = 3200mAh",
      "31,500円と31500円、3,200mAhと3200mAh、１，８６２億円",
      ["31500", "円", "31500", "円", "3200mah", "3200mah", "1862", "億", "円"],
    ],
    ["nor a list of numbers: 3,4日, 1,2,3", "3,4日と1,2,3", ["3", "4", "日", "1", "2", "3"]],
    ["full-width and half-width forms meet: ＣＰＵ = cpu, ｻｰﾊﾞｰ = サーバ", "ＣＰＵとｻｰﾊﾞｰ", ["cpu", "サーバ"]],
    ["formal nouns and light verbs are not terms: こと, する", "説明することがある", ["説明"]],
    ["pronouns are not terms", "これはペンです", ["ペン"]],
    [
      "an honorific after a name is no term: 香川照之さん = 香川照之, 西岡氏, 美香ちゃん, 田中様, 山田くん",
      "香川照之さん、西岡氏、美香ちゃん、田中様、山田くん",
      ["香川", "照之", "西岡", "美香", "田中", "山田"],
    ],
    [
      "but 2ちゃんねる keeps its ちゃん, after a numeral and before a verb (IPADIC: 2 + ちゃん + ねる)",
      "2ちゃんねると2ちゃんまとめ",
      ["2", "ちゃん", "ねる", "2", "ちゃん", "まとめ"],
    ],
    ["a role after a name stays: 選手, 先生, 監督", "川澄選手と佐藤先生", ["川澄", "選手", "佐藤", "先生"]],
    ["question words are not terms", "誰がいつどこで何をした？", []],
    ["何 with a counter is a question word too: 何年", "何年に発売された", ["発売"]],
    ["いつか and 何と in a question are question words, not terms", "別名を何と呼ぶのはいつか？", ["別名", "呼ぶ"]],
    ["the adverb いつか (someday) stays a term", "いつか行きたい", ["いつか", "行く"]],
    [
      "a question word's indefinite form is no term: なぜか, かどうか",
      "なぜか安全かどうか分からない",
      ["安全", "分かる"],
    ],
    ["なんと as an exclamation is no question word", "なんと美しい", ["なんと", "美しい"]],
    ["an old or variant kanji is read in its common form: 髙橋 is the name 高橋", "髙橋と高橋", ["高橋", "高橋"]],
    [
      "the ヴ row is the バ row: ヴィエンチャン = ビエンチャン",
      "ヴィエンチャンとビエンチャン",
      ["ビエンチャン", "ビエンチャン"],
    ],
    [
      "a counter is か however it is written: 3ヶ月 = 3カ月 = 3か月",
      "3ヶ月と3カ月と三ヵ国",
      ["3", "か月", "3", "か月", "三", "か国"],
    ],
    ["ヶ inside a place name is が: 霞ヶ関 = 霞が関", "霞ヶ関と霞が関", ["霞が関", "霞が関"]],
    ["a noun in 交ぜ書き is its kanji spelling: 子ども = 子供", "子どもと子供", ["子供", "子供"]],
    ["破たん = 破綻, 完ぺき = 完璧", "破たんと完ぺき", ["破綻", "完璧"]],
    ["okurigana: 申し込み = 申込 (both the verb 申込む: see below)", "申し込みと申込", ["申込む", "申込む"]],
    ["a verb's okurigana: 取り組む = 取組む", "取り組むと取組む", ["取り組む", "取り組む"]],
    ["行なう is the light verb 行う, no term", "実験を行なった", ["実験"]],
    ["a verb is one only with the same kanji: 分かる is not 解る", "分かると解る", ["分かる", "解る"]],
    [
      "nor a spelling that is also another verb's: 割る is not 割れる, 過ぎる not 過る",
      "皿を割る。時間が過ぎる",
      ["皿", "割る", "時間", "過ぎる"],
    ],
    ["only nouns: the adjective 臭い is not the noun 臭い (臭)", "部屋が臭い", ["部屋", "臭い"]],
    ["homophones stay apart: 機械 is not 機会", "機械と機会", ["機械", "機会"]],
    [
      "kana alone is never folded: ママ is not 侭, オン not 恩, さっき not 殺気",
      "ママとオンとさっき",
      ["ママ", "オン", "さっき"],
    ],
    ["nor 見え (one kana: the verb 見える) as 見栄", "見えと見栄", ["見える", "見栄"]],
    ["a verb's 連用形 as a noun is the verb: 占い is 占う", "占いで占った", ["占う", "占う"]],
    [
      "in any spelling: 問い合わせ and 問合せ are 問い合わせる",
      "問い合わせと問合せと問い合わせる",
      ["問い合せる", "問い合せる", "問い合せる"],
    ],
    [
      "and spelled without its okurigana in kanji alone: 受付 is 受け付ける",
      "受付で受け付けた",
      ["受け付ける", "受け付ける"],
    ],
    [
      "every spelling of the noun: 売上げ, 売上 and 売り上げ are 売り上げる",
      "売上げと売上と売り上げ",
      ["売り上げる", "売り上げる", "売り上げる"],
    ],
    [
      "not its spelling in one kanji alone: 答え is 答える, 割 (of 割に) stays",
      "答えと答える、年齢の割に",
      ["答える", "答える", "年齢", "割"],
    ],
    [
      "nor in kanji IPADIC also reads otherwise: 語り is 語る, 語 (ゴ) stays",
      "語りと語る、語の意味",
      ["語る", "語る", "語", "意味"],
    ],
    ["nor 留置 (リュウチ) as 留め置く", "留置場に留置された", ["留置", "場", "留置"]],
    ["a noun with okurigana read twice is still the verb: 使い (ツカイ, ヅカイ)", "使いと使う", ["使う", "使う"]],
    ["not a noun in kana alone: つなぎ", "つなぎとつなぐ", ["つなぎ", "つなぐ"]],
    ["not a noun ending in kanji: 真似", "真似と真似る", ["真似", "真似る"]],
    ["not a noun whose meaning left the verb's: 踏切", "踏切と踏み切る", ["踏切", "踏み切る"]],
    ["not a noun whose meaning left the verb's: 通り of その通り", "その通りに通る", ["通り", "通る"]],
    ["not an adjective's -め: 高め is no 高める", "高めの声", ["高め", "声"]],
    ["not an adjectival noun: 好き", "好きな人", ["好き", "人"]],
    ["not a noun whose verb is no term: 行い is no 行う", "行いを改める", ["行い", "改める"]],
  ])("%s", (_why, text, expected) => {
    expect(wordsOf(text)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ["a katakana word and its Latin spelling", "グーグル", "Google"],
    ["in any width and case", "ウィンドウズ", "ＷＩＮＤＯＷＳ"],
    ["an abbreviation and its word", "コラボ", "コラボレーション"],
    ["a kanji abbreviation", "日銀", "日本銀行"],
    ["another name of the same thing", "英国", "イギリス"],
    ["two katakana spellings", "ウィンカー", "ウインカー"],
    ["a katakana spelling of a kanji word, which the dictionary pairs by meaning", "マンガ", "漫画"],
  ])("the forms of one word are one term (Sudachi's synonyms): %s, %s = %s", (_why, one, other) => {
    expect(wordsOf(one)).toHaveLength(1);
    expect(wordsOf(one)).toEqual(wordsOf(other));
  });

  it.each<[string, string]>([
    ["値段", "価格"],
    ["代金", "価格"],
    ["プライス", "価格"],
    ["price", "価格"],
  ])("the nouns of a price are one word, what a question asks of either: %s = %s", (one, other) => {
    expect(wordsOf(`${one}は2万円`)).toEqual(wordsOf(`${other}は2万円`));
  });

  it("reads a loanword kuromoji cuts in two nouns as one word", () => {
    const tokens = analyze(tokenizer, "スマートフォン向け");
    expect(tokens.map((t) => t.surface)).toEqual(["スマートフォン", "向け"]);
    expect(wordsOf("スマートフォン")).toEqual(wordsOf("スマホ"));
    // one token over the whole word, in any width; its parts are no terms (as テレビ is none of テレビ局)
    const [narrow] = analyze(tokenizer, "ｽﾏｰﾄﾌｫﾝ");
    expect([narrow?.start, narrow?.end, narrow?.term]).toEqual([0, 7, wordsOf("スマホ")[0]]);
    expect(analyzeTerms(tokenizer, "ケーブルテレビ")).toEqual(wordsOf("ケーブルテレビ"));
    expect(wordsOf("ケーブルテレビ")).toHaveLength(1);
    // only where kuromoji's two nouns are written together
    expect(wordsOf("スマート フォン")).toHaveLength(2);
    // a common noun, or the organisation or place a part names: not a verb's stem, nor a guessed person
    expect(analyze(tokenizer, "アウトブレーク")[0]?.pos).toEqual(["名詞", "一般", "*", "*"]);
    expect(narrow?.pos).toEqual(["名詞", "一般", "*", "*"]);
    expect(analyze(tokenizer, "AOCホールディングス")[0]?.pos).toEqual(["名詞", "固有名詞", "組織", "*"]);
    // a kanji compound's parts are words of their own: 国際連合 is 国際 and 連合, not 国連
    expect(wordsOf("国際連合")).toEqual(["国際", "連合"]);
  });

  it("reads a run of katakana kuromoji takes for one word as the word the dictionary lists in two", () => {
    // kuromoji reads ファイアフォックス as one unknown word; the dictionary lists ファイア フォックス (Firefox)
    expect(analyze(tokenizer, "ファイアフォックスで")[0]?.surface).toBe("ファイアフォックス");
    expect(wordsOf("ファイアフォックスで")).toEqual(wordsOf("Firefoxで"));
    // and カラバリ, an abbreviation kuromoji reads whole, is カラー バリエーション
    expect(wordsOf("新色のカラバリが豊富")).toContain(wordsOf("カラーバリエーション")[0]);
    // a part's final ー is folded as a term's is: プリンタードライバ, one unknown word to kuromoji, is listed
    // プリンタ ドライバ
    expect(tokenizer.tokenize("プリンタードライバで")[0]?.surface_form).toBe("プリンタードライバ");
    expect(wordsOf("プリンタードライバで")).toEqual(wordsOf("プリンタドライバ"));
    // a run no cut of which the dictionary lists stays itself
    expect(wordsOf("ジョジョコラボカフェ")).toEqual(["ジョジョコラボカフェ"]);
  });

  it.each<[string, string, string]>([
    ["two words of one synonym group: 理由 and 事情", "理由", "事情"],
    ["a price's noun the dictionary does not let stand for the others: 料金 (a service's)", "料金", "値段"],
    ["a kanji spelling the dictionary lists for a word usage tells apart: 街 and 町", "街", "町"],
    ["a kana spelling, which names choose (しあわせのパン)", "しあわせ", "幸せ"],
    ["a form the dictionary does not expand from: ザック may be a name", "ザック", "リュックサック"],
    ["a form of two words: ガン, 癌 and a gun", "ガン", "癌"],
    ["a form analysis writes otherwise: ヘヴィ is ヘビ, the snake", "ヘビ", "ヘビー"],
    ["a form whose term is another word's: ドラマー is ドラマ (drama), so drummer is not", "drummer", "ドラマ"],
    ["ユゴー (Hugo) and ユーゴ (Yugoslavia)", "ユゴー", "ユーゴ"],
    ["a form kuromoji reads as no noun: the adverb オンリー", "only", "オンリー"],
    ["two katakana, often a piece of a longer word: the スト of ストラップ", "スト", "ストライキ"],
    ["a shortened name IPADIC reads as a person's: ドナルド of ドナルド・トランプ", "ドナルド", "ドナルドダック"],
    ["a misuse the dictionary lists: 姑息 for 卑怯", "姑息", "卑怯"],
    ["a form kuromoji reads as another word: 澄まし, the verb 澄ます", "澄まし", "澄まし汁"],
  ])("but not %s", (_why, one, other) => {
    expect(wordsOf(one)).not.toEqual(wordsOf(other));
  });

  it("folds the katakana long vowel as Elasticsearch's kuromoji_stemmer does", () => {
    expect(foldLongVowel("サーバー")).toBe("サーバ");
    expect(foldLongVowel("コンピューター")).toBe("コンピュータ");
    // words shorter than 4 characters keep their ー: キー is not キ
    expect(foldLongVowel("キー")).toBe("キー");
    // only katakana words: a hiragana or mixed word is left alone
    expect(foldLongVowel("らーめんー")).toBe("らーめんー");
    expect(wordsOf("サーバーとサーバ")).toEqual(["サーバ", "サーバ"]);
  });

  it("reads a dash after katakana as ー where the dictionary lists the word so written", () => {
    // an em dash, a horizontal bar, a minus sign, a box-drawing line as input methods and fonts give ー
    for (const text of [
      "マナ—講師",
      "サ−ビス",
      "バッテリ─切れ",
      "バンク―バーから",
      "ブリ−フ・ケ−ス",
      "フリ—カメラマン",
    ]) {
      expect(wordsOf(text), text).toEqual(wordsOf(text.replace(/[—−─―]/gu, "ー")));
    }
    // a dash between two words is punctuation, as a space would be: no テレビー, ナビー or ドルー
    for (const text of [
      "テレビ—ソニー",
      "アンプ—ヤマハ",
      "ナビ−自動",
      "ドル−円",
      "ルール—ホリエモン",
      "ニューヨーク—ロンドン",
    ]) {
      expect(wordsOf(text), text).toEqual(wordsOf(text.replace(/[—−]/gu, " ")));
    }
    // nor is a doubled dash, a hyphen, or one after a word the dictionary does not know with ー
    expect(wordsOf("コンピュータ――それは")).toEqual(["コンピュータ"]);
    expect(wordsOf("セブン-イレブン")).toEqual(wordsOf("セブン イレブン"));
    expect(wordsOf("アラフォ—の")).toEqual(["アラフォ"]);
    // what a word is read from keeps its place in the source, for highlighting
    const [manner] = analyze(tokenizer, "「マナ—講師」");
    expect(manner).toMatchObject({ term: "マナー", start: 1, end: 4 });
  });
});

describe("compound terms", () => {
  const pair = (a: string, b: string) => `${a}${COMPOUND_JOINER}${b}`;

  it.each<[string, string, string[]]>([
    ["two nouns written together make a compound term", "形態素解析を学ぶ", [pair("形態素", "解析")]],
    ["a run of three nouns makes two", "日本語形態素解析", [pair("日本語", "形態素"), pair("形態素", "解析")]],
    ["nouns apart make none: a particle between them", "形態素の解析", []],
    ["a noun and a verb make none", "解析する", []],
    ["a space between two nouns makes none", "形態素 解析", []],
    ["a proper noun and its common noun", "揚子江気団が現れる", [pair("揚子江", "気団")]],
    ["question words are not part of one: 何気団", "何気団か", []],
    ["an honorific is not part of one: 照之さん", "香川照之さんの役", [pair("香川", "照之")]],
  ])("%s: %s", (_why, text, expected) => {
    expect(compoundTerms(analyze(tokenizer, text))).toEqual(expected);
  });

  it("are indexed after the words, and searched with them", () => {
    expect(analyzeTerms(tokenizer, "形態素解析の本")).toEqual(["形態素", "解析", "本", pair("形態素", "解析")]);
    // each term once
    expect(searchTermsOf(analyze(tokenizer, "形態素解析と形態素解析"))).toEqual([
      "形態素",
      "解析",
      pair("形態素", "解析"),
    ]);
  });

  it("cannot be written in a text: the joiner is a control character that normalization drops", () => {
    expect(wordsOf(`形態素${COMPOUND_JOINER}解析`)).toEqual(["形態素", "解析"]);
  });
});

describe("respell: a question's word as the library spells it", () => {
  /** A question's terms respelled for a library of the given passages, each with its span in the question. */
  const respelled = (question: string, passages: readonly string[]) => {
    const held = passages.map((p) => new Set(analyze(tokenizer, p).flatMap((t) => (t.term ? [t.term] : []))));
    const library = {
      known: (term: string) => held.some((terms) => terms.has(term)),
      together: (terms: readonly string[]) => held.some((h) => terms.every((t) => h.has(t))),
      adjacent: (words: readonly string[], terms: readonly string[]) =>
        passages.some((p, i) => terms.every((t) => held[i]?.has(t)) && writesInOrder(words)(p)),
    };
    return respell(analyze(tokenizer, question), library).flatMap((t) =>
      t.term === null ? [] : [[t.term, question.slice(t.start, t.end)]],
    );
  };
  const termsOf = (question: string, passages: readonly string[]) => respelled(question, passages).map(([t]) => t);

  it("cuts a katakana word the library does not know into fewest katakana words it knows", () => {
    // kuromoji reads a run of katakana it does not know as one word: written without its spaces, the name
    // an article writes 「リッチ アンド フェイマス」 is another word.
    const library = ["ブランドはリッチ アンド フェイマス", "ドコモのスマホ", "アンドロイド"];
    expect(respelled("リッチアンドフェイマスの新作", library)).toEqual([
      ["リッチ", "リッチ"],
      ["アンド", "アンド"],
      ["フェイマス", "フェイマス"],
      ["新作", "新作"],
    ]);
    expect(termsOf("ドコモスマホ", library)).toEqual([...wordsOf("ドコモ"), ...wordsOf("スマホ")]);
    // a part's term is the part's as a word: コラボ is コラボレーション (see the synonyms above)
    expect(termsOf("ジョジョコラボ", ["ジョジョとのコラボレーション"])).toEqual(["ジョジョ", ...wordsOf("コラボ")]);
    // and a part the dictionary lists in two is that word: ファイアフォックス is Firefox
    expect(termsOf("ファイアフォックスユーザー", ["Firefoxのユーザー"])).toEqual(["firefox", "ユーザ"]);
    // parts of six characters and more
    expect(termsOf("アルバーノプログレッソ", ["アルバーノ プログレッソ"])).toEqual(["アルバーノ", "プログレッソ"]);
    // fewest: ミナトヤ マカゼ, not ミナト ヤマ カゼ
    expect(termsOf("ミナトヤマカゼ", ["ミナトヤ、マカゼ、ミナト、ヤマ、カゼ"])).toEqual(["ミナトヤ", "マカゼ"]);
    // a word whose term lost its final ー (ドコモスマホユーザ) is cut too, its last part folded
    expect(respelled("ドコモスマホユーザー", ["ドコモのスマホのユーザー"])).toEqual([
      [wordsOf("ドコモ")[0], "ドコモ"],
      [wordsOf("スマホ")[0], "スマホ"],
      ["ユーザ", "ユーザー"],
    ]);
  });

  it("leaves a word whole that the library knows, or that it cannot cut into words it says together", () => {
    expect(termsOf("アンドロイド", ["アンドロイド", "アンド", "ロイド"])).toEqual(["アンドロイド"]);
    expect(termsOf("リッチアンドフェイマス", ["リッチ"])).toEqual(["リッチアンドフェイマス"]);
    // parts of one character
    expect(termsOf("ドコモア", ["ドコモ"])).toEqual(["ドコモア"]);
    // parts no passage says together: メルカリ is no メル + カリ
    expect(termsOf("メルカリ", ["メルの店", "カリの店"])).toEqual(["メルカリ"]);
    expect(termsOf("メルカリ", ["メルの店。カリの店"])).toEqual(["メル", "カリ"]);
    // a part starting with what no word starts with (ー, ッ, ン)
    expect(termsOf("ヤマダーモ", ["ヤマダ、ーモの店"])).toEqual(["ヤマダーモ"]);
    expect(termsOf("ヤマダッツ", ["ヤマダ、ッツの店"])).toEqual(["ヤマダッツ"]);
    expect(termsOf("ヤマダンガ", ["ヤマダ、ンガの店"])).toEqual(["ヤマダンガ"]);
  });

  it("cuts a word of letters the library does not know as it cuts katakana", () => {
    // written without the space an article writes: PS Vita, iPad mini
    expect(termsOf("PSVitaの値段", ["PS Vitaの値段は2万円"])).toEqual(["ps", "vita", "価格"]);
    expect(termsOf("iPadminiの発売日", ["iPad miniが出た"])).toEqual(["ipad", ...wordsOf("mini"), "発売", "日"]);
    // not into words no passage writes one after another, nor into one word twice (PayPay is no pay + pay)
    expect(termsOf("PSVita", ["PSの話", "Vitaの話"])).toEqual(["psvita"]);
    expect(termsOf("iPadAir", ["iPadを持って air を感じる"])).toEqual(["ipadair"]);
    expect(termsOf("PSVita", ["PS-Vita"])).toEqual(["ps", "vita"]);
    expect(termsOf("PSVita", ["PS・Vita"])).toEqual(["ps", "vita"]);
    // as words of their own: 「Flash Player」 writes no flash and play, 「Facebook CEO」 no book and ceo
    expect(termsOf("FlashPlay", ["Flash Playerで動画をplayする"])).toEqual(["flashplay"]);
    expect(termsOf("BookCEO", ["Facebook CEOがbookを出した"])).toEqual(["bookceo"]);
    // a model number may follow: 「iPad mini2」 writes ipad and mini
    expect(termsOf("iPadmini", ["iPad mini2が出た"])).toEqual(["ipad", ...wordsOf("mini")]);
    expect(termsOf("PayPay", ["pay per view"])).toEqual(["paypay"]);
  });

  it("does not cut a long run of katakana, however many words the library knows", () => {
    const run = "アイ".repeat(40);
    expect(respelled(run, ["アイ"]).length).toBeLessThanOrEqual(Math.ceil(run.length / 16));
  });

  it("looks up a word it does not know in time bounded by its cuts, however long it is", () => {
    // A run of letters or digits is one word however long, and one of katakana a word of up to 128
    // characters: each cut of it was a look-up of the whole (20,000 letters: 400 million characters), and
    // each part's term tried each cut of the part against the synonyms (a run of katakana: cubic).
    // Counted: the characters of the strings looked up, in maps and in the library.
    let looked = 0;
    const library = {
      known: (term: string) => {
        looked += term.length;
        return false;
      },
      together: () => false,
      adjacent: () => false,
    };
    const lookedUp = (text: string) => {
      const tokens = analyze(tokenizer, text);
      const get = Map.prototype.get;
      Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
        if (typeof key === "string") looked += key.length;
        return get.call(this, key);
      };
      looked = 0;
      try {
        const out = respell(tokens, library);
        expect(out.map((t) => t.term)).toEqual(tokens.map((t) => t.term));
      } finally {
        Map.prototype.get = get;
      }
      return { lengths: tokens.map((t) => t.surface.length), looked };
    };
    const letters = "abcdefghijklmnopqrstuvwxyz".repeat(800);
    expect(lookedUp(letters)).toEqual({ lengths: [letters.length], looked: expect.any(Number) });
    expect(lookedUp(letters).looked).toBeLessThan(10 * letters.length);
    const katakana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ".repeat(4);
    for (const run of [katakana, katakana.slice(0, 60)]) {
      const { lengths, looked } = lookedUp(run);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(128);
      // each cut of each word, looked up as a whole: quadratic in a word, which analysis bounds
      expect(looked).toBeLessThan(8 * lengths.reduce((sum, n) => sum + n * n, 0));
    }
  });
});

describe("analyze", () => {
  it.each<[string, string, string]>([
    ["いつ asks for a date", "Xen 3.0はいつ出る？", "date"],
    ["何年 asks for a date", "何年に設立された？", "date"],
    ["どこ asks for a place", "本社はどこにある？", "place"],
    ["誰 asks for a person", "誰が説明した？", "person"],
    ["いくつ asks for a number", "コアはいくつある？", "number"],
    ["何人 asks for a number", "何人が参加した？", "number"],
    ["何世紀 asks for a date", "何世紀に建てられた？", "date"],
    ["何十年 asks for a date", "何十年前に建てられた？", "date"],
    ["何百人 asks for a number", "何百人が集まった？", "number"],
    ["いくら asks for an amount of money", "このアプリっていくら？", "price"],
    ["何円 asks for an amount of money", "ジューサーは何円？", "price"],
    ["何ドル asks for an amount of money", "予算は何ドルか", "price"],
    ["何万円 asks for an amount of money", "何万円かかる？", "price"],
    ["何千万円 asks for an amount of money", "何千万円かかる？", "price"],
    ["何セント asks for an amount of money", "何セント上がった？", "price"],
    ["なんぼ asks for an amount of money, as いくら does", "なんぼで買える？", "price"],
    ["何 before a noun asks for a thing of that kind: 何気団", "現れるのは何気団か", "thing"],
    ["何 before a unit IPADIC reads as a common noun asks for a number: 何馬力", "エンジンは何馬力？", "number"],
    ["何画素 asks for a number", "カメラは何画素？", "number"],
    ["何％ asks for a number, though NFKC makes ％ a % IPADIC reads as a noun", "識字率は何％？", "number"],
    ["何 before a suffix that counts nothing asks for a thing, not a number: 何語", "何語を話す？", "thing"],
    ["なぜ asks for a reason", "なぜ遅れたのか", "reason"],
    ["spoken なんで asks for a reason", "なんでクビになったの？", "reason"],
    ["spoken なんで, read as なん + で, asks for a reason", "なんで泣いてるの？", "reason"],
    ["なんで before a verb of making asks for a manner", "なんでできてる？", "manner"],
    ["spoken どっち asks for a thing", "どっちが先？", "thing"],
    ["spoken どこらへん asks for a place", "どこらへんにある？", "place"],
    ["どこの + an organisation asks who: どこのチーム", "和田奈央子ってどこのチーム？", "person"],
    ["どこの会社 asks who", "作ったのはどこの会社？", "person"],
    ["どこの会社 and a laugh asks who", "作ったのはどこの会社ｗ", "person"],
    ["どこの業者 and a laugh asks who", "作ったのはどこの業者www", "person"],
    ["どこの + a place asks where: どこの国", "パッチってどこの国のチョコ？", "place"],
    ["どこの + a compound ending in an organisation asks who", "どこの出版社？", "person"],
    ["どこのお店 asks who", "買ったのはどこのお店？", "person"],
    ["どこの + an organisation + の近く asks where", "どこの大学の近く？", "place"],
    ["どの asks for a thing", "どのOSが動く？", "thing"],
    // IPADIC splits いつ after の/は into い (いる) + つ (文語の助動詞)
    ["のはいつ asks for a date", "完成したのはいつ？", "date"],
    ["はいつ asks for a date", "交響曲はいつ描かれた？", "date"],
    ["いつか closing a question asks for a date", "発見されたのはいつか。", "date"],
    ["何と before a naming verb asks for a name", "梅雨明けの別名を何というか", "name"],
    ["なんと before a naming verb asks for a name", "陽性の梅雨をなんという？", "name"],
    ["何と呼ぶ asks for a name", "この現象を何と呼ぶか", "name"],
    ["どういう asks for a thing", "どういう意味か", "thing"],
    // kuromoji gives どれ (代名詞) or どの (連体詞) and a 副助詞 of degree: an amount, not one of several things
    ["どれくらい asks for a number", "梅雨の期間はどれくらいか？", "number"],
    ["どのぐらい asks for a number", "どのぐらい続く？", "number"],
    ["どれだけ asks for a number", "どれだけの人が集まった？", "number"],
    ["どの程度 asks for a number", "被害はどの程度か？", "number"],
    ["spoken どんくらい asks for a number", "電池ってどんくらい持つ？", "number"],
    ["spoken どんだけ asks for a number", "どんだけ売れた？", "number"],
    ["どれ alone asks for a thing", "どれが正しい？", "thing"],
    // a question word and か: a question where it closes or is to be told, else an indefinite pronoun
    ["いくつか closing a question asks for a number", "コアはいくつか。", "number"],
    ["どこか before a verb of telling asks where", "ラオスの首都はどこか教えて", "place"],
    ["どこかな asks where", "駅はどこかな？", "place"],
    ["誰か (someone) before the question word is none", "誰かが見つけた宝は何？", "thing"],
    ["何か国語 is 何 and a counter IPADIC cuts in two", "何か国語を話せる？", "number"],
    ["何か月 is 何 and a counter", "何か月かかる？", "number"],
    ["a comma after a topic's どこか does not hide the verb of telling", "首都はどこか、教えてください", "place"],
    ["いつか before a verb of telling, after a topic, asks when", "発売日はいつか教えて", "date"],
    ["どこか before ご存知, after a topic, asks where", "首都はどこかご存知ですか？", "place"],
    // after a clause and its の, whose は chat drops (書いたの誰？): a topic too
    ["どこか after a clause's の asks where", "作ったのどこか教えて", "place"],
    ["誰か, which IPADIC reads as one noun, asks who after a clause's の", "本書いたの誰か教えて", "person"],
    ["誰か, one noun, asks who after a topic", "本を書いたのは、誰か知ってる？", "person"],
    // IPADIC reads って before なに or なん as ってな and leaves に or ん
    ["spoken ってなに asks for a thing", "梅雨ってなに？", "thing"],
    ["spoken ってなんですか asks for a thing", "ラオスの公用語ってなんですか", "thing"],
    ["spoken ってなんで asks why", "それってなんで？", "reason"],
    // spoken 何という: なんていう, 何っていう, and なんて or 何て before a noun
    ["なんていう asks for a name", "なんていう名前？", "name"],
    ["何っていう asks for a name", "何っていう曲？", "name"],
    ["なんて before a noun asks for a name", "そのツールってなんて名前？", "name"],
    ["何て before a noun asks for a name", "何て名前の曲？", "name"],
    ["なんて after a noun asks for its name", "この犬なんて名前なの？", "name"],
    ["なんて after これ asks for a name", "これなんて曲？", "name"],
    ["なんて after これ asks for a name, with nothing after the noun", "これなんて曲", "name"],
    ["…なんて曲ですか asks for a name", "これなんて曲ですか", "name"],
    ["…なんて名前なん？ asks for a name", "この犬なんて名前なん？", "name"],
    ["…なんて名前でしたっけ asks for a name", "この犬なんて名前でしたっけ", "name"],
    ["…なんて曲だった？ asks for a name", "これなんて曲だった？", "name"],
    ["…なんて名前は？ asks for a name", "この犬なんて名前は？", "name"],
    ["…なんて名前w asks for a name", "この犬なんて名前w", "name"],
    ["…なんて名前〜？ asks for a name", "この犬なんて名前〜？", "name"],
    ["…なんて曲!? asks for a name", "これなんて曲!?", "name"],
    ["…なんて曲なの asks for a name without ？", "これなんて曲なのw", "name"],
    ["なんて意味？ asks what something means", "これなんて意味？", "thing"],
    ["なんて after それ asks for a name", "それなんて漫画だっけ", "name"],
    ["なんて before a サ変 noun asks for a name", "なんて料理？", "name"],
    ["なんて between a noun and itself asks for a name", "この花なんて花？", "name"],
    ["なんて before a noun and だ？ asks for a name", "なんて名前だ？", "name"],
    ["なんて before a noun the question goes on from asks for a name", "なんてアプリ使ってる？", "name"],
    // IPADIC reads spoken 何 after a noun, before だっけ or だった？, as the explaining な ん
    ["…なんだっけ after a noun asks for a thing", "タイトルなんだっけ", "thing"],
    ["…なんだった？ after a noun asks for a thing", "彼女の仕事なんだった？", "thing"],
    ["…なんでしたっけ after a noun asks for a thing", "曲名なんでしたっけ", "thing"],
    ["…なんだったっけ after a noun asks for a thing", "あのアプリなんだったっけ", "thing"],
    ["これなんだっけ asks for a thing", "これなんだっけ", "thing"],
    ["…のなんだっけ after a clause asks for a thing", "最初に作ったのなんだっけ", "thing"],
    ["…なんだった？？ asks for a thing", "タイトルなんだった？？", "thing"],
    ["…なんだった!? asks for a thing", "タイトルなんだった!?", "thing"],
    // IPADIC reads なにか as one adverb before a verb or at the end
    ["なにか closing a question asks for a thing", "ラオスの公用語はなにか", "thing"],
    ["なにか before a verb of telling, after a topic, asks for a thing", "公用語はなにか教えて", "thing"],
  ])("%s", (_why, question, type) => {
    expect(analyze(tokenizer, question).find((t) => t.question)?.question).toBe(type);
  });

  it.each([
    "金はいくらでも出そう",
    "いくら何でもひどい",
    "なんぼでもある",
    "なんでもいい",
    // written 何で asks by what as often as why
    "土地の所在は何で表されるか",
    // indefinite pronouns: some, something, somewhere, someone
    "いくつかの欧州諸国とともに合法化されている国は",
    "何かいい方法ある？",
    "どこかで見た顔",
    "誰かが来た",
    // at a comma it has not closed the question; before 教えて with no topic it asks someone to tell
    "誰か、この曲の名前知ってる？",
    "何か、おすすめのアプリある？",
    "iPhoneの設定方法、誰か教えて",
    // nor after a noun and a comma: 「この件、何か聞いてる？」 asks whether anything was heard
    "この曲、誰か知ってる？",
    "この件、何か聞いてる？",
    "田中さん、何か知ってる？",
    "君、いつか分かるよ",
    "おすすめのアプリをいくつか教えて",
    // a clause joined by が or けど is no topic for the question word after it
    "この店は好きだが、誰か教えて",
    "この曲は最高だけど、誰か教えて",
    // the が of 誰かが is no topic either
    "誰かが何か知ってる？",
    // 誰か as IPADIC reads it, one noun: someone (友達の誰かが), and no topic in a noun's の
    "友達の誰かが来た",
    "クラスの誰か教えて",
    "書いたの読んだ人誰か教えて",
    // whether
    "安全かどうか確認したい",
    "雨が降るかどうか",
    "天気は晴れるかどうか教えて",
    // all or none, and many: a question word and も or でも, with a counter or a noun between
    "誰も知らない",
    "何もない",
    "いくつもある",
    "どこでも採掘できる",
    "誰でもできる",
    "どこまでも引き伸ばす",
    "何度も再利用する",
    "何十回もやり直した",
    "何の利益も与えず",
    "何人でも入れる",
    // the adverb なにか (something), and ってな before anything but なに or なん
    "なにか教えて",
    "なにか知ってる？",
    "これってなんかおかしい",
    "ってなわけで帰る",
    // なんて and なんと as exclamations, before an adjective or a noun
    "なんて素晴らしい",
    "なんと社長が来た",
    // なんて: such a thing as, after a verb or before a noun the sentence goes on from, or an exclamation
    "英語なんて勉強する意味ある？",
    "彼が来るなんて嘘？",
    "私なんて素人？",
    // after a noun, as often such a thing as: the noun after it must close the question
    "それなんて冗談でしょ？",
    "俺なんて名前だけだよ",
    "英語なんて意味ない",
    "なんて意味ないじゃん",
    "なんて意味のない会議だ",
    // after これ or the same noun, the noun must close a question: these are statements
    "それなんて嘘でした",
    "夢なんて夢だった",
    "それなんて冗談w",
    "なんて日だ！",
    "幾らなんでも高すぎ",
    "日本語はいくらか分かる",
    "日本語は幾らか分かる",
    "幾つかの国",
    "何処かで見た",
    "なんて日だ",
    // the explaining の だ after a noun: no recalling っけ, nor ？ after its past
    "彼は学生なんだ",
    "仕事なんだった",
    "学生なんだって",
    "仕事なんだけど",
    "そういうものなんだっけ",
    "あの日なんだっけ",
    "そうなんだっけ",
    "「タイトル」なんだっけ",
    "タイトルなんだった😅？",
    // an adjective's な, and a number or a count: whether it is so
    "好きなんだっけ",
    "大変なんだった？",
    "2013年なんだっけ",
    "5人なんだっけ",
    "42なんだっけ",
    // the adverb いくらか (somewhat)
    "いくらか安くなった",
  ])("reads no question word in %s", (text) => {
    expect(analyze(tokenizer, text).some((t) => t.question)).toBe(false);
  });

  it("keeps as a term what follows 何 in 何杯も or 何色も, as asking would, and drops it in 何度も", () => {
    const terms = (text: string) => analyze(tokenizer, text).flatMap((t) => (t.term ? [t.term] : []));
    expect(terms("お椀に何杯もすくって")).toEqual(["椀", "杯", "すくう"]);
    expect(terms("何色もの絵の具")).toEqual(["色", "絵具"]);
    expect(terms("何度も再利用する")).toEqual(["利用"]);
  });

  it("reads the spoken ってなに and ってなん as って and a question word, in place", () => {
    // full-width letters before it: offsets index the text as written
    const text = "ＸＥＮってなんですか";
    const tokens = analyze(tokenizer, text);
    expect(tokens.map((t) => [t.surface, text.slice(t.start, t.end)])).toEqual([
      ["xen", "ＸＥＮ"],
      ["って", "って"],
      ["なん", "なん"],
      ["です", "です"],
      ["か", "か"],
    ]);
    expect(tokens.map((t) => t.term)).toEqual(["xen", null, null, null, null]);
  });

  it("reads は + だれ where IPADIC reads the noun はだれ, but not the poets' はだれ雪", () => {
    const dare = "デマといったのはだれ？";
    expect(analyze(tokenizer, dare).map((t) => [t.surface, dare.slice(t.start, t.end)])).toContainEqual([
      "だれ",
      "だれ",
    ]);
    expect(wordsOf("はだれ雪が降る")).toContain("はだれ");
  });

  it("reads a noun and って where IPADIC reads a verb and て before a question word", () => {
    // 成立って: the verb 成立つ, a spelling of 成り立つ without its okurigana
    expect(wordsOf("法律の成立っていつ？")).toEqual(["法律", "成立"]);
    const asked = "ＥＵの成立っていつ？";
    expect(analyze(tokenizer, asked).map((t) => asked.slice(t.start, t.end))).toEqual([
      "ＥＵ",
      "の",
      "成立",
      "って",
      "い",
      "つ",
      "？",
    ]);
    // not after a particle, nor before anything but a question word: such a spelling is a verb as often
    expect(wordsOf("理論が成立っている")).toEqual(["理論", "成り立つ"]);
    expect(wordsOf("受取ってください。荷物受取ってきた。")).toEqual(["受け取る", "荷物", "受け取る"]);
    // a verb's usual spelling stays a verb
    expect(wordsOf("今使って、出会って、物語って")).toEqual(["今", "使う", "出会う", "物語る"]);
    // one kanji and っ ending a compound with the noun before it, where 何 closes the question
    expect(wordsOf("日本の公用語ってなに？")).toEqual(["日本", "公用", "語"]);
    expect(wordsOf("女子会ってなに？")).toEqual(["女子", "会"]);
    // not where a verb follows 何, another question word asks, or a particle comes before
    expect(wordsOf("iPhone使って何する？")).toEqual(["iphone", "使う"]);
    expect(wordsOf("髪切ってどう？車買っていくら？")).toEqual(["髪", "切る", "車", "買う"]);
    expect(wordsOf("手を洗ってなに？")).toEqual(["手", "洗う"]);
    expect(wordsOf("いい給料貰って何が悪い")).toEqual(["いい", "給料", "貰う", "悪い"]);
    // 知って is the verb always
    expect(wordsOf("日本知ってなに")).toEqual(["日本", "知る"]);
    // a verb in the next sentence or clause does not count
    expect(wordsOf("公用語ってなに？今日行く。")).toEqual(["公用", "語", "今日", "行く"]);
    expect(wordsOf("公用語ってなに\n明日行く")).toEqual(["公用", "語", "明日", "行く"]);
  });

  it("reads the indefinite なにか and いくらか as no terms, as 何か and いくつか are none; 幾らでも keeps 幾ら", () => {
    expect(wordsOf("なにか教えて")).toEqual(["教える"]);
    expect(wordsOf("いくらか安くなった")).toEqual(["安い"]);
    // any amount, as いくらでも keeps いくら
    expect(wordsOf("幾らでもある")).toEqual(["幾ら"]);
  });

  it("splits at ・ a katakana name kuromoji reads as one unknown word, as it cuts the names it knows", () => {
    const text = "ヨハネス・ゲンスフライシュ・グーテンベルク（1398年頃）は";
    const names = analyze(tokenizer, text).filter((t) => t.term !== null && /^[\u30a1-\u30fa\u30fc]+$/u.test(t.term));
    expect(names.map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ["ヨハネス", "ヨハネス"],
      ["ゲンスフライシュ", "ゲンスフライシュ"],
      ["グーテンベルク", "グーテンベルク"],
    ]);
    expect(analyze(tokenizer, "グスタフ・マーラー").map((t) => t.term)).toEqual(["グスタフ", "マーラ"]);
    // a name IPADIC lists whole keeps its term, and its parts are terms beside it: 「ダル レンジャーズ」 finds
    // the Texas Rangers, and ドンキ still meets ドン・キホーテ
    expect(analyzeTerms(tokenizer, "テキサス・レンジャーズとの契約")).toEqual([
      "テキサス・レンジャーズ",
      "契約",
      "テキサス",
      "レンジャーズ",
    ]);
    expect(analyzeTerms(tokenizer, "マンチェスター・ユナイテッド")).toEqual(["マンチェスタ", "ユナイテッド"]);
    expect(analyzeTerms(tokenizer, "ドンキ")[0]).toBe(analyzeTerms(tokenizer, "ドン・キホーテ")[0]);
    // its parts are a person's name, as IPADIC tags the names it knows
    expect(analyze(tokenizer, "ローガン・スタントン").map((t) => t.pos.join("-"))).toEqual([
      "名詞-固有名詞-人名-一般",
      "名詞-固有名詞-人名-一般",
    ]);
  });

  it("reads a model's number as its own word, in digits or roman numerals", () => {
    const termsOf = (text: string) => analyzeTerms(tokenizer, text);
    const s3 = ["s", "3", `s${COMPOUND_JOINER}3`];
    for (const text of ["SIII", "S III", "S3", "SⅢ"]) expect(termsOf(`GALAXY ${text}`)).toEqual(["ギャラクシ", ...s3]);
    const mark3 = ["mark", "3", `mark${COMPOUND_JOINER}3`];
    for (const text of ["5D Mark III", "5D MarkIII", "5D Mark3"]) expect(termsOf(text)).toEqual(["5d", ...mark3]);
    expect(termsOf("iPhone5")).toEqual(termsOf("iPhone 5"));
    // not a word in capitals that ends like a numeral, a numeral in lower case, nor digits that are a name
    expect(termsOf("HAWAII")).toEqual(["ハワイ"]);
    expect(termsOf("UNIX")).toEqual(["ユニックス"]);
    expect(termsOf("FINAL FANTASY XIII").at(-1)).toBe("xiii");
    // a digit after a line break starts the next line
    expect(termsOf("Windows\n7月に")).not.toContain(`ウィンドウズ${COMPOUND_JOINER}7`);
    expect(termsOf("Mark IV")).toEqual(["mark", "4", `mark${COMPOUND_JOINER}4`]);
    expect(termsOf("Wii")).toEqual(["wii"]);
    expect(termsOf("x86")).toEqual(["x86"]);
    expect(termsOf("Xen 3.0")).toEqual(["xen", "3.0"]);
    // highlights still find the words where the text writes them
    const text = "EOS 5D Mark III";
    expect(analyze(tokenizer, text).map((t) => text.slice(t.start, t.end).trim())).toEqual([
      "EOS",
      "5D",
      "Mark",
      "III",
    ]);
  });

  it("reads katakana words joined by ・ as a person's name, unless a part is a place", () => {
    const posOf = (text: string) => analyze(tokenizer, text).map((t) => `${t.surface}:${t.pos[2]}`);
    // kuromoji cuts カール・ウーズ itself, and reads ウーズ as a common noun
    expect(posOf("カール・ウーズら")).toEqual(["カール:人名", "ウーズ:人名", "ら:一般"]);
    expect(posOf("アメリカ・ロサンゼルス")).toEqual(["アメリカ:地域", "ロサンゼルス:地域"]);
    // a known name with a word IPADIC knows is a name; known words alone are a list, not a name
    expect(posOf("トム・クルーズ")).toEqual(["トム:人名", "クルーズ:人名"]);
    expect(posOf("ジョン・ニーダム")).toEqual(["ジョン:人名", "ニーダム:人名"]);
    expect(posOf("スマホ・タブレット")).not.toContain("タブレット:人名");
    expect(posOf("ワンセグ対応のスマホ・タブレット")).toContain("タブレット:*");
    // a run longer than a name is none
    expect(posOf("ア・イ・ウ・エ・オ・カ・キ").every((p) => !p.endsWith(":人名"))).toBe(true);
    // without ・, or beside a word that is not katakana, nothing changes
    expect(posOf("パスツールの成果")).toEqual(["パスツール:*", "の:*", "成果:*"]);
    expect(posOf("日本・ウーズ")).toEqual(["日本:地域", "ウーズ:組織"]);
    // half-width katakana and its dot, mapped back to the source
    const halfWidth = "ﾖﾊﾈｽ･ｸﾞｰﾃﾝﾍﾞﾙｸ";
    expect(analyze(tokenizer, halfWidth).map((t) => [t.term, halfWidth.slice(t.start, t.end)])).toEqual([
      ["ヨハネス", "ﾖﾊﾈｽ"],
      ["グーテンベルク", "ｸﾞｰﾃﾝﾍﾞﾙｸ"],
    ]);
  });

  it("gives offsets into the original text, before normalization", () => {
    const text = "ＣＰＵはｻｰﾊﾞｰで動く";
    const tokens = analyze(tokenizer, text).filter((t) => t.term !== null);
    expect(tokens.map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ["cpu", "ＣＰＵ"],
      ["サーバ", "ｻｰﾊﾞｰ"],
      ["動く", "動く"],
    ]);
  });

  it("never throws and keeps offsets in range on arbitrary Unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        for (const t of analyze(tokenizer, s)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.start).toBeLessThanOrEqual(t.end);
          if (t.term !== null) expect(t.term).not.toMatch(/\s/u);
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ["empty text", ""],
    ["NUL characters", "\u0000".repeat(10)],
    ["lone surrogates", "\ud800\udc00\ud800abc\udfff"],
    ["combined emoji", "👨‍👩‍👧‍👦🏳️‍🌈👍🏽".repeat(50)],
    ["100,000 characters without punctuation", "日本語の文章を解析する".repeat(10_000)],
    ["10,000 katakana in a row", "アイウエオカキクケコ".repeat(1_000)],
  ])("analyses hostile input: %s", (_what, text) => {
    // Completing at all is the point: unchunked, kuromoji takes minutes and gigabytes on the last two.
    const tokens = analyze(tokenizer, text);
    expect(Array.isArray(tokens)).toBe(true);
  });
});

describe("chunkText", () => {
  it("cuts any text into bounded chunks, in order, that cover all but whitespace", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2_000 }), (s) => {
        const chunks = chunkText(s);
        let end = 0;
        for (const c of chunks) {
          expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK_LENGTH);
          expect(c.text.length).toBeGreaterThan(0);
          expect(s.slice(c.start, c.start + c.text.length)).toBe(c.text);
          expect(c.start).toBeGreaterThanOrEqual(end);
          // what lies between two chunks is whitespace
          expect(s.slice(end, c.start).trim()).toBe("");
          end = c.start + c.text.length;
        }
        expect(s.slice(end).trim()).toBe("");
      }),
      { numRuns: 200 },
    );
  });

  it("leaves out line breaks and runs of spaces, keeping single spaces inside a chunk", () => {
    expect(chunkText("Xen 3.0  が\n出た").map((c) => c.text)).toEqual(["Xen 3.0", "が", "出た"]);
  });

  it("prefers to cut after punctuation", () => {
    const sentence = `${"あ".repeat(100)}。`;
    const chunks = chunkText(sentence.repeat(3));
    expect(chunks[0]?.text).toBe(sentence);
  });

  it("never cuts a surrogate pair", () => {
    const chunks = chunkText("😀".repeat(200));
    for (const c of chunks) expect(c.text.isWellFormed()).toBe(true);
  });
});
