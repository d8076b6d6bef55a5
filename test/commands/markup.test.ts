import { describe, expect, it } from "vitest";
import { memberWords, messageWords, withoutMarkup } from "../../commands/markup.ts";

/** Discord's markup taken out of what members type (withoutMarkup) or point at (messageWords). */

const MEMBER = "<@1400000000000000001>";

describe("withoutMarkup", () => {
  it.each([
    // mentions of a member (with the nickname form), a role, a channel: ids, never words
    // a member is addressed with an honorific and a comma, which go with the mention
    [`${MEMBER} さん、富士山は？`, "富士山は？"],
    [`${MEMBER}くん ${MEMBER}様, 寺`, "寺"],
    // before a particle too; but an honorific that starts a word is the word's: さんま, 様式美, 殿堂, 氏名,
    // ちゃんぽん, ちゃんと; and 君 stays, as in 君が代, where が is a particle
    [`${MEMBER}さんの記事、${MEMBER}先生は？`, "の記事、 は？"],
    [`${MEMBER}さんま の旬は？`, "さんま の旬は？"],
    [`${MEMBER}様式美とは？`, "様式美とは？"],
    // before a word in kanji, katakana or letters, as autocomplete leaves it, and before って
    [`${MEMBER} さん教えてください、iPhone5の発売日は？`, "教えてください、iPhone5の発売日は？"],
    [`${MEMBER}さん富士山は？`, "富士山は？"],
    [`${MEMBER}くんってさ、富士山は？`, "ってさ、富士山は？"],
    [`${MEMBER}先生iPhoneは？`, "iPhoneは？"],
    [`${MEMBER}様子はどう？`, "様子はどう？"],
    [`${MEMBER}殿堂入りした選手は？`, "殿堂入りした選手は？"],
    [`${MEMBER}氏名の書き方`, "氏名の書き方"],
    [`${MEMBER}ちゃんぽんの作り方、${MEMBER}ちゃんと`, "ちゃんぽんの作り方、 ちゃんと"],
    [`${MEMBER} 君が代の歌詞`, "君が代の歌詞"],
    // (but 皆さん is a word of its own)
    ["<@&1260000000000000001>の皆さん", "の皆さん"],
    ["<@!1400000000000000001>と<@&1260000000000000001>と<#1250000000000000001>の茶道", "と と の茶道"],
    // a server's emoji, still or animated: nothing kept, not even its name
    ["<:fuji:123456789012345678> 富士山 <a:dance:223456789012345678>", "富士山"],
    // a date in each reader's zone, with or without its style
    ["<t:1700000000:F> 富士山 <t:1700000000>", "富士山"],
    // a command, with a sub-command (its name has a space)
    ["</ask:1300000000000000001> と </article add:1300000000000000002>", "と"],
    ["<id:guide> 寺", "寺"],
    ["富士山 @everyone @here", "富士山"],
    ["@everyone@here@everyone 富士山", "富士山"],
    // nothing to take out: given back as typed (trimmed), its spaces kept
    ["  寺  と  茶  ", "寺  と  茶"],
    // not markup: an address written like a mention in words, an id without its brackets, an @everyone inside a word
    ["<@名前> 1400000000000000001 @everyoneelse", "<@名前> 1400000000000000001 @everyoneelse"],
    // nor one in an address
    ["user@everyone.com と a.@here", "user@everyone.com と a.@here"],
    // links, code and spoilers are a message's (messageWords); a spoiler's bars the analysis drops
    ["`寺` https://example.com ||千利休||", "`寺` https://example.com ||千利休||"],
  ])("%j → %j", (text, words) => {
    expect(withoutMarkup(text)).toBe(words);
  });

  it("is stable: what it leaves has nothing more to take out, even where taking out made a mention whole", () => {
    // taking out <@1> leaves </article add:2>, a command mention, which goes too
    expect(withoutMarkup("</article <@1>add:2> 寺")).toBe("寺");
    for (const text of ["<<@1>@2> 寺", `${MEMBER}${MEMBER}寺`, "< @1> 寺"]) {
      expect(withoutMarkup(withoutMarkup(text))).toBe(withoutMarkup(text));
    }
  });
});

describe("messageWords", () => {
  it.each([
    // a link shared is no keyword; a masked link keeps its text
    ["富士山 https://example.com/abc?x=1 の記事 <https://example.com/b>", "富士山 の記事"],
    ["[富士山](https://example.com/fuji)と[茶道](<https://example.com/sado>)", "富士山 と 茶道"],
    // a link ends where ASCII does: written into a sentence, it takes none of it
    ["富士山はhttps://example.com。標高は？", "富士山は 。標高は？"],
    ["富士山（https://example.com）の標高", "富士山（ ）の標高"],
    ["[資料](https://example.com、富士山の高さ(m)", "[資料]( 、富士山の高さ(m)"],
    // a masked link's URL may be written in Japanese, as Wikipedia's are
    ["詳しくは[富士山の記事](https://ja.wikipedia.org/wiki/富士山)を見て", "詳しくは 富士山の記事 を見て"],
    // code keeps its text, not its fences nor the language named after the opening one
    ["```\n富士山の登山\n```", "富士山の登山"],
    ["```富士山の登山```", "富士山の登山"],
    ["```js\nconst 富士山 = 1;\n```", "const 富士山 = 1;"],
    ["`寺` と ``茶`道``", "寺 と 茶 道"],
    // and withoutMarkup's
    [`${MEMBER} <:fuji:123456789012345678> <t:1700000000:F> 寺`, "寺"],
    [MEMBER, ""],
  ])("%j → %j", (text, words) => {
    expect(messageWords(text)).toBe(words);
  });
});

describe("memberWords", () => {
  const refusals = { blank: "空です", onlyMarkup: "マークアップだけです" };

  it("gives back the words, cut to the limit after the markup is out", () => {
    expect(memberWords(`  ${MEMBER} 寺  `, refusals)).toBe("寺");
    expect(() => memberWords(`${MEMBER} さん`, refusals)).toThrow("マークアップだけです");
    expect(memberWords(`${MEMBER}${"寺".repeat(10)}`, refusals, { limit: 4 })).toBe("寺寺寺寺");
    expect(memberWords("寺\ud800", refusals)).toBe("寺\ufffd");
  });

  it("refuses what shows nothing as blank, and what shows only markup as such", () => {
    expect(() => memberWords(" \u200b ", refusals)).toThrow("空です");
    expect(() => memberWords(MEMBER, refusals)).toThrow("マークアップだけです");
    // what markup leaves without a letter or digit (a spoiler's bars, a quote's >) says nothing either
    expect(() => memberWords(`||${MEMBER}||`, refusals)).toThrow("マークアップだけです");
    expect(() => memberWords(`> ${MEMBER}`, refusals)).toThrow("マークアップだけです");
    expect(() => memberWords("https://example.com", refusals, { clean: messageWords })).toThrow("マークアップだけです");
    // without markup, symbols alone are searched as before (and find nothing)
    expect(memberWords("？？", refusals)).toBe("？？");
  });
});
