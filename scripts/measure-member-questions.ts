/**
 * Measures answers on questions asked the way members ask them, over livedoor news: 81 short, casual
 * questions written for this project (`member-questions.json`), most in other words than their article's
 * (クビ for 解雇, ケータイ, ｉＰｈｏｎｅ５, keywords alone), each with the article that answers it and
 * the answer's words as that article writes them. JSQuAD's questions were written looking at their
 * paragraph; these were not, so they show what JSQuAD cannot.
 *
 *   npm run -s cli -- import ../shared/corpora/livedoor --corpus /tmp/livedoor
 *   npx tsx scripts/measure-member-questions.ts /tmp/livedoor [--verbose]
 *
 * Prints one JSON object: the share of questions whose article is the first passage's (articleAt1) or
 * among the first five (articleAt5), and whose first key point or first three hold an answer
 * (answerHitAt1, answerHitAt3, compared after NFKC as `shiori eval` does). --verbose also prints each
 * question, and the key points of those not answered.
 */
import { readFile } from "node:fs/promises";
import { Engine } from "../src/engine.ts";
import { containsAnswer } from "../src/eval/metrics.ts";

interface MemberQuestion {
  readonly url: string;
  readonly file: string;
  readonly question: string;
  readonly answers: readonly string[];
  readonly evidence: string;
}

const corpusDir = process.argv[2];
if (!corpusDir) {
  console.error("usage: npx tsx scripts/measure-member-questions.ts <livedoor corpus folder> [--verbose]");
  process.exit(2);
}
const verbose = process.argv.includes("--verbose");
const questions = JSON.parse(
  await readFile(new URL("./member-questions.json", import.meta.url), "utf8"),
) as MemberQuestion[];
const engine = await Engine.open({ corpusDir });
let articleAt1 = 0;
let articleAt5 = 0;
let answerHitAt1 = 0;
let answerHitAt3 = 0;
for (const q of questions) {
  // As \`shiori eval\` reads them: the key points the bot gives, the passages of a longer list.
  const answer = engine.ask(q.question);
  const ranked = engine.ask(q.question, { passages: 5 });
  const rank = ranked.passages.findIndex((p) => p.url === q.url) + 1;
  const points = answer.keyPoints.map((k) => k.text);
  const first = points.length > 0 && containsAnswer(points.slice(0, 1), q.answers);
  const three = containsAnswer(points.slice(0, 3), q.answers);
  if (rank === 1) articleAt1++;
  if (rank >= 1) articleAt5++;
  if (first) answerHitAt1++;
  if (three) answerHitAt3++;
  if (verbose) {
    console.log(
      `${three ? (first ? "✓1" : "✓3") : "✗ "} rank=${rank || "-"} ${q.question}  [${q.answers.join(" | ")}]`,
    );
    if (!three) for (const k of answer.keyPoints) console.log(`     [${k.title.slice(0, 30)}] ${k.text.slice(0, 120)}`);
  }
}
const share = (n: number) => Number((n / questions.length).toFixed(4));
console.log(
  JSON.stringify({
    questions: questions.length,
    articleAt1: share(articleAt1),
    articleAt5: share(articleAt5),
    answerHitAt1: share(answerHitAt1),
    answerHitAt3: share(answerHitAt3),
  }),
);
