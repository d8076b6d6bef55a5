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

  it("reads a title from front matter and keeps code as text", () => {
    const md = '---\ntitle: "設定の手引き"\n---\n\n設定ファイルは次のとおり。\n\n```\nport: 8080\n```\n';
    expect(markdownToText(md)).toEqual({ title: "設定の手引き", text: "設定ファイルは次のとおり。\nport: 8080" });
  });
});
