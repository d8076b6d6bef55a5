import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../src/article/article.ts";
import type { Engine } from "../../src/engine.ts";
import { draft, RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith([
    ...RANKING_ARTICLES,
    draft(
      "putter-mat",
      "ゴルフ好きへの贈り物",
      null,
      "迷彩柄が目を引くのは、リッチ アンド フェイマスのパターマット。価格は17,640円。",
      "ゴルフの練習には、室内で使えるパターマットが一枚あると便利だ。",
    ),
    draft("savings", "漫画家の貯金事情", null, "こんにちは、マキヒロチです！今の貯金額は30万円くらいです。"),
    draft("award", "助演女優賞の発表", null, "オクタヴィア・スペンサーが映画『ヘルプ』で助演女優賞を受賞した。"),
    draft("xperia", "ドコモの夏モデル", null, "ソニーモバイルのXperia SXは、重さ約95gの軽さが売りだ。"),
    draft("thinkpad", "レノボの新しいタブレット", null, "Lenovo ThinkPad Tablet 2の画面は10.1インチ。"),
    draft("zozo", "通販サイトのチャリティー", null, "ZOZOTOWNで、約280のブランドが協賛するチャリティーTシャツを販売。"),
    draft("lumix", "パナソニックのデジカメ", null, "ルミックスの新色は、シェルホワイト。"),
    draft("tanaka", "銀座の宝飾店", null, "GINZA TANAKAのプレミアムコレクションは、純金の置物で知られる。"),
    draft("gutenberg", "活版印刷の歴史", null, "グーテンベルクは、1445年ごろ活版印刷を始めた。"),
    draft("potassium", "野菜の栄養", null, "ほうれん草には、カリウムが多く含まれる。"),
    draft("tree", "電波塔の開業", null, "東京スカイツリーは、地上から高さ634mを誇る電波塔だ。"),
    draft("pitcher", "大リーグへの移籍", null, "ダルビッシュは、テキサス・レンジャーズへの移籍が決まった。"),
    draft("noodles", "行列のできる店", null, "この店のラーメンは一杯800円。"),
    draft("roe", "北海道の朝市", null, "朝市のイクラ丼は一杯2,000円。"),
    draft("singer", "原宿系の歌手", null, "きゃりーぱみゅぱみゅの新曲は、原宿で撮られた。"),
    // katakana words that a question's lengthened hiragana could be misread as
    draft("kana", "新曲の発売", null, "西野カナの新曲が発売された。"),
    draft("soda", "夏の飲み物", null, "メロンソーダが人気だ。ソナーで海底を調べる船もある。"),
    draft("show", "夜の催し", null, "ハンターが主役のショーが始まる。"),
    draft("mall", "商業施設の開業", null, "ららぽーと豊洲は、豊洲にある商業施設だ。"),
    draft("parking", "駐車場の案内", null, "LaLaport TOYOSUの駐車場は2,200台。"),
    draft("mail", "メールの送り方", null, "メールは、件名を書いてから送る。ニュースの見出しも届く。"),
    draft("card", "カードの使い方", null, "カードのサポートは、窓口で受けられる。映画『キラー・トマト』の割引もある。"),
    draft("news", "今日のにゅーす", null, "さいきんおなじにゅーすしか見ない。"),
    draft("yahoo", "ヤフーの決算", null, "ヤフーの株価が上がった。アイドルグループの新曲もニュースになった。"),
  ]));
});
afterAll(() => removeDir(dir));

describe("a question's word spelled otherwise than the library spells it", () => {
  it("is a katakana name written without the spaces an article puts in it", () => {
    // kuromoji reads リッチアンドフェイマス as one word the library does not know; the article says it as three
    const answer = engine.ask("リッチアンドフェイマスのパターマットっていくら？");
    expect(answer.keyPoints[0]?.text).toBe("迷彩柄が目を引くのは、リッチ アンド フェイマスのパターマット。");
    expect(answer.keyPoints[0]?.highlights.length).toBeGreaterThanOrEqual(3);
    expect(engine.search("リッチアンドフェイマス").hits[0]?.text).toContain("リッチ アンド フェイマス");
  });

  it("is a katakana name written with a ・ or a space the article does not put in it", () => {
    // kuromoji reads the article's マキヒロチ as one word it does not know, the question's as マキ and ヒロチ:
    // before, ヒロチ was a word no article holds, and the answer was refused as about another subject
    for (const question of ["マキ・ヒロチの貯金額いくら？", "マキ ヒロチの貯金額いくら？"]) {
      const answer = engine.ask(question);
      expect(answer.notInLibrary).toEqual([]);
      expect(answer.keyPoints[0]?.text).toContain("30万円");
    }
    // not across a comma or a sentence's end: two words there are two
    expect(engine.ask("マキ、ヒロチの貯金額いくら？").notInLibrary).toEqual(["マキ", "ヒロチ"]);
  });

  it("is a katakana name whose normalization changes its length, written without the article's ・", () => {
    // ヴィ is ビ once normalized: the word was not cut, and オクタヴィアスペンサー was named as in no article
    const answer = engine.ask("オクタヴィアスペンサーが受賞した賞は？");
    expect(answer.notInLibrary).toEqual([]);
    expect(answer.keyPoints[0]?.text).toContain("助演女優賞");
  });
});

describe("a katakana word the library writes with other voicing or a long vowel", () => {
  it("is searched as the library writes it, and not said to be missing", () => {
    // German's final g is heard as k: the library writes グーテンベルク
    const answer = engine.ask("グーテンベルグが活版印刷を始めたのはいつ？");
    expect(answer.notInLibrary).toEqual([]);
    expect(answer.keyPoints[0]?.text).toContain("1445年");
  });

  it("is not a word IPADIC lists, which is itself and not the word it sounds like", () => {
    // gallium is no potassium: the library holds nothing on it
    expect(engine.ask("ガリウムの原子番号は？").notInLibrary).toContain("ガリウム");
  });
});

describe("a loanword written in katakana, which the library writes in Latin letters", () => {
  it("is searched as the library writes it", () => {
    // members write a product's name as it sounds; the articles as the maker does
    const xperia = engine.ask("エクスペリアSXって重さ何グラム？");
    expect(xperia.notInLibrary).toEqual([]);
    expect(xperia.keyPoints[0]?.text).toContain("約95g");
    expect(xperia.keyPoints[0]?.highlights.length).toBeGreaterThanOrEqual(2);
    expect(engine.ask("ゾゾタウンのチャリティーT、協賛ブランドいくつ？").keyPoints[0]?.text).toContain("約280");
    expect(engine.search("エクスペリア").hits[0]?.text).toContain("Xperia");
  });

  it("is cut into words the library writes in katakana or in Latin letters", () => {
    const answer = engine.ask("シンクパッドタブレット2って画面何インチ？");
    expect(answer.notInLibrary).toEqual([]);
    expect(answer.keyPoints[0]?.text).toContain("10.1インチ");
  });

  it("is the library's own where it writes it in katakana, and no word that only sounds alike", () => {
    expect(engine.search("ルミックス").terms).toEqual(["ルミックス"]);
    // a word of two consonants is like too many (ペアーズ and peace, シャブ and save): left as written
    expect(engine.ask("ペアーズって月いくら？").notInLibrary).toEqual(["ペアーズ"]);
    // a short word sounds like too many: a tanker is no TANAKA, and is said to be missing
    const tanker = engine.ask("タンカーの事故は？");
    expect(tanker.notInLibrary).toEqual(["タンカー"]);
    expect(tanker.keyPoints.map((k) => k.text).join("")).not.toContain("TANAKA");
    // consonants alike, vowels too far apart
    expect(engine.ask("エクスプローラの重さは？").notInLibrary).toEqual(["エクスプローラ"]);
  });

  it("is found in an article added after the library was first asked", async () => {
    expect(engine.ask("テクラストのタブレットっていくら？").notInLibrary).toEqual(["テクラスト"]);
    const article = draft("teclast", "中国製タブレット", null, "TeclastのP75HDは、15,480円で販売される。");
    await engine.putAll([createArticle(article, { by: "test", at: new Date("2025-01-02T00:00:00Z") })]);
    const answer = engine.ask("テクラストのタブレットっていくら？");
    expect(answer.notInLibrary).toEqual([]);
    expect(answer.keyPoints[0]?.text).toContain("15,480円");
  });
});

describe("a loanword typed in hiragana", () => {
  it("is read as the library writes it in katakana, where it has ー or a small vowel, or kuromoji cannot read it", () => {
    // kuromoji reads す かい つり ー: 「つり」 found 「つり革」
    const tree = engine.ask("すかいつりーの高さは？");
    expect(tree.terms).toContain("スカイ");
    expect(tree.keyPoints[0]?.text).toContain("634m");
    // びっしゅの is no word kuromoji knows; the の after it stays a particle
    const pitcher = engine.ask("だるびっしゅの移籍先は？");
    expect(pitcher.terms).toContain("ダルビッシュ");
    expect(pitcher.keyPoints[0]?.text).toContain("テキサス・レンジャーズ");
    expect(engine.search("すかいつりー").hits[0]?.text).toContain("東京スカイツリー");
  });

  it("is not a word Japanese writes in hiragana, nor a name the library writes in hiragana", () => {
    // いくら asks a price: no イクラ, though the library has one
    const price = engine.ask("らーめんっていくら？");
    expect(price.keyPoints[0]?.text).toBe("この店のラーメンは一杯800円。");
    expect(price.terms).not.toContain("イクラ");
    // the library's own hiragana: きゃりー is no キャリー
    const singer = engine.ask("きゃりーぱみゅぱみゅの新曲は？");
    expect(singer.terms.some((t) => /\p{Script=Katakana}/u.test(t))).toBe(false);
    expect(singer.keyPoints[0]?.text).toContain("原宿");
  });

  it("is read from a particle to a particle, whatever part of speech kuromoji gives its first kana", () => {
    const read = (question: string) => engine.ask(question).terms;
    // や of やふー is read as a particle; ぷの of あいどるぐるーぷの as one piece it does not know
    expect(read("やふーの株価は？")).toContain("ヤフー");
    expect(read("あいどるぐるーぷの新曲は？")).toEqual(expect.arrayContaining(["アイドル", "グループ"]));
    expect(read("めーるの送り方")).toContain("メール");
    // か of かーど is read as a particle, ぽ of さぽーと as a suffix: no words speech lengthens
    expect(read("かーどの使い方は？")).toContain("カード");
    expect(read("さぽーとの窓口は？")).toContain("サポート");
    // the library writes にゅーす once, ニュース more often
    expect(read("にゅーすの見出しは？")).toContain("ニュース");
  });

  it("is not a word of speech, lengthened, though the library writes one like it in katakana", () => {
    const read = (question: string) => engine.ask(question).terms;
    expect(read("ラーメンっていくらー？")).not.toContain("イクラ");
    expect(read("新曲は出るかなぁ")).not.toContain("カナ");
    expect(read("そーなんだ、知らなかった")).not.toContain("ソナー");
    expect(read("そーだね、夏の飲み物は？")).not.toContain("ソーダ");
    expect(read("はんたーいって言ったのは誰？")).not.toContain("ハンター");
    expect(read("しょーがない")).not.toContain("ショー");
    // the い after ー closes a word speech lengthens: きらーい is きらい, no キラー
    expect(read("きらーい")).not.toContain("キラー");
    // a word is read whole, from a particle to a particle: no ゴーノ of ごーの before 配信
    expect(read("ぽけもんごーの配信日は？")).not.toContain("ゴーノ");
  });

  it("is not the library's own hiragana, nor a word whose kanji the question writes", () => {
    // (read as katakana, ららぽーと would be the Latin LaLaport of another article)
    expect(engine.ask("ららぽーと豊洲ってどこ？").terms).toContain("ららぽーと");
    // read in the question, むんじゃないの is the end of 飲む
    expect(engine.ask("お酒を飲むんじゃないの").terms).toEqual(["酒", "飲む"]);
  });

  it("is shown as the member typed it where the answer's article does not say it", () => {
    const answer = engine.ask("豊洲の商業施設にだるびっしゅは来た？");
    expect(answer.terms).toContain("ダルビッシュ");
    expect(answer.keyPoints[0]?.text).toBe("ららぽーと豊洲は、豊洲にある商業施設だ。");
    expect(answer.missing).toEqual(["だるびっしゅ"]);
  });

  it("is no word where the library does not know it, and a long vowel mark alone is no word either", () => {
    expect(engine.ask("すごーい映画").terms).not.toContain("ー");
  });
});
