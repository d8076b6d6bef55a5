import { describe, expect, it } from "vitest";
import { markdownToText } from "../../src/ingest/markdown-to-text.ts";

describe("markdownToText", () => {
  it("takes the first # heading as title, other headings as ■ lines, and joins soft-wrapped lines", () => {
    const md = [
      "# 新しい図書館が開館",
      "",
      "市立図書館が4月1日に開館した。",
      "蔵書は**約20万冊**で、[公式サイト](https://example.jp)で検索できる。",
      "",
      "## 利用時間",
      "",
      "- 平日は9時から20時",
      "- 土日は9時から17時",
      "",
      "![外観](photo.jpg)",
      "The building was designed",
      "by a local architect.",
    ].join("\n");
    expect(markdownToText(md)).toEqual({
      title: "新しい図書館が開館",
      text: [
        // Japanese lines are joined without a space
        "市立図書館が4月1日に開館した。蔵書は約20万冊で、公式サイトで検索できる。",
        "■ 利用時間",
        "平日は9時から20時",
        "土日は9時から17時",
        // Latin words are joined with one
        "The building was designed by a local architect.",
      ].join("\n"),
    });
  });

  it("drops a heading's closing #s, but not a # that ends its text", () => {
    expect(markdownToText("# C#\n\n## 利用時間 ##\n\n本文").text).toBe("■ 利用時間\n本文");
    expect(markdownToText("# C#\n\n本文").title).toBe("C#");
    expect(markdownToText("# 見出し #\n\n本文").title).toBe("見出し");
  });

  it("reads lines made to backtrack, in one pass each", () => {
    // Patterns that backtracked took 77 s on a heading of 5,000 spaces, 10 s on 50,000 「*a 」
    const spaces = " ".repeat(20_000);
    expect(markdownToText(`# a${spaces}x\n\n本文`).title).toBe(`a${spaces}x`);
    expect(markdownToText(`---\ntitle: a${spaces}x\n---\n本文`).title).toBe(`a${spaces}x`);
    expect(markdownToText("*a ".repeat(20_000)).text).toBe("*a ".repeat(20_000).trim());
    expect(markdownToText("[a](".repeat(20_000)).text).toBe("[a](".repeat(20_000));
    const hashes = "#".repeat(20_000);
    expect(markdownToText(`# ${hashes}x\n\n本文`).title).toBe(`${hashes}x`);
    expect(markdownToText("a\n".repeat(20_000)).text).toBe(Array(20_000).fill("a").join(" "));
  });

  it("keeps a link's text when its address holds parentheses", () => {
    expect(markdownToText("[項目](https://ja.wikipedia.org/wiki/Foo_(bar)) です").text).toBe("項目 です");
    expect(markdownToText("![図](https://example.jp/Foo_(bar).png) 画像").text).toBe("画像");
  });

  it("reads a title from front matter and keeps code as text", () => {
    const md = '---\ntitle: "設定の手引き"\n---\n\n設定ファイルは次のとおり。\n\n```\nport: 8080\n```\n';
    expect(markdownToText(md)).toEqual({ title: "設定の手引き", text: "設定ファイルは次のとおり。\nport: 8080" });
  });
});
