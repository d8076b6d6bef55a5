import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namesWhatWasSaid, refersBack } from "../../src/answer/answer.ts";
import type { Engine } from "../../src/engine.ts";
import { analyze } from "../../src/text/analyze.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";
import { draft, RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

/** A sentence of `length` characters that says nothing a question here asks about. */
const filler = (length: number) =>
  `${"段落を長くするためだけに置いた文で内容は特にない".repeat(3).slice(0, length - 1)}。`;

// A paragraph over 400 characters is cut into windows of about 300: the sentence that points back opens
// the second window, and the sentence it points at closes the first.
const ANTECEDENT = "北陸の港町では冬になると鱈の漁が盛んになる。";
const POINTER = "この漁は寒鱈漁と呼ばれ、地元の名物になっている。";
const LONG_PARAGRAPH = [
  ...Array.from({ length: 9 }, () => filler(30)),
  filler(30 - ANTECEDENT.length),
  ANTECEDENT,
  POINTER,
  ...Array.from({ length: 4 }, () => filler(30)),
].join("");

// 200,000 characters without a sentence end, then a sentence that points back at them: what it points at
// is no sentence a key point can show (it was read, analysed and shown whole at every question)
const ENDLESS = "古い町並みを歩いて写真を撮った日の記録、".repeat(10_000);
// (over 300 characters: it opens a window of its own)
const ENDLESS_POINTER = `このような町並みは鎌倉の建長寺の三門の周りにも残っていて、${"石畳の道や古い商家が並ぶ、".repeat(22)}今も多くの人が訪れる。`;

let tokenizer: Tokenizer;
let engine: Engine;
let dir: string;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
  ({ engine, dir } = await engineWith([
    draft(
      "tsuyu",
      "梅雨の話",
      null,
      ...[
        "梅雨の時期に雨がほとんど降らない年もある。このような梅雨を空梅雨（からつゆ）という。空梅雨の年は夏の水不足が心配される。",
        // a short paragraph: it shares a passage with the next ones
        "梅雨明けの時期は地域で大きく異なる。",
        "これを梅雨前線の北上と関係づける説がある。",
        "梅雨入りの時期も地域で異なる。沖縄の梅雨入りは5月上旬で、本州より一か月ほど早い。",
        "## 梅雨入りの記録",
        "沖縄は暖かい。この島では2005年5月に大雨が降った。",
      ],
    ),
    draft(
      "touzai",
      "東西電機の歩み",
      null,
      ...[
        "東西電機は1950年に大阪で創業した家電メーカーである。同社は1965年に東京へ本社を移した。同年、初のカラーテレビを発売した。",
      ],
    ),
    draft("tara", "港町の冬", null, LONG_PARAGRAPH),
    draft(
      "hanabi",
      "川沿いの花火大会",
      null,
      "東町の花火大会は、川の水位と天気を見て開かれる。東町の花火大会は8月15日に開かれる。",
    ),
    // a news lead opens with a hook, not with what its subject is
    draft(
      "danshari",
      "おトクに断捨離できる買取サービス",
      null,
      "9月に入り、断捨離は秋の話題になった。",
      "なかなか断捨離できない人には、宅配の買取サービスが便利だ。",
    ),
    draft(
      "raichou",
      "雷鳥",
      null,
      // two passages: the lead, and one that names 雷鳥 more often
      "雷鳥は、高山に住む鳥である。この鳥は冬には羽が白くなる。その羽は夏には茶色になる。それは岩場で身を守るためだ。高山の厳しい寒さにもよく耐える。",
      "雷鳥の数は山小屋の近くでも年々減っていると各地から報告されている。雷鳥を守る活動が続き、雷鳥の保護区も作られた。雷鳥はキジ科に属する。",
    ),
    // a title that holds 雷鳥 and says more
    draft("raichou-hogo", "雷鳥保護区", null, "は、雷鳥を守るために設けられた区域である。"),
    // 雲の種類 names 雲 more often than 雲 does, and its lead leaves its subject to its title too
    draft("kumo", "雲", null, "雲は、大気中の水滴や氷の粒が集まって空に浮かんでいるものである。"),
    draft("kumo-shurui", "雲の種類", null, "は、雲を形で分けたもの。高い雲、低い雲、縦に伸びる雲がある。"),
    // leads that say what their subject is: without a comma after は, with glosses nested
    draft("kanpo", "寛保", null, "は日本の元号の一つ。", "寛保の改革とも呼ばれる政策が寛保年間に行われた。"),
    draft(
      "kiri",
      "霧",
      null,
      "霧（きり（む））は、細かい水滴が大気中に浮かんで見通しが悪くなる現象である。",
      "霧の日は港で霧笛が鳴り、霧が濃い朝は船が一隻も港から出ないまま夕方まで待つことになる。",
    ),
    // a lead that says when, not what
    draft(
      "yuudachi",
      "夕立",
      null,
      "今年の夕立は例年より多かった。",
      "夕立は、夏の午後に積乱雲から急に降り出す激しいにわか雨のことである。",
    ),
    // the question's topic (富山) is named in the passage, not in the sentence that answers
    draft(
      "jabara",
      "じゃばらの里",
      null,
      "名物はじゃばらという柑橘である。富山は山あいの静かな土地として県内でも古くから広く知られている。",
    ),
    draft(
      "enki",
      "塩基の変化",
      null,
      "ヒポキサンチンとキサンチンは変異原の存在下で形成される塩基である。ヒポキサンチンはアデニンから、キサンチンはグアニンから生じる。",
    ),
    draft("hokkai", "北海の資源", null, "石油は北海油田で産出されている。天然ガスも沖合で産出される。"),
    // 産出 is a common word of the library, ヒポキサンチン a rare one
    draft("kouzan", "鉱山の町", null, "町の鉱山は銅を産出してきた。"),
    draft("gin", "銀山の歴史", null, "この銀山は江戸時代に多くの銀を産出した。"),
    draft("cha", "茶の産地", null, "この地方は良質な茶を産出することで知られる。"),
    // The passage leaves its subject to the title, as encyclopedia entries do.
    draft("tsukikage", "月影村", null, "は、山あいにある集落で、1889年に成立した。冬は雪が深い。"),
    draft("tonari", "隣の村の図書館", null, "隣の村では新しい図書館が2020年に開館した。村の人口は増えている。"),
    draft(
      "yukimuro",
      "雪国の暮らし",
      null,
      "雪国の農家は冬の間、雪の下に野菜を埋めて保存してきた。これを雪室貯蔵と呼び、野菜の甘みが増す。春には雪解け水で田を潤す。",
    ),
    draft("hoshimi", "星見峠", null, "は、北の山地を越える古い道で、1890年に開かれた。"),
    draft("kuriyama-gawa", "栗山川", null, "は、千葉県の北東部を流れる川。長さは約30キロメートルある。"),
    draft("kuriyama", "鮭の南限", null, "太平洋側で鮭が遡上する南限の川は、九十九里浜に注ぐ栗山川である。"),
  ]));
});
afterAll(() => removeDir(dir));

describe("a sentence that points back at the one before it", () => {
  it.each<[string, boolean]>([
    ["このような梅雨を空梅雨という。", true],
    ["それらを深層ウェブと呼ぶ。", true],
    ["後者はリズムを刻む。", true],
    ["同年5月に退任した。", true],
    ["翌5月には放送を終えた。", true],
    ["翌年には首相となる。", true],
    ["その後、東京に移った。", true],
    // a conjunction, or an adverb, before the pointer
    ["また、これを送り梅雨と呼ぶ。", true],
    ["さらにこれを改良した。", true],
    // an example or the details of what the sentence before said
    ["例えば国立屋内総合競技場など枚挙に暇がない。", true],
    ["また、たとえば東京では禁止された。", true],
    ["具体的には、拍とはパルスの連続である。", true],
    ["梅雨は六月に始まる。", false],
    // 小さな is a 連体詞 too, but points at nothing
    ["小さな島が多い。", false],
    // これ later in the sentence points inside it
    ["雷を伴う雨が多く、これを送り梅雨と呼ぶ。", false],
    // up to now, and now: not the sentence before
    ["これまでに20作を発表した。", false],
    ["ここ数年で増えた。", false],
    ["この春に卒業した。", false],
    ["この度、新製品を発表した。", false],
    // 同盟 is no 同 + something just named
    ["同盟を結んだ。", false],
    // これ inside a quotation points inside it
    ["「これは面白い」と話した。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(refersBack(sentence, analyze(tokenizer, sentence))).toBe(expected);
  });
});

describe("a sentence that only names what the one before it says", () => {
  it.each<[string, boolean]>([
    ["空気感染と呼ばれる。", true],
    ["飛沫感染（Droplet transmission）と一般的に呼ばれる。", true],
    ["小暦とも言う。", true],
    ["日本ではPKFとも略される。", true],
    ["「二つ目」と呼ばれる。", true],
    ["かつての上方落語では中座（なかざ）と呼んだ。", true],
    // a topic, a subject or an object of its own: it names that
    ["通称は小暦と称される。", false],
    ["この病気が空気感染と呼ばれる。", false],
    ["各国軍部隊を、平和維持軍という。", false],
    // what someone said, and news hearsay: 言う names only with も or in the passive
    ["友人と京都へ行ったと言う。", false],
    ["仲間と先輩に言う。", false],
    ["主将も「最高のチーム」と言う。", false],
    ["意識不明の重体という。", false],
    ["空気感染と言われる。", true],
    // no verb of naming, or more said after it
    ["空気感染と同じである。", false],
    ["空気感染と呼ばれることが多く、注意が要る。", false],
    ["", false],
  ])("%s → %s", (sentence, expected) => {
    expect(namesWhatWasSaid(analyze(tokenizer, sentence))).toBe(expected);
  });
});

describe("key points", () => {
  /** The key point's text is the article's own, at its offsets. */
  const expectVerbatim = (point: { articleId: string; start: number; end: number; text: string } | undefined) => {
    const body = engine.article(point?.articleId ?? "")?.body ?? "";
    expect(point && body.slice(point.start, point.end)).toBe(point?.text);
  };

  it("show a sentence that points back together with the sentence it points at", () => {
    const answer = engine.ask("梅雨の時期に雨がほとんど降らないことを何という？");
    expect(answer.keyPoints[0]?.text).toBe(
      "梅雨の時期に雨がほとんど降らない年もある。このような梅雨を空梅雨（からつゆ）という。",
    );
    // the first sentence alone overlaps that key point: it is not repeated as another one
    for (const k of answer.keyPoints.slice(1)) expect(k.text).not.toContain("雨がほとんど降らない年");
    expectVerbatim(answer.keyPoints[0]);
  });

  it("are never a sentence that asks, as an interviewer's question does", async () => {
    const { engine: interview, dir: interviewDir } = await engineWith([
      draft(
        "savings",
        "漫画家の貯金事情",
        null,
        "――漫画家の田中さん、正直な貯金額はいくらですか？",
        "田中：実は30万円くらいしかありません。",
        "――貯金を増やすために何かしていますか？",
        "田中：毎月の食費を見直しています。",
      ),
    ]);
    try {
      const answer = interview.ask("漫画家の田中さんの貯金額いくら？");
      // the question restates the member's and answers nothing; the answer follows it
      expect(answer.keyPoints.map((k) => k.text)).not.toContain("――漫画家の田中さん、正直な貯金額はいくらですか？");
      expect(answer.keyPoints[0]?.text).toBe("田中：実は30万円くらいしかありません。");
    } finally {
      await removeDir(interviewDir);
    }
  });

  it("show a sentence that only names what the one before says together with it", async () => {
    const { engine: routes, dir: routesDir } = await engineWith([
      draft(
        "routes",
        "感染の経路",
        null,
        "病原体が空気中を長く漂い、遠くの人にまでうつる経路がある。空気感染と呼ばれる。",
        "咳やくしゃみで飛んだしぶきが、近くの人の口や鼻に入ってうつることもある。",
      ),
    ]);
    try {
      const answer = routes.ask("病原体が空気中を漂って遠くの人にうつる経路を何という？");
      expect(answer.keyPoints[0]?.text).toBe(
        "病原体が空気中を長く漂い、遠くの人にまでうつる経路がある。空気感染と呼ばれる。",
      );
    } finally {
      await removeDir(routesDir);
    }
  });

  it("follow a chain of pointers back (A。同社は…。同年…)", () => {
    const answer = engine.ask("東西電機が初のカラーテレビを発売したのはいつ？");
    expect(answer.keyPoints[0]?.text).toBe(
      "東西電機は1950年に大阪で創業した家電メーカーである。同社は1965年に東京へ本社を移した。同年、初のカラーテレビを発売した。",
    );
    expectVerbatim(answer.keyPoints[0]);
  });

  it("find the sentence pointed at in the window before, in a long paragraph", () => {
    expect(engine.search("寒鱈漁").hits[0]?.text.startsWith(POINTER)).toBe(true);
    const answer = engine.ask("北陸の港町で冬に盛んになる鱈の漁を何と呼ぶ？");
    expect(answer.keyPoints[0]?.text).toBe(ANTECEDENT + POINTER);
    expectVerbatim(answer.keyPoints[0]);
    const [start, end] = answer.keyPoints[0]?.highlights[0] ?? [0, 0];
    expect(answer.keyPoints[0]?.text.slice(start, end)).toBe("北陸");
  });

  it("find the sentence pointed at after 200,000 characters without an end, but not join those to it", async () => {
    const endless = await engineWith([
      draft("machinami", "古い町並み", null, `${ENDLESS}。${ENDLESS_POINTER}`),
      // the sentence pointed at is short, at the end of a long paragraph: it is still found
      // (200,000 characters make windows of 300 and one of 200; three sentences of 30 fill that one up)
      draft("tara", "港町の冬", null, `${ENDLESS}。${filler(30).repeat(3)}${LONG_PARAGRAPH}`),
    ]);
    try {
      expect(endless.engine.search("建長寺の三門").hits[0]?.text).toBe(ENDLESS_POINTER);
      const answer = endless.engine.ask("建長寺の三門の周りに残っているもの");
      expect(answer.keyPoints[0]?.text).toBe(ENDLESS_POINTER);
      expect(endless.engine.search("寒鱈漁").hits[0]?.text.startsWith(POINTER)).toBe(true);
      expect(endless.engine.ask("北陸の港町で冬に盛んになる鱈の漁を何と呼ぶ？").keyPoints[0]?.text).toBe(
        ANTECEDENT + POINTER,
      );
    } finally {
      await removeDir(endless.dir);
    }
  });

  it("find the sentence pointed at as written, in a paragraph the body stores with a backslash before it", async () => {
    // over 300 characters: the sentence pointing back opens the paragraph's second window
    const first = `# 北陸の港町では冬になると鱈の漁が盛んになり、${"港には朝早くから多くの漁船が並び、".repeat(17)}市場もにぎわう。`;
    const marked = await engineWith([draft("tara", "港町の冬", null, `${first}${POINTER}${filler(30).repeat(4)}`)]);
    try {
      expect(marked.engine.article(marked.engine.list()[0]?.articleId ?? "")?.body.startsWith("\\# 北陸")).toBe(true);
      expect(marked.engine.search("寒鱈漁").hits[0]?.text.startsWith(POINTER)).toBe(true);
      const answer = marked.engine.ask("北陸の港町で冬に盛んになる鱈の漁を何と呼ぶ？");
      expect(answer.keyPoints[0]?.text).toBe(first + POINTER);
    } finally {
      await removeDir(marked.dir);
    }
  });

  it("do not join a sentence to the paragraph before it", () => {
    const passage = engine.search("梅雨前線の北上と関係づける説").hits[0];
    expect(passage?.text).toContain("異なる。\n\nこれを梅雨前線");
    const answer = engine.ask("梅雨前線の北上と関係づける説");
    expect(answer.keyPoints[0]?.text).toBe("これを梅雨前線の北上と関係づける説がある。");
  });

  it("show a sentence together with the one that continues it by pointing back", () => {
    // The question restates the first sentence; the one after it names the practice.
    const answer = engine.ask("雪国の農家が冬の間、雪の下に野菜を埋めて保存してきたこと");
    expect(answer.keyPoints[0]?.text).toBe(
      "雪国の農家は冬の間、雪の下に野菜を埋めて保存してきた。これを雪室貯蔵と呼び、野菜の甘みが増す。",
    );
    expectVerbatim(answer.keyPoints[0]);
  });

  it("keep a sentence that does not point back on its own", () => {
    const answer = engine.ask("沖縄の梅雨入りはいつ？");
    expect(answer.keyPoints[0]?.text).toBe("沖縄の梅雨入りは5月上旬で、本州より一か月ほど早い。");
  });

  it("come from a passage that leaves the question's subject to its article's title", () => {
    const answer = engine.ask("月影村はいつできた？");
    expect(answer.passages[0]?.title).toBe("月影村");
    expect(answer.keyPoints[0]?.text).toBe("は、山あいにある集落で、1889年に成立した。");
  });

  it("come from the article whose title is all the question names, though no passage holds a word of it", () => {
    const answer = engine.ask("星見峠とは？");
    expect(answer.found).toBe(true);
    expect(answer.keyPoints[0]?.title).toBe("星見峠");
    expect(engine.search("星見峠").hits[0]?.title).toBe("星見峠");
  });

  it("find a word the question spells as one that the article's analysis cut in two", () => {
    // kuromoji: 栗山川 alone, but 栗 山川 after 注ぐ
    expect(analyze(tokenizer, "栗山川").map((t) => t.term)).toEqual(["栗山川"]);
    expect(analyze(tokenizer, "注ぐ栗山川である").map((t) => t.term)).toContain("山川");
    expect(engine.search("栗山川").hits[0]?.title).toBe("鮭の南限");
    const answer = engine.ask("栗山川はどこにある？");
    // the article 栗山川 says first where it is; the sentence that spells it as 栗 山川 answers too
    expect(answer.keyPoints[0]?.text).toBe("は、千葉県の北東部を流れる川。");
    const respelled = answer.keyPoints.find((k) => k.title === "鮭の南限");
    expect(respelled?.text).toBe("太平洋側で鮭が遡上する南限の川は、九十九里浜に注ぐ栗山川である。");
    expect(respelled?.highlights.length).toBeGreaterThan(0);
    // ...and still matches a title that holds the word whole: the article 栗山川 answers too
    expect(engine.ask("栗山川の長さは？").keyPoints.map((k) => k.text)).toContain("長さは約30キロメートルある。");
  });

  it("leave the question's topic to the context only where the context names it", () => {
    // ヒポキサンチン is the question's topic, 産出 its focus (rarer words weigh more): a sentence that says 産出
    // of another subject does not answer, though a sentence may leave the topic to a passage that names it.
    const answer = engine.ask("ヒポキサンチンは何から産出されるか。");
    expect(answer.keyPoints[0]?.title).toBe("塩基の変化");
  });

  it("answer what a subject is with its article's lead, in order", () => {
    // Another passage names 雷鳥 more often: what is 雷鳥 is answered by what the article says first, its
    // sentences in order (the second, read with the first, as one), from 雷鳥 rather than 雷鳥保護区.
    for (const question of ["雷鳥とは？", "雷鳥ってどんな鳥？", "雷鳥について教えて"]) {
      const answer = engine.ask(question);
      // a chain of three sentences pointing back, then one that starts a chain again: not shown twice
      expect(answer.keyPoints.slice(0, 2).map((k) => k.text)).toEqual([
        "雷鳥は、高山に住む鳥である。この鳥は冬には羽が白くなる。その羽は夏には茶色になる。",
        "高山の厳しい寒さにもよく耐える。",
      ]);
      expect(answer.passages[0]).toMatchObject({ title: "雷鳥", start: 0 });
      // however many passages are asked for
      expect(engine.ask(question, { passages: 10 }).keyPoints[0]).toEqual(answer.keyPoints[0]);
    }
    expect(engine.ask("寛保とは？").keyPoints[0]?.text).toBe("は日本の元号の一つ。");
    expect(engine.ask("霧とは？").keyPoints[0]?.text).toBe(
      "霧（きり（む））は、細かい水滴が大気中に浮かんで見通しが悪くなる現象である。",
    );
    expect(engine.ask("夕立とは？").keyPoints[0]?.text).toBe(
      "夕立は、夏の午後に積乱雲から急に降り出す激しいにわか雨のことである。",
    );
    // of two articles whose titles hold 雲, the one whose title is 雲
    expect(engine.ask("雲とは？").keyPoints[0]?.text).toBe(
      "雲は、大気中の水滴や氷の粒が集まって空に浮かんでいるものである。",
    );
    // ...though the lead leaves the subject to the title
    expect(
      engine
        .ask("月影村とは？")
        .keyPoints.slice(0, 2)
        .map((k) => k.text),
    ).toEqual(["は、山あいにある集落で、1889年に成立した。", "冬は雪が深い。"]);
    // a lead that does not say what its subject is (a hook, the subject after it) answers nothing of it
    expect(engine.ask("断捨離とは？").keyPoints[0]?.text).toBe(
      "なかなか断捨離できない人には、宅配の買取サービスが便利だ。",
    );
    // a question that asks something of the subject is answered by the sentence that says it
    expect(engine.ask("雷鳥の数は？").keyPoints[0]?.text).toContain("年々減っている");
  });

  it("answer a question that names the kind of answer with a noun as one with a question word", () => {
    // 時期 closes the question: it asks when, as 「東町の花火大会はいつ？」 does
    expect(engine.ask("東町の花火大会の時期は？").keyPoints[0]?.text).toBe("東町の花火大会は8月15日に開かれる。");
  });

  it("answer a question for a kind of answer with the lead only when the lead holds one", () => {
    expect(engine.ask("月影村はいつできた？").keyPoints[0]?.text).toBe("は、山あいにある集落で、1889年に成立した。");
    // 何科 asks for a kind the lead does not name
    expect(engine.ask("雷鳥は何科？").keyPoints[0]?.text).toBe("雷鳥はキジ科に属する。");
    // the lead names no place: a sentence that does comes first, and its passage
    const where = engine.ask("雷鳥はどこ？");
    expect(where.keyPoints[0]?.text).not.toContain("高山に住む");
    expect(where.passages[0]?.text).toContain(where.keyPoints[0]?.text);
  });

  it("leave the question's topic to the passage that names it", () => {
    expect(engine.ask("富山では何が名物か？").keyPoints[0]?.text).toBe("名物はじゃばらという柑橘である。");
  });

  it("never come from sentences that hold none of the question's words, joined or not", () => {
    const answer = engine.ask("梅雨入りはいつ？");
    expect(answer.found).toBe(true);
    for (const k of answer.keyPoints) expect(k.text).not.toContain("沖縄は暖かい");
  });
});

describe("key points for a question that asks for a kind of answer", () => {
  let reader: Engine;
  let readerDir: string;
  beforeAll(async () => {
    ({ engine: reader, dir: readerDir } = await engineWith([
      // the sentences that share most words with 「…Wi-Fiモデルって何グラム？」 say no weight (3G is no grams)
      draft(
        "reader",
        "ソニーが電子書籍リーダーの新モデルを発表",
        null,
        "ソニーは電子書籍リーダーの新モデルを発表した。Wi-Fiモデルの「PRS-T1」と、3G＋Wi-Fiモデルの「PRS-G1」の2機種だ。",
        "Wi-Fiモデルの電子書籍リーダーは、自宅の無線LANで本を買える。電子書籍リーダーのWi-Fiモデルは、ソニーの店頭でも試せる。",
        "この電子書籍リーダーの重さは約168gで、文庫本より軽い。",
      ),
      // another article's weight, said with more of the question's words than the reader's
      draft("tablet", "タブレットの新製品", null, "ソニーのタブレットのWi-Fiモデルは、リーダーより重い約600gだ。"),
      // the price is a line of its own, which names none of the question's words
      draft(
        "coloring",
        "色彩感覚を育てるぬり絵アプリ",
        null,
        "iPhoneでぬり絵ができるアプリです。ランキングで２位のアプリです。",
        "価格：85円（2012年4月8日現在）",
        "妖精のお姫様に色を塗っていきましょう！お子様のおもちゃとしてどうぞ。",
        "追加の絵柄は1セット170円です。",
      ),
      // amounts that name nothing of the question: one that says what it is, one that does not
      draft(
        "juicer",
        "一人分のジュースを作れるミキサー",
        null,
        "ツインバードから一人分のジュースを作れるミキサーが発売中だ。ミキサー容器にフタを付ければタンブラーに変身する。",
        "先着100名は1,000円引き。",
        "希望小売価格は5,250円。",
        "重さは約1.2kgで、本体は32台限定のカラー。",
        "替えのタンブラーは1個840円で売られる。",
      ),
      // the horsepower is written in letters (304ps), after a sentence that says more of the question
      draft(
        "wagon",
        "夏を彩るボルボの新シリーズ",
        null,
        "ボルボV60のR-DESIGNが登場した。V60のR-DESIGNはスポーティな外観のワゴンだ。",
        "エンジンは304ps、44.9kgmを発生する3リッター直列6気筒だ。",
      ),
      // the person asked for is named in a passage that says too little of the question to be scored
      draft(
        "premiere",
        "バレエ映画のプレミア上映会",
        null,
        // seven passages that say more of the question rank before it
        ...["静か", "華やか", "満員", "好評", "盛況", "大入り", "成功"].map(
          (word) =>
            `くるみ割り人形の映画館でのプレミア上映会は${word}だった。会場には家族連れも多く、トークショーの前から長い列ができていた。入場者には記念品が配られた。`,
        ),
        "ゲストは宮尾俊太郎さんで、トークショーも開かれた。",
        "次のトークショーは12月15日に開かれる。",
      ),
      // the person asked for is named in a sentence that leaves the question's words to the one before
      draft(
        "mannequin",
        "街角に現れたマネキン",
        null,
        "人気モデルにそっくりなマネキンが渋谷の街角に現れた。手がけたのは美術家の佐藤健太さんだ。",
        "マネキンは来月まで街角に立つ。",
      ),
      // nor across a paragraph's end, nor a number of days for a date
      draft(
        "robot",
        "新宿に現れたロボット",
        null,
        "人気歌手にそっくりなロボットが新宿に現れた。",
        "開発したのは技術者の高橋次郎さんだ。",
        "人気作家にそっくりな人形も銀座に現れた。制作には4日間かかった。",
        "人気画家にそっくりな彫刻が上野に現れた。展示は10日から始まる。",
      ),
      // the person named after a sentence that says nothing of the question is no answer
      draft(
        "doll",
        "原宿に現れた人形",
        null,
        "人気俳優にそっくりな人形が原宿に現れた。人形は来月まで立つ。",
        "近くの店も混雑している。店長は鈴木一郎さんだ。",
      ),
      // the passage with the amount asked for says too little of the question to be scored
      draft(
        "cleaner",
        "家電の新製品",
        null,
        "価格はオープン価格で、店頭予想価格は49,800円前後。",
        ...["静か", "賢い", "薄い", "速い", "軽い", "丈夫"].map((word) => `ロボット掃除機の新モデルは${word}。`),
        "別売りのブラシは2個で1,980円。",
      ),
      // free for now, and the price in a passage of its own
      draft(
        "scanner",
        "あんしんスキャンにフィッシング対策機能、9月末まで無料",
        null,
        "ドコモのあんしんスキャンにフィッシング対策機能が追加され、9月末まで無料で使える。あんしんスキャンのフィッシング対策機能は、危険なサイトを警告する。フィッシング対策はあんしんスキャンの設定から有効にできる。",
        "あんしんスキャンのフィッシング対策機能は、ドコモのスマートフォンとタブレットで使える。ドコモはあんしんスキャンのフィッシング対策を今後も強化する。",
        "本サービスは有料サービスであり、月額料金は210円です。",
        // another feature free for good, which says a word of the question: no answer to the new one's price
        "なお、これまでのウイルス対策機能は継続して無料で利用できます。",
      ),
      // free for good, and another product's price
      draft(
        "household",
        "家計簿アプリ「カケイボ」",
        null,
        "カケイボは無料で使える家計簿アプリだ。カケイボでは毎日の支出を記録でき、月ごとの集計も自動で作られる。",
        "カケイボのグラフは見やすく、食費や光熱費の割合がひと目で分かるように色分けされている。",
        "同じ開発元の写真アプリ「フォトプロ」の価格は360円。",
      ),
      // a capacity in mAh, after sentences that say the phone's model number and its CPU's GHz
      draft(
        "battery",
        "104SH用の大容量バッテリー",
        null,
        "104SHの互換バッテリーは、1.5GHzのCPUを積む104SHのために作られた。104SHの互換バッテリーには大きいものと小さいものがある。大きい互換バッテリーは104SHを長く使いたい人に向く。",
        "容量は3,200mAhで、標準の約2.1倍だ。",
      ),
      // the sentences that restate the question leave the country to the title, and say no count
      draft(
        "country",
        "ラオス",
        null,
        "ラオスは東南アジアの国で、首都はビエンチャンである。",
        "民族ではラーオ族が一番多く、それに少数民族が続く。一番多いラーオ族の言葉は公用語でもある。ラーオ族の多くは低地に住む。",
        "立法府は一院制の国民議会である。国民議会の議席は選挙のたびに増やされてきた。国民議会の選挙は5年ごとに行われる。",
        "2016年の選挙で、議席は149となった。",
      ),
    ]));
  });
  afterAll(() => removeDir(readerDir));

  it("hold that kind, when the first one's article says it", () => {
    const question = "ソニーの電子書籍リーダーのWi-Fiモデルって何グラム？";
    const texts = reader.ask(question).keyPoints.map((k) => k.text);
    // the first key point stays the best match; the last place goes to the sentence with a weight
    expect(texts[0]).toBe("電子書籍リーダーのWi-Fiモデルは、ソニーの店頭でも試せる。");
    expect(texts).toHaveLength(3);
    expect(texts[2]).toContain("168g");
    // with one key point asked for, it stays the best match
    expect(reader.ask(question, { keyPoints: 1 }).keyPoints.map((k) => k.text)).toEqual([texts[0]]);
    // how heavy, with the adjective after the word of degree, asks for grams too
    const heavy = reader.ask("ソニーの電子書籍リーダーのWi-Fiモデルってどれくらい重い？").keyPoints.map((k) => k.text);
    expect(heavy).toContainEqual(expect.stringContaining("168g"));
  });

  it("hold an amount asked for from a sentence of the article that names none of the question's words", () => {
    const answer = reader.ask("妖精のお姫様にぬりえする子供向けアプリっていくら？");
    expect(answer.questionType).toBe("price");
    const texts = answer.keyPoints.map((k) => k.text);
    expect(texts[0]).toContain("妖精のお姫様");
    // the first amount of money, not 2位, and not the later 170円 that says as few of the question's words
    expect(texts.at(-1)).toBe("価格：85円（2012年4月8日現在）");
    const last = answer.keyPoints.at(-1);
    expect(last && reader.article(last.articleId)?.body.slice(last.start, last.end)).toBe(last?.text);
  });

  it("hold an amount that says none of the question's words only where it names what it is", () => {
    const price = reader.ask("ツインバードの一人分ミキサーって何円？").keyPoints.map((k) => k.text);
    expect(price[0]).toContain("ツインバード");
    // 1,000円引き comes first, but says nothing of what it is; 価格 does
    expect(price.at(-1)).toBe("希望小売価格は5,250円。");
    // a unit of measure says what it measures; a number of 台 need not be the thing asked about
    const weight = reader.ask("ツインバードの一人分ミキサーって何キロ？").keyPoints.map((k) => k.text);
    expect(weight.at(-1)).toBe("重さは約1.2kgで、本体は32台限定のカラー。");
    const count = reader.ask("ツインバードの一人分ミキサーって何台？").keyPoints.map((k) => k.text);
    expect(count).not.toContain("重さは約1.2kgで、本体は32台限定のカラー。");
  });

  it("hold a measure in a unit IPADIC reads as a common noun, in its spelling in letters", () => {
    const answer = reader.ask("ボルボV60のR-DESIGNって何馬力？");
    expect(answer.questionType).toBe("number");
    expect(answer.keyPoints.at(-1)?.text).toBe("エンジンは304ps、44.9kgmを発生する3リッター直列6気筒だ。");
  });

  it("hold a person asked for, though the passage that names one is not scored", () => {
    const answer = reader.ask("くるみ割り人形のプレミア上映会でトークショーをしたのは誰？");
    expect(answer.questionType).toBe("person");
    const texts = answer.keyPoints.map((k) => k.text);
    expect(texts[0]).toContain("くるみ割り人形");
    expect(texts.at(-1)).toBe("ゲストは宮尾俊太郎さんで、トークショーも開かれた。");
  });

  it("hold a person asked for, named in a sentence that leaves the question's words to the one before", () => {
    const answer = reader.ask("人気モデルそっくりのマネキンを作ったのは誰？");
    expect(answer.questionType).toBe("person");
    const texts = answer.keyPoints.map((k) => k.text);
    expect(texts[0]).toContain("マネキン");
    expect(texts.at(-1)).toBe("手がけたのは美術家の佐藤健太さんだ。");
  });

  it("not with a sentence that leaves the question's words to the one before when it holds no answer", () => {
    const texts = reader.ask("人気モデルそっくりのマネキンはいつ現れた？").keyPoints.map((k) => k.text);
    expect(texts).not.toContain("手がけたのは美術家の佐藤健太さんだ。");
  });

  it("not with a sentence that says none of the question's words after another paragraph", () => {
    const texts = reader.ask("人気歌手そっくりのロボットを作ったのは誰？").keyPoints.map((k) => k.text);
    expect(texts[0]).toContain("ロボット");
    expect(texts).not.toContain("開発したのは技術者の高橋次郎さんだ。");
  });

  it("hold a day as news gives it, in a sentence that says none of the question's words", () => {
    const answer = reader.ask("人気画家そっくりの彫刻はいつから見られる？");
    expect(answer.questionType).toBe("date");
    expect(answer.keyPoints.at(-1)?.text).toBe("展示は10日から始まる。");
  });

  it("not with a number of days, for a date, in a sentence that says none of the question's words", () => {
    const texts = reader.ask("人気作家そっくりの人形はいつ完成した？").keyPoints.map((k) => k.text);
    expect(texts[0]).toContain("人形");
    expect(texts).not.toContain("制作には4日間かかった。");
  });

  it("not with a sentence that says none of the question's words after one that says none either", () => {
    const texts = reader.ask("人気俳優そっくりの人形を作ったのは誰？").keyPoints.map((k) => k.text);
    expect(texts[0]).toContain("人形");
    expect(texts).not.toContain("店長は鈴木一郎さんだ。");
  });

  it("hold a date asked for, though the passage that says one is not scored", () => {
    const answer = reader.ask("くるみ割り人形のプレミア上映会の次のトークショーはいつ？");
    expect(answer.questionType).toBe("date");
    expect(answer.keyPoints.at(-1)?.text).toBe("次のトークショーは12月15日に開かれる。");
  });

  it("hold the amount that says most of the question's words, though its passage is not scored", () => {
    const texts = reader.ask("ロボット掃除機の新モデルのブラシっていくら？").keyPoints.map((k) => k.text);
    expect(texts.at(-1)).toBe("別売りのブラシは2個で1,980円。");
  });

  it("hold an amount of money, though a key point says it is free", () => {
    const answer = reader.ask("あんしんスキャンのフィッシング対策って月いくら？");
    const texts = answer.keyPoints.map((k) => k.text);
    expect(texts[0]).toContain("無料");
    expect(texts.at(-1)).toBe("本サービスは有料サービスであり、月額料金は210円です。");
  });

  it("hold no other thing's price when the app is free", () => {
    const texts = reader.ask("カケイボっていくら？").keyPoints.map((k) => k.text);
    expect(texts[0]).toBe("カケイボは無料で使える家計簿アプリだ。");
    expect(texts).not.toContain("同じ開発元の写真アプリ「フォトプロ」の価格は360円。");
  });

  it("hold a quantity asked for in its unit, not the digits of a model's name or another unit", () => {
    const answer = reader.ask("104SHの互換バッテリー、容量なんぼ？");
    expect(answer.questionType).toBe("number");
    expect(answer.keyPoints.map((k) => k.text)).toContain("容量は3,200mAhで、標準の約2.1倍だ。");
  });

  it("hold a place for a country asked for, and a number for a count", () => {
    const country = reader.ask("ラーオ族が一番多い国は？");
    expect(country.questionType).toBe("place");
    expect(country.keyPoints.at(-1)?.text).toBe("ラオスは東南アジアの国で、首都はビエンチャンである。");
    const seats = reader.ask("ラオスの国民議会の議席数は？");
    expect(seats.questionType).toBe("number");
    expect(seats.keyPoints.at(-1)?.text).toBe("2016年の選挙で、議席は149となった。");
  });

  it("hold the amount that says most of the question's words", () => {
    const texts = reader.ask("妖精のお姫様のアプリの追加の絵柄っていくら？").keyPoints.map((k) => k.text);
    expect(texts).toContain("追加の絵柄は1セット170円です。");
    expect(texts).not.toContain("価格：85円（2012年4月8日現在）");
  });
});

describe("key points for an amount the answer's article does not give", () => {
  it("hold no other article's amount: an article naming the same thing may give another thing's", async () => {
    // the lens article names the camera (as livedoor's 関連記事 lists name other products): its 9万円 is
    // a lens's price
    const camera = draft(
      "camera",
      "キヤノン、EOS 5D Mark IIIを発表",
      null,
      "キヤノンはデジタル一眼レフカメラEOS 5D Mark IIIを発表した。",
      "キヤノンのEOS 5D Mark IIIは、画質が大きく向上した。",
    );
    const lens = draft(
      "lens",
      "キヤノン5D Mark III向けの新レンズ",
      null,
      "シグマのレンズはキヤノンの5D Mark IIIでも使える。9万円で発売される。",
    );
    const { engine, dir } = await engineWith([...RANKING_ARTICLES, camera, lens]);
    try {
      const answer = engine.ask("キヤノン 5D Mark3 値段はどのくらい？");
      expect(answer.keyPoints[0]?.title).toBe("キヤノン、EOS 5D Mark IIIを発表");
      expect(answer.keyPoints.map((k) => k.text).join("")).not.toContain("9万円");
    } finally {
      await removeDir(dir);
    }
  });

  it("are found by any noun of a price: the 値段 asked is the 価格 an article gives, and the other way round", async () => {
    // 値段 and 価格 are two words to Sudachi's dictionary and one to a question (scripts/generate-synonyms.ts):
    // the article that names the camera most gives no price, the one that gives it says 価格
    const launch = draft(
      "launch",
      "キヤノン、EOS 5D Mark IIIを発表",
      null,
      "キヤノンはデジタル一眼レフカメラEOS 5D Mark IIIを発表した。EOS 5D Mark IIIは画質が大きく向上した。",
    );
    const review = draft(
      "review",
      "待望の一眼レフ",
      null,
      "キヤノンの5D Mark IIIは、発売は3月下旬、価格は36万円前後。",
    );
    const phones = draft(
      "phones",
      "スマホの新機種が続々",
      null,
      "各社のスマホが出そろった。新しいスマホはカメラが強い。",
    );
    const cheap = draft("cheap", "格安の端末を試す", null, "格安スマホの値段は1万円だ。");
    const { engine, dir } = await engineWith([...RANKING_ARTICLES, launch, review, phones, cheap]);
    try {
      const camera = engine.ask("キヤノン 5D Mark3 値段どのくらい？");
      expect(camera.keyPoints[0]?.text).toBe("キヤノンの5D Mark IIIは、発売は3月下旬、価格は36万円前後。");
      const phone = engine.ask("スマホの価格は？");
      expect(phone.keyPoints[0]?.text).toBe("格安スマホの値段は1万円だ。");
    } finally {
      await removeDir(dir);
    }
  });
});

describe("key points that say the same sentence", () => {
  let repeated: Engine;
  let repeatedDir: string;
  beforeAll(async () => {
    ({ engine: repeated, dir: repeatedDir } = await engineWith([
      // a news item republished under another title, and a paragraph repeated in an article
      draft("first", "新型ノートPCを発表", null, "日本HPが新型ノートPCのEnvy 14 Spectreを発表した。価格は15万円前後。"),
      draft(
        "again",
        "今週の注目製品まとめ",
        null,
        "日本HPが新型ノートPCのEnvy 14 Spectreを発表した。ガラスを多用したデザインだ。",
      ),
      draft(
        "repeat",
        "Spectreの使い勝手",
        null,
        "Envy 14 Spectreはガラスの天板が特徴だ。キーボードは打ちやすい。",
        "Envy 14 Spectreはガラスの天板が特徴だ。画面は14インチ。",
      ),
    ]));
  });
  afterAll(() => removeDir(repeatedDir));

  it("show it once", () => {
    for (const question of ["日本HPが発表したEnvy 14 Spectreの特徴は？", "Envy 14 Spectreのガラスの天板"]) {
      const texts = repeated.ask(question).keyPoints.map((k) => k.text);
      expect(texts.length).toBeGreaterThan(1);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});

describe("a key point whose line opens with a list mark", () => {
  let marked: Engine;
  let markedDir: string;
  beforeAll(async () => {
    ({ engine: marked, dir: markedDir } = await engineWith([
      draft(
        "app",
        "ぬり絵アプリの紹介",
        null,
        "子ども向けのぬり絵アプリが登場した。",
        "■ 価格は85円（税込）です。",
        "・対応機種はiPhoneとiPad。",
        "※",
      ),
      // the same line under another mark, in a digest of the week's apps
      draft("digest", "ぬり絵アプリの価格", null, "・価格は85円（税込）です。", "※"),
    ]));
  });
  afterAll(() => removeDir(markedDir));

  it("is shown without it, as the article's text still, its words in bold where they were", () => {
    const [point] = marked.ask("ぬり絵アプリの価格はいくら？").keyPoints;
    expect(point?.text).toBe("価格は85円（税込）です。");
    expect(point?.highlights.map(([s, e]) => point.text.slice(s, e))).toContain("価格");
    const body = marked.article(point?.articleId ?? "")?.body;
    expect(body?.slice(point?.start, point?.end)).toBe(point?.text);
    expect(marked.ask("対応機種は？").keyPoints[0]?.text).toBe("対応機種はiPhoneとiPad。");
  });

  it("is one key point, whatever mark each line writes it with; a mark alone is none", () => {
    const texts = marked.ask("ぬり絵アプリの価格はいくら？").keyPoints.map((k) => k.text);
    expect(texts.filter((t) => t === "価格は85円（税込）です。")).toHaveLength(1);
    expect(texts).not.toContain("※");
  });
});
