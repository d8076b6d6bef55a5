import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/text/sentences.ts";

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe("splitSentences", () => {
  it.each<[string, string, string[]]>([
    ["句点で分ける", "今日は晴れ。明日は雨。", ["今日は晴れ。", "明日は雨。"]],
    ["感嘆符と疑問符の連続は一つの終わり", "本当か！？そうだ。", ["本当か！？", "そうだ。"]],
    [
      "かぎ括弧の中の句点では分けない",
      "彼は「行く。帰る。」と言った。次へ。",
      ["彼は「行く。帰る。」と言った。", "次へ。"],
    ],
    ["句点で終わる引用の後に文が続かなければ分ける", "「行く。」翌日、出発した。", ["「行く。」", "翌日、出発した。"]],
    [
      "二重かぎ括弧も一まとまり",
      "『吾輩は猫である。名前はまだ無い。』は小説だ。",
      ["『吾輩は猫である。名前はまだ無い。』は小説だ。"],
    ],
    ["閉じない括弧は残りの文章を飲み込まない", "「閉じない。次の文。最後。", ["「閉じない。", "次の文。", "最後。"]],
    ["改行は常に文の区切り", "見出し\n本文です。", ["見出し", "本文です。"]],
    ["小数点では分けない", "Xen 3.0が出た。", ["Xen 3.0が出た。"]],
    [
      "全角の小数点とアドレスでも分けない",
      "下り最大１４．４Ｍｂｐｓ。ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ を見よ．次",
      ["下り最大１４．４Ｍｂｐｓ。", "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ を見よ．", "次"],
    ],
    ["全角ピリオドは数字の後でも文を終える", "手順は１．次は２．", ["手順は１．", "次は２．"]],
    ["英文のピリオドは空白の前で区切る", "It works. 日本語。", ["It works.", "日本語。"]],
    ["句点の後の閉じ括弧は前の文に属する", "（注意。）次。", ["（注意。）", "次。"]],
    ["文の間の空白は文に含めない", "一。　二。", ["一。", "二。"]],
    [
      "読点が続けば感嘆符でも文は続く",
      "Google、Yahoo!、bingの翻訳を比べる。本当？、と聞いた。",
      ["Google、Yahoo!、bingの翻訳を比べる。", "本当？、と聞いた。"],
    ],
    [
      "英字に挟まれた ! ? は名前やアドレスの一部",
      "Yahoo!JAPANで見た。details?id=1 を開く。",
      ["Yahoo!JAPANで見た。", "details?id=1 を開く。"],
    ],
    [
      "英字の後の ! に助詞が続けば名前の一部",
      "Yahoo!で検索した。Yahoo！JAPANのトップ。",
      ["Yahoo!で検索した。", "Yahoo！JAPANのトップ。"],
    ],
    [
      "アドレスのパスの後の ? はクエリの始まり",
      "http://example.com/?p=123 を開く。",
      ["http://example.com/?p=123 を開く。"],
    ],
    ["英字の後でも続かなければ文の終わり", "最高だOK!次の文。Hi! Yes.", ["最高だOK!", "次の文。", "Hi!", "Yes."]],
    [
      "英字の後の ! には助詞がどれでも続く",
      "Yahoo!もGoogleも。Yahoo!や楽天で。Yahoo!って何？Yahoo！で検索。",
      ["Yahoo!もGoogleも。", "Yahoo!や楽天で。", "Yahoo!って何？", "Yahoo！で検索。"],
    ],
    [
      "助詞で始まるように見える書き出し、? の後は文の始まり",
      "テーマはGoogle！では早速。優勝はJapan！とても嬉しい。次はAmazon!もっと安い。What's up?とても元気です。",
      [
        "テーマはGoogle！",
        "では早速。",
        "優勝はJapan！",
        "とても嬉しい。",
        "次はAmazon!",
        "もっと安い。",
        "What's up?",
        "とても元気です。",
      ],
    ],
    [
      "長い引用の後の引用も一まとまり",
      `社長は「${"あ".repeat(600)}」と述べた。さらに「これは重要だ。本当に重要だ。」と話した。`,
      [`社長は「${"あ".repeat(600)}」と述べた。`, "さらに「これは重要だ。本当に重要だ。」と話した。"],
    ],
    [
      "次の文の書き出しは助詞に見えても文の始まり",
      "第3位はiPhone 5！では第2位は？これはver2!やはり速い。勝者はA!はい、次。Mac？Windows？",
      [
        "第3位はiPhone 5！",
        "では第2位は？",
        "これはver2!",
        "やはり速い。",
        "勝者はA!",
        "はい、次。",
        "Mac？",
        "Windows？",
      ],
    ],
    ["空文字列は文なし", "", []],
    ["句読点のない文章は一文", "句読点のない文章", ["句読点のない文章"]],
  ])("%s: %j", (_why, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it("returns spans that are the sentences' place in the source", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        let last = 0;
        for (const sentence of splitSentences(s)) {
          expect(s.slice(sentence.start, sentence.end)).toBe(sentence.text);
          expect(sentence.start).toBeGreaterThanOrEqual(last);
          expect(sentence.text.trim()).not.toBe("");
          last = sentence.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("loses nothing but whitespace", () => {
    const s = "甲は「乙。」と言った。丙！？ 丁\n戊。";
    expect(texts(s).join("")).toBe(s.replace(/\s/gu, ""));
  });
});

describe("splitSentences, on brackets that never close", () => {
  it("reads a run of closers without openers in one pass", () => {
    const text = `${"「".repeat(100_000)}${"）".repeat(100_000)}。次の文。`;
    expect(splitSentences(text).at(-1)?.text).toBe("次の文。");
  }, 3000);
});
