import { readFile } from "node:fs/promises";
import { z } from "zod";
import { UserFacingError } from "../errors.ts";

/** One question of a SQuAD-format dataset, with its gold answers. */
export interface SquadQuestion {
  readonly id: string;
  readonly question: string;
  /** Gold answer strings (duplicates removed); empty for an unanswerable question. */
  readonly answers: readonly string[];
}

/** One paragraph: its text without the `TITLE [SEP] ` prefix, and the questions written for it. */
export interface SquadParagraph {
  readonly text: string;
  readonly questions: readonly SquadQuestion[];
}

/** One `data[]` entry: an article (for JSQuAD, a Wikipedia article). */
export interface SquadArticle {
  readonly title: string;
  readonly paragraphs: readonly SquadParagraph[];
}

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string().min(1),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(
            z.object({
              id: z.union([z.string(), z.number()]),
              question: z.string(),
              answers: z.array(z.object({ text: z.string() })).default([]),
              is_impossible: z.boolean().optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** JSQuAD prefixes every context with its article's title: `梅雨 [SEP] 梅雨（つゆ、ばいう）は、…`. */
const TITLE_SEPARATOR = " [SEP] ";

/**
 * Reads a SQuAD v1.1-format dataset (JSQuAD): articles, their paragraphs with the `TITLE [SEP] ` prefix
 * dropped, and each paragraph's questions with their gold answers.
 * @example readSquad(await readFile("jsquad-valid-v1.3.json", "utf8"))[0].title // "梅雨"
 */
export function readSquad(json: string): SquadArticle[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new UserFacingError(
      "データセットを JSON として読めませんでした。SQuAD 形式の JSON ファイルを指定してください。",
      `eval: dataset is not JSON: ${(err as Error).message}`,
    );
  }
  const parsed = squadSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserFacingError(
      "データセットが SQuAD 形式ではありません（data[].paragraphs[].context と qas[] が必要です）。ファイルを確かめてください。",
      `eval: dataset is not SQuAD-shaped at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? ""}`,
    );
  }
  return parsed.data.data.map((entry) => ({
    title: entry.title,
    paragraphs: entry.paragraphs.map((p) => ({
      text: stripTitle(p.context, entry.title),
      questions: p.qas.map((qa) => ({
        id: String(qa.id),
        question: qa.question,
        answers: qa.is_impossible ? [] : [...new Set(qa.answers.map((a) => a.text).filter((t) => t.trim() !== ""))],
      })),
    })),
  }));
}

/** Drops the `TITLE [SEP] ` prefix; a context without one is kept whole. */
function stripTitle(context: string, title: string): string {
  if (context.startsWith(`${title}${TITLE_SEPARATOR}`)) return context.slice(title.length + TITLE_SEPARATOR.length);
  const at = context.indexOf(TITLE_SEPARATOR);
  return at >= 0 ? context.slice(at + TITLE_SEPARATOR.length) : context;
}

/**
 * The text of a SQuAD file, for eval's --dataset (`label` データセット) and bench's --questions (質問): a
 * folder, a path that is not there, or a file that cannot be read is refused in Japanese, each as what it is
 * (a folder said not to be found would send the user looking for a typo).
 */
export async function readSquadFile(file: string, label: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EISDIR") {
      throw new UserFacingError(
        `${label}に指定された ${file} はフォルダです。SQuAD 形式の JSON ファイル（例: jsquad-valid-v1.3.json）を指定してください。`,
      );
    }
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new UserFacingError(`${label}のファイルが見つかりません: ${file}。パスを確かめてください。`);
    }
    throw new UserFacingError(
      `${label}のファイルを読めませんでした: ${file}（${code ?? (err as Error).message}）。読み取りの権限を確かめてください。`,
    );
  }
}
