import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserFacingError } from "../../src/errors.ts";
import { readSquad } from "../../src/eval/read-squad.ts";
import { runEval } from "../../src/eval/run-eval.ts";
import { loadTokenizer } from "../../src/text/tokenizer.ts";

/** A tiny SQuAD-format dataset: three articles, five questions any engine must rank first, one it cannot. */
const DATASET = {
  version: "test",
  data: [
    {
      title: "梅雨",
      paragraphs: [
        {
          context:
            "梅雨 [SEP] 梅雨（つゆ、ばいう）は、北海道と小笠原諸島を除く日本、朝鮮半島南部、中国の南部から長江流域にかけての沿海部、および台湾など、東アジアの広範囲においてみられる特有の気象現象で、5月から7月にかけて来る曇りや雨の多い期間のこと。一種の雨季である。",
          qas: [
            {
              id: "q1",
              question: "梅雨は、曇りや雨の多い何月から何月にかけての期間か？",
              answers: [{ text: "5月から7月", answer_start: 0 }],
            },
          ],
        },
        {
          context:
            "梅雨 [SEP] 梅雨の時期に日本列島付近に停滞する前線を梅雨前線と呼ぶ。梅雨前線は、オホーツク海気団と小笠原気団の境目にできる停滞前線である。",
          qas: [
            {
              id: "q2",
              question: "梅雨前線はどの気団の境目にできるか？",
              answers: [{ text: "オホーツク海気団と小笠原気団", answer_start: 0 }],
            },
          ],
        },
      ],
    },
    {
      title: "富士山",
      paragraphs: [
        {
          context:
            "富士山 [SEP] 富士山は、静岡県と山梨県にまたがる活火山である。標高3776メートルで、日本最高峰の独立峰であり、その優美な風貌は日本国外でも日本の象徴として広く知られている。",
          qas: [
            {
              id: "q3",
              question: "富士山の標高は何メートルか？",
              answers: [{ text: "3776メートル", answer_start: 0 }],
            },
          ],
        },
        {
          context:
            "富士山 [SEP] 2013年6月22日、富士山は「富士山－信仰の対象と芸術の源泉」の名で世界文化遺産に登録された。登録にあたっては、周辺の神社や湖などの構成資産も含められた。",
          qas: [
            {
              id: "q4",
              question: "富士山が世界文化遺産に登録されたのはいつか？",
              answers: [{ text: "2013年6月22日", answer_start: 0 }],
            },
          ],
        },
      ],
    },
    {
      title: "将棋",
      paragraphs: [
        {
          context:
            "将棋 [SEP] 将棋は、二人で行うボードゲームの一種である。盤上の駒を交互に動かし、相手の玉将を先に詰めた方が勝ちとなる。",
          qas: [
            {
              id: "q5",
              question: "将棋では相手のどの駒を詰めれば勝ちか？",
              answers: [{ text: "玉将", answer_start: 0 }],
            },
            // Nothing in the corpus shares a word with this question: it can never be retrieved.
            {
              id: "q6",
              question: "量子コンピュータの誤り訂正符号について",
              answers: [{ text: "表面符号", answer_start: 0 }],
            },
          ],
        },
      ],
    },
  ],
};

const LIVEDOOR = [
  [
    "http://news.livedoor.com/article/detail/1000001/",
    "2012-09-01T10:00:00+0900",
    "新型スマートフォンが発売",
    "新型スマートフォンが発売された。価格は4万円で、全国の販売店で購入できる。",
    "画面は前の機種より大きくなり、電池の持ちも良くなったという。",
  ],
  [
    "http://news.livedoor.com/article/detail/1000002/",
    "2012-09-02T10:00:00+0900",
    "映画祭で新人監督が受賞",
    "映画祭で新人監督が受賞した。受賞作は東京の下町を舞台にした家族の物語である。",
    "監督は「支えてくれた家族に感謝したい」と話した。",
  ],
  [
    "http://news.livedoor.com/article/detail/1000003/",
    "2012-09-03T10:00:00+0900",
    "サッカー日本代表が勝利",
    "サッカー日本代表が勝利した。試合は埼玉スタジアムで行われ、2対0で終わった。",
    "次の試合は来月、海外で行われる予定である。",
  ],
];

const METRIC_KEYS = [
  "answerHitAt1",
  "answerHitAt3",
  "articles",
  "mrrAt10",
  "passages",
  "queryMsP50",
  "queryMsP99",
  "questions",
  "recallAt1",
  "recallAt10",
  "recallAt5",
];

let dir: string;
let datasetFile: string;
let livedoorDir: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEval(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  await loadTokenizer();
  dir = await mkdtemp(path.join(os.tmpdir(), "shiori-eval-test-"));
  datasetFile = path.join(dir, "dataset.json");
  await writeFile(datasetFile, JSON.stringify(DATASET));
  livedoorDir = path.join(dir, "livedoor");
  await mkdir(path.join(livedoorDir, "news"), { recursive: true });
  await writeFile(path.join(livedoorDir, "news", "LICENSE.txt"), "not an article\n");
  for (const [i, lines] of LIVEDOOR.entries()) {
    await writeFile(path.join(livedoorDir, "news", `news-${i}.txt`), `${lines.join("\n")}\n`);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readSquad", () => {
  it("drops the TITLE [SEP] prefix and keeps every question with its answers", () => {
    const articles = readSquad(JSON.stringify(DATASET));
    expect(articles.map((a) => a.title)).toEqual(["梅雨", "富士山", "将棋"]);
    expect(articles[0]?.paragraphs[0]?.text.startsWith("梅雨（つゆ、ばいう）は")).toBe(true);
    expect(articles.flatMap((a) => a.paragraphs.flatMap((p) => p.questions)).map((q) => q.id)).toEqual([
      "q1",
      "q2",
      "q3",
      "q4",
      "q5",
      "q6",
    ]);
  });

  it("refuses a file that is not SQuAD-shaped with a message for the user", () => {
    expect(() => readSquad('{"data": [{"title": "x"}]}')).toThrow(UserFacingError);
    expect(() => readSquad("not json")).toThrow(UserFacingError);
  });
});

describe("shiori eval --dataset", () => {
  it("--json prints one object with exactly the documented keys, computed end to end", async () => {
    const { code, out } = await run("--dataset", datasetFile, "--json");
    expect(code).toBe(0);
    const metrics = JSON.parse(out) as Record<string, number>;
    expect(Object.keys(metrics).sort()).toEqual(METRIC_KEYS);
    expect(metrics["articles"]).toBe(3);
    expect(metrics["questions"]).toBe(6);
    // q1–q5 share their distinctive words with their own paragraph only; q6 shares none with any.
    expect(metrics["recallAt1"]).toBe(0.8333);
    expect(metrics["recallAt10"]).toBe(0.8333);
    expect(metrics["mrrAt10"]).toBe(0.8333);
    for (const key of ["recallAt1", "recallAt5", "recallAt10", "mrrAt10", "answerHitAt1", "answerHitAt3"]) {
      expect(metrics[key]).toBeGreaterThanOrEqual(0);
      expect(metrics[key]).toBeLessThanOrEqual(1);
    }
    // q6 can have no answer; most of the others find theirs among the key points.
    expect(metrics["answerHitAt3"]).toBeLessThanOrEqual(0.8334);
    expect(metrics["answerHitAt3"]).toBeGreaterThanOrEqual(0.5);
    expect(metrics["answerHitAt1"]).toBeLessThanOrEqual(metrics["answerHitAt3"] as number);
    expect(metrics["queryMsP50"]).toBeLessThanOrEqual(metrics["queryMsP99"] as number);
  });

  it("--distractors adds the articles of a folder (README and LICENSE files are not articles)", async () => {
    const { code, out } = await run("--dataset", datasetFile, "--distractors", livedoorDir, "--json");
    expect(code).toBe(0);
    const metrics = JSON.parse(out) as Record<string, number>;
    expect(metrics["articles"]).toBe(6);
    expect(metrics["recallAt1"]).toBe(0.8333);
  });

  it("--distractors passes over a file that holds no text (an image renamed .txt), as import does, and says so", async () => {
    const folder = path.join(dir, "with-binary");
    await cp(livedoorDir, folder, { recursive: true });
    // bytes of no text at all: a photo saved as photo.txt
    let seed = 6;
    const noise = Buffer.alloc(5000, 0).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 23;
    });
    await writeFile(path.join(folder, "news", "photo.txt"), noise);
    const { code, out, err } = await run("--dataset", datasetFile, "--distractors", folder, "--json");
    expect(code).toBe(0);
    expect((JSON.parse(out) as Record<string, number>)["articles"]).toBe(6);
    expect(err).toContain("加える記事のうち、読めないファイル 1 件を除きました");
  });

  it("does not score a blank question (a miss the engine could not avoid)", async () => {
    const blank = path.join(dir, "blank-questions.json");
    const data = structuredClone(DATASET) as typeof DATASET;
    const qas = data.data[0]?.paragraphs[0]?.qas as { id: string; question: string }[];
    qas.push({ ...(qas[0] as { id: string; question: string }), id: "blank", question: "　 " });
    qas.push({ ...(qas[0] as { id: string; question: string }), id: "invisible", question: "\u200b\u00ad" });
    await writeFile(blank, JSON.stringify(data));
    const [withBlank, without] = await Promise.all([
      run("--dataset", blank, "--json"),
      run("--dataset", datasetFile, "--json"),
    ]);
    expect(JSON.parse(withBlank.out)).toMatchObject({ questions: JSON.parse(without.out).questions });
  });

  it("--limit asks fewer questions, spread over the dataset", async () => {
    const { out } = await run("--dataset", datasetFile, "--limit", "3", "--json");
    expect((JSON.parse(out) as Record<string, number>)["questions"]).toBe(3);
  });

  it("--baselines adds paragraph-level scores of three plain MiniSearch setups", async () => {
    const { code, out } = await run("--dataset", datasetFile, "--baselines", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out) as { baselines: Record<string, Record<string, number>> };
    expect(Object.keys(report.baselines).sort()).toEqual(["charBigrams", "kuromojiSurface", "minisearchDefault"]);
    for (const b of Object.values(report.baselines)) {
      expect(b["paragraphs"]).toBe(5);
      expect(b["recallAt1"]).toBeLessThanOrEqual(0.8334);
    }
    // The default tokenizer makes a whole Japanese clause one term: it misses questions kuromoji finds.
    expect(report.baselines["minisearchDefault"]?.["recallAt10"]).toBeLessThan(
      report.baselines["kuromojiSurface"]?.["recallAt10"] as number,
    );
  });

  it("without --json prints a readable table", async () => {
    const { code, out } = await run("--dataset", datasetFile, "--baselines");
    expect(code).toBe(0);
    expect(out).toMatch(/recallAt1\s+0\.833/u);
    expect(out).toContain("文字 bigram");
  });

  it("says that a dataset given is a folder, and that a folder of articles given is a file, not that they are missing", async () => {
    const cases: [string[], string][] = [
      [["--dataset", dir], `データセットに指定された ${dir} はフォルダです。`],
      [["--dataset", datasetFile, "--distractors", datasetFile], `${datasetFile} はフォルダではなくファイルです。`],
      [["--summaries", datasetFile], `${datasetFile} はフォルダではなくファイルです。`],
    ];
    for (const [argv, message] of cases) {
      const { code, out, err } = await run(...argv, "--json");
      expect(code).toBe(1);
      expect(out).toBe("");
      expect(err).toContain(message);
      expect(err).not.toContain("見つかりません");
    }
  });

  it.each<[string[], string]>([
    [["--bogus"], "不明なオプションです: --bogus。使えるオプションは下の一覧を見てください。"],
    [["--dataset"], "--dataset には値を指定してください（例: --dataset jsquad-valid-v1.3.json）。"],
    [["--json=yes"], "--json は値を取りません。--json とだけ書いてください。"],
    // as the command line's other numbers: 1e3 and 0x10 were taken as 1000 and 16
    ...["0", "abc", "1e3", "0x10", "2.5"].map((limit): [string[], string] => [
      ["--dataset", "DATASET", "--limit", limit],
      "--limit には 1 以上の整数を指定してください。",
    ]),
    [
      ["--dataset", "DATASET", "--summaries", "LIVEDOOR"],
      "--dataset と --summaries は同時に指定できません。別々に実行してください。",
    ],
  ])("%j: a command line written wrong is said in Japanese and exits 2, as the CLI's", async (argv, message) => {
    const args = argv.map((a) => (a === "DATASET" ? datasetFile : a === "LIVEDOOR" ? livedoorDir : a));
    for (const json of [[], ["--json"]] as string[][]) {
      const { code, out, err } = await run(...json, ...args);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err.split("\n")[0]).toBe(message);
    }
  });

  it.each([
    ["no article", { data: [] }],
    [
      "no question",
      { data: [{ title: "将棋", paragraphs: [{ context: "将棋 [SEP] 将棋は盤上の遊戯である。", qas: [] }] }] },
    ],
    [
      "questions without an answer",
      {
        data: [
          {
            title: "将棋",
            paragraphs: [
              {
                context: "将棋 [SEP] 将棋は盤上の遊戯である。",
                qas: [
                  { id: "a", question: "将棋とは？", answers: [] },
                  { id: "b", question: "将棋の駒は？", answers: [{ text: "玉将" }], is_impossible: true },
                ],
              },
            ],
          },
        ],
      },
    ],
  ])("refuses a dataset with %s to ask, instead of scoring 0 on every metric", async (_, dataset) => {
    const file = path.join(dir, "nothing-to-ask.json");
    await writeFile(file, JSON.stringify(dataset));
    for (const json of [[], ["--json"]]) {
      const { code, out, err } = await run("--dataset", file, "--distractors", livedoorDir, ...json);
      expect(code).toBe(1);
      expect(out).toBe("");
      expect(err).toContain("答えのある質問が 1 件もないため、採点できません");
    }
  });

  it("says in Japanese that eval takes no argument but its options' values (a dataset given without --dataset)", async () => {
    const { code, err } = await run("jsquad-valid-v1.3.json");
    expect(code).toBe(2);
    expect(err.split("\n")[0]).toBe(
      "余分な引数です: 「jsquad-valid-v1.3.json」。このコマンドはオプションだけを取ります。ファイルやフォルダは、下の使い方のとおり、それを受け取るオプション（--… ）の後に書いてください。",
    );
    expect(err).toContain("--dataset");
  });

  it("explains a missing dataset file and a missing --dataset in Japanese", async () => {
    const missing = await run("--dataset", path.join(dir, "nope.json"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("見つかりません");
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err).toContain("--dataset");
  });
});

describe("shiori eval --summaries", () => {
  it("scores key points and lead sentences against the headlines", async () => {
    const { code, out } = await run("--summaries", livedoorDir, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      articles: number;
      systems: Record<string, { characters: Record<string, Record<string, number>>; meanLength: number }>;
    };
    expect(report.articles).toBe(3);
    expect(Object.keys(report.systems).sort()).toEqual(["keyPoints1", "keyPoints3", "lead1", "lead3"]);
    // Each body opens by restating its headline: lead-1 holds every character of it, in order.
    expect(report.systems["lead1"]?.characters["rouge1"]?.["recall"]).toBe(1);
    expect(report.systems["lead1"]?.characters["rougeL"]?.["recall"]).toBe(1);
    expect(report.systems["lead1"]?.meanLength).toBeLessThan(report.systems["lead3"]?.meanLength as number);
  });

  it("--limit picks that many articles", async () => {
    const { out } = await run("--summaries", livedoorDir, "--limit", "2", "--json");
    expect((JSON.parse(out) as { articles: number }).articles).toBe(2);
  });
});
