import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type ArticleDraft, createArticle } from "../../src/article/article.ts";
import { Engine } from "../../src/engine.ts";

/**
 * A small corpus for the bot's tests: short Japanese articles written for these tests (no third-party
 * text), plus one built to overflow every Discord limit.
 */

function draft(title: string, url: string, publishedAt: string, paragraphs: readonly string[]): ArticleDraft {
  return {
    title,
    url,
    publisher: "しおりテスト通信",
    author: null,
    publishedAt,
    sourceFormat: "text",
    blocks: paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    captions: [],
    links: [],
    related: [],
  };
}

export const FUJI = draft("富士山の登山シーズンと準備", "https://example.com/fuji", "2024-06-20T09:00:00+09:00", [
  "富士山の登山シーズンは、例年7月上旬から9月上旬までです。この期間は山小屋が営業し、各登山道も開通します。",
  "山梨県側の吉田ルートは、登山者がもっとも多いルートです。五合目まではバスで行くことができ、山小屋の数も多くあります。",
  "山頂付近の気温は、夏でも5度前後まで下がります。天気が急に変わることもあるため、防寒着と雨具が欠かせません。",
  "高山病を防ぐには、ゆっくり登り、こまめに水分をとることが大切です。頭痛や吐き気を感じたら、無理をせずに下山しましょう。",
]);

export const TEA = draft("茶道の歴史と千利休", "https://example.com/sado", "2024-05-10T09:00:00+09:00", [
  "茶道は、湯を沸かして茶をいれ、客をもてなす日本の伝統文化です。道具の選び方や部屋のしつらえにも決まりがあります。",
  "わび茶を大成したのは、16世紀の茶人である千利休です。利休は堺の商人の家に生まれ、若いころから茶の湯を学びました。",
  "利休は織田信長と豊臣秀吉に茶頭として仕えましたが、1591年に秀吉から切腹を命じられ、その生涯を終えました。",
  "現在の表千家、裏千家、武者小路千家の三つの流派は、利休の子孫が受け継いだもので、三千家と呼ばれています。",
]);

export const MORPHOLOGY = draft("形態素解析の基礎", "https://example.com/morphology", "2024-04-01T09:00:00+09:00", [
  "形態素解析とは、文を意味をもつ最小の単位である形態素に分け、それぞれの品詞を判定する処理のことです。",
  "日本語は単語の間に空白を入れずに書くため、日本語の検索エンジンでは形態素解析が欠かせない前処理になっています。",
  "代表的な形態素解析器には MeCab や kuromoji があり、どちらも IPADIC などの辞書を使って単語を見分けます。",
]);

export const LIBRARY = draft("図書館の本の分類", "https://example.com/ndc", "2024-03-15T09:00:00+09:00", [
  "日本の多くの公共図書館は、日本十進分類法（NDC）という方法で本を分類し、棚に並べています。",
  "NDCでは知識の全体を0から9までの十の類に分けます。たとえば4類は自然科学、9類は文学の本です。",
  "本の背に貼られたラベルの数字は、この分類番号を表しています。数字を見れば、どの棚に戻せばよいかが分かります。",
]);

/** Twelve passages about temples: one article, so one result of /search (the first of TEMPLE_WALKS' pages). */
export const KAMAKURA = draft("鎌倉の寺めぐり", "https://example.com/kamakura", "2024-02-01T09:00:00+09:00", [
  "建長寺は鎌倉五山の第一位とされる禅寺で、1253年に創建されました。広い境内には三門や仏殿が並んでいます。参拝の時間は寺ごとに異なります。",
  "円覚寺は1282年に北条時宗が創建した禅寺です。北鎌倉駅のすぐ近くにあり、国宝の舎利殿で知られています。参拝の時間は寺ごとに異なります。",
  "長谷寺は大きな十一面観音像で知られる寺です。境内からは由比ヶ浜の海を見渡すことができ、季節の花も楽しめます。参拝の時間は寺ごとに異なります。",
  "明月院はあじさいの名所として知られる寺で、梅雨の時期には多くの人が訪れます。丸い窓のある本堂も有名です。参拝の時間は寺ごとに異なります。",
  "報国寺は竹の庭で知られる寺です。竹林を眺めながら抹茶をいただくことができ、静かな時間を過ごせる場所です。参拝の時間は寺ごとに異なります。",
  "浄智寺は鎌倉五山の第四位とされる寺で、緑の多い落ち着いた境内が魅力です。鐘楼を兼ねた山門が目を引きます。参拝の時間は寺ごとに異なります。",
  "東慶寺はかつて縁切り寺と呼ばれた寺で、多くの女性を救ってきた歴史があります。今は花の寺としても親しまれています。参拝の時間は寺ごとに異なります。",
  "光明寺は浄土宗の大本山で、材木座海岸の近くにある大きな寺です。秋には十夜法要という行事が行われています。参拝の時間は寺ごとに異なります。",
  "杉本寺は鎌倉でもっとも古い寺といわれ、苔むした石段が印象的です。石段は傷みやすいため、今は通行が禁止されています。参拝の時間は寺ごとに異なります。",
  "寿福寺は鎌倉五山の第三位とされる寺です。参道の石畳と木々が美しく、裏手の墓地には歴史上の人物が眠っています。参拝の時間は寺ごとに異なります。",
  "英勝寺は鎌倉で唯一の尼寺で、竹林や季節の花が美しい寺です。江戸時代の建物がいくつも残っていることでも知られます。参拝の時間は寺ごとに異なります。",
  "極楽寺は、江ノ電の駅の名前にもなっている寺です。駅から歩いてすぐで、春には境内の桜が見ごろを迎えます。参拝の時間は寺ごとに異なります。",
]);

/**
 * Seven more articles that mention temples (寺) without it in their titles, so that a search for 寺
 * finds eight articles, two pages of /search, while autocomplete on 寺 still offers one title.
 */
export const TEMPLE_WALKS = [
  [
    "京都の朝さんぽ",
    "2023-11-01",
    "朝の京都では、寺の門が開く前から掃除の音が聞こえます。静かな境内を歩くなら早起きがいちばんです。",
  ],
  [
    "奈良の鹿と公園",
    "2023-10-01",
    "奈良公園の鹿は、寺の参道にも当たり前のように現れます。鹿せんべいは売店で買うことができます。",
  ],
  [
    "日光の紅葉の見ごろ",
    "2023-09-01",
    "日光の紅葉は十月中旬が見ごろです。山の上から色づき始め、寺や神社の周りの木々が最後に赤くなります。",
  ],
  [
    "高野山の宿坊に泊まる",
    "2023-08-01",
    "高野山では寺に泊まる宿坊が人気です。精進料理を味わい、朝のお勤めに参加することもできます。",
  ],
  [
    "金沢の茶屋街を歩く",
    "2023-07-01",
    "金沢のひがし茶屋街の近くには、小さな寺が集まる寺町があります。古い町並みと合わせて歩くと楽しめます。",
  ],
  [
    "御朱印の集め方",
    "2023-06-01",
    "御朱印は寺や神社でいただく印です。御朱印帳を用意し、参拝を済ませてからお願いするのが作法です。",
  ],
  [
    "除夜の鐘の由来",
    "2023-05-01",
    "大みそかの夜、寺では除夜の鐘を百八回つきます。人の煩悩の数が百八あるという考えにもとづいています。",
  ],
].map(([title, date, text]) =>
  draft(title as string, `https://example.com/walk/${date}`, `${date}T09:00:00+09:00`, [text as string]),
);

/** 👨‍👩‍👧‍👦: one grapheme, eleven UTF-16 units; a cut inside it would leave half an emoji. */
export const FAMILY = "👨‍👩‍👧‍👦";

/**
 * An article whose every part overflows Discord's limits: a title of 500 characters full of markdown,
 * mentions and emoji, a publisher of 4,200, a URL of 1,500, and one sentence of 7,000; emoji sequences
 * recur so that cuts fall next to them.
 */
export const OVERFLOW = draft(
  "**オーバーフロー検証** @everyone <@123456789012345678> ".repeat(8).replaceAll(" ", FAMILY),
  `https://example.com/overflow/${"a".repeat(1500)}`,
  "2024-01-01T09:00:00+09:00",
  [
    `オーバーフロー検証の本文は、${`仮想化の説明と**強調**と@everyoneと<@123456789012345678>と\`コード\`${FAMILY}、`.repeat(110)}という長い一文です。`,
    `オーバーフロー検証の二つ目の段落も、${"||ネタバレ||や# 見出し、".repeat(150)}まだ続きます。`,
  ],
);
export const OVERFLOW_PUBLISHER = `出版社${FAMILY}`.repeat(300);

export const ARTICLES = [
  FUJI,
  TEA,
  MORPHOLOGY,
  LIBRARY,
  KAMAKURA,
  ...TEMPLE_WALKS,
  { ...OVERFLOW, publisher: OVERFLOW_PUBLISHER },
];

/** A fresh corpus folder with the test articles, and the engine open on it. */
export async function openTestEngine(): Promise<{ engine: Engine; corpusDir: string }> {
  const corpusDir = await mkdtemp(path.join(os.tmpdir(), "shiori-bot-test-"));
  const engine = await Engine.open({ corpusDir });
  const at = new Date("2024-07-01T00:00:00Z");
  await engine.putAll(ARTICLES.map((d) => createArticle(d, { by: "test", at })));
  return { engine, corpusDir };
}
