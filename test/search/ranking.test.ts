import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TitleSuggester } from "../../src/answer/suggest.ts";
import { type ArticleDraft, articleIdFor, createArticle } from "../../src/article/article.ts";
import type { Engine } from "../../src/engine.ts";
import { draft, RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith(RANKING_ARTICLES));
});
afterAll(() => removeDir(dir));

const idOf = (slug: string) => articleIdFor(`https://example.jp/news/${slug}`, "");

describe("ranking: the article that answers comes first", () => {
  it.each<[string, string, string]>([
    // 標高 and 富士山 are in the Fuji article; 高尾山 has 標高 but not 富士山
    ["富士山の標高は？", "fuji", "the mountain named in the question wins over another mountain"],
    // 高尾山 alone decides: both mountain articles mention 山 and 標高
    ["高尾山へは都心からどれくらいで行ける？", "takao", "a proper noun outweighs shared common words"],
    // 開業 is in both train articles; 1964年 and 東海道 only in one
    ["東海道新幹線はいつ開業した？", "shinkansen", "the date question is about the 東海道 line, not リニア"],
    // 時速500キロ and 浮かせる: the maglev
    ["リニアの最高速度は？", "linear", "a katakana short name matches the article's own word"],
    // half-width katakana and full-width letters in the query: ﾗｰﾒﾝ = ラーメン
    ["札幌のﾗｰﾒﾝの特徴", "ramen", "NFKC: half-width katakana in the query"],
    // コンピュータ without ー must match コンピューター (long-vowel folding)
    ["量子コンピュータの計算の仕組み", "quantum", "long-vowel folding: コンピュータ = コンピューター"],
    // ＣＰＵ full-width and サーバ without ー
    ["サーバのＣＰＵの冷やし方", "server", "full-width ＣＰＵ and サーバ = サーバー"],
    // ソメイヨシノ and 開花 only in the sakura article
    ["ソメイヨシノが開花したのはいつ？", "sakura", "a specific noun in one article only"],
    // P波 and S波: the earthquake article
    ["緊急地震速報はどうやって揺れを知らせる？", "earthquake", "the topic noun phrase decides"],
    // 千利休 is a person; わび茶 too
    ["わび茶を大成したのは誰？", "tea", "person question: the article with the person and the term"],
    // 群馬県 and 湯畑: onsen
    ["湯畑があるのはどこ？", "onsen", "place question: 湯畑 appears in one article"],
    // 充電器 / 充電スタンド: EV
    ["政府は充電器を何口に増やす目標？", "ev", "number question about chargers"],
  ])("%s → %s (%s)", (question, slug) => {
    const answer = engine.ask(question);
    expect(answer.passages[0]?.articleId).toBe(idOf(slug));
    expect(answer.found).toBe(true);
    expect(answer.keyPoints[0]?.articleId).toBe(idOf(slug));
  });

  it("answers a question with nothing in the library by saying so, and suggests close titles", () => {
    const answer = engine.ask("量子力学の歴史");
    // 量子 matches the quantum article's words but the question's other words are nowhere
    expect(answer.keyPoints.every((k) => k.articleId === idOf("quantum"))).toBe(true);
    const none = engine.ask("宇宙飛行士の訓練方法");
    expect(none.found).toBe(false);
    expect(none.keyPoints).toEqual([]);
  });

  it("finds nothing for a question of only particles and question words", () => {
    const answer = engine.ask("それはどこですか？");
    expect(answer.found).toBe(false);
    expect(answer.terms).toEqual([]);
  });

  it("suggests the titles sharing most characters with the question", () => {
    // 夏山 and シーズン are in the title only; character bigrams find it even when no term matches
    const at = new Date();
    const articles = RANKING_ARTICLES.map((d) => createArticle(d, { by: "test", at }));
    const suggestions = new TitleSuggester(articles).suggest("夏山シーズンの混雑");
    expect(suggestions[0]?.title).toBe("富士山の夏山シーズンが始まる");
    expect(new TitleSuggester([]).suggest("何か")).toEqual([]);
    expect(new TitleSuggester(articles).suggest("？！")).toEqual([]);
  });

  /** An article of this title, for the title suggester. */
  const titled = (slug: string, title: string) =>
    createArticle(draft(slug, title, null, "本文。"), { by: "test", at: new Date() });

  it("weighs the bigrams a question shares with a title by how few titles hold them", () => {
    // 「奥入瀬渓流ってどのくらいの長さあるの？」: the kana of its ending (って, どの, のく, くら) are in many
    // titles, and a short one sharing four of them came first; 奥入瀬 and 渓流 are in one
    const articles = [
      titled("heikin", "年収、結婚、生活……働くオトコの「平均」ってどのぐらい？"),
      ...Array.from({ length: 30 }, (_, i) => titled(`kana${i}`, `第${i}回 ってどのくらい？`)),
      titled("oirase", "奥入瀬渓流パワーチャージの旅　テラスでフレッシュな朝食を"),
    ];
    expect(new TitleSuggester(articles).suggest("奥入瀬渓流ってどのくらいの長さあるの？")[0]?.title).toBe(
      "奥入瀬渓流パワーチャージの旅　テラスでフレッシュな朝食を",
    );
  });

  it("suggests no title that shares only Latin fragments of one or two letters with the question", () => {
    const articles = [
      titled("tgc", "東京ガールズコレクション スナップレポートNO.2"),
      titled("spa", "HELENA RUBINSTEIN×THE WESTIN TOKYO スパ"),
      titled("iphone", "iPhone 5の電池"),
    ];
    // no and wa are romaji particles, ub and bi pieces of words: no evidence of a title
    expect(new TitleSuggester(articles).suggest("darubisshu no nenpou wa?")).toEqual([]);
    // a Latin word shared whole is, written with its number or not
    expect(new TitleSuggester(articles).suggest("iphone5 no battery").map((a) => a.title)).toEqual(["iPhone 5の電池"]);
  });

  it("suggests a title by a short product name of letters and digits: PS3, 3DS, F1, AKB48", () => {
    const articles = [
      titled("akb0048", "AKB0048"),
      titled("akb48", "AKB48の新曲"),
      titled("ps3", "PS3の修理"),
      titled("3ds", "ニンテンドー3DSの新作"),
      titled("f1", "F1日本グランプリ"),
      titled("au", "auの新料金"),
    ];
    const first = (question: string) => new TitleSuggester(articles).suggest(question)[0]?.title;
    // each had no key of its own (ps, 3, f, 1 too short), or only akb, which AKB0048 shares
    expect(first("PS3")).toBe("PS3の修理");
    expect(first("3DS")).toBe("ニンテンドー3DSの新作");
    expect(first("F1")).toBe("F1日本グランプリ");
    expect(first("AKB48")).toBe("AKB48の新曲");
    // two letters alone still mean nothing
    expect(new TitleSuggester(articles).suggest("au")).toEqual([]);
  });
});

describe("ranking: compound nouns, and the kind a question asks for", () => {
  const text = (slug: string, title: string, body: string): ArticleDraft => ({
    title,
    url: `https://example.jp/compound/${slug}`,
    publisher: "テスト新聞",
    author: null,
    publishedAt: null,
    sourceFormat: "text",
    blocks: [{ kind: "paragraph", text: body }],
    captions: [],
    links: [],
    related: [],
  });

  it("a passage that writes the compound (形態素解析) ranks above one that uses its words apart, more often", async () => {
    const { engine: compounds, dir: compoundsDir } = await engineWith([
      text("nlp", "文を単語に分ける技術", "形態素解析は、日本語の文を意味を持つ最小の単位に分ける処理である。"),
      text(
        "grammar",
        "言語学の基礎",
        "形態素は言語学の用語で、意味を持つ最小の単位である。形態素の種類は多く、形態素の研究は長い。文の解析には構文の解析と意味の解析がある。",
      ),
    ]);
    try {
      const answer = compounds.ask("形態素解析とは？");
      expect(answer.passages.map((p) => p.title)).toEqual(["文を単語に分ける技術", "言語学の基礎"]);
    } finally {
      await removeDir(compoundsDir);
    }
  });

  it("何気団: the key point names another 気団 than the question's, not the sentence that repeats the question", async () => {
    const { engine: weather, dir: weatherDir } = await engineWith([
      text(
        "air-masses",
        "春の天気",
        // both sentences name a place the question does not: only the second names another 気団
        "冬が終わり春が近づくにつれ、シベリア気団は勢力が弱くなり、次第にモンゴルへ北上していく。代わって中国大陸には暖かく乾燥した揚子江気団ができ始め、勢力を強めていく。",
      ),
    ]);
    try {
      const answer = weather.ask("シベリア気団の勢力が弱くなった後、現れるのは何気団か");
      expect(answer.keyPoints[0]?.text).toContain("揚子江気団");
    } finally {
      await removeDir(weatherDir);
    }
  });

  it("finds an article however a word is spelled: old kanji, the ヴ row, ヶ and か, kana and kanji", async () => {
    const { engine: spelled, dir: spelledDir } = await engineWith([
      text("laos", "ラオスの首都", "ラオスの首都はヴィエンチャンで、メコン川に面している。髙橋さんは3ヶ月滞在した。"),
      text("tokyo", "東京の官庁街", "霞ヶ関には中央省庁が集まっている。"),
      text("other", "川の話", "メコン川は東南アジアを流れる大河で、多くの国を通る。"),
      text("allowance", "お小遣いの話", "子どものお小遣いは月に千円が多い。"),
      // holds お小遣い twice: without 子ども = 子供 it would rank first
      text("adults", "大人の話", "大人のお小遣いは月に一万円が多い。お小遣いの使い道は趣味が多い。"),
    ]);
    try {
      const cases: [string, string][] = [
        ["ビエンチャンはどこにある？", "ヴィエンチャン"],
        ["高橋さんは何か月滞在した？", "髙橋さんは3ヶ月滞在した"],
        ["霞が関には何が集まっている？", "霞ヶ関"],
        ["子供のお小遣いはいくら？", "子どものお小遣い"],
      ];
      for (const [question, quoted] of cases) {
        const answer = spelled.ask(question);
        expect(answer.found, question).toBe(true);
        expect(answer.keyPoints[0]?.text, question).toContain(quoted);
      }
    } finally {
      await removeDir(spelledDir);
    }
  });
});
