import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.ts";
import { draft } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

/**
 * Members write a word in katakana, in Latin letters or shortened, where an article writes it another
 * way. Sudachi's synonyms make the forms of one word one term (see scripts/generate-synonyms.ts), so a
 * question finds the article whichever form either writes.
 */
let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith([
    draft(
      "motorola",
      "Google、Motorola Mobilityを125億ドルで買収",
      "2011-08-16T09:00:00+09:00",
      "米Googleは15日、携帯電話メーカーのMotorola Mobilityを総額約125億ドルで買収すると発表した。",
      "同社はスマートフォン向けOSのAndroidを開発している。",
    ),
    draft(
      "sheets",
      "表計算ソフトの新しいブック",
      "2012-01-10T09:00:00+09:00",
      "Excelで新しいブックを作ると、最初にシートが3枚できる。",
    ),
    draft(
      "collab",
      "ハンバーガー店がアニメとコラボレーション",
      "2012-05-01T09:00:00+09:00",
      "ロッテリアは人気アニメとのコラボレーションメニューを期間限定で販売する。",
    ),
    draft(
      "phone",
      "ドコモが夏の新機種を発表",
      "2012-05-16T09:00:00+09:00",
      "NTTドコモは夏モデルとしてスマートフォン11機種を発表した。",
    ),
    draft(
      "windows8",
      "新しいウィンドウズの発売日",
      "2012-08-02T09:00:00+09:00",
      "マイクロソフトは新しいウィンドウズを10月26日に発売する。",
    ),
  ]));
});
afterAll(() => removeDir(dir));

describe("a word written in another form", () => {
  it.each<[string, string, string]>([
    // katakana for the Latin spelling
    ["グーグルの買収額はいくら？", "125億ドル", "Google"],
    ["エクセルで新しいブックを作るとシートは何枚？", "3枚", "Excel"],
    // an abbreviation for the word
    ["アニメとコラボしたハンバーガー店はどこ？", "ロッテリア", "コラボレーション"],
  ])("%s is answered from the article that writes %s (%s), and names nothing missing", (question, answer) => {
    const found = engine.ask(question);
    expect(found.found).toBe(true);
    expect(found.keyPoints[0]?.text).toContain(answer);
    expect(found.missing).toEqual([]);
  });

  it("is found in the other direction too: the Latin spelling finds the katakana", () => {
    const found = engine.ask("新しいWindowsの発売日はいつ？");
    expect(found.keyPoints[0]?.text).toContain("10月26日");
    expect(found.missing).toEqual([]);
  });

  it("is found when kuromoji cuts the article's form in two (スマート フォン)", () => {
    const phone = engine.ask("ドコモの夏のスマホは何機種？");
    expect(phone.keyPoints[0]?.text).toContain("11機種");
    expect(phone.missing).toEqual([]);
  });

  it("is highlighted where the article writes its own form", () => {
    const point = engine.ask("コラボメニューを売る店は？").keyPoints[0];
    const highlighted = point?.highlights.map(([start, end]) => point.text.slice(start, end)).join(" ");
    expect(highlighted).toContain("コラボレーション");
  });
});
