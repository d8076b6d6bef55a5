/**
 * Measures answers on questions asked the way members ask them, over livedoor news: short, casual
 * questions written for this project, most in other words than their article's (クビ for 解雇,
 * ケータイ, ｉＰｈｏｎｅ５, keywords alone), each with the article that answers it and the answer's words
 * as that article writes them, or with no answer (the library does not cover it: ChatGPT, メルカリ).
 * JSQuAD's questions were written looking at their paragraph; these were not, so they show what JSQuAD
 * cannot.
 *
 *   npm run -s cli -- import ../shared/corpora/livedoor --corpus /tmp/livedoor
 *   npx tsx scripts/measure-member-questions.ts /tmp/livedoor [questions.json] [--verbose]
 *
 * The questions default to `member-questions.json` (81, all answerable). Prints one JSON object:
 * - over answerable questions, the share whose article is the first passage's (articleAt1) or among the
 *   first five (articleAt5), and whose first key point or first three hold an answer (answerHitAt1,
 *   answerHitAt3, compared after NFKC as `shiori eval` does); and how often the answer names missing
 *   words (`Answer.missing`) when its first key point is right and when it is wrong;
 * - over unanswerable ones, the share that still got key points, and of those the share naming missing
 *   words.
 * --verbose also prints each question, and the key points of those not answered.
 */
import { readFile } from "node:fs/promises";
import { Engine } from "../src/engine.ts";
import { containsAnswer } from "../src/eval/metrics.ts";

interface MemberQuestion {
  readonly url: string | null;
  readonly question: string;
  /** Empty when the library does not answer it. */
  readonly answers: readonly string[];
}

const args = process.argv.slice(2).filter((a) => a !== "--verbose");
const [corpusDir, file] = args;
if (!corpusDir) {
  console.error(
    "usage: npx tsx scripts/measure-member-questions.ts <livedoor corpus folder> [questions.json] [--verbose]",
  );
  process.exit(2);
}
const verbose = process.argv.includes("--verbose");
const questions = JSON.parse(
  await readFile(file ?? new URL("./member-questions.json", import.meta.url), "utf8"),
) as MemberQuestion[];
const engine = await Engine.open({ corpusDir });
const count = { answerable: 0, at1: 0, at5: 0, hit1: 0, hit3: 0, rightNoted: 0, wrong: 0, wrongNoted: 0 };
const none = { questions: 0, found: 0, noted: 0 };
for (const q of questions) {
  // As `shiori eval` reads them: the key points the bot gives, the passages of a longer list.
  const answer = engine.ask(q.question);
  const noted = answer.missing.length > 0;
  if (q.answers.length === 0) {
    none.questions++;
    if (answer.found) none.found++;
    if (answer.found && noted) none.noted++;
    if (verbose) console.log(`${answer.found ? "? " : "– "} ${q.question}  missing=${JSON.stringify(answer.missing)}`);
    continue;
  }
  count.answerable++;
  const ranked = engine.ask(q.question, { passages: 5 });
  const rank = ranked.passages.findIndex((p) => p.url === q.url) + 1;
  const points = answer.keyPoints.map((k) => k.text);
  const first = points.length > 0 && containsAnswer(points.slice(0, 1), q.answers);
  const three = containsAnswer(points.slice(0, 3), q.answers);
  if (rank === 1) count.at1++;
  if (rank >= 1) count.at5++;
  if (first) count.hit1++;
  if (three) count.hit3++;
  if (first && noted) count.rightNoted++;
  if (!first) count.wrong++;
  if (!first && noted) count.wrongNoted++;
  if (verbose) {
    const mark = three ? (first ? "✓1" : "✓3") : "✗ ";
    console.log(
      `${mark} rank=${rank || "-"} ${q.question}  [${q.answers.join(" | ")}]  missing=${JSON.stringify(answer.missing)}`,
    );
    if (!three) for (const k of answer.keyPoints) console.log(`     [${k.title.slice(0, 30)}] ${k.text.slice(0, 120)}`);
  }
}
const share = (n: number, of: number) => (of ? Number((n / of).toFixed(4)) : null);
console.log(
  JSON.stringify({
    questions: questions.length,
    answerable: count.answerable,
    articleAt1: share(count.at1, count.answerable),
    articleAt5: share(count.at5, count.answerable),
    answerHitAt1: share(count.hit1, count.answerable),
    answerHitAt3: share(count.hit3, count.answerable),
    notedWhenRight: share(count.rightNoted, count.hit1),
    notedWhenWrong: share(count.wrongNoted, count.wrong),
    unanswerable: none.questions,
    unanswerableFound: share(none.found, none.questions),
    unanswerableNotedWhenFound: share(none.noted, none.found),
  }),
);
