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

  it("is no word where the library does not know it, and its pieces are no words either", () => {
    // ー alone, and a lone kana kuromoji reads as a verb cut short (ほ as ほる), are no words to search
    expect(engine.ask("すごーい映画").terms).not.toContain("ー");
    const nonsense = engine.ask("ほげふが");
    expect(nonsense.found).toBe(false);
    expect(nonsense.terms).toEqual([]);
  });
});
