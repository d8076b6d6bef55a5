import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.ts";
import { RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith(RANKING_ARTICLES));
});
afterAll(() => removeDir(dir));

describe("a question asked with greetings and courtesies", () => {
  it("is answered as the question alone", () => {
    const bare = engine.ask("富士山の山開きはいつ？");
    expect(bare.found).toBe(true);
    const polite = engine.ask("こんにちは。質問です。富士山の山開きはいつ？よろしくお願いします。");
    expect(polite.terms).toEqual(bare.terms);
    expect(polite.keyPoints.map((k) => k.text)).toEqual(bare.keyPoints.map((k) => k.text));
  });

  it("is answered when typed twice with its request", () => {
    const once = engine.ask("富士山の山開きについて教えて。");
    expect(once.found).toBe(true);
    const twice = engine.ask("富士山の山開きについて教えて。富士山の山開きについて教えて。");
    expect(twice.terms).toEqual(once.terms);
    expect(twice.keyPoints.map((k) => k.text)).toEqual(once.keyPoints.map((k) => k.text));
  });
});
