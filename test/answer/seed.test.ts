import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyBlocks } from "../../src/article/article.ts";
import { Engine } from "../../src/engine.ts";
import { removeDir, tempCorpusDir } from "../helpers/engine.ts";

/**
 * Golden tests on the shipped corpus (the seed article). Each folder of test/fixtures/seed-cases is a
 * case: query.txt, and expected.json with the key points and passages. UPDATE_SNAPSHOT=1 rewrites them.
 * Invariants are checked on every case.
 */
const CASES = path.join(import.meta.dirname, "../fixtures/seed-cases");
const SHIPPED_CORPUS = path.join(import.meta.dirname, "../../corpus");
const SEED_ID = "b91adfa52dd3";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  dir = await tempCorpusDir();
  for (const name of await readdir(SHIPPED_CORPUS)) {
    if (name.endsWith(".md")) await copyFile(path.join(SHIPPED_CORPUS, name), path.join(dir, name));
  }
  engine = await Engine.open({ corpusDir: dir });
});
afterAll(() => removeDir(dir));

const cases = await readdir(CASES);

describe("the shipped corpus", () => {
  it("holds the seed article with its facts", () => {
    const seed = engine.article(SEED_ID);
    expect(seed?.url).toBe("http://enterprise.watch.impress.co.jp/cda/software/2005/10/31/6499.html");
    expect(seed?.publisher).toBe("Enterprise Watch (Impress)");
    expect(seed?.author).toBe("朝夷 剛士");
    expect(seed?.publishedAt).toBe("2005-10-31T15:22:00+09:00");
    expect(seed?.captions).toHaveLength(3);
    expect(seed?.links.map((l) => l.url)).toEqual([
      "http://www.hp.com/jp/",
      "http://h50146.www5.hp.com/solutions/infrastructure/virtualization/",
    ]);
  });

  it("answers the README's question with the sentence about Windows", () => {
    const answer = engine.ask("Xen 3.0ではどのOSがゲストOSとして動くようになる？");
    expect(answer.keyPoints[0]?.text).toContain("ゲストOSとしてWindowsの実行が可能となる");
    expect(answer.keyPoints[0]?.url).toBe("http://enterprise.watch.impress.co.jp/cda/software/2005/10/31/6499.html");
  });
});

describe.each(cases)("seed case: %s", (name) => {
  it("matches its expected answer and keeps the invariants", async () => {
    const query = (await readFile(path.join(CASES, name, "query.txt"), "utf8")).trim();
    const answer = engine.ask(query);
    const actual = {
      found: answer.found,
      keyPoints: answer.keyPoints.map((k) => k.text),
      passages: answer.passages.map((p) => p.passageId),
    };
    const expectedFile = path.join(CASES, name, "expected.json");
    if (process.env["UPDATE_SNAPSHOT"]) {
      await mkdir(path.dirname(expectedFile), { recursive: true });
      await writeFile(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(await readFile(expectedFile, "utf8")));

    const seed = engine.article(SEED_ID);
    if (!seed) throw new Error("seed article missing");
    for (const p of answer.passages) {
      // every passage is a verbatim substring of the article body, at the place it says
      expect(seed.body.slice(p.start, p.end)).toBe(p.text);
      expect(p.url).toMatch(/^https?:\/\//u);
      for (const [s, e] of p.highlights) expect(s < e && e <= p.text.length).toBe(true);
    }
    for (const k of answer.keyPoints) {
      expect(seed.body.slice(k.start, k.end)).toBe(k.text);
      expect(k.url).toMatch(/^https?:\/\//u);
      // captions are never answers
      for (const caption of seed.captions) expect(k.text).not.toContain(caption);
    }
  });
});

describe("summary of the seed", () => {
  it("gives 3 key points by default, in the article's order, from body paragraphs only", () => {
    const summary = engine.summary(SEED_ID);
    const seed = engine.article(SEED_ID);
    if (!seed) throw new Error("seed article missing");
    expect(summary.points).toHaveLength(3);
    expect(summary.url).toBe(seed.url);
    const starts = summary.points.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const paragraphs = bodyBlocks(seed.body).filter((b) => b.kind === "paragraph");
    for (const p of summary.points) {
      expect(seed.body.slice(p.start, p.end)).toBe(p.text);
      expect(paragraphs.some((b) => b.start <= p.start && p.end <= b.end)).toBe(true);
      for (const caption of seed.captions) expect(p.text).not.toContain(caption);
      expect(p.text).not.toContain("朝夷");
    }
  });

  it("gives as many points as asked, and finds the article by its URL", () => {
    expect(engine.summary(SEED_ID, { points: 5 }).points).toHaveLength(5);
    expect(engine.summary("http://enterprise.watch.impress.co.jp/cda/software/2005/10/31/6499.html").articleId).toBe(
      SEED_ID,
    );
  });

  it("refuses an unknown article with a Japanese message", () => {
    expect(() => engine.summary("nope")).toThrow(/記事が見つかりませんでした/u);
  });
});
