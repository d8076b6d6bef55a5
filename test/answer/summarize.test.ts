import { beforeAll, describe, expect, it } from "vitest";
import { MAX_ANALYSED_SENTENCE, onlyAnnounces, startOf, summarize } from "../../src/answer/summarize.ts";
import { createArticle } from "../../src/article/article.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";
import { draft } from "../fixtures/ranking-articles.ts";

let tokenizer: Tokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

/** The real tokenizer, counting the characters it is given. */
function counting(inner: Tokenizer): Tokenizer & { read: number } {
  return {
    read: 0,
    tokenize(text) {
      this.read += text.length;
      return inner.tokenize(text);
    },
  };
}

describe("summarize", () => {
  it("reads only the start of a sentence without an end, and still offers it whole", () => {
    // 200,000 characters separated by 、 alone: one sentence, which kuromoji read whole at every /summary
    const endless = "鎌倉の寺院建築について調べた記録、".repeat(12_000).slice(0, 200_000);
    const article = createArticle(
      draft(
        "endless",
        "鎌倉の寺院の記録",
        null,
        "鎌倉には禅宗の寺院が多く残っている。建長寺は鎌倉五山の第一位である。",
        endless,
        "円覚寺は北鎌倉駅のすぐ近くにある。",
      ),
      { by: "test", at: new Date("2025-01-01T00:00:00Z") },
    );
    const reader = counting(tokenizer);
    const points = summarize(reader, article, { points: 4, idf: () => 1 });
    expect(reader.read).toBeLessThan(MAX_ANALYSED_SENTENCE + 1_000);
    expect(points.map((p) => p.text.length)).toContain(endless.length);
    for (const p of points) expect(article.body.slice(p.start, p.end)).toBe(p.text);
  });

  it("offers a short article's own sentences when none is long enough to be a key point", () => {
    const at = { by: "test", at: new Date("2025-01-01T00:00:00Z") };
    // a notice: every sentence under 12 characters; before, no key point at all
    const notice = createArticle(
      draft("notice", "臨時休業のお知らせ", null, "本日は休業します。", "明日は営業します。"),
      at,
    );
    expect(summarize(tokenizer, notice, { idf: () => 1 }).map((p) => p.text)).toEqual([
      "本日は休業します。",
      "明日は営業します。",
    ]);
    // a long sentence beside short ones is the key point, as before
    const mixed = createArticle(
      draft("mixed", "営業のお知らせ", null, "本日は休業します。", "明日からは通常どおり午前十時から営業いたします。"),
      at,
    );
    expect(summarize(tokenizer, mixed, { idf: () => 1 }).map((p) => p.text)).toEqual([
      "明日からは通常どおり午前十時から営業いたします。",
    ]);
    // symbols say nothing: no key point
    const symbols = createArticle(draft("symbols", "記号だけ", null, "★☆★☆★。"), at);
    expect(summarize(tokenizer, symbols, { idf: () => 1 })).toEqual([]);
  });
});

describe("key points are statements", () => {
  const at = { by: "test", at: new Date("2025-01-01T00:00:00Z") };

  it("passes over the headings, spec rows, link labels and cut lines a plain-text article keeps", () => {
    // as livedoor's text keeps them: a site's name, a link restating the headline, a heading, a spec row,
    // a sentence cut by a line break; they repeat the title's words and were picked before the sentences
    const article = createArticle(
      draft(
        "eluga",
        "パナソニック、防水スマートフォン「ELUGA power」を発表",
        null,
        "ゼロから始めるスマートフォン",
        "■パナソニック、防水スマートフォン「ELUGA power」を発表 | ゼロから始めるスマートフォン",
        "パナソニックは防水に対応したスマートフォン「ELUGA power」を発表しました。",
        "■ELUGA powerの主な仕様",
        "本体価格：53,760円（ELUGA power）",
        "ELUGA powerは5インチの大画面に、",
        "防水スマートフォンとしては大容量の電池を搭載しています。",
        "発売は7月下旬の予定で、価格は5万円台になる見込みです。",
      ),
      at,
    );
    expect(summarize(tokenizer, article, { idf: () => 1 }).map((p) => p.text)).toEqual([
      "パナソニックは防水に対応したスマートフォン「ELUGA power」を発表しました。",
      "防水スマートフォンとしては大容量の電池を搭載しています。",
      "発売は7月下旬の予定で、価格は5万円台になる見込みです。",
    ]);
  });

  it("counts a sentence ending on a predicate without 。, and a quote, as statements", () => {
    const article = createArticle(
      draft(
        "quotes",
        "新機種の評判",
        "2012-06-01",
        "■新機種の評判について街で聞いた",
        "新機種を手にした人の多くが画面の大きさに驚いている",
        "「電池が一日もつのがうれしい」",
        "評判の新機種の画面サイズ：5インチ",
      ),
      at,
    );
    expect(summarize(tokenizer, article, { points: 2, idf: () => 1 }).map((p) => p.text)).toEqual([
      "新機種を手にした人の多くが画面の大きさに驚いている",
      "「電池が一日もつのがうれしい」",
    ]);
  });

  it("reads a sentence's end past the laughs, emoticons and marks after it", () => {
    const article = createArticle(
      draft(
        "laughs",
        "新機種を使ってみた",
        null,
        "・【レビュー】新機種を使ってみた",
        "新機種の画面が本当に楽しかったです（笑）",
        "新機種はどこでも絶対に持って行きたいｗｗ",
        "新機種は2012年7月19日に発売しました(^^)",
        "まさか新機種がこんなに軽いとは思わなかった……",
        "新機種のカメラが大好きです♪",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { points: 5, idf: () => 1 }).map((p) => p.text);
    // the related link's label, on a verb after a list mark, is left for when no statement is
    expect(points).not.toContain("・【レビュー】新機種を使ってみた");
    expect(points).not.toContain("【レビュー】新機種を使ってみた");
    expect(points).toHaveLength(5);
  });

  it("ends a sentence on 。！？‼ and a period, not on the marks of a caption", () => {
    const article = createArticle(
      draft(
        "marks",
        "新製品の評判",
        null,
        "新製品のデザインと評判★",
        "新製品のデザインが大評判‼",
        "新製品のカメラの画質が評判です♪",
        "新製品の発表会の会場の様子...",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { points: 2, idf: () => 1 }).map((p) => p.text);
    expect(points).toEqual(["新製品のデザインが大評判‼", "新製品のカメラの画質が評判です♪"]);
  });

  it("reads the end of a one-line sentence of a megabyte in its last characters", () => {
    // brackets without a word between them: a pattern read from every ( to the end would be quadratic
    const article = createArticle(draft("brackets", "括弧だらけ", null, `説明です${"(".repeat(1_000_000)}`), at);
    expect(summarize(tokenizer, article, { idf: () => 1 })).toHaveLength(1);
  });

  it("still gives as many key points as asked when statements run out", () => {
    const article = createArticle(
      draft(
        "specs",
        "新型ノートPCの仕様",
        null,
        "新型ノートPCは軽さが特長の一台です。",
        "OS：Windows 7 Home Premium 64bit",
        "CPU：インテル Core i5-2467M プロセッサー",
        "メモリー：4GB（DDR3 SDRAM）",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { points: 3, idf: () => 1 }).map((p) => p.text);
    expect(points).toHaveLength(3);
    expect(points).toContain("新型ノートPCは軽さが特長の一台です。");
  });
});

describe("a key point is shown as a point of its own", () => {
  const at = { by: "test", at: new Date("2025-01-01T00:00:00Z") };

  it("leaves out the list mark a line of the article opens with: the renderer draws its own 「・」", () => {
    // livedoor 6aef3af7d2a6 showed 「・・ソフトウェア更新（ダウンロード、…）には時間がかかる場合があります。」
    const article = createArticle(
      draft(
        "marks",
        "ソフトウェア更新の提供開始",
        null,
        "NTTドコモはスマートフォンのソフトウェア更新を開始しました。",
        "・ソフトウェア更新（ダウンロード、更新ファイルのインストール）には時間がかかる場合があります。",
        "※ 更新中は電話の発信や着信ができません。",
        "●　本機の状況によっては保存されているデータが消える場合があります。",
        "- 更新の前にデータをバックアップしてください。",
        "＊更新は無料で行うことができます。",
        "→更新の手順は取扱説明書をご確認ください。",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { points: 10, idf: () => 1 });
    expect(points.map((p) => p.text)).toEqual([
      "NTTドコモはスマートフォンのソフトウェア更新を開始しました。",
      "ソフトウェア更新（ダウンロード、更新ファイルのインストール）には時間がかかる場合があります。",
      "更新中は電話の発信や着信ができません。",
      "本機の状況によっては保存されているデータが消える場合があります。",
      "更新の前にデータをバックアップしてください。",
      "更新は無料で行うことができます。",
      "更新の手順は取扱説明書をご確認ください。",
    ]);
    // where the point lies in the article is where its words are, after the mark
    for (const p of points) expect(article.body.slice(p.start, p.end)).toBe(p.text);
    // ranked among more sentences than asked for, too; a number (「1.」) is no mark: the summary does not number
    const ranked = summarize(tokenizer, article, { points: 3, idf: () => 1 });
    for (const p of ranked) expect(p.text).toMatch(/^[^・※●＊→\s-]/u);
    const numbered = createArticle(
      draft(
        "numbered",
        "手順",
        null,
        "1）設定画面からソフトウェア更新を選択してください。",
        "(2)画面の案内に従って更新を開始してください。",
      ),
      at,
    );
    expect(summarize(tokenizer, numbered, { idf: () => 1 }).map((p) => p.text)).toEqual([
      "1）設定画面からソフトウェア更新を選択してください。",
      "(2)画面の案内に従って更新を開始してください。",
    ]);
  });

  it("does not offer a sentence that announces a list it does not show", () => {
    // livedoor 4c8637cd1b58 ended on 「・ケータイアップデートにて以下の事象が改善されます。」 and nothing after it:
    // its list is long, and broken by notes
    const article = createArticle(
      draft(
        "announces",
        "スマートフォン6機種にケータイアップデート",
        null,
        "KDDIはスマートフォン6機種にケータイアップデートの提供を開始したと発表しました。",
        "ケータイアップデートにて以下の事象が改善されます。",
        "1. Wi-Fiの品質を向上します (注1)",
        "注1) 詳細はサポートページをご参照ください。",
        "2. 非対応のメモリカードを取り付けると、メモリカード内のデータが破損します",
        "3. SMS受信時の表示不具合が改善されます。",
        "4. 充電できない場合があります。",
        "ケータイアップデートにかかる時間は機種によって異なり、最大で約70分です。",
        "ケータイアップデートはWi-Fi通信では実施することができません。",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { idf: () => 1 }).map((p) => p.text);
    expect(points).toHaveLength(3);
    for (const p of points) expect(p).not.toMatch(/以下の事象/u);
    // a list whose item announces a list of its own (livedoor 25fd38c30372)
    const nested = createArticle(
      draft(
        "nested",
        "ゲーム機のシステムソフトウェア更新",
        null,
        "ソニーはゲーム機のシステムソフトウェア更新を開始したと発表しました。",
        "また、ソフトウェア更新における注意点として以下のようなこともご注意ください。",
        "● システムソフトウェア更新を実行する場合は、以下の条件を満たしている必要があります。",
        "・ゲーム機本体がインターネットに接続されていること",
        "・本体の保存領域に十分な空きがあること",
        "システムソフトウェア更新にかかる時間は約10分です。",
        "更新の後はゲーム機の再起動が必要になります。",
      ),
      at,
    );
    const shown = summarize(tokenizer, nested, { idf: () => 1 }).map((p) => p.text);
    for (const p of shown) expect(p).not.toMatch(/以下のようなこと/u);
    // the item, with the list it announces, is a point as any other
    for (const p of shown.filter((p) => p.includes("以下の条件"))) expect(p).toMatch(/空きがあること$/u);
  });

  it("shows a short list with the sentence that announces it, as one point", () => {
    const article = createArticle(
      draft(
        "short-list",
        "タブレットにソフトウェア更新",
        null,
        "ソニーはタブレットのソフトウェア更新を提供開始したと発表しました。",
        "今回の更新でアップデートされる内容は主に以下の3点です。",
        "1. 最適化によるパフォーマンスの向上",
        "2. ファイル管理アプリのプリインストール",
        "3. ホーム画面でアイコンを重ねてアプリをまとめる機能の追加",
        "ソフトウェア更新にかかる時間は約10分です。",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { points: 10, idf: () => 1 });
    const shown =
      "今回の更新でアップデートされる内容は主に以下の3点です。 1. 最適化によるパフォーマンスの向上 " +
      "2. ファイル管理アプリのプリインストール 3. ホーム画面でアイコンを重ねてアプリをまとめる機能の追加";
    expect(points.map((p) => p.text)).toEqual([
      "ソニーはタブレットのソフトウェア更新を提供開始したと発表しました。",
      shown,
      "ソフトウェア更新にかかる時間は約10分です。",
    ]);
    // the point spans the announcement and its list in the article
    const list = points[1];
    expect(article.body.slice(list?.start, list?.end).replace(/\s+/gu, " ")).toBe(shown);
    // a note before the list (livedoor 600194c19f44) is no list of one item: nothing is shown as the list
    const note = createArticle(
      draft(
        "note",
        "アカウントの不正使用に注意",
        null,
        "掲示板でアカウントを不正に使用されたという書き込みが話題になっている。",
        "このユーザーは自身の経験を踏まえて以下の不正使用対策を書き込んでいる。",
        "※ アカウントの不正使用は他人事ではありません",
        "・必要な時だけクレジットカードを登録する",
        "・プリペイドカードで最低限だけチャージする",
        "被害にあった場合はすぐにカード会社へ連絡することが大切だ。",
      ),
      at,
    );
    for (const p of summarize(tokenizer, note, { points: 10, idf: () => 1 })) {
      expect(p.text).not.toMatch(/以下の不正使用対策を書き込んでいる。 /u);
    }
    // a list whose items each have their text after them (livedoor 35d06e0251ed) is no list of one item
    const explained = createArticle(
      draft(
        "explained",
        "Wi-Fiの品質向上",
        null,
        "auはスマートフォンのWi-Fiの品質を向上するソフトウェア更新を提供する。",
        "Wi-Fiの品質向上の内容については以下のようになります。",
        "1）Wi-Fiをオン設定した時の電池もち向上",
        "Wi-Fiを常にオンにした設定で利用できるように、接続時の消費電力を最適化しています。",
        "これにより、Wi-Fiをオンにしたままでも電池が長持ちします。",
        "なお、効果は利用環境によって異なります。",
        "機種によっては効果が小さい場合があります。",
        "2）3G通信からWi-Fi通信への切り替え完了までの待ち時間を短縮",
        "切り替え処理を最適化し、切り替え完了までの時間を短縮しています。",
      ),
      at,
    );
    for (const p of summarize(tokenizer, explained, { points: 10, idf: () => 1 })) {
      expect(p.text).not.toMatch(/以下のようになります。 /u);
    }
  });

  it("tells a sentence that only announces what follows from one that says 以下 or 次 otherwise", () => {
    for (const announces of [
      "ケータイアップデートにて以下の事象が改善されます。",
      "増額後の割引額は以下のとおりです。",
      "なお、すでにプラチナバンドに対応している機種は以下の通り。",
      "Twitter上では、下記のコメントが寄せられている。",
      "吉田社長は、第三世代のCore iシリーズに関して次のように語った。",
      "本判決に関し、同社代表取締役は、次の通りコメントしている。",
      "行動パターンは次の16個あるそうです。",
      "・次の場合はソフトウェアを更新できません。",
      "「お気に入り」機能の使い方を知りたい方は以下の記事もチェックしてみてください！",
      "リニューアルによる変更点は以下の通り：",
    ]) {
      expect(onlyAnnounces(announces), announces).toBe(true);
    }
    for (const says of [
      "ネット上の人気サービスが、15歳以下の利用を大幅に規制した。",
      "調査対象は週2回以下のペースでランニングをしている927人。",
      "価格は5％以下の値上げにとどまる見込みです。",
      "今後はこれ以下のクラスの製品が続々と投入される予定になっている。",
      "次の週末に販売スタートする予定です☆",
      "何もなかったかのように次の話題へと移った。",
      "更新で修正される不具合は以下の1点のみで、更新にかかる時間は約4分です。",
      "キャンペーンサイト（以下のQRコードからもアクセス可能）から応募した人。",
    ]) {
      expect(onlyAnnounces(says), says).toBe(false);
    }
  });
});

describe("startOf", () => {
  it("cuts a text's start to a length, one unit short rather than split a surrogate pair", () => {
    expect(startOf("吉野𠮷家", 2)).toBe("吉野");
    expect(startOf("吉野𠮷家", 3)).toBe("吉野");
    expect(startOf("吉野𠮷家", 4)).toBe("吉野𠮷");
    expect(startOf("𠮷", 1)).toBe("");
    expect(startOf("吉野", 5)).toBe("吉野");
  });
});
