import { afterEach, describe, expect, it } from "vitest";
import { type Article, createArticle } from "../src/article/article.ts";
import { Engine } from "../src/engine.ts";
import { draft, RANKING_ARTICLES } from "./fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "./helpers/engine.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

/** Questions on every article of the library, removed ones too: a title, a paragraph's opening words. */
const QUESTIONS = [
  ...RANKING_ARTICLES.flatMap((d) => [
    d.title,
    ...d.blocks.filter((b) => b.kind === "paragraph").map((b) => `${b.text.slice(0, 18)}は？`),
  ]),
  "日本一高い山の標高は？",
  "新幹線はいつ開業した？",
  "山に登るなら電車で行ける？",
  "温泉のライトアップはどこ？",
  "コンピューターの電力を減らすには？",
];

/** What a member is shown, to the digit: answers' key points and passages, and a search's hits. */
function rankings(engine: Engine, questions: readonly string[]) {
  return questions.map((q) => {
    const answer = engine.ask(q);
    return {
      q,
      keyPoints: answer.keyPoints.map((k) => [k.articleId, k.start, k.score]),
      passages: answer.passages.map((p) => [p.passageId, p.score]),
      search: engine.search(q, { pageSize: 20 }).hits.map((h) => [h.passageId, h.score]),
    };
  });
}

/** Scores by passage, whatever the order of equal scores. */
function scoresOf(ranked: ReturnType<typeof rankings>) {
  return ranked.map(({ q, passages, search }) => ({
    q,
    passages: Object.fromEntries(passages),
    search: Object.fromEntries(search),
  }));
}

const at = new Date("2025-02-01T00:00:00Z");
const more = draft(
  "fuji-2",
  "富士山の山小屋、予約制に",
  "2024-06-01T09:00:00+09:00",
  "富士山の山小屋は今年から完全予約制となり、登山者は事前に山小屋を予約する必要がある。",
  "山梨県は弾丸登山を防ぐため、夜間の登山道に規制を設けた。",
);

describe("Engine after removals", () => {
  it("ranks as the same library loaded from its saved index or rebuilt: removed articles count for nothing", async () => {
    const { engine, dir } = await engineWith([...RANKING_ARTICLES, more]);
    dirs.push(dir);
    const byUrl = (slug: string) => engine.find(`https://example.jp/news/${slug}`) ?? expect.fail(`no article ${slug}`);
    // questions between the writes, as members ask them (MiniSearch's search drops some removed postings)
    const ask = () => rankings(engine, QUESTIONS.slice(0, 8));
    ask();
    await engine.remove(byUrl("takao").id);
    ask();
    await engine.remove(byUrl("linear").id);
    // a refetch of an unchanged page, and of a changed one
    await engine.replace(byUrl("quantum"));
    const fuji = byUrl("fuji");
    const changed: Article = { ...fuji, body: `${fuji.body}\n\n山頂の気温は夏でも10度を下回ることがある。` };
    await engine.replace(changed);
    ask();
    await engine.remove(byUrl("fuji-2").id);
    await engine.put(
      createArticle(
        draft("ramen-2", "函館の塩ラーメン", null, "函館は塩ラーメンが名物で、透き通ったスープが特徴だ。"),
        { by: "test", at },
      ),
    );
    await engine.idle();

    const live = rankings(engine, QUESTIONS);
    // asked again, the same
    expect(rankings(engine, QUESTIONS)).toEqual(live);
    const loaded = await Engine.open({ corpusDir: dir });
    expect(loaded.stats.indexOrigin).toBe("loaded");
    expect(live).toEqual(rankings(loaded, QUESTIONS));
    // built anew, its documents are added in another order: equal scores may come in another order
    const rebuilt = await Engine.open({ corpusDir: dir, indexFile: false });
    expect(rebuilt.stats.indexOrigin).toBe("built");
    expect(scoresOf(live)).toEqual(scoresOf(rankings(rebuilt, QUESTIONS)));
    expect(live.some((r) => r.passages.length > 0)).toBe(true);
  });

  it("gives the document frequencies and IDFs of the articles it holds, not of removed ones", async () => {
    const { engine, dir } = await engineWith(RANKING_ARTICLES.slice(0, 4));
    dirs.push(dir);
    const takao = engine.find("https://example.jp/news/takao") ?? expect.fail("no takao");
    await engine.remove(takao.id);
    const loaded = await Engine.open({ corpusDir: dir, indexFile: false });
    for (const term of ["高尾山", "山", "紅葉", "富士山", "新幹線", "標高"])
      expect(engine.idf(term)).toBe(loaded.idf(term));
  });
});
