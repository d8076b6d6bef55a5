import { describe, expect, it } from "vitest";
import { withAnswerKind } from "../../src/answer/answer.ts";
import { point } from "../helpers/key-point.ts";

describe("withAnswerKind", () => {
  const first = point("column", "第二次遣唐使ブームという言葉は、漫画家が言い出した。", 1.2);
  const other = point("review", "遣唐使を描いた漫画家は田中さんです。", 0.8);
  const second = point("column", "第二次遣唐使ブームはいまも続いている。", 0.6);
  const answer = point("column", "はじめまして、漫画家の田島みるくです。", 0.3);

  it("keeps the key points when one from the first one's article holds the kind asked for", () => {
    const keyPoints = [first, answer, second];
    expect(withAnswerKind(keyPoints, [...keyPoints, other], new Set([answer]), 3, () => other)).toEqual(keyPoints);
  });

  it("gives the last place to the first one's article's sentence of that kind, another article's aside", () => {
    // another article's name does not say who the first article's manga artist is
    const ranked = [first, other, second, answer];
    const typed = new Set([other, answer]);
    expect(withAnswerKind([first, other, second], ranked, typed, 3, () => undefined)).toEqual([first, other, answer]);
  });

  it("does not add a sentence another key point already says", () => {
    const copy = { ...other, articleId: "column" };
    expect(withAnswerKind([first, other], [first, other], new Set([other]), 3, () => copy)).toEqual([first, other]);
  });

  it("looks in the first one's article when no scored sentence of it holds the kind", () => {
    const found = point("column", "次のトークショーは12月15日に開かれる。", 0);
    const asked: string[] = [];
    const elsewhere = (articleId: string) => {
      asked.push(articleId);
      return found;
    };
    expect(withAnswerKind([first, second], [first, second], new Set(), 3, elsewhere)).toEqual([first, second, found]);
    expect(asked).toEqual(["column"]);
    // with one key point asked for, the first stays alone
    expect(withAnswerKind([first], [first], new Set(), 1, elsewhere)).toEqual([first]);
  });
});
