import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBenchInputs } from "../../src/bench/run-bench.ts";

/**
 * What `npm run bench` measures on is read, and refused with a Japanese line, before minutes are spent
 * measuring: a folder or file that is not there or not of its kind, no article, no SQuAD dataset, too few
 * questions to time one after the warm-up.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

let dir: string;
let livedoor: string;
let empty: string;

/** A SQuAD file of `n` questions. */
function squad(n: number): string {
  const qas = Array.from({ length: n }, (_, i) => ({ id: String(i), question: `質問${i}は？`, answers: [] }));
  return JSON.stringify({ data: [{ title: "将棋", paragraphs: [{ context: "将棋 [SEP] 将棋は遊戯である。", qas }] }] });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "shiori-bench-test-"));
  livedoor = path.join(dir, "livedoor");
  await mkdir(path.join(livedoor, "news"), { recursive: true });
  for (let i = 0; i < 3; i++) {
    await writeFile(
      path.join(livedoor, "news", `news-${i}.txt`),
      `http://news.livedoor.com/article/detail/100000${i}/\n2012-09-0${i + 1}T10:00:00+0900\n見出し${i}の記事\n本文${i}です。新しい製品が発売された。\n`,
    );
  }
  // an image renamed .txt is no article: passed over, as eval's distractors
  await writeFile(path.join(livedoor, "news", "photo.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]));
  empty = path.join(dir, "empty");
  await mkdir(empty);
  await writeFile(path.join(empty, "photo.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]));
  await writeFile(path.join(dir, "broken.json"), '{"data": [');
  await writeFile(path.join(dir, "other.json"), '{"questions": ["富士山の高さは？"]}');
  await writeFile(path.join(dir, "none.json"), squad(0));
  await writeFile(path.join(dir, "twenty.json"), squad(20));
  await writeFile(path.join(dir, "enough.json"), squad(21));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readBenchInputs", () => {
  it.each([
    [{ corpusDir: "MISSING" }, "フォルダが見つかりません"],
    [{ corpusDir: "FILE" }, "はフォルダではなくファイルです"],
    [{ corpusDir: "EMPTY" }, "に記事（.txt のプレーンテキスト）が 1 件もありません"],
    [{ questions: "MISSING" }, "質問のファイルが見つかりません"],
    [{ questions: "DIR" }, "はフォルダです。SQuAD 形式の JSON ファイル"],
    [{ questions: "broken.json" }, "データセットを JSON として読めませんでした"],
    [{ questions: "other.json" }, "データセットが SQuAD 形式ではありません"],
    // no question timed: askMsP50 0 was reported
    [{ questions: "none.json" }, "質問が 0 件しかありません"],
    [{ questions: "twenty.json" }, "質問が 20 件しかありません"],
    // headlines of a folder of three articles
    [{ corpusDir: "LIVEDOOR" }, "質問が 3 件しかありません"],
  ])("%j is refused in Japanese before anything is measured", async (given, message) => {
    const where = (name: string) =>
      ({
        MISSING: path.join(dir, "nope"),
        FILE: path.join(dir, "enough.json"),
        EMPTY: empty,
        DIR: dir,
        LIVEDOOR: livedoor,
      })[name] ?? path.join(dir, name);
    const options = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, where(v)]));
    await expect(readBenchInputs(options)).rejects.toThrow(message);
  });

  it("reads the articles of a folder, passing over a file that is no article, and a dataset's questions", async () => {
    const { articles, questions } = await readBenchInputs({
      corpusDir: livedoor,
      questions: path.join(dir, "enough.json"),
    });
    expect(articles.map((a) => a.title)).toEqual(["見出し0の記事", "見出し1の記事", "見出し2の記事"]);
    expect(questions).toHaveLength(21);
  });
});

describe("npm run bench", () => {
  const bench = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(TSX, ["src/bench/main.ts", ...args], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it("says an unknown option in Japanese with its usage, exit status 2, and a folder to correct in one line, 1", async () => {
    const unknown = await bench("--corpus", "x", "--json");
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr.split("\n")[0]).toBe(
      "不明なオプションです: --corpus。使えるオプションは下の一覧を見てください。",
    );
    expect(unknown.stderr).toContain("--corpus-dir");

    const missing = await bench("--corpus-dir", path.join(dir, "nope"), "--json", "--quick");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    // one line, no stack trace
    expect(missing.stderr).toBe(
      `フォルダが見つかりません: ${path.join(dir, "nope")}。記事のフォルダのパスを確かめてください。\n`,
    );

    // an option without its value is told with an example of its own
    const value = await bench("--questions");
    expect(value.code).toBe(2);
    expect(value.stderr.split("\n")[0]).toBe(
      "--questions には値を指定してください（例: --questions jsquad-valid-v1.3.json）。",
    );

    // an empty value (an unset variable) is refused, not read as "measure the shipped corpus only"
    const empty = await bench("--corpus-dir", "", "--json", "--quick");
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe("");
    expect(empty.stderr.split("\n")[0]).toBe(
      "--corpus-dir の値が空です。パスを指定してください。計測は実行していません。",
    );
  });
});
