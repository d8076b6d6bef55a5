import { beforeAll, describe, expect, it } from "vitest";
import { kindAsked } from "../../src/answer/answer-type.ts";
import {
  pairsOf,
  questionTypeOfQuestion,
  subjectTermsOf,
  topicTerms,
  withoutRequest,
} from "../../src/answer/question.ts";
import { analyze, wordsOf } from "../../src/text/analyze.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";

let tokenizer: Tokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

const asked = (question: string) => withoutRequest(question, analyze(tokenizer, question));

describe("a question without the request around it", () => {
  it.each<[string, string[]]>([
    ["梅雨の時期を教えてください", ["梅雨", "時期"]],
    ["梅雨について詳しく知りたいです", ["梅雨"]],
    ["梅雨について簡単に説明して", ["梅雨"]],
    ["梅雨を教えてほしい", ["梅雨"]],
    // a request's word inside what is asked stays, in a compound too, and without a request's form
    ["マーラーが教えた学生は？", ["マーラ", "教える", "学生"]],
    ["自己紹介とは？", ["自己", "紹介"]],
    ["梅雨について説明", ["梅雨", "説明"]],
    // a request's form right after the verb only: not 教えていた, 知られている, 紹介されている
    ["マーラーは誰に教えていたか", ["マーラ", "教える"]],
    ["この歌手は広く知られている", ["歌手", "広い", "知る"]],
    ["その店は雑誌で紹介されているか", ["店", "雑誌", "紹介"]],
    ["梅雨について教えてもらえますか", ["梅雨"]],
    // a question that is nothing but a request asks nothing
    ["説明してください", []],
    ["梅雨の時期は？", ["梅雨", "時期"]],
    // asking for anyone who knows is a request too
    ["辞めた理由を知ってる人いる？", ["辞める", "理由"]],
    ["この曲わかる人いますか", ["曲"]],
    ["Excelに詳しい人いる？", ["エクセル"]],
    ["梅雨のことを教えてくれる人いない？", ["梅雨"]],
    ["梅雨の時期を知ってる人はいますか", ["梅雨", "時期"]],
    ["梅雨の時期をご存知の方いますか", ["梅雨", "時期"]],
    ["梅雨の時期わかる方いらっしゃいますか", ["梅雨", "時期"]],
    ["梅雨の時期を知ってる人いたら教えてください", ["梅雨", "時期"]],
    ["梅雨の時期知ってる人いるかな", ["梅雨", "時期"]],
    ["梅雨の時期を知ってる人いる？教えて", ["梅雨", "時期"]],
    // the request closing each sentence of the question, not only the last
    ["仮想化のXenについて教えて。仮想化のXenについて教えて。", ["仮想", "化", "xen"]],
    ["梅雨について教えてください。時期はいつ？", ["梅雨", "時期"]],
    ["梅雨の時期を知ってる人いる？梅雨前線も教えて", ["梅雨", "時期", "前線"]],
    ["マーラーが教えた学生は？梅雨について教えて", ["マーラ", "教える", "学生", "梅雨"]],
    // not someone asked about
    ["人気の店を知ってる人は誰？", ["人気", "店", "知る", "人"]],
    ["田中さんは歴史に詳しい人ですか？", ["田中", "歴史", "詳しい", "人"]],
  ])("%s → %j", (question, terms) => {
    expect(wordsOf(asked(question))).toEqual(terms);
  });
});

describe("a question without the laughs typed into it", () => {
  it.each<[string, string[]]>([
    ["GLOWって何の雑誌？ｗ", ["glow", "雑誌"]],
    ["GLOWって何の雑誌www", ["glow", "雑誌"]],
    ["GLOWって何の雑誌（笑）", ["glow", "雑誌"]],
    ["GLOWって何の雑誌笑", ["glow", "雑誌"]],
    ["監督は誰？草", ["監督"]],
    ["監督どこ草", ["監督"]],
    ["監督は誰?w", ["監督"]],
    ["監督だれ？ｗｗ教えて", ["監督"]],
    ["雑誌の名前なんだっけw", ["雑誌", "名前"]],
    // a word's letters, a unit and a word of its own stay: W杯, 1250W, 何W (watts), 何の草, 笑の大学
    ["なでしこW杯の同点ゴールって何分？", ["なでしこ", "w", "杯", "同点", "ゴール"]],
    ["1250Wの電源の発売日は？", ["1250w", "電源", "発売", "日"]],
    ["消費電力は何W？", ["消費", "電力", "w"]],
    ["これ何の草？", ["草"]],
    ["笑の大学の監督は？", ["笑", "大学", "監督"]],
    // quoted, it is the word asked about; with words after it past a space or 、, one of them
    ["「笑」の書き順は？", ["笑", "書く", "順"]],
    ["『草』という漢字の成り立ちは？", ["草", "漢字", "成り立つ"]],
    ["草 食べる 動物", ["草", "食べる", "動物"]],
    ["食べられる草、教えて", ["食べる", "草"]],
    // but after a question word or in brackets it is a laugh, whatever follows
    ["監督だれ草、教えて", ["監督"]],
    ["私は初心者（笑）ラオスの首都は？", ["初心者", "ラオス", "首都"]],
  ])("%s → %j", (question, terms) => {
    expect(wordsOf(asked(question))).toEqual(terms);
  });
});

describe("a question without its greetings and courtesies", () => {
  it.each<[string, string[]]>([
    // a sentence that only greets, announces the question or thanks asks nothing
    [
      "こんにちは。質問です。Xen 3.0ではどのOSがゲストOSとして動くようになる？よろしくお願いします。",
      ["xen", "3.0", "os", "ゲスト", "動く"],
    ],
    ["質問があります。梅雨の時期は？", ["梅雨", "時期"]],
    ["質問させてください。梅雨の時期は？", ["梅雨", "時期"]],
    ["梅雨の時期は？よろしくお願いいたします", ["梅雨", "時期"]],
    ["初めて質問します。梅雨の時期は？宜しくお願い致します。", ["梅雨", "時期"]],
    ["いつもお世話になっております。梅雨の時期は？ありがとうございます。", ["梅雨", "時期"]],
    ["おつかれさまです！梅雨の時期は？", ["梅雨", "時期"]],
    ["質問いいですか？梅雨の時期は？", ["梅雨", "時期"]],
    ["すみません、失礼します。梅雨の時期は？", ["梅雨", "時期"]],
    // an opening clause that only announces it, and 質問 closing a sentence about its subject
    ["質問なんですが、梅雨の時期は？", ["梅雨", "時期"]],
    ["恐れ入りますが梅雨の時期を教えてください", ["梅雨", "時期"]],
    ["梅雨について質問です。時期は？", ["梅雨", "時期"]],
    ["梅雨についてご相談です", ["梅雨"]],
    // in a sentence that says anything else they are words like any other
    ["質問箱の使い方は？", ["質問", "箱", "使い方"]],
    ["お願いの仕方は？", ["お願い", "仕方"]],
    ["質問とは？", ["質問"]],
    ["梅雨についての質問？", ["梅雨", "質問"]],
    ["答えられない質問。", ["答える", "質問"]],
    ["ご回答よろしくお願いします。梅雨の時期は？", ["梅雨", "時期"]],
    ["梅雨の時期は？何卒よろしくお願い申し上げます。", ["梅雨", "時期"]],
    ["梅雨の時期は？よろしくです", ["梅雨", "時期"]],
    // a noun phrase of such words names what is asked about: it is kept
    ["失礼な質問", ["失礼", "質問"]],
    ["感謝", ["感謝"]],
    ["突然の質問", ["突然", "質問"]],
    ["良い質問", ["良い", "質問"]],
    ["初めての相談", ["初めて", "相談"]],
    ["離婚の相談", ["離婚", "相談"]],
    ["いいとも", ["いい"]],
    // beside a sentence that asks, an exclamation of courtesy words is one, and 質問 closing a sentence
    // announces it; alone, they are what is asked about (above)
    ["iPhone5の発売日は？よろしく！", ["iphone", "5", "発売", "日"]],
    ["質問！梅雨の時期は？", ["梅雨", "時期"]],
    ["どうもどうも。梅雨の時期は？", ["梅雨", "時期"]],
    ["iPhone5の発売日は？何卒よろしく。", ["iphone", "5", "発売", "日"]],
    ["梅雨について質問。時期は？", ["梅雨", "時期"]],
    // a sentence of a question word alone is kept
    ["梅雨の時期。いつ？", ["梅雨", "時期"]],
    // quoted courtesies are what is asked about
    ["「よろしくお願いします」、英語で何と言う？", ["よろしく", "お願い", "英語", "言う"]],
    // nothing but courtesies asks nothing
    ["よろしくお願いします。", []],
  ])("%s → %j", (question, terms) => {
    expect(wordsOf(asked(question))).toEqual(terms);
  });

  it("passes over many opening clauses in time linear in them: no copy of the rest after each", () => {
    // 「質問なんですが、」 a few thousand times, one unpunctuated sentence: each clause dropped was cut off the
    // sentence, copying what followed it (200,000 characters took 20 s). Counted: the tokens arrays copy.
    const question = `${"質問なんですが、".repeat(3_000)}梅雨の時期は？`;
    const tokens = analyze(tokenizer, question);
    const slice = Array.prototype.slice;
    let copied = 0;
    Array.prototype.slice = function (this: unknown[], ...args: [number?, number?]) {
      const out = slice.apply(this, args);
      copied += out.length;
      return out;
    };
    let kept: ReturnType<typeof withoutRequest>;
    try {
      kept = withoutRequest(question, tokens);
    } finally {
      Array.prototype.slice = slice;
    }
    expect(wordsOf(kept)).toEqual(["梅雨", "時期"]);
    expect(copied).toBeLessThan(10 * tokens.length);
  });
});

describe("the topic of a question", () => {
  it.each<[string, string[]]>([
    ["Xen 3.0ではどのOSが動く？", ["xen", "3.0"]],
    ["ラオスの首都ってどこ？", ["ラオス", "首都"]],
    ["梅雨とは？", ["梅雨"]],
    // a question word before the marker: no topic
    ["どこの首都は大きい？", []],
    ["首都はどこ？", ["首都"]],
    // って after a verb quotes: the topic ends at は
    ["マーラーが行くって言った場所はどこ？", ["マーラ", "行く", "言う", "場所"]],
    ["行くって言った？", []],
  ])("%s → %j", (question, topic) => {
    expect([...topicTerms(asked(question))]).toEqual(topic);
  });
});

describe("the terms that name what a question asks about", () => {
  it.each<[string, string[]]>([
    ["梅雨とは？", ["梅雨"]],
    ["マーラーってどんな人？", ["マーラ"]],
    ["ラオスってどういう国？", ["ラオス"]],
    ["グスタフ・マーラーはどのような人物か", ["グスタフ", "マーラ"]],
    ["PKOは何の略？", ["pko"]],
    ["梅雨について詳しく教えて", ["梅雨"]],
    // the words of a question that asks something of its subject
    ["梅雨明けの発表はいつ？", ["梅雨", "明け", "発表"]],
    ["先生が教えた曲は？", ["先生", "教える", "曲"]],
  ])("%s → %j", (question, subject) => {
    const tokens = asked(question);
    expect(subjectTermsOf(tokens, kindAsked(tokens))).toEqual(subject);
  });
});

describe("the kind of answer a question asks for", () => {
  it.each<[string, string | null]>([
    ["梅雨はいつ？", "date"],
    // 何 and a counter written ヶ: folded to か before analysis, 何か国語 would be 何か + 国語
    ["彼は何ヶ国語を話す？", "number"],
    // without a question word, the noun that closes the question names it
    ["梅雨の時期は？", "date"],
    ["梅雨の時期を教えてください", "date"],
    ["ラオスの人口って？", "number"],
    ["アプリの価格は？", "price"],
    // いくら asks for money, unless the noun before it is a count or a measure
    ["ロジのアダプタっていくら？", "price"],
    ["ラオスの国民議会の議席数はいくらか？", "number"],
    ["上座部仏教の割合はいくらか", "number"],
    ["ラオスの人口はいくら？", "number"],
    ["消費税率はいくら？", "number"],
    ["アダプタの料金はいくら？", "price"],
    ["互換バッテリー、容量なんぼ？", "number"],
    // what is measured is the topic or the subject, whatever stands between it and the question word
    ["議席数は現在いくらか", "number"],
    ["議席数が増えるといくら？", "number"],
    ["増えるといくら？", "price"],
    ["人口は2020年にはいくら？", "number"],
    ["値段はだいたいどれくらい？", "price"],
    ["料金は1回どれくらい？", "price"],
    // a price noun or a suffix that makes one: 入場料, 電気代
    ["入場料はどれくらい？", "price"],
    ["電気代はどのくらい？", "price"],
    ["家賃はどれくらい？", "price"],
    // spoken いくらなん？ asks
    ["ジューサーはいくらなん？", "price"],
    ["何千万円かかる？", "price"],
    // the noun right before the question word, when it is a count or a price, then the topics
    ["ジューサーは容量なんぼ？", "number"],
    ["この国は人口いくら？", "number"],
    ["アプリって料金どれくらい？", "price"],
    ["交通費はどれくらい？", "price"],
    ["電車賃はどれくらい？", "price"],
    // 代 after a number is an age or a decade
    ["30代はどれくらい？", "number"],
    // いくらでも, いくら何でも ask nothing: the question word is another
    ["「金はいくらでも出そう」という誘いに乗ったのは誰か", "person"],
    // どのくらい asks for an amount: of money, when the noun before it is a price
    ["キヤノン 5D Mark3 値段どのくらい？", "price"],
    ["電気代の総額はどれくらい？", "price"],
    ["梅雨の期間はどれくらいか？", "number"],
    ["運賃の値上げ率はどれくらい？", "number"],
    ["料金所の数はどのくらい？", "number"],
    ["運賃値上げで乗客はどれくらい減った？", "number"],
    ["料金は何人まで同じ？", "number"],
    ["ラオスの首都は", "place"],
    ["不況の原因は？", "reason"],
    ["梅雨の別名は？", "name"],
    ["『95ヶ条の論題』の著者は", "person"],
    // a noun that names no kind of answer, or one that is not the last word
    ["梅雨の雨は？", null],
    ["時期の梅雨は？", null],
    // the last noun of a compound: what is 戦国時代, what is a 映画監督
    ["戦国時代とは？", null],
    ["映画監督とは？", null],
    // a noun of a person's role closing the question asks who, after の or a clause
    ["第二次遣唐使ブーム 言い出した漫画家", "person"],
    ["力学を提唱した歴史的人物は", "person"],
    ["マーラーの妻は？", "person"],
    ["ワールドカップで優勝した選手", "person"],
    // a role IPADIC reads as one word (作家, 画家, 相方)
    ["『サン・ヴィセンテの祭壇画』を描いた画家は", "person"],
    ["浅尾美和の新しいペアの相方", "person"],
    ["この小説を書いた作家は？", "person"],
    ["この記事を書いた記者は？", "person"],
    // 長 after a noun is a length as often as a head: only after a body's noun (委員, 編集, 書記)
    ["このケーブルのケーブル長は？", null],
    ["日本共産党の委員長は？", "person"],
    ["自民党の幹事長は？", "person"],
    ["1958年の日本共産党の書記長は", "person"],
    ["この雑誌の編集長は？", "person"],
    ["この大学の学長は？", "person"],
    ["この人の身長は？", "number"],
    // not what a role is, nor the last noun of a compound
    ["漫画家とは？", null],
    ["日本代表監督は", null],
    // people in general, not one of them: no の before the role, no clause in the past
    ["花粉症の人", null],
    ["これを作った人は？", "person"],
    ["疲れやすい人は？", null],
    ["料理上手な妻", null],
    ["喫煙者", null],
    // a kind noun after a clause asks for that kind, as after の
    ["交響曲第2番ハ短調が完成した年は。", "date"],
    ["会議が開かれた場所は？", "place"],
    ["でんこちゃんがクビになった理由は？", "reason"],
    ["辞めた理由を知ってる人いる？", "reason"],
    ["集中豪雨が起こりやすい時期は？", "date"],
    // a compound ending in a date's suffix asks when; not a date itself, nor what it is
    ["SH-09Dの発売日は？", "date"],
    ["アベンジャーズ 日本公開日", "date"],
    ["設立年は", "date"],
    ["3日は？", null],
    ["発売日とは", null],
    // 日 after an event's clause, which IPADIC reads as 非自立; 日時 and 年度 closing a compound
    ["発売された日は？", "date"],
    ["発売された日を教えてください", "date"],
    ["開催日時は？", "date"],
    ["設立年度は？", "date"],
    ["大会の日程は？", "date"],
    // 月 and 日 after an event (a verb, た), not after a state; 時 asks what to do then
    ["生まれた月は？", "date"],
    ["桜が咲く月は？", "date"],
    ["木星の一番大きい月は？", null],
    ["寒い日は？", null],
    ["眠れない時は？", null],
    ["スマホを落とした時は？", null],
    ["電車が遅れた時は教えて", null],
    // a compound of a サ変 noun and a kind noun asks for that kind; not a role's title
    ["発売時期は？", "date"],
    ["撮影場所は？", "place"],
    ["退任理由は？", "reason"],
    // a count: 数 and 率 after の or closing a compound, and the counts that are one word
    ["設置された経済特区の数は?", "number"],
    ["ラオスの国民議会の議席数は", "number"],
    ["ポルトガルの都市人口率は", "number"],
    ["発行部数は？", "number"],
    ["関数とは？", null],
    ["変数は？", null],
    ["自然数って？", null],
    ["必要数は？", "number"],
    // a region asks where, as どこの国 does: after a clause, after の, or closing a サ変 compound
    ["EURO2016で優勝した国は？", "place"],
    ["但馬最大の盆地である豊岡盆地が広がる市は", "place"],
    ["ヨーロッパの島は？", "place"],
    ["ニーダーザクセン州の州都は？", "place"],
    ["加盟国は？", "place"],
    ["ライブの会場は？", "place"],
    ["加盟国とは？", null],
    // X の Y とは asks for X's Y, as X の Y は does
    ["ラオスの首都とは？", "place"],
    ["愛知県の県庁所在地は？", "place"],
    // a compound ending in a name's noun or 名 asks for a name
    ["ポルトガル正式名称は？", "name"],
    ["日本共産党の中央機関紙名は？", "name"],
    ["マーラーの本名は？", "name"],
    // 名 counting people
    ["若干名？", null],
    // a noun in the predicate after a topic asks whether the topic is one
    ["日本って安全な国？", null],
    ["日本は平和な国なの？", null],
    ["ソニーって日本の会社だっけ", null],
    ["ビートルズってイギリスの歌手？", null],
    // not a topic in a sentence or a clause before it
    ["私は学生です。ラオスの首都？", "place"],
    ["今日は暇なので質問。梅雨の時期？", "date"],
    ["今日は暇なので、人口が一番多い国？", "place"],
    ["私は学生だけど、人口が一番多い国？", "place"],
    ["私は学生です\n人口が一番多い国？", "place"],
    ["私は学生です 人口が一番多い国？", "place"],
    ["私は学生です｡人口が一番多い国？", "place"],
    ["私は学生。人口が一番多い国？", "place"],
    ["私は学生\n人口が一番多い国？", "place"],
    // any kind noun closing the predicate: 首都, 時期, 名称 as 国 and 会社
    ["東京は日本の首都ですか？", null],
    ["6月って梅雨の時期？", null],
    ["これって正式名称？", null],
    // a space, an emoji, a symbol may end a sentence: the last sentence asks for its kind
    ["私は初心者w ラオスの首都？", "place"],
    ["私は初心者（笑）ラオスの首都？", "place"],
    ["今日は雨だ 梅雨の時期？", "date"],
    // the topic of the noun's own sentence counts, not one before it
    ["私は学生です。日本って安全な国？", null],
    ["俺は初心者なんだけど、日本って安全な国？", null],
    ["日本って安全な国なんですか？", null],
    // a comma after the topic, and a copula denied, keep the question yes/no
    ["日本って、安全な国？", null],
    ["日本は,安全な国？", null],
    ["日本って安全な国じゃない？", null],
    ["日本は安全な国ではない？", null],
    // a clause describing the noun is the topic's own
    ["ドイツはEUに加盟している国？", null],
    ["日本って住みやすい国？", null],
    ["あれは去年できた店？", null],
    ["ここはみんなが並んでいる店？", null],
    ["ラオスの首都って？", "place"],
    // an organisation asks who, as どこの会社 does, after any clause: organisations are each one of a kind
    ["国立屋内総合競技場を作った会社は？", "person"],
    ["しんぶん赤旗の新聞販売店の機能を併せ持つ政党は？", "person"],
    ["安いメーカーは", "person"],
    ["おすすめのお店は", "person"],
    // a サ変 noun and an organisation: which one (a role's title is no question who holds it)
    ["赤嶺政賢の所属政党は？", "person"],
    ["所属事務所は", "person"],
    ["日本共産党は？", null],
    ["作った会社とは？", null],
    // of several question words, the last asks: one in a clause (なぜ…のかという) or of many (何度も) does not
    ["インドはなぜ貧しいのかという疑問から経済学者となった無神論者は誰か。", "person"],
    ["1975年、『文藝春秋』で誰の何が連載開始されたか？", "thing"],
    ["それを何度も再利用する技法が生まれたのは何年頃か。", "date"],
    ["何年の何月何日に記録したか", "date"],
    // two question words side by side are two: the last asks
    ["いつどこで開催？", "place"],
    ["いつ誰が建てたの", "person"],
    // 何 words side by side after a date's are one date
    ["何時何分に出発？", "date"],
    ["何分かかる？", "number"],
    ["次の電車は何分に出る？", "number"],
    // the adverb 何分 (なにぶん) asks nothing
    ["何分、素人なもので。梅雨の時期は？", "date"],
    ["何分にも初めてなので、おすすめの店は？", "person"],
    // nor a question word with a particle and も
    ["誰にも言えない秘密の場所は？", "place"],
    // 誰か after a question calls on someone
    ["首都はどこ？教えて誰か", "place"],
    ["ラオスの首都どこ？だれか", "place"],
    ["この曲を作ったのは、誰か知ってる？", "person"],
    // spoken なん after a question word is the copula なの: the question word asks
    ["ラオスの首都どこなん？", "place"],
    ["それっていつなん？", "date"],
    ["なんでなん？", "reason"],
    ["これ何なん？", "thing"],
    ["首都どこなん笑", "place"],
    ["なんでなんやろ", "reason"],
    // spoken ってなに, ってなんですか: って and 何 (IPADIC reads ってな)
    ["ラオスの公用語ってなんですか", "thing"],
    ["そのツールってなんて名前？", "name"],
    // IPADIC reads 成立って as the verb 成立つ (成り立つ) and て
    ["シャーマン反トラスト法の成立っていつか知ってる？", "date"],
    // question words in kanji, as some write them
    ["ラオスの首都は何処？", "place"],
    ["この本は幾らですか", "price"],
    ["議席数は幾つ？", "number"],
    ["これ何処で買える？", "place"],
    ["GDPは幾らか教えて", "price"],
    // and 共通点って as 共通 and the verb 点る
    ["ISO 9001の共通点って何か知ってる？", "thing"],
    // IPADIC reads は + だれ after a particle as the noun はだれ
    ["共産党のチラシをデマといったのはだれ？", "person"],
    // いくらか as one adverb: いくら + か where it asks, measured as いくら is
    ["2013年のラオスのGDPはいくらか教えて", "price"],
    ["ラオスの国民議会の議席数はいくらか教えて", "number"],
    // spoken 何だっけ right after a noun: the noun says the kind of answer, as 「発売日は？」 does
    ["iPhone 5の発売日なんだっけ", "date"],
    ["ラオスの首都なんだっけ？", "place"],
    ["この映画の監督なんだっけ", "person"],
    ["彼女の仕事なんだった？", "thing"],
    ["生命がいつ、どこで誕生したのかという過程なんだっけ", "thing"],
    // and so does a written 何
    ["iPhone 5の発売日何だっけ", "date"],
    ["ラオスの首都何？", "place"],
    // where 何 closes the question: 「誕生日何欲しい？」 asks what is wanted
    ["誕生日何欲しい？", "thing"],
    ["記念日何した？", "thing"],
    ["発売日何でしたっけ？w", "date"],
    ["iPhone 5の発売日何なの？", "date"],
    ["iPhone 5の発売日何なん？", "date"],
    ["ラオスの首都何なんですか？", "place"],
    ["発売日何なのか教えて", "date"],
    // after a topic, the spoken なん asks whether it is that, as 「日本って安全な国？」 does; 何 asks what
    ["日本って安全な国なんだっけ？", null],
    // ...but an attribute right after the topic is the topic's, and names the kind of answer; a person or
    // an organisation there says what the topic is
    ["ラオスって首都何？", "place"],
    ["ハンドボールの宮崎大輔の嫁さんって名前なんだっけ", "name"],
    ["ソニーって会社なんだっけ", null],
    ["ラオスって国なんだっけ？", null],
    ["ハワイって島なんだっけ", null],
    ["横浜って市なんだっけ？", null],
    ["このイベントって会場何？", "place"],
    ["サミットって会場何だっけ？", "place"],
    ["このイベントって会場なんだっけ？", "place"],
    // 何 asking what a topic is that names a kind of answer: one of that kind
    ["宮崎大輔の妻の名前は何？", "name"],
    ["ラオスの首都って何？", "place"],
    ["コンゴ共和国の与党の政党名は何ですか？", "name"],
    ["生命は、いつ、どこで、いかにして誕生したのかという過程は何？", "thing"],
    ["何？", "thing"],
    ["は何？", "thing"],
    ["って何", "thing"],
    // a percent sign after 何, which NFKC makes % and IPADIC one word with a ? after it
    ["関西でケータイの通信費高いと思ってる人って何％？", "number"],
    ["何%の人が持ってる?", "number"],
    ["日本共産党は新日本出版社より発行する月刊のタイトルなんだっけ", "thing"],
    // IPADIC reads the counter つ after a numeral as a 助動詞: 1つは is a topic still
    ["ラジオ局の1つは何か教えて", "thing"],
  ])("%s → %s", (question, type) => {
    expect(questionTypeOfQuestion(asked(question))).toBe(type);
  });

  it("reads what a question of many topics measures in time linear in it", () => {
    // each topic before いくら looked for the particle after it, and for a predicate after that, from the
    // start: quadratic (「値段は」 50,000 times took 4.5 s). Counted: the reads of the tokens' fields.
    for (const [question, type] of [
      [`${"値段は".repeat(3_000)}いくら？`, "price"],
      [`${"東京タワーの高さは".repeat(1_000)}どれくらい？`, "number"],
    ] as const) {
      const tokens = asked(question);
      let reads = 0;
      const counted = tokens.map(
        (t) =>
          new Proxy(t, {
            get(target, key, receiver) {
              reads++;
              return Reflect.get(target, key, receiver);
            },
          }),
      );
      expect(questionTypeOfQuestion(counted)).toBe(type);
      expect(reads).toBeLessThan(100 * tokens.length);
    }
  });
});

describe("the pairs of adjacent words of a question or a sentence", () => {
  it.each<[string, [string, string][]]>([
    ["梅雨の期間は？", [["梅雨", "期間"]]],
    // across particles, not across a question word
    [
      "東西電機が発売したのはいつ？",
      [
        ["東西", "電機"],
        ["電機", "発売"],
      ],
    ],
    ["梅雨はいつ終わる？", []],
    [
      "雨季の半ばには晴れる期間がある。",
      [
        ["雨季", "半ば"],
        ["半ば", "晴れる"],
        ["晴れる", "期間"],
      ],
    ],
  ])("%s → %j", (text, pairs) => {
    expect(pairsOf(asked(text))).toEqual(pairs);
  });
});
