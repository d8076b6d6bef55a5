import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opensWithName } from "../../src/answer/answer.ts";
import { asksForOne, withoutRequest } from "../../src/answer/question.ts";
import type { Engine } from "../../src/engine.ts";
import { analyze } from "../../src/text/analyze.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";
import { draft } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

// An encyclopedia entry leaves its subject to its title: 「ニーダーザクセン州の州都である。」 is said of ハノーファー.
const LEAD = "ハノーファー（Hannover）は、ライネ川沿いにある大きな町。";

let tokenizer: Tokenizer;
let engine: Engine;
let dir: string;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
  ({ engine, dir } = await engineWith([
    draft(
      "hannover",
      "ハノーファー",
      null,
      `${LEAD}ニーダーザクセン州の州都である。`,
      "ミッテルランド運河が市内を走る交通の要所で、鉄道も東西を結ぶ路線と南北を結ぶ路線が交わる。",
      "毎年春には世界最大級の見本市が開かれる。",
    ),
    draft(
      "muenchen",
      "ミュンヘン",
      null,
      "ミュンヘン（München）は、イーザル川沿いの町。",
      "サッカーの試合は市の北にあるドイツ最大級の競技場で行われる。",
      "ミュンヘン動物園は市の南部にあり、ゾウの飼育で知られる。",
    ),
    draft("bremen", "ブレーメン", null, "ブレーメンは、ドイツ北部の都市。ヴェーザー川の河口近くに位置する。"),
    // a news article: its title is a headline, which its first sentence does not open with
    draft(
      "cafe",
      "猫カフェが渋谷で話題に",
      null,
      "渋谷に新しい店ができた。店内では猫と遊べる。",
      "週末は行列ができる。",
    ),
  ]));
});
afterAll(() => removeDir(dir));

const texts = (question: string) => engine.ask(question).keyPoints.map((k) => k.text);

describe("the subject of an entry, as the answer to a question about it", () => {
  it("is named by the entry's first sentence, in the last place, when the question asks who, where or what", () => {
    expect(texts("ニーダーザクセン州の州都はどこ？")).toEqual(["ニーダーザクセン州の州都である。", LEAD]);
    // without a question word: the noun a clause says which one it is
    expect(texts("世界最大級の見本市が開かれる都市")).toEqual(["毎年春には世界最大級の見本市が開かれる。", LEAD]);
    // the first sentence is read as any key point is: the question's words in it are marked
    const lead = engine.ask("川沿いで世界最大級の見本市が開かれるのは？").keyPoints.at(-1);
    expect(lead?.text).toBe(LEAD);
    expect(lead?.highlights.map(([s, e]) => LEAD.slice(s, e))).toEqual(["川沿い"]);
  });

  it("is not added when the key points come from several articles", () => {
    // Bremen is a city of Germany too: which article's subject is asked for is not known
    expect(texts("ミッテルランド運河が市内を走るドイツ北部の都市は？")).toEqual([
      "ミッテルランド運河が市内を走る交通の要所で、鉄道も東西を結ぶ路線と南北を結ぶ路線が交わる。",
      "ブレーメンは、ドイツ北部の都市。",
    ]);
  });

  it("is not added when the first key point names what is asked, or a key point names the subject", () => {
    // ドイツ: a place, in the sentence that answers where
    expect(texts("サッカーの試合が行われるのはどこ？")).toEqual([
      "サッカーの試合は市の北にあるドイツ最大級の競技場で行われる。",
    ]);
    expect(texts("ゾウの飼育で知られる動物園は？")).toEqual([
      "ミュンヘン動物園は市の南部にあり、ゾウの飼育で知られる。",
    ]);
  });

  it("is not added for a question that names the entry's subject: what it asks is not the subject", () => {
    expect(texts("ハノーファーで毎年春に開かれるのは？")).toEqual(["毎年春には世界最大級の見本市が開かれる。"]);
  });

  it("is not added for a question that asks when, how many or whether", () => {
    expect(texts("見本市はいつ開かれる？")).toEqual(["毎年春には世界最大級の見本市が開かれる。"]);
    expect(texts("ミッテルランド運河って大きい？")).not.toContain(LEAD);
  });

  it("is not added from a news article, whose first sentence does not open with its headline", () => {
    expect(texts("猫と遊べるのはどこ？")).toEqual(["店内では猫と遊べる。"]);
  });
});

describe("a sentence that opens with a name as its topic", () => {
  it("opens with it before は or とは, glosses in parentheses aside", () => {
    expect(opensWithName(LEAD, "ハノーファー")).toBe(true);
    expect(opensWithName("石油（せきゆ）とは、炭化水素を主成分とする油。", "石油")).toBe(true);
    expect(opensWithName("東西電機（とうざいでんき、Tozai（英））は、家電メーカー。", "東西電機")).toBe(true);
    expect(opensWithName("Google 検索（グーグルけんさく）はGoogleが提供する検索エンジン。", "Google 検索")).toBe(true);
  });

  it("does not open with a headline, a longer name, or a name that is no topic", () => {
    expect(opensWithName("東芝は、同社製の電化製品用のコントローラを発表した。", "声に反応！東芝のコントローラ")).toBe(
      false,
    );
    expect(opensWithName("ラオス人民民主共和国、通称ラオスは、東南アジアの国。", "ラオス")).toBe(false);
    expect(opensWithName("ハノーファーの人口は53万人。", "ハノーファー")).toBe(false);
    expect(opensWithName("ハノーファーは", "")).toBe(false);
  });
});

describe("a question without a question word that asks for one person, place or thing", () => {
  const asks = (question: string) => asksForOne(withoutRequest(analyze(tokenizer, question)));

  it("closes on a noun, after a clause or の, with a topic marker or nothing after it", () => {
    expect(asks("18世紀に3国に分裂した現在の国家は")).toBe(true);
    expect(asks("2002年3月1日より施行されたのは？")).toBe(true);
    expect(asks("ASEAN加盟10カ国中唯一の内陸国")).toBe(true);
    expect(asks("アイヌの代表的な鮭料理って")).toBe(true);
  });

  it("does not close on a predicate, a yes or no, a definition, or a topic alone", () => {
    expect(asks("2012年現在は真打制度は存在するか?")).toBe(false);
    expect(asks("ChatGPTって無料で使えるの？")).toBe(false);
    expect(asks("日本って安全な国？")).toBe(false);
    expect(asks("ボギン・ドーとは")).toBe(false);
    expect(asks("ラオスって")).toBe(false);
  });
});
