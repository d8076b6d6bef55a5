import { beforeAll, describe, expect, it } from "vitest";
import { answerSought, counterAsked, hasAnswerType, kindAsked } from "../../src/answer/answer-type.ts";
import { measureAsked, questionTypeOfQuestion } from "../../src/answer/question.ts";
import { analyze, type Token } from "../../src/text/analyze.ts";
import { normalize } from "../../src/text/normalize.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";

let tokenizer: Tokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

const termsOf = (tokens: readonly Token[]) =>
  new Map(tokens.flatMap((t) => (t.term === null ? [] : [[t.term, 1] as const])));

describe("the kind a 何 question asks for", () => {
  it.each<[string, string | null]>([
    ["シベリア気団の勢力が弱くなった後、現れるのは何気団か", "気団"],
    ["栗山川は何県の川ですか？", "県"],
    ["何語を話す？", "語"],
    ["以下に示されているのは何の綱領か。", "綱領"],
    // a counter or a date is a question word of its own, and 何 alone names no kind
    ["何人が参加した？", null],
    ["何年に発売された？", null],
    ["これは何ですか", null],
    ["何のために作った？", null],
    // the first 何 that names a kind, not just the first 何
    ["何を何県で生産する？", "県"],
    // a numeral after 何 is no kind: 何十年 asks for a number of years
    ["何十年前に建てられた？", null],
  ])("%s → %s", (question, kind) => {
    expect(kindAsked(analyze(tokenizer, question))?.term ?? null).toBe(kind);
  });
});

describe("a sentence that names a thing of the kind asked for", () => {
  const answers = (question: string, sentence: string) => {
    const questionTokens = analyze(tokenizer, question);
    const tokens = analyze(tokenizer, sentence);
    return hasAnswerType("thing", normalize(sentence), tokens, termsOf(questionTokens), kindAsked(questionTokens));
  };

  it("names another one than the question's own", () => {
    const question = "シベリア気団の勢力が弱くなった後、現れるのは何気団か";
    expect(answers(question, "代わって中国大陸には暖かく乾燥した揚子江気団ができ始める。")).toBe(true);
    // シベリア気団 is the question's own: it does not answer
    expect(answers(question, "シベリア気団は勢力が弱くなり、次第に北上していく。")).toBe(false);
    expect(answers(question, "春になると移動性高気圧が日本列島に来る。")).toBe(false);
  });

  it("finds the kind as a suffix or at the end of one word", () => {
    expect(answers("栗山川は何県の川ですか？", "栗山川は千葉県北東部を流れる。")).toBe(true);
    expect(answers("栗山川は何県の川ですか？", "栗山川は県の北東部を流れる。")).toBe(false);
    expect(answers("その選挙で勝ったのは何党か", "選挙では民主党が勝った。")).toBe(true);
    // a common word that happens to end with the kind is not one: 景色 is no 色, 物語 no 語
    expect(answers("花は何色？", "山の景色が美しい。")).toBe(false);
    expect(answers("何語を話す？", "長い物語を話す。")).toBe(false);
  });
});

describe("a person or a place, for 誰 and どこ", () => {
  const answers = (question: string, sentence: string) => {
    const asked = analyze(tokenizer, question);
    const type = asked.find((t) => t.question)?.question ?? null;
    if (type !== "person" && type !== "place") throw new Error(`${question}: ${type}`);
    return hasAnswerType(type, normalize(sentence), analyze(tokenizer, sentence), termsOf(asked));
  };

  it("is one the question does not name", () => {
    expect(answers("シェーンベルクに謝ったのは誰？", "田中は謝った。")).toBe(true);
    expect(answers("シェーンベルクに謝ったのは誰？", "シェーンベルクは怒った。")).toBe(false);
    expect(answers("宮尾さんと話したのは誰？", "宮尾さんが話した。")).toBe(false);
    expect(answers("宮尾さんと話したのは誰？", "桜塚さんが話した。")).toBe(true);
    expect(answers("日本初上陸のパッチってどこの国のチョコ？", "日本初登場のチョコだ。")).toBe(false);
    expect(answers("日本初上陸のパッチってどこの国のチョコ？", "パッチはレバノンで生まれた。")).toBe(true);
    expect(answers("千葉の名物はどこで食べられる？", "千葉県で食べられる。")).toBe(false);
    expect(answers("千葉の名物はどこで食べられる？", "銚子市で食べられる。")).toBe(true);
  });

  it("is named by a suffix after a name, not after a count", () => {
    // (ガッキー is a common noun to IPADIC: the suffix makes it a name)
    expect(answers("トークショーに出たのは誰？", "ガッキー様がトークショーに出た。")).toBe(true);
    expect(answers("トークショーに出たのは誰？", "抽選で5名様にトークショーの招待券。")).toBe(false);
    expect(answers("トークショーに出たのは誰？", "お二人様のトークショー招待券。")).toBe(false);
    expect(answers("祭りはどこで開かれる？", "全国3市で祭りが開かれる。")).toBe(false);
    // a name in kanji numerals, or ending with a counter, is a name
    expect(answers("祭りはどこで開かれる？", "四万十市で祭りが開かれる。")).toBe(true);
    expect(answers("祭りはどこで開かれる？", "六ヶ所村で祭りが開かれる。")).toBe(true);
    expect(answers("トークショーに出たのは誰？", "一二三さんがトークショーに出た。")).toBe(true);
  });

  it("may be a foreign name in katakana, IPADIC knows it or not", () => {
    expect(answers("UFCのラウンドガールって誰？", "ラウンドガール＝ローガン・スタントンを紹介。")).toBe(true);
    expect(answers("UFCのラウンドガールって誰？", "UFCのラウンドガールを紹介。")).toBe(false);
  });
});

describe("an amount of money, for いくら", () => {
  const answers = (sentence: string) =>
    hasAnswerType("price", normalize(sentence), analyze(tokenizer, sentence), new Map());

  it.each([
    "価格：85円（2012年4月8日現在）",
    "価格は3,980円（税込）だ。",
    "罰金1億8千万円を言い渡した。",
    "GDPは100億ドルだった。",
    "総額130万ユーロが寄付された。",
    "税込で￥17,640。",
    "入党費は三百円。",
    "発表した．500円の値上げ。",
    "9月末までは無料で使える。",
  ])("is said by %s", (sentence) => {
    expect(answers(sentence)).toBe(true);
  });

  it.each([
    "ランキングで２位のアプリです。",
    "3G＋Wi-Fiモデルがある。",
    "2012年4月8日に発売した。",
    "円高が進んだ。",
    "関東一円の庶民信仰を集めた。",
  ])("is not said by %s", (sentence) => {
    expect(answers(sentence)).toBe(false);
  });
});

describe("a number in the counter asked for", () => {
  const answers = (question: string, sentence: string) => {
    const questionTokens = analyze(tokenizer, question);
    const tokens = analyze(tokenizer, sentence);
    return hasAnswerType("number", normalize(sentence), tokens, termsOf(questionTokens), counterAsked(questionTokens));
  };

  it.each<[string, string | null]>([
    ["グスタフ・マーラーは何人兄弟か？", "人"],
    ["指揮者になったのは何歳？", "歳"],
    ["得票率は何パーセントか", "パーセント"],
    // NFKC makes ％ a %, which IPADIC reads as one word with the ? after it
    ["識字率は何％？", "%"],
    ["何%の人が持ってる?", "%"],
    // numerals between 何 and the counter
    ["何十人が集まった？", "人"],
    // no counter: any number answers
    ["コアはいくつある？", null],
    ["梅雨の期間はどれくらいか？", null],
  ])("%s → %s", (question, counter) => {
    expect(counterAsked(analyze(tokenizer, question))?.surface ?? null).toBe(counter);
  });

  it("is a number followed by that counter, not any number", () => {
    const question = "グスタフ・マーラーは何人兄弟か？";
    expect(answers(question, "夫妻の間には14人の子供が産まれている。")).toBe(true);
    expect(answers(question, "マーラーは1860年7月7日に生まれた。")).toBe(false);
    expect(
      answers("指揮者になったのは何歳？", "1909年（49歳）、ニューヨーク・フィルハーモニックの指揮者となる。"),
    ).toBe(true);
    expect(answers("指揮者になったのは何歳？", "1909年、ニューヨーク・フィルハーモニックの指揮者となる。")).toBe(false);
  });

  it("is not a numeral inside a word, nor a unit that only starts like the counter", () => {
    expect(answers("指揮者になったのは何歳？", "千歳に住んでいた。")).toBe(false);
    expect(answers("指揮者になったのは何歳？", "万歳を三唱した。")).toBe(false);
    expect(answers("壁の高さは何メートル？", "容量は10MBある。")).toBe(false);
    expect(answers("壁の高さは何メートル？", "高さ3mの壁がある。")).toBe(true);
  });

  it("reads g and m in lower case only, as SI writes them, where the text is given", () => {
    /** Whether the sentence answers the question, read with the text at hand. */
    const inText = (question: string, sentence: string) => {
      const asked = analyze(tokenizer, question);
      return hasAnswerType(
        "number",
        normalize(sentence),
        analyze(tokenizer, sentence),
        termsOf(asked),
        counterAsked(asked),
        (t) => sentence.slice(t.start, t.end),
      );
    };
    const grams = "Wi-Fiモデルは何グラム？";
    expect(inText(grams, "重さは約168gだ。")).toBe(true);
    expect(inText(grams, "重さは約１６８ｇだ。")).toBe(true);
    expect(inText(grams, "重さは約168 gだ。")).toBe(true);
    // 3G is a network, 8G a memory size: analysis folds case, the text does not
    expect(inText(grams, "3GとWi-Fiに対応する。")).toBe(false);
    expect(inText(grams, "メモリは8G。")).toBe(false);
    expect(inText(grams, "3 G対応のモデル。")).toBe(false);
    expect(inText(grams, "３ Ｇ対応のモデル。")).toBe(false);
    // kg is read in any case: only g and m are another thing in capitals
    expect(inText("重さは何キロ？", "重さは1.5KGだ。")).toBe(true);
  });

  it("knows a counter's other spellings and kanji numerals", () => {
    expect(answers("気温は何度？", "気温は25℃だった。")).toBe(true);
    expect(answers("何か所にある？", "全国3ヵ所にある。")).toBe(true);
    expect(answers("得票率は何パーセントか", "得票率は６０％を超えた。")).toBe(true);
    expect(answers("通信費が高いと思う人って何％？", "高いと思う人は87.9%だった。")).toBe(true);
    expect(answers("通信費が高いと思う人って何％？", "高いと思う人は87.9パーセントだった。")).toBe(true);
    expect(answers("通信費が高いと思う人って何％？", "回答者は1,000人だった。")).toBe(false);
    // a share in tenths answers a share in hundredths, and the other way
    expect(answers("通信費が高いと思う人って何％？", "高いと思う人は約9割だった。")).toBe(true);
    expect(answers("高いと思う人は何割？", "高いと思う人は87.9%だった。")).toBe(true);
    expect(answers("何人が参加した？", "三十人が参加した。")).toBe(true);
    expect(answers("何か国が加盟する？", "10カ国が加盟する。")).toBe(true);
    expect(answers("最大何センチまで伸びる？", "最長78cmまで伸びる。")).toBe(true);
    expect(answers("厚さは何ミリ？", "厚さは8.9mmだ。")).toBe(true);
    expect(answers("何人まで乗れる？", "最大7名まで乗れる。")).toBe(true);
  });

  it("knows the units a product's specifications write in letters", () => {
    // 何型 asks for a type as often as for a size (血液型, 2型): インチ is no spelling of it
    expect(answers("画面は何型？", "10.1インチの液晶を搭載する。")).toBe(false);
    expect(answers("画面は何インチ？", "10.1インチの液晶を搭載する。")).toBe(true);
    expect(answers("容量は何ギガ？", "容量は64GBだ。")).toBe(true);
    expect(answers("出力は何ワット？", "最大出力は100W。")).toBe(true);
    expect(answers("バッテリーは何ミリアンペア？", "容量は3,200mAhある。")).toBe(true);
    expect(answers("何キロカロリー？", "1食240kcalです。")).toBe(true);
    expect(answers("何リットル入る？", "1.5Lのペットボトル。")).toBe(true);
    // units IPADIC reads as common nouns: the unit is the counter, in its spellings
    expect(answers("ボルボV60って何馬力？", "エンジンは304ps、44.9kgmを発生する。")).toBe(true);
    expect(answers("何馬力？", "最高出力は200馬力。")).toBe(true);
    expect(answers("カメラは何画素？", "有効画素数約1,210万画素のカメラ。")).toBe(true);
    expect(answers("何馬力？", "カメラは1210万画素。")).toBe(false);
    expect(answers("解像度は横何ピクセル？", "カメラは有効画素数1310万画素。")).toBe(false);
    expect(answers("カメラは何画素？", "12.1MPのセンサー。")).toBe(true);
    // a unit of another measure is no answer
    expect(answers("容量は何ギガ？", "出力は100Wだ。")).toBe(false);
    expect(answers("出力は何ワット？", "容量は64GBだ。")).toBe(false);
  });

  it("without a counter, is any number, but not the digits of a name", () => {
    expect(answers("コアはいくつある？", "コアは4つある。")).toBe(true);
    expect(answers("コアはいくつある？", "コアは多い。")).toBe(false);
    expect(answers("コアはいくつある？", "クロックは1.5GHzだ。")).toBe(true);
    expect(answers("コアはいくつある？", "AQUOS PHONE 104SHのCPUだ。")).toBe(false);
    expect(answers("コアはいくつある？", "x86のCPUだ。")).toBe(false);
    expect(answers("コアはいくつある？", "ニンテンドー3DSで遊べる。")).toBe(false);
    for (const quantity of ["1錠500mgだ。", "60fpsで動く。", "4Kで撮れる。", "3Dで見られる。", "64bitに対応。"]) {
      expect(answers("それはいくつ？", quantity)).toBe(true);
    }
  });
});

describe("a quantity measured in a unit", () => {
  it.each<[string, string | null]>([
    ["104SHの互換バッテリー、容量なんぼ？", "容量"],
    ["バッテリーの容量は？", "容量"],
    // 高さ, 重さ: an adjective and さ to kuromoji
    ["東京タワーの高さは？", "高"],
    ["重さはどれくらい", "重"],
    ["標高はいくつ？", "標高"],
    // right after a word of degree: an adjective, or の and a noun
    ["このバッテリーどれくらい重い？", "重い"],
    ["このケーブルってどのくらい長い？", "長い"],
    // an adjective of the lesser end asks the same measure: how light is a weight; not the noun, a figure
    // of speech as often (口の軽さ)
    ["このノートPCどれくらい軽い？", "軽い"],
    ["どのくらい薄い？", "薄い"],
    ["口の軽さは？", null],
    ["東京タワーはどのくらいの高さ？", "高"],
    // or before ある or なる: how heavy it is
    ["どれくらいの重さがある？", "重"],
    ["どれくらいの重さになりますか", "重"],
    // only where it closes the question: how long a time, how serious an illness, of what length a video
    ["どれくらい長い時間待った？", null],
    ["どれくらい重い病気？", null],
    ["どのくらいの長さの動画が撮れる？", null],
    // 高い asks a price as often; not after a question for a count or a price
    ["このカメラどのくらい高い？", null],
    ["いくら重い？", null],
    // counts, and nouns no unit measures
    ["ラオスの人口はいくら", null],
    ["コアはいくつある？", null],
    ["高いのはどれくらい？", null],
  ])("%s → %s", (question, noun) => {
    expect(measureAsked(analyze(tokenizer, question))?.surface ?? null).toBe(noun);
  });

  it("is asked for by a number question", () => {
    const typeOf = (question: string) => questionTypeOfQuestion(analyze(tokenizer, question));
    expect(typeOf("東京タワーの高さは？")).toBe("number");
    expect(typeOf("身長はいくら？")).toBe("number");
    expect(typeOf("重さはいくら？")).toBe("number");
    expect(typeOf("バッテリーの容量は？")).toBe("number");
    // a compound that ends in the quantity
    expect(typeOf("電池容量は？")).toBe("number");
    expect(typeOf("最高速度は？")).toBe("number");
    // a quantity in a clause, or the subject of one, says which thing is priced
    expect(typeOf("高さが変えられるデスクはいくら？")).toBe("price");
    expect(typeOf("重さが1kg以下のノートPCはいくら？")).toBe("price");
    expect(typeOf("出力が高い充電器っていくら？")).toBe("price");
    expect(measureAsked(analyze(tokenizer, "容量が大きいハヤテはどれくらい売れた？"))).toBeNull();
    // not an adjective of its own
    expect(questionTypeOfQuestion(analyze(tokenizer, "東京タワーの高いところは？"))).toBeNull();
  });

  const answers = (question: string, sentence: string) => {
    const asked = analyze(tokenizer, question);
    const tokens = analyze(tokenizer, sentence);
    return hasAnswerType("number", normalize(sentence), tokens, termsOf(asked), measureAsked(asked));
  };

  it("is a number in one of its units, not any number", () => {
    const capacity = "104SHの互換バッテリー、容量なんぼ？";
    expect(answers(capacity, "大きいほうは3,200mAhある。")).toBe(true);
    expect(answers(capacity, "ストレージは64GBだ。")).toBe(true);
    expect(answers(capacity, "AQUOS PHONE 104SH用のバッテリーだ。")).toBe(false);
    expect(answers(capacity, "1.5GHzのCPUを搭載する。")).toBe(false);
    expect(answers(capacity, "2種類のバッテリーがある。")).toBe(false);
    const height = "東京タワーの高さは？";
    expect(answers(height, "高さ250mの特別展望台。")).toBe(true);
    expect(answers(height, "高さは333メートルある。")).toBe(true);
    expect(answers(height, "1958年に完成した。")).toBe(false);
    // the number's reading in parentheses between it and its unit; not a word in parentheses
    expect(answers(height, "地上から高さ634(むさし)mを誇る。")).toBe(true);
    expect(answers(height, "高さ634（むさし）メートル。")).toBe(true);
    expect(answers(height, "634（タワー）の看板。")).toBe(false);
    expect(answers(height, "634(むさし) m")).toBe(false);
    expect(answers("重さはどれくらい", "約168gを実現した。")).toBe(true);
    expect(answers("重さはどれくらい", "約168mmの長さ。")).toBe(false);
    // a spec table's unit in parentheses after the number; not a letter in parentheses elsewhere
    expect(answers("重さはどれくらい", "質量：約140（g）")).toBe(true);
    expect(answers("重さはどれくらい", "質量：約140（g）、幅：50（mm）")).toBe(true);
    expect(answers("重さはどれくらい", "モデル（G）は2種類。")).toBe(false);
    expect(answers("重さはどれくらい", "140 (g)")).toBe(false);
    expect(answers("重さはどれくらい", "140（ g）")).toBe(false);
    expect(answers("重さはどれくらい", "幅：約140（mm）")).toBe(false);
    expect(answers("重さはどれくらい", "約140（g")).toBe(false);
    // km², which NFKC makes km2, written after 万 or joined with the number
    for (const area of ["面積は23.68万km2である。", "面積は約2,190km²である。", "面積は2190km2。", "23万6800km²"]) {
      expect(answers("ラオスの面積は？", area)).toBe(true);
    }
    expect(answers("ラオスの面積は？", "全長は2190kmある。")).toBe(false);
  });

  it("answers without the question's words: a unit says what it measures", () => {
    const sought = answerSought("number", measureAsked(analyze(tokenizer, "バッテリーの容量は？")), new Map());
    expect(sought?.mayName).toBe(true);
    const tokens = analyze(tokenizer, "3,200mAh");
    expect(sought?.holds(normalize("3,200mAh"), tokens, (t) => "3,200mAh".slice(t.start, t.end))).toBe(true);
  });
});

describe("an amount of money", () => {
  const terms = new Map<string, unknown>();
  /** Whether a key point holding the sentence ends the search for the price. */
  const holds = (type: "price", sentence: string) =>
    answerSought(type, null, terms)?.settles(normalize(sentence), analyze(tokenizer, sentence), () => "") ?? false;
  /** Whether the search of the article takes the sentence. */
  const found = (sentence: string) =>
    answerSought("price", null, terms)?.holds(normalize(sentence), analyze(tokenizer, sentence), () => "") ?? false;

  it("is found in the article until a key point holds one: 無料 for a while scores, and gives no price", () => {
    const free = "9月末まで無料で使える。";
    expect(hasAnswerType("price", normalize(free), analyze(tokenizer, free), terms)).toBe(true);
    expect(holds("price", free)).toBe(false);
    expect(holds("price", "キャンペーン期間中は無料。")).toBe(false);
    expect(holds("price", "基本無料で遊べる。")).toBe(false);
    expect(holds("price", "月額料金は210円です。")).toBe(true);
    expect(holds("price", "ダウンロードは無料、一部アイテムは課金。")).toBe(false);
    expect(holds("price", "2013年まで無料で使える。")).toBe(false);
    expect(holds("price", "先着100名まで無料。")).toBe(false);
    expect(holds("price", "しばらく無料で使える。")).toBe(false);
    // no price besides: 課金なし, 料金がかからず; had for nothing: 無料ダウンロード
    expect(holds("price", "課金なしで全機能が無料で使える。")).toBe(true);
    expect(holds("price", "追加料金がかからず無料で使える。")).toBe(true);
    expect(holds("price", "App Storeから無料ダウンロードできる。")).toBe(true);
    expect(holds("price", "料金がかかりませんので無料で使える。")).toBe(true);
    expect(holds("price", "完全無料で課金は一切ありません。")).toBe(true);
    expect(holds("price", "無料ではじめられる家計簿アプリ。")).toBe(true);
    // for a while, or in part
    for (const now of [
      "30日間無料で試せる。",
      "12/31まで無料で配信。",
      "数量限定で無料配布。",
      "基本プレイ無料のRPG。",
    ]) {
      expect(holds("price", now)).toBe(false);
    }
    // a free thing's name, a 無料 denied
    expect(holds("price", "無料ダウンロード版を公開。")).toBe(false);
    expect(holds("price", "無料でないアプリもある。")).toBe(false);
    // free for good is the price
    expect(holds("price", "カケイボは無料で使えるアプリだ。")).toBe(true);
    expect(holds("price", "iPhoneからAndroidまで無料で使える。")).toBe(true);
    // not a free thing's name, shipping, nor a 無料 denied
    expect(holds("price", "無料アプリランキングで1位になった。")).toBe(false);
    expect(holds("price", "Amazonなら送料無料で届く。")).toBe(false);
    expect(holds("price", "このアプリは無料ではなく有料です。")).toBe(false);
    // the article is searched for an amount: another feature free for good is no answer
    expect(found("月額料金は210円です。")).toBe(true);
    expect(found("これまでのウィルス対策機能は継続して無料で利用できます。")).toBe(false);
  });
});

describe("the answer sought in an article", () => {
  it("reads only text that may hold it, without analysis", () => {
    const number = answerSought("number", null, new Map());
    expect(number?.mayHold("待機児童は3人になった。")).toBe(true);
    expect(number?.mayHold("待機児童は三人になった。")).toBe(true);
    expect(number?.mayHold("待機児童はゼロになった。")).toBe(true);
    expect(number?.mayHold("待機児童はいなくなった。")).toBe(false);
    const date = answerSought("date", null, new Map());
    expect(date?.mayHold("2012年6月28日に発売。")).toBe(true);
    expect(date?.mayHold("近く発売される。")).toBe(false);
    // a person or a place needs the analysis
    expect(answerSought("person", null, new Map())?.mayHold("だれもいない。")).toBe(true);
    expect(answerSought(null, null, new Map())).toBeNull();
  });

  it("answers without the question's words only for an amount that names what it is", () => {
    expect(answerSought("price", null, new Map())?.mayName).toBe(true);
    expect(answerSought("person", null, new Map())?.mayName).toBe(false);
  });
});
