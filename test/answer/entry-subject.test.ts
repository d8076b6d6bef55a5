import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opensWithName } from "../../src/answer/answer.ts";
import {
  askedNouns,
  asksForOne,
  asksForSubject,
  asksWhoOrWhat,
  closesAsKind,
  closingKind,
  namesOneOfKind,
  namesSomeone,
  saysUnsaidIsOfKind,
  withoutRequest,
} from "../../src/answer/question.ts";
import type { Engine } from "../../src/engine.ts";
import { analyze } from "../../src/text/analyze.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";
import { draft } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

// An encyclopedia entry leaves its subject to its title: 「ニーダーザクセン州の州都である。」 is said of ハノーファー.
const LEAD = "ハノーファー（Hannover）は、ライネ川沿いにある大きな町。";
const MAHLER = "グスタフ・マーラー（Gustav Mahler）は、オーストリアの作曲家。";
const NETHERLANDS = "オランダ（Nederland）は、西ヨーロッパに位置する立憲君主制国家。";
const PARTY = "東西党（とうざいとう）は、日本の政党。";
const ECONOMIST = "山川一郎（やまかわいちろう）は、日本の経済学者。";
const BUILDER = "東西建設株式会社（とうざいけんせつ）は、大阪に本社を置く建設会社。";
const DATABASE = "ミライデータは、北山財団が提供する共同編集型のデータベース。";
const AGRONOMIST = "川村一郎（かわむらいちろう）は、日本の農学者。";
const FOODS = "港町食品（みなとまちしょくひん）は、大阪に本社を置く食品会社。";
// entries that do not say they are a 局: only a key point does
const FM = "北山エフエムは、北山放送が運営する事業部門の呼称である。";
const TV = "港町テレビは、港町放送が運営するテレビ事業の呼称である。";
const RADIO = "みなとラジオは、港町放送が運営するラジオ事業部門の呼称である。";

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
      "leipzig",
      "ライプツィヒ",
      null,
      "ライプツィヒ（Leipzig）は、ザクセン州の町。",
      "書籍の市は中世から続いている。書籍の市では、毎年多くの新刊が披露される。書籍の市の会場は、路面電車で結ばれている。",
    ),
    draft("bremen", "ブレーメン", null, "ブレーメンは、ドイツ北部の都市。ヴェーザー川の河口近くに位置する。"),
    draft(
      "muenchen",
      "ミュンヘン",
      null,
      "ミュンヘン（München）は、イーザル川沿いの町。",
      "サッカーの試合は市の北にあるドイツ最大級の競技場で行われる。",
      "ミュンヘン動物園は市の南部にあり、ゾウの飼育で知られる。",
    ),
    draft(
      "bruckner",
      "アントン・ブルックナー",
      null,
      "アントン・ブルックナー（Anton Bruckner）は、オーストリアの作曲家。",
      "ミサ曲第3番の初演は1872年で、大成功を収めた。初演の指揮は高く評価された。",
      "指揮を務めたのは、ハンス・リヒターである。",
    ),
    draft(
      "toyooka",
      "豊岡市",
      null,
      "豊岡市（とよおかし）は、兵庫県の北部に位置する。日本海に面し、城崎温泉や出石そばで知られる観光地でもある。",
      "絶滅したコウノトリの野生復帰に、長年にわたって地域ぐるみで取り組んでいる。",
    ),
    draft(
      "mahler",
      "グスタフ・マーラー",
      null,
      MAHLER,
      "交響曲第1番「巨人」を作曲した。",
      "弟子にはブルーノ・ワルターがいる。",
      "初演の翌年、妻はアルマとなった。",
    ),
    draft(
      "origin",
      "生命の起源",
      null,
      "生命の起源（せいめいのきげん、Origin of life）は、生命が生まれた過程のこと。",
      "肉汁の実験で、微生物の自然発生が証明されたとされた。",
    ),
    // its first sentence is its title alone, cut at the title's 。
    draft(
      "musume",
      "モーニング娘。",
      null,
      "モーニング娘。（モーニングむすめ）は、日本のアイドルグループ。1997年に結成された。",
    ),
    draft(
      "sato",
      "佐藤一郎",
      null,
      "佐藤一郎（さとういちろう）は、日本のプロ野球選手。",
      "引退試合は2010年の秋に行われた。",
    ),
    draft(
      "kiyomizu",
      "清水寺",
      null,
      "清水寺（きよみずでら）は、京都市東山区にある寺院。",
      "本堂の舞台は1633年に再建された。",
    ),
    draft(
      "netherlands",
      "オランダ",
      null,
      NETHERLANDS,
      "欧州の海の玄関口といわれるユーロポート港が、ライン川の河口（ロッテルダム）にある。",
      "チューリップの球根の多くは、ドイツへ輸出される。",
      "風車の部品の多くは、ベルギーが作っている。",
    ),
    draft("party", "東西党", null, PARTY, "戦後すぐ、京都で結党大会を開き、マッカーサーを批判した。"),
    draft(
      "other-party",
      "南北党",
      null,
      "南北党（なんぼくとう）は、日本の政党。",
      "創立集会では、自民党が祝辞を述べた。",
    ),
    draft("economist", "山川一郎", null, ECONOMIST, "アジアで初めて経済学賞を受賞した。"),
    draft("builder", "東西建設", null, BUILDER, "市民会館（1960年 設計・丹下健三）の工事を請け負った。"),
    draft(
      "composer",
      "東西次郎",
      null,
      "東西次郎（とうざいじろう）は、日本の作曲家。",
      "音楽大学では、山田耕筰が作曲を教えた。",
    ),
    // a news article: its title is a headline, which its first sentence does not open with
    draft("cafe", "渋谷の新名所", null, "渋谷に新しい店ができた。店内では猫と遊べる。", "週末は行列ができる。"),
  ]));
});
afterAll(() => removeDir(dir));

const texts = (question: string, keyPoints?: number) =>
  engine.ask(question, keyPoints === undefined ? {} : { keyPoints }).keyPoints.map((k) => k.text);

describe("the subject of an entry, as the answer to a question about it", () => {
  it("is named by the entry's first sentence, in the last place, when the question asks who, where or what", () => {
    expect(texts("ニーダーザクセン州の州都はどこ？")).toEqual(["ニーダーザクセン州の州都である。", LEAD]);
    expect(texts("交響曲第1番「巨人」を作曲したのは誰？")).toEqual(["交響曲第1番「巨人」を作曲した。", MAHLER]);
    // without a question word: the noun a clause says which one it is says where (都市)
    expect(texts("世界最大級の見本市が開かれる都市")).toEqual(["毎年春には世界最大級の見本市が開かれる。", LEAD]);
    // the first sentence is read as any key point is: the question's words in it are marked
    const lead = engine.ask("川沿いで世界最大級の見本市が開かれる都市は？").keyPoints.at(-1);
    expect(lead?.text).toBe(LEAD);
    expect(lead?.highlights.map(([s, e]) => LEAD.slice(s, e))).toEqual(["川沿い"]);
  });

  it("takes the place of the last of three key points, and is not added where one is asked for", () => {
    const three = texts("書籍の市が開かれる都市は？");
    expect(three).toHaveLength(3);
    expect(three[2]).toBe("ライプツィヒ（Leipzig）は、ザクセン州の町。");
    expect(texts("ニーダーザクセン州の州都はどこ？", 1)).toEqual(["ニーダーザクセン州の州都である。"]);
  });

  it("does not take the place of a sentence found for holding the kind asked for", () => {
    const found = texts("ミサ曲第3番の初演で指揮を務めたのは誰？");
    expect(found.at(-1)).toBe("指揮を務めたのは、ハンス・リヒターである。");
    expect(found).not.toContain("アントン・ブルックナー（Anton Bruckner）は、オーストリアの作曲家。");
  });

  it("is not added without a question word where neither the first sentence nor the title says the kind", () => {
    // a 背景 is no town, and a bare の names no kind
    expect(texts("毎年春に見本市が開かれる背景は")).not.toContain(LEAD);
    expect(texts("川沿いで世界最大級の見本市が開かれるのは？")).not.toContain(LEAD);
  });

  it("does not take the place of any key point that holds the kind asked for", () => {
    expect(texts("交響曲第1番「巨人」の作曲者の弟子は誰？", 2)).toEqual([
      "交響曲第1番「巨人」を作曲した。",
      "弟子にはブルーノ・ワルターがいる。",
    ]);
  });

  it("is not added where a key point says who or what the noun asked for is", () => {
    // アルマ: no name IPADIC knows, so the sentence holds no person to the answer type
    expect(texts("初演の翌年になった妻は誰？")).toEqual(["初演の翌年、妻はアルマとなった。"]);
  });

  it("is not added where the question asks for someone of the one its clause describes", () => {
    expect(texts("巨人という交響曲を書いた人の妻は誰？")).not.toContain(MAHLER);
    expect(texts("巨人という交響曲を書いた人は誰？")).toContain(MAHLER);
  });

  it("is not added where the first sentence says its subject is of another kind", () => {
    // a composer is no place, though his first sentence names one (オーストリア)
    expect(texts("ミサ曲第3番の初演はどこで行われた？")).not.toContain(
      "アントン・ブルックナー（Anton Bruckner）は、オーストリアの作曲家。",
    );
  });

  it("is not added where the first sentence's closing noun names no kind, or another", () => {
    // a ball player is no place, though his first sentence names one (日本); a temple, said by no list, is
    // no one (清水寺 an organisation to IPADIC)
    expect(texts("引退試合はどこで行われた？")).not.toContain("佐藤一郎（さとういちろう）は、日本のプロ野球選手。");
    expect(texts("本堂の舞台を再建したのは誰？")).not.toContain("清水寺（きよみずでら）は、京都市東山区にある寺院。");
  });

  it("is not added where the first sentence does not hold the kind asked for", () => {
    // ハノーファー is a town, not a person
    expect(texts("世界最大級の見本市を開くのは誰？")).not.toContain(LEAD);
    // a gloss says nothing of the subject: 「Origin of life」 is no one's name
    expect(texts("肉汁の実験で微生物の自然発生を証明したのは誰？")).toEqual([
      "肉汁の実験で、微生物の自然発生が証明されたとされた。",
    ]);
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

  it("is added where the entry is one of the kind of noun asked for, though a key point holds a place", () => {
    // ロッテルダム is a place, but no country: the sentence leaves the country to its entry
    expect(texts("ユーロポート港がある国は？")).toEqual([
      "欧州の海の玄関口といわれるユーロポート港が、ライン川の河口（ロッテルダム）にある。",
      NETHERLANDS,
    ]);
    // an entry that opens with its name and a legal form (東西建設株式会社), and a 建設会社 is a 会社; a person
    // credited is no company
    expect(texts("市民会館の工事を請け負った会社は？")).toEqual([
      "市民会館（1960年 設計・丹下健三）の工事を請け負った。",
      BUILDER,
    ]);
    // a person, but no party; and 政党 is a 党, as Japanese compounds are headed by their last part
    expect(texts("京都で結党大会を開いた党は？")).toEqual([
      "戦後すぐ、京都で結党大会を開き、マッカーサーを批判した。",
      PARTY,
    ]);
  });

  it("is added after a quiz's sentence, for the noun この points at", () => {
    expect(texts("ユーロポート港が、ライン川の河口にある。この国は？")).toEqual([
      "欧州の海の玄関口といわれるユーロポート港が、ライン川の河口（ロッテルダム）にある。",
      NETHERLANDS,
    ]);
  });

  it("is not added where a key point names another of the kind of noun asked for", () => {
    expect(texts("風車の部品を作っている国は？")).toEqual(["風車の部品の多くは、ベルギーが作っている。"]);
    expect(texts("創立集会で祝辞を述べた党は？")).toEqual(["創立集会では、自民党が祝辞を述べた。"]);
    // a person IPADIC knows, for a person's role
    expect(texts("音楽大学で作曲を教えた音楽家は？")).toEqual(["音楽大学では、山田耕筰が作曲を教えた。"]);
  });

  it("is added where a key point names another of the kind only as a place, a partner or an object", () => {
    // Germany buys the bulbs: the country that sends them is the entry's
    expect(texts("チューリップの球根を輸出する国は？")).toEqual([
      "チューリップの球根の多くは、ドイツへ輸出される。",
      NETHERLANDS,
    ]);
  });

  it("is added for the の of a clause that names no subject: who did what the clause says", () => {
    expect(texts("アジアで初めて経済学賞を受賞したのは？")).toEqual(["アジアで初めて経済学賞を受賞した。", ECONOMIST]);
  });

  it("is not added for the の of such a clause where a key point names a person or an organisation", () => {
    expect(texts("市民会館を設計したのは？")).toEqual(["市民会館（1960年 設計・丹下健三）の工事を請け負った。"]);
  });

  it("is not added for the の of a clause whose key point says its own subject", () => {
    // the fair is held: its subject is said, and is no town
    expect(texts("毎年春に開かれるのは？")).toEqual(["毎年春には世界最大級の見本市が開かれる。"]);
  });

  it("is not added for a question that names the entry's subject: what it asks is not the subject", () => {
    expect(texts("ハノーファーで毎年春に開かれるのは？")).toEqual(["毎年春には世界最大級の見本市が開かれる。"]);
    // named as what is asked for: the title says nothing the question does not
    expect(texts("新刊が披露される書籍の市があるライプツィヒ")).not.toContain(
      "ライプツィヒ（Leipzig）は、ザクセン州の町。",
    );
  });

  it("is added where the title shares only the noun that names what is asked for", () => {
    expect(texts("絶滅したコウノトリの野生復帰に長年にわたって地域ぐるみで取り組んでいる市は？")).toEqual([
      "絶滅したコウノトリの野生復帰に、長年にわたって地域ぐるみで取り組んでいる。",
      "豊岡市（とよおかし）は、兵庫県の北部に位置する。",
    ]);
  });

  it("is not added for a question that asks when, how many or whether", () => {
    expect(texts("見本市はいつ開かれる？")).toEqual(["毎年春には世界最大級の見本市が開かれる。"]);
    expect(texts("ミッテルランド運河って大きい？")).not.toContain(LEAD);
  });

  it("is not added from a news article, whose first sentence does not open with its headline", () => {
    expect(texts("猫と遊べるのはどこ？")).toEqual(["店内では猫と遊べる。"]);
  });

  it("is not a title alone, where the title ends its first sentence", () => {
    expect(texts("1997年に結成されたグループは？")).not.toContain("モーニング娘。");
  });
});

describe("an entry whose key points say what kind of one it is", () => {
  // a library of its own: these entries would change the weights of the words the others are asked with
  let kinds: Engine;
  let kindsDir: string;
  beforeAll(async () => {
    ({ engine: kinds, dir: kindsDir } = await engineWith([
      // it calls its subject a プロジェクト only by pointing back at it
      draft(
        "mirai",
        "ミライデータ",
        null,
        DATABASE,
        "このプロジェクトは、三つの財団から総額130万ユーロの寄付を受けて設立された。",
      ),
      // it says its subject is a 局 only in a sentence with no topic of its own
      draft(
        "minato",
        "みなとラジオ",
        null,
        RADIO,
        "かつて時報CMが放送されていた局の1つ。2013年1月1日（元日）からは、別の時報に切り替わった。",
      ),
      // a sentence that says its own subject, read with the one before it
      draft(
        "kawamura",
        "川村一郎",
        null,
        AGRONOMIST,
        "アジアで初めて農学賞を受賞した。この受賞を機に、生家には記念館が建てられた。",
      ),
    ]));
  });
  afterAll(() => removeDir(kindsDir));
  const said = (question: string) => kinds.ask(question).keyPoints.map((k) => k.text);

  it("is its subject, where a key point points back at it as one of the kind of noun asked for", () => {
    // このプロジェクト says which one no more than the entry does: the entry is the one, and a プロジェクト
    expect(said("三つの財団から寄付を受けて設立されたプロジェクトは？")).toEqual([
      "このプロジェクトは、三つの財団から総額130万ユーロの寄付を受けて設立された。",
      DATABASE,
    ]);
  });

  it("is its subject, where a key point with no topic of its own says it is one of the kind asked for", () => {
    // the sentence found for holding a thing, as 何 asks, names no 局: it does not answer
    expect(said("かつて時報CMが放送されていた局の1つは何か？")).toEqual([
      "かつて時報CMが放送されていた局の1つ。",
      "2013年1月1日（元日）からは、別の時報に切り替わった。",
      RADIO,
    ]);
  });

  it("is its subject for the の of a clause, though a sentence read with the key point says its own", () => {
    // 記念館が is the subject of the sentence read with it, not of the one that says the question's words
    expect(said("アジアで初めて農学賞を受賞したのは？")).toEqual([
      "アジアで初めて農学賞を受賞した。この受賞を機に、生家には記念館が建てられた。",
      AGRONOMIST,
    ]);
  });
});

describe("an entry whose key points point back at something else, or say their own subject", () => {
  let others: Engine;
  let othersDir: string;
  beforeAll(async () => {
    ({ engine: others, dir: othersDir } = await engineWith([
      draft("foods", "港町食品", null, FOODS, "1990年に創業した。その子会社は、2005年に東証に上場した。"),
      draft(
        "lab",
        "川田二郎",
        null,
        "川田二郎（かわたじろう）は、日本の農学者。",
        "1990年、故郷に私設の研究所を開いた。この研究所は、三つの財団から寄付を受けて運営された。",
      ),
      draft(
        "ward",
        "北山区",
        null,
        "北山区（きたやまく）は、東京都の特別区。",
        "1964年、地元の建築家が区内に競技場を設計した。この競技場は、東京オリンピックの水泳会場となった。",
      ),
      draft(
        "castle",
        "北山市",
        null,
        "北山市（きたやまし）は、北海道の市。",
        "市の中心部に残るのが、江戸時代に松前藩が築いた城。",
      ),
      draft("fm", "北山エフエム", null, FM, "このラジオ局は、2013年の元日から別の時報に切り替えた。"),
      draft("tv", "港町テレビ", null, TV, "同局は、1999年からアニメの深夜枠を設けた。"),
      draft("hannover", "ハノーファー", null, LEAD, "毎年春には世界最大級の見本市が開かれる。"),
    ]));
  });
  afterAll(() => removeDir(othersDir));
  const said = (question: string) => others.ask(question).keyPoints.map((k) => k.text);

  it("is not its subject where その says whose the noun asked for is", () => {
    expect(said("2005年に東証に上場した子会社は？")).not.toContain(FOODS);
  });

  it("is not its subject where この points at the sentence before it in the key point", () => {
    expect(said("三つの財団から寄付を受けて運営された研究所は？")).not.toContain(
      "川田二郎（かわたじろう）は、日本の農学者。",
    );
    expect(said("三つの財団から寄付を受けて運営された研究所はどこ？")).not.toContain(
      "川田二郎（かわたじろう）は、日本の農学者。",
    );
  });

  it("is not its subject for the の of a clause where the key point's first sentence says who", () => {
    expect(said("東京オリンピックの水泳会場となった競技場を設計したのは？")).not.toContain(
      "北山区（きたやまく）は、東京都の特別区。",
    );
  });

  it("is not its subject where the key point says its own, with the の of a clause and が", () => {
    expect(said("江戸時代に松前藩が築いた城は？")).toEqual(["市の中心部に残るのが、江戸時代に松前藩が築いた城。"]);
  });

  it("is its subject where この or 同 points back at it, before a compound or in one word", () => {
    expect(said("2013年の元日から別の時報に切り替えたラジオ局は？")).toEqual([
      "このラジオ局は、2013年の元日から別の時報に切り替えた。",
      FM,
    ]);
    expect(said("1999年からアニメの深夜枠を設けた局は？")).toEqual(["同局は、1999年からアニメの深夜枠を設けた。", TV]);
  });

  it("is its subject for one of those asked for, however 「…のひとつ」 is written", () => {
    for (const one of ["ひとつ", "うちのひとつ", "1つ", "うちの1つ", "中の1つ"]) {
      expect(said(`毎年春に世界最大級の見本市が開かれる都市の${one}はどこ？`)).toEqual([
        "毎年春には世界最大級の見本市が開かれる。",
        LEAD,
      ]);
    }
  });
});

describe("a sentence that opens with a title as its topic", () => {
  it("opens with it before は or とは, glosses in parentheses and spaces aside", () => {
    expect(opensWithName(LEAD, "ハノーファー")).toBe(true);
    expect(opensWithName("石油（せきゆ）とは、炭化水素を主成分とする油。", "石油")).toBe(true);
    expect(opensWithName("東西電機（とうざいでんき、Tozai（英））は、家電メーカー。", "東西電機")).toBe(true);
    expect(opensWithName("Google検索（グーグルけんさく）はGoogleが提供する検索エンジン。", "Google 検索")).toBe(true);
    // an underscore for a space, as in a link
    expect(opensWithName("ISO 16949は、自動車産業向けの規格。", "ISO_16949")).toBe(true);
  });

  it("opens with a title written in full-width letters, or the other way round", () => {
    expect(opensWithName("ＡＢＣラジオ（エービーシーラジオ）は、大阪の放送局。", "ABCラジオ")).toBe(true);
    expect(opensWithName("ABCラジオは、大阪の放送局。", "ＡＢＣラジオ")).toBe(true);
  });

  it("opens with a full name and then the title as its common name, or with the title and a legal form", () => {
    expect(
      opensWithName(
        "ラオス人民民主共和国（ラオスじんみんみんしゅきょうわこく）、通称ラオスは、東南アジアの国。",
        "ラオス",
      ),
    ).toBe(true);
    expect(opensWithName("株式会社ニコン（Nikon）は、東京都に本社を置く光学機器メーカー。", "ニコン")).toBe(true);
    expect(opensWithName("清水建設株式会社（しみずけんせつ）は、東京都に本社を置く建設会社。", "清水建設")).toBe(true);
    // a legal form is no topic of its own
    expect(opensWithName("清水建設株式会社の本社は東京都にある。", "清水建設")).toBe(false);
  });

  it("opens with a title in brackets, or without what tells it from others", () => {
    expect(opensWithName("「東京タワー」は、東京都港区にある電波塔。", "東京タワー")).toBe(true);
    expect(opensWithName("『君の名は。』は、2016年のアニメ映画。", "君の名は。")).toBe(true);
    expect(opensWithName("ニューヨーク（New York）は、アメリカ合衆国の都市。", "ニューヨーク (都市)")).toBe(true);
  });

  it("does not open with a headline, a longer name, a name that is no topic, or a word beginning with は", () => {
    expect(opensWithName("東芝は、同社製の電化製品用のコントローラを発表した。", "声に反応！東芝のコントローラ")).toBe(
      false,
    );
    expect(opensWithName("ラオス人民民主共和国は、東南アジアの国。", "ラオス")).toBe(false);
    expect(opensWithName("ラオス人民民主共和国、通称ラオ族は、東南アジアの民族。", "ラオス")).toBe(false);
    // a full name holds the name it is commonly said by
    expect(opensWithName("昨日、通称ゆりかもめは運休した。", "ゆりかもめ")).toBe(false);
    expect(opensWithName("日本共産党は、日本の政党。", "日本")).toBe(false);
    expect(opensWithName("ハノーファーの人口は53万人。", "ハノーファー")).toBe(false);
    expect(opensWithName("ハノーファーはじめての見本市。", "ハノーファー")).toBe(false);
    expect(opensWithName("は、日本の元号の一つ。", "")).toBe(false);
  });
});

describe("a question without a question word that asks for one person, place or thing", () => {
  const asks = (question: string) => asksForOne(withoutRequest(question, analyze(tokenizer, question)));

  it("closes on a noun that a clause says which one is, with a topic marker or nothing after it", () => {
    expect(asks("18世紀に3国に分裂した現在の国家は")).toBe(true);
    expect(asks("2002年3月1日より施行されたのは？")).toBe(true);
    expect(asks("事件の原因となった法律")).toBe(true);
    expect(asks("日本一高い山は？笑")).toBe(true);
    // one of them (IPADIC reads 1つ as 1 and an auxiliary つ)
    expect(asks("時報CMが放送されていた局の1つ")).toBe(true);
    expect(asks("時報CMが放送されていた局の1つは")).toBe(true);
    // この after a sentence points at what it says, as a quiz asks
    expect(asks("一部番組をここから放送している。このラジオ局は？")).toBe(true);
  });

  it("does not close on a noun said of another, a bare noun, こと, a pronoun, or a predicate", () => {
    expect(asks("見本市の歴史は？")).toBe(false);
    expect(asks("ASEAN加盟10カ国中唯一の内陸国")).toBe(false);
    expect(asks("ラーメン")).toBe(false);
    expect(asks("ラオスって")).toBe(false);
    expect(asks("真打になって許されることは")).toBe(false);
    expect(asks("見本市が開かれるのは何時")).toBe(false);
    expect(asks("見本市が開かれるの")).toBe(false);
    expect(asks("見本市が開かれるん")).toBe(false);
    // more than a topic marker after the noun: 「…山はね」 says something of it
    expect(asks("日本一高い山はね")).toBe(false);
    expect(asks("2012年現在は真打制度は存在するか?")).toBe(false);
    expect(asks("ChatGPTって無料で使えるの？")).toBe(false);
    // この with no sentence before it, and その, which says whose
    expect(asks("このラジオ局は？")).toBe(false);
    expect(asks("ウェブサイトから成る。その代表は？")).toBe(false);
  });

  it("does not ask whether its topic is the noun, nor about the noun, nor what something is", () => {
    expect(asks("日本って安全な国？")).toBe(false);
    expect(asks("見本市が開かれる州都について")).toBe(false);
    expect(asks("世界最大級の見本市が開かれる都市とは")).toBe(false);
  });
});

describe("a question that may ask for the subject of an article", () => {
  const asks = (question: string, type: Parameters<typeof asksWhoOrWhat>[1]) =>
    asksWhoOrWhat(withoutRequest(question, analyze(tokenizer, question)), type);

  it("asks who, where or what, but not what something is", () => {
    expect(asks("交響曲を作曲したのは誰？", "person")).toBe(true);
    expect(asks("州都はどこ？", "place")).toBe(true);
    expect(asks("灯油の原料は何？", "thing")).toBe(true);
    expect(asks("パルスとは何？", "thing")).toBe(false);
    expect(asks("見本市はいつ？", "date")).toBe(false);
  });
});

describe("the nouns that name what a question asks for", () => {
  const nouns = (question: string) => [...askedNouns(withoutRequest(question, analyze(tokenizer, question)))];

  it("are the nouns that close it, after a clause or の, before or after its question word", () => {
    expect(nouns("山田麻莉奈の番組を放送しているラジオ局は？")).toEqual(["ラジオ", "局"]);
    expect(nouns("銃撃戦が発生した国はどこ？")).toEqual(["国"]);
    expect(nouns("カリブ族が残っているのはどこの国？")).toEqual(["国"]);
    expect(nouns("ラオスの首都ってどこ")).toEqual(["首都"]);
    expect(nouns("日本一高い山は？ｗ")).toEqual(["山"]);
    expect(nouns("1958年に完成した東京タワーは？")).toEqual(["東京", "タワー"]);
    // one of them: 「…の1つ」, 「…のひとつ」
    expect(nouns("時報CMが放送されていた局の1つは何か？")).toEqual(["局"]);
    expect(nouns("ライネ川沿いにある主要都市のひとつは？")).toEqual(["主要", "都市"]);
  });

  it("are none for a name alone before its topic marker, a noun a verb follows, or no noun", () => {
    expect(nouns("ハノーファーはどこ？")).toEqual([]);
    expect(nouns("光合成で何が発生する？")).toEqual([]);
    expect(nouns("どこ？")).toEqual([]);
    expect(nouns("")).toEqual([]);
  });
});

describe("the kind of answer a sentence's closing noun names", () => {
  const kind = (sentence: string) => closingKind(analyze(tokenizer, sentence));

  it("is a person's role or a place's kind, through 「…のひとつ」 and a copula", () => {
    expect(kind("グスタフ・マーラーは、オーストリアの作曲家。")).toBe("person");
    expect(kind("佐藤一郎は、日本のプロ野球選手。")).toBe("person");
    expect(kind("ハノーファーは、ライネ川沿いにある大きな町。")).toBe("place");
    expect(kind("ハノーファーは、北ドイツの主要都市のひとつ。")).toBe("place");
    expect(kind("ニーダーザクセン州の州都である。")).toBe("place");
  });

  it("is none where the closing noun names no person or place, or a predicate follows it", () => {
    // an organisation answers who, as in a question (「…を計画していた政党は？」)
    expect(kind("日本共産党は、日本の政党。")).toBe("person");
    expect(kind("梅雨は、雨の多い時期。")).toBeNull();
    expect(kind("清水寺は、京都市東山区にある寺院。")).toBeNull();
    expect(kind("生命の起源は、生命が生まれた過程のことである。")).toBeNull();
    expect(kind("作曲家として活躍した。")).toBeNull();
    expect(kind("")).toBeNull();
  });
});

describe("what a sentence says of the kind of noun a question asks for", () => {
  const closes = (sentence: string, ...asked: string[]) => closesAsKind(analyze(tokenizer, sentence), new Set(asked));
  const names = (sentence: string, asked: string[], said: string[] = []) =>
    namesOneOfKind(analyze(tokenizer, sentence), sentence, new Set(asked), new Set(said));
  const someone = (sentence: string, said: string[] = []) =>
    namesSomeone(analyze(tokenizer, sentence), sentence, new Set(said));

  it("says its subject is one where its closing noun is the noun, or a compound the noun heads", () => {
    expect(closes("日本共産党は、日本の政党。", "党")).toBe(true);
    expect(closes("日本共産党は、日本の政党である。", "政党")).toBe(true);
    expect(closes("ブッダガヤは、インドにある仏教の聖地。", "地")).toBe(true);
    expect(closes("清水建設は、大手総合建設会社。", "会社")).toBe(true);
    expect(closes("オランダは、西ヨーロッパに位置する立憲君主制国家。", "国")).toBe(true);
    expect(closes("ハノーファーは、北ドイツの主要都市のひとつ。", "都市")).toBe(true);
  });

  it("says what it leaves unsaid is one, where it has no topic of its own", () => {
    const unsaid = (sentence: string, ...asked: string[]) =>
      saysUnsaidIsOfKind(analyze(tokenizer, sentence), new Set(asked));
    expect(unsaid("かつて時報CMが放送されていた局の1つ。", "局")).toBe(true);
    expect(unsaid("ニーダーザクセン州の州都である。", "州都")).toBe(true);
    expect(unsaid("ドイツは、欧州有数の輸出国のひとつ。", "国")).toBe(false);
    expect(unsaid("かつて時報CMが放送されていた局の1つ。", "国")).toBe(false);
  });

  it("does not say so where its closing noun is another, or a predicate closes it", () => {
    expect(closes("ハノーファーは、ライネ川沿いにある大きな町。", "国")).toBe(false);
    expect(closes("日本共産党は、日本の政党。", "政治")).toBe(false);
    expect(closes("党の大会を開いた。", "党")).toBe(false);
    expect(closes("", "党")).toBe(false);
  });

  it("does not where the closing noun's last character means something else in it", () => {
    expect(closes("越後は、日本有数の雪国。", "国")).toBe(false);
    expect(closes("ジョーカーは、バットマンの敵役の悪党。", "党")).toBe(false);
    expect(closes("ツイードは、羊毛で織った厚手の生地。", "地")).toBe(false);
  });

  it("names one where a country, or a name the noun heads, that the question does not say is what it is about", () => {
    expect(names("チューリップの球根の多くは、ドイツが買い付ける。", ["国"])).toBe(true);
    expect(names("大会では自民党が議席を伸ばした。", ["党"])).toBe(true);
    expect(names("本社のある横浜市は、港町として知られる。", ["市"])).toBe(true);
    expect(names("ポルトガル代表が優勝した。", ["国"])).toBe(true);
    expect(names("チューリップの球根の多くは、ドイツが買い付ける。", ["国"], ["ドイツ"])).toBe(false);
  });

  it("names a person or an organisation IPADIC knows for a person's role or an organisation", () => {
    expect(names("音楽大学では、山田耕筰が作曲を教えた。", ["作曲", "家"])).toBe(true);
    expect(names("2001年、ソニーが子会社を買収した。", ["会社"])).toBe(true);
    expect(names("2010年の選挙では、自由民主党が圧勝した。", ["政党"])).toBe(true);
    // a person is no organisation, and an organisation no person
    expect(names("2001年、ソニーが子会社を買収した。", ["作曲", "家"])).toBe(false);
    // the one done to or by: 「…師事された作曲家は？」, or a passive sentence's doer
    expect(names("音楽大学では、山田耕筰に作曲を師事した。", ["作曲", "家"])).toBe(true);
    expect(names("指揮は、山田耕筰に任された。", ["作曲", "家"])).toBe(true);
  });

  it("names none with a place that is no country, a noun of the kind alone, a number, or a name said of another", () => {
    expect(names("ライン川の河口（ロッテルダム）にある。", ["国"])).toBe(false);
    expect(names("与党と野党の政党が争った。", ["党", "政党"])).toBe(false);
    expect(names("市の北にある。", ["市"])).toBe(false);
    expect(names("野党5党が共同で提出した。", ["党"])).toBe(false);
    // a country a thing is sent to, a party whose members came
    expect(names("チューリップの球根の多くは、ドイツへ輸出される。", ["国"])).toBe(false);
    expect(names("結党大会には、自民党の議員も招かれた。", ["党"])).toBe(false);
    // a country things go to, or one beaten; a party a noun is said of
    expect(names("チューリップの球根の多くは、ドイツに輸出される。", ["国"])).toBe(false);
    expect(names("決勝でフランスを破って優勝した。", ["国"])).toBe(false);
    expect(names("2014年の衆議院議員総選挙では議席を伸ばした。", ["政党"])).toBe(false);
  });

  it("names someone who is what the sentence is about, or credited for a work", () => {
    expect(someone("例えば国立屋内総合競技場（1964年 設計・丹下健三）など。")).toBe(true);
    expect(someone("翌年、丹下健三が設計を手がけた。")).toBe(true);
    expect(someone("翌年、丹下健三が設計を手がけた。", ["丹下", "健三"])).toBe(false);
    // a place a person worked at, and a word kuromoji does not know, which it tags an organisation
    expect(someone("東京大学で教えながら、アジアで初めて経済学賞を受賞した。")).toBe(false);
    expect(someone("蛍光を有するpyrroleは、標識に使われる。")).toBe(false);
  });
});

describe("a question that asks for the one that does what its clause says", () => {
  const asks = (question: string) => asksForSubject(withoutRequest(question, analyze(tokenizer, question)));

  it("closes on the の of a clause that names no subject", () => {
    expect(asks("ノーベル経済学賞をアジアで初めて受賞したのは？")).toBe(true);
    expect(asks("2016年まで国会開会式を欠席したのは")).toBe(true);
  });

  it("does not where the clause names its subject, or the question closes on another noun or a question word", () => {
    expect(asks("見本市が開かれるのは？")).toBe(false);
    expect(asks("経済学賞を受賞した人は？")).toBe(false);
    expect(asks("経済学賞を受賞したのは誰？")).toBe(false);
  });
});
