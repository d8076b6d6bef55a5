import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namingWords, writtenWords } from "../../src/answer/question.ts";
import type { Answer } from "../../src/answer/types.ts";
import type { Engine } from "../../src/engine.ts";
import { answerToText, searchToText } from "../../src/render/terminal.ts";
import { analyze } from "../../src/text/analyze.ts";
import { loadTokenizer } from "../../src/text/tokenizer.ts";
import { draft, RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith(RANKING_ARTICLES));
});
afterAll(() => removeDir(dir));

describe("the words that name what a question is about", () => {
  it.each<[string, string[]]>([
    // nouns, names and numbers; not what it says of them (発売, 移籍: サ変 nouns), nor the kind of answer
    ["iPhone 5の発売日はいつ？", ["iphone", "5"]],
    ["ダルビッシュの移籍先", ["ダルビッシュ"]],
    // the noun that closes it, and a kind noun, ask for what the answer gives
    ["富士山の山小屋の名前は？", ["富士山", "山小屋"]],
    ["節電のコツは？", []],
    ["梅雨の時期を教えてください", ["梅雨"]],
    // a region, a venue or an organisation names what the question is about where it does not close it
    ["富士山のある県の名前は？", ["富士山", "県"]],
    ["ライブの会場の最寄り駅は？", ["ライブ", "会場"]],
  ])("%s → %j", async (question, words) => {
    const tokens = analyze(await loadTokenizer(), question);
    expect(namingWords(tokens, null).map((t) => t.term)).toEqual(words);
  });
});

describe("a question's words as it writes them", () => {
  const written = async (question: string, words: readonly string[]) => {
    const tokens = analyze(await loadTokenizer(), question);
    const at = new Set(tokens.flatMap((t, i) => (t.term !== null && words.includes(t.term) ? [i] : [])));
    return writtenWords(question, tokens, at);
  };

  it("are each run of the tokens asked for, with its prefixes and suffixes, once", async () => {
    // 郵便 局: the suffix is part of the word; 新 is a prefix
    expect(await written("山頂の郵便局はいつ開く？", ["郵便"])).toEqual(["郵便局"]);
    expect(await written("新製品の値段", ["製品"])).toEqual(["新製品"]);
    // two words written together are one; the same word twice, however written, once
    expect(
      await written("リッチアンドフェイマスとｳｰﾊﾞｰｲｰﾂとウーバーイーツ", ["リッチアンドフェイマス", "ウーバーイーツ"]),
    ).toEqual(["リッチアンドフェイマス", "ｳｰﾊﾞｰｲｰﾂ"]);
  });

  it("hold the nouns written together with a character cut from a longer word", async () => {
    // IPADIC knows no 令和: 令 + 和; 一万円札 is 一 + 万 + 円 + 札; 1年半 is 1 + 年 + 半
    expect(await written("新元号の令和が発表されたのっていつ", ["和"])).toEqual(["令和"]);
    expect(await written("新しい一万円札の人って誰？", ["一"])).toEqual(["一万円札"]);
    expect(await written("1年半会えてない彼氏", ["半"])).toEqual(["1年半"]);
    // a word of one character that stands alone stays one; a longer one stays itself
    expect(await written("札幌の店の名前は？", ["店"])).toEqual(["店"]);
    expect(await written("楽天モバイルの月額", ["楽天"])).toEqual(["楽天"]);
    // not past the question word (何 is a noun), nor into a word shown before, nor past a space
    expect(await written("何色の服？", ["色"])).toEqual(["色"]);
    expect(await written("楽天モバイル和の値段", ["楽天", "和"])).toEqual(["楽天", "和"]);
    expect(await written("二人 和の値段", ["和"])).toEqual(["和"]);
    expect(await written("型番12鬼和の値段", ["12", "和"])).toEqual(["12", "鬼和"]);
    expect(await written("一人分ジューサーは何円？", ["一"])).toEqual(["一人分"]);
    // a number before it, of any length; after it, not: 令和2年3月 is a date of 令和
    expect(await written("12年半会えてない彼氏", ["半"])).toEqual(["12年半"]);
    expect(await written("令和2年3月に始まった制度は？", ["和"])).toEqual(["令和"]);
    // a digit alone says something: no fragment, shown alone (not 5月5日), and once
    expect(await written("5月5日の子供の日", ["5"])).toEqual(["5"]);
    // no symbol: kuromoji reads a half-width ? or ( as a noun of one character
    expect(await written("札幌の味噌ラーメンの店？名前は？", ["店"])).toEqual(["店"]);
    expect(await written("和(わ)の意味", ["和"])).toEqual(["和"]);
    // two words that share a missing character are two words
    expect(await written("一万円札と一人分", ["一"])).toEqual(["一万円札", "一人分"]);
    // a word with a suffix and without is one word
    expect(await written("東京都と東京の違い", ["東京"])).toEqual(["東京都"]);
  });

  it("hold noun suffixes only", async () => {
    expect(await written("東京っぽい店", ["東京"])).toEqual(["東京"]);
    // kuromoji reads the どの of どのくらい as the suffix 殿: it is a question word
    expect(await written("バッテリーどのくらい持つ？", ["バッテリ"])).toEqual(["バッテリー"]);
  });

  it("are shown without controls or lone surrogates, and cut to 30 characters", async () => {
    expect(await written("郵\u0000便局の\u202eサイト", ["郵便", "サイト"])).toEqual(["郵便局", "サイト"]);
    expect(await written("郵\ud800便局の値段", ["郵便"])).toEqual(["郵便局"]);
    // a character is a grapheme: ｶﾞ is not cut from its mark
    const [kana] = await written(`${"ｶﾞ".repeat(40)}の値段`, [
      "ガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガガ",
    ]);
    expect(kana).toBe(`${"ｶﾞ".repeat(29)}…`);
    const long = "ガ".repeat(60);
    const [word] = await written(`${long}の値段`, [long]);
    expect([...(word ?? "")]).toHaveLength(30);
    expect(word?.endsWith("…")).toBe(true);
  });
});

describe("an answer's missing words", () => {
  it("are the question's naming words that the first key point's article does not say, as the question writes them", () => {
    const answer = engine.ask("富士山の山頂の郵便局はいつ開く？");
    expect(answer.found).toBe(true);
    expect(answer.keyPoints[0]?.title).toBe("富士山の夏山シーズンが始まる");
    // kuromoji cuts 郵便 局: the word is shown whole, with its suffix
    expect(answer.missing).toEqual(["郵便局"]);
  });

  it("are none when the article says every word", () => {
    expect(engine.ask("富士山の山開きはいつ？").missing).toEqual([]);
    expect(engine.ask("草津温泉の湯畑はどこ？").missing).toEqual([]);
    // in any of its passages: 弾丸登山 is the first key point's, 山開き another's, 富士山 a third's
    const spread = engine.ask("富士山の山開きと弾丸登山は？");
    expect(spread.keyPoints[0]?.text).toContain("弾丸登山");
    expect(spread.missing).toEqual([]);
    // or in its title only: 夏山シーズン
    expect(engine.ask("夏山シーズンの山開きはいつ？").missing).toEqual([]);
  });

  it("leave out the kind of answer asked for, not the subject asked about", () => {
    // 名前 asks for a name; 店 is what the name is asked of
    expect(engine.ask("札幌の味噌ラーメンの店の名前は？").missing).toEqual(["店"]);
    // the noun right before the question word is the kind asked for...
    expect(engine.ask("札幌の味噌ラーメンの店どこ？").missing).toEqual([]);
    // ...and before は, the subject
    expect(engine.ask("草津温泉の湯畑のマスコットは誰？").missing).toEqual(["マスコット"]);
  });

  it("are shown without the controls a question may hold", () => {
    expect(engine.ask("富士山の山頂の郵\u0000便局はいつ開く？").missing).toEqual(["郵便局"]);
  });

  it("are, when nothing answers, the words no article holds", () => {
    const answer = engine.ask("深海魚の寿命は？");
    expect(answer.found).toBe(false);
    // (寿命, closing the question, is what it asks for)
    expect(answer.missing).toEqual(["深海魚"]);
    expect(answer.notInLibrary).toEqual(["深海魚"]);
    // a question in romaji
    const romaji = engine.ask("darubisshu no nenpou wa?");
    expect(romaji.found).toBe(false);
    expect(romaji.notInLibrary).toEqual(expect.arrayContaining(["darubisshu", "nenpou"]));
    const text = answerToText(romaji, { color: false });
    expect(text).toMatch(/※ どの記事にも含まれない語: 「darubisshu」.*「nenpou」/u);
  });

  it("come, when nothing answers, with no related passage that holds only a Latin fragment of the question", async () => {
    const { engine: tgc, dir: tgcDir } = await engineWith([
      draft("tgc", "スナップレポートNO.2", null, "レポートNO.1 はコチラから。"),
      draft("nenpo", "年俸の話", null, "ダルビッシュの年俸は高い。"),
    ]);
    try {
      // the romaji no matched NO.1; 年俸, in Japanese, is a word of the question
      expect(tgc.ask("darubisshu no nenpou wa?").passages).toEqual([]);
      expect(tgc.ask("darubisshu no 年俸 no sagaku?").passages.map((p) => p.title)).toEqual(["年俸の話"]);
    } finally {
      await removeDir(tgcDir);
    }
  });

  it("are none, and no advice to shorten it, for a question or a search of no word", () => {
    const answer = engine.ask("の");
    expect(answer.terms).toEqual([]);
    expect(answer.notInLibrary).toEqual([]);
    const text = answerToText(answer, { color: false });
    expect(text).toContain("この質問には、記事を探せる語が含まれていません");
    expect(text).not.toContain("キーワード");
    // a search for it too
    expect(searchToText(engine.search("の"), { color: false })).toContain(
      "「の」には、記事を探せる語が含まれていません",
    );
  });

  it("are shown in the terminal under the key points", () => {
    const answer: Answer = { ...engine.ask("富士山の山頂の郵便局はいつ開く？") };
    const text = answerToText(answer, { color: false });
    expect(text).toContain("※ どの記事にも含まれない語: 「郵便局」");
    expect(text.indexOf("※")).toBeLessThan(text.indexOf("出典の段落"));
  });

  it("that no article says hold a part no article says, whatever the others", async () => {
    const { engine: banked, dir: bankDir } = await engineWith([
      ...RANKING_ARTICLES,
      draft("bank", "銀行口座の残高", null, "口座の残高はアプリで確かめられる。"),
    ]);
    try {
      // PayPay is in no article, 残高 in one: the word as written is in none
      const answer = banked.ask("草津温泉の湯畑でPayPay残高は使える？");
      expect(answer.keyPoints[0]?.title).toBe("草津温泉、湯畑がライトアップ");
      expect(answer.missing).toEqual(["PayPay残高"]);
      expect(answer.notInLibrary).toEqual(["PayPay残高"]);
    } finally {
      await removeDir(bankDir);
    }
  });

  it("are none for a name written without the space an article writes, and all of one no article writes", async () => {
    const { engine: games, dir: gamesDir } = await engineWith([
      ...RANKING_ARTICLES,
      // a passage that says both apart comes first: the one that writes them together is found too
      draft("apart", "ゲーム機の話", null, "PSの新作とVitaの話。"),
      draft("vita", "PS Vitaの新色", null, "ソニーはPS Vitaの新色を発表した。値段は2万円。"),
      draft("air", "iPadと空気清浄機", null, "iPadで操作できる空気清浄機。air purifierとも呼ぶ。"),
    ]);
    try {
      const vita = games.ask("PSVitaの値段は？");
      expect(vita.keyPoints[0]?.title).toBe("PS Vitaの新色");
      expect(vita.missing).toEqual([]);
      // iPad and air are said in one passage, not one after another: iPadAir is in no article
      expect(games.ask("iPadAirの値段は？").notInLibrary).toEqual(["iPadAir"]);
    } finally {
      await removeDir(gamesDir);
    }
  });

  it("that no article says are told apart from those another article says", () => {
    // no article says 郵便局; the 高尾山 article says ケーブルカー, the 草津温泉 one does not
    const answer = engine.ask("草津温泉の郵便局とケーブルカーはどこ？");
    expect(answer.keyPoints[0]?.title).toBe("草津温泉、湯畑がライトアップ");
    expect(answer.missing).toEqual(["郵便局", "ケーブルカー"]);
    expect(answer.notInLibrary).toEqual(["郵便局"]);
    const text = answerToText(answer, { color: false });
    expect(text).toContain("※ 1 の記事に含まれない語: 「ケーブルカー」\n  ※ どの記事にも含まれない語: 「郵便局」");
    // a title says a word too: 夏山シーズン is in no passage
    const titled = engine.ask("草津温泉の夏山シーズンはいつ？");
    expect(titled.missing).toEqual(["夏山シーズン"]);
    expect(titled.notInLibrary).toEqual([]);
  });
});

describe("missing words, for a model and its number", () => {
  it("name a model whose number the article does not say with it", async () => {
    const { engine: models, dir } = await engineWith([
      draft("ps4", "PS4の発売日が決定", null, "ソニーはPS4を発表した。発売日は2月22日。5月には新作も出る。"),
    ]);
    try {
      // any article says a 5 somewhere; PS4's does not say PS5
      expect(models.ask("PS5の発売日は？").missing).toEqual(["PS5"]);
      // and no article says PS5, though one says PS and 5
      expect(models.ask("PS5の発売日は？").notInLibrary).toEqual(["PS5"]);
      // so PS4's release date does not answer it
      expect(models.ask("PS5の発売日は？").found).toBe(false);
      expect(models.ask("PS4の発売日は？").keyPoints[0]?.text).toContain("2月22日");
      expect(models.ask("PS4の発売日は？").missing).toEqual([]);
      expect(models.ask("PS 4の発売日は？").missing).toEqual([]);
    } finally {
      await removeDir(dir);
    }
  });
});

describe("a question about a name no article says", () => {
  let named: Engine;
  let namedDir: string;
  beforeAll(async () => {
    ({ engine: named, dir: namedDir } = await engineWith([
      draft(
        "mita",
        "「家政婦のミタ」最終回の視聴率は40％",
        null,
        "ドラマ「家政婦のミタ」の最終回の視聴率は40％だった。",
      ),
      draft("app", "家計簿アプリ「カケイボ」", null, "家計簿アプリ「カケイボ」は無料で使える。"),
      draft("zeta", "AQUOS PHONE ZETA SH-09Dが登場", null, "ドコモのスマートフォンSH-09Dは6月29日に発売される。"),
      draft("pko", "国連の平和維持活動", null, "国連の平和維持活動の軍事部門は水色のベレー帽をかぶる。"),
      draft("kobo", "楽天、kobo Touchを発売", null, "楽天の電子書籍リーダーkobo Touchの価格は7,980円。"),
      draft("eico", "ダイエットコーチEICOの体験談", null, "ダイエットコーチEICOさんは、昔は体重が70kgあった。"),
    ]));
  });
  afterAll(() => removeDir(namedDir));

  it("is not answered with what another subject's article says of its other words", () => {
    // no article says 半沢直樹: 「家政婦のミタ」's 40 % is no answer, however much it says of 最終回 and 視聴率
    const drama = named.ask("半沢直樹の最終回の視聴率何％だった？");
    expect(drama.found).toBe(false);
    expect(drama.keyPoints).toEqual([]);
    expect(drama.notInLibrary).toEqual(["半沢直樹"]);
    // the passages that share its other words are shown as related, and the titles as suggestions
    expect(drama.passages.map((p) => p.title)).toEqual(["「家政婦のミタ」最終回の視聴率は40％"]);
    expect(answerToText(drama, { color: false })).toContain("※ どの記事にも含まれない語: 「半沢直樹」");
    // a Latin name likewise
    expect(named.ask("ChatGPTって無料で使える？").found).toBe(false);
    // the subject the library holds is answered
    expect(named.ask("家政婦のミタの最終回の視聴率何％だった？").keyPoints[0]?.text).toContain("40％");
    expect(named.ask("SH-09Dっていつ発売？").keyPoints[0]?.text).toContain("6月29日");
  });

  it("is answered when the article says another name of the question", () => {
    // the article writes AQUOS PHONE ZETA, not アクオスフォンゼータ; SH-09D says which phone is asked about
    const phone = named.ask("アクオスフォンゼータのSH-09Dっていつ出るの？");
    expect(phone.keyPoints[0]?.text).toContain("6月29日");
    expect(phone.notInLibrary).toEqual(["アクオスフォンゼータ"]);
  });

  it("is not answered from the articles of a name that only says whose it is", () => {
    // 「kobo Clara」, 「ドコモのahamo」: the name asked about is Clara; kobo Touch's price was given for it
    const clara = named.ask("kobo Claraっていくら？");
    expect(clara.found).toBe(false);
    expect(clara.notInLibrary).toEqual(["Clara"]);
    expect(named.ask("楽天のClaraっていくら？").found).toBe(false);
    // a comma between them names two things: kobo's article says one of them
    expect(named.ask("kobo、Claraっていくら？").found).toBe(true);
    expect(named.ask("kobo Touchっていくら？").keyPoints[0]?.text).toContain("7,980円");
    // a head in kana may be the library's name in letters: EICO's article answers
    expect(named.ask("ダイエットコーチのエイコさんって昔何キロあったんだっけ").keyPoints[0]?.text).toContain("70kg");
  });

  it("tells which name only says whose another is in time linear in the question", () => {
    // each name the library holds was looked for among the question's tokens, from the start: quadratic in
    // a question of many names. Counted: the elements indexOf scans.
    const question = `${"kobo、".repeat(3_000)}Claraっていくら？`;
    const indexOf = Array.prototype.indexOf;
    let scanned = 0;
    Array.prototype.indexOf = function (this: unknown[], ...args: [unknown, number?]) {
      const at = indexOf.apply(this, args);
      scanned += at < 0 ? this.length : at + 1;
      return at;
    };
    let answer: Answer;
    try {
      answer = named.ask(question);
    } finally {
      Array.prototype.indexOf = indexOf;
    }
    expect(answer.found).toBe(true);
    expect(answer.notInLibrary).toEqual(["Clara"]);
    expect(scanned).toBeLessThan(10 * question.length);
  });

  it("is answered when the word no article says is a common noun", () => {
    // a small library lacks many common nouns (帽子): the question's other words say what it asks about
    const pko = named.ask("国連の軍事部門は何色の帽子をかぶる？");
    expect(pko.keyPoints[0]?.text).toContain("水色");
    expect(pko.notInLibrary).toEqual(["帽子"]);
  });
});
