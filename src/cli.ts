import { parseArgs } from "node:util";
import { SUMMARY_POINTS } from "./answer/summarize.ts";
import { typedUrl } from "./article/article.ts";
import { CorpusFileError } from "./article/store.ts";
import { argumentError } from "./cli-args.ts";
import { decimalIn, loadCoreConfig } from "./config.ts";
import { Engine, SEARCH_HITS_PER_ARTICLE, SEARCH_PAGE_SIZE } from "./engine.ts";
import { UsageError, UserFacingError } from "./errors.ts";
import { runEval } from "./eval/run-eval.ts";
import {
  INGEST_COMMANDS,
  INGEST_USAGE,
  type IngestCommand,
  requireCorpus,
  runIngestCommand,
} from "./ingest/ingest-cli.ts";
import { answerToText, listToText, searchToText, summaryToText, type TerminalStyle } from "./render/terminal.ts";

const USAGE = `使い方: shiori <コマンド> [オプション]

コマンド:
  ask <質問>              コーパスの記事から質問に答える（答えの文・段落・出典）
  search <キーワード>     一致する記事を一覧する（記事ごとに最もよく一致する段落、--page N）
  summary <ID|URL>        記事の要点（--points N: 1〜10、既定 3）
  list                    記事の一覧（新しい順）
  remove <ID>             記事を削除する
${INGEST_USAGE}
  eval --dataset <file>   回答の品質を測る（shiori eval --help）

共通オプション:
  --corpus <dir>          コーパスのフォルダ（既定: CORPUS_DIR または ./corpus）
  --json                  結果を JSON で出力する
  -h, --help              このヘルプ`;

interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** A terminal for progress bars (bulk import); lines on `err` without one. */
  progress?: NodeJS.WriteStream;
  /** Standard input, for `add -` (pasted text). */
  stdin?: NodeJS.ReadableStream;
  /** Ctrl-C, for an import to stop between two articles (see IngestIo.onInterrupt). */
  onInterrupt?: (stop: () => void) => () => void;
}

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // eval has options of its own (--dataset, --distractors, ...): it parses its arguments itself.
  if (argv[0] === "eval") return runEval(argv.slice(1), io);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    const verb = argv.find((arg) => verbOf(arg) !== undefined) ?? "ask";
    io.err(`${argumentError(err as Error & { code?: string }, argv, verb)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals, tokens } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (command || values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const refusal =
    refuseOptions(
      command,
      tokens.flatMap((t) => (t.kind === "option" ? [t.name] : [])),
    ) ?? refuseArguments(command, rest);
  if (refusal) {
    io.err(refusal);
    return 2;
  }
  // --corpus "$DIR" with DIR unset: another library than the one meant (remove would delete from ./corpus)
  if (values.corpus !== undefined && values.corpus.trim() === "") {
    io.err(
      `--corpus の値が空です。コーパスのフォルダのパスを指定してください（例: --corpus ./corpus）。${command} は実行していません。`,
    );
    return 2;
  }
  const config = loadCoreConfig(values.corpus ? { ...io.env, CORPUS_DIR: values.corpus } : io.env);
  const style = { color: io.color };
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  /** The result as JSON with --json, else as text for the terminal. */
  const show = <T>(value: T, render: (value: T, style: TerminalStyle) => string) =>
    values.json ? json(value) : io.out(render(value, style));
  /** The words or the one name after the verb, asked for by what the verb takes (see VERBS). */
  const needArg = () => {
    const arg = rest.join(" ").trim();
    const what = verbOf(command)?.words ?? verbOf(command)?.one ?? "引数";
    if (!arg) throw new UsageError(`${spaced(what)}を指定してください。例: shiori ${command} "…"`);
    return arg;
  };
  /**
   * An option's whole number, in decimal digits only (not 0x3, 1e1 nor 2.5), from `min` (to `max`). Without
   * a `max`, digits past what a number holds exactly are the largest it does (--page 99999999999999999999:
   * the last page).
   */
  const wholeNumber = (
    value: string | undefined,
    name: string,
    range: { min: number; max?: number; what?: string },
  ): number | undefined => {
    if (value === undefined) return undefined;
    const n = decimalIn(value, range.min, range.max ?? Number.POSITIVE_INFINITY);
    if (n !== null) return Math.min(n, Number.MAX_SAFE_INTEGER);
    const bounds = range.max === undefined ? `${range.min} 以上` : `${range.min} 以上 ${range.max} 以下`;
    throw new UsageError(`--${name} には ${bounds}の整数を指定してください${range.what ?? ""}。`);
  };
  try {
    if ((INGEST_COMMANDS as readonly string[]).includes(command)) {
      return await runIngestCommand(
        command as IngestCommand,
        rest,
        {
          json: values.json,
          dryRun: values["dry-run"],
          title: values.title,
          url: values.url,
          publisher: values.publisher,
          addedBy: values["added-by"],
        },
        config.corpusDir,
        { out: io.out, err: io.err, env: io.env, progress: io.progress, stdin: io.stdin, onInterrupt: io.onInterrupt },
      );
    }
    switch (command) {
      case "ask": {
        const question = needArg();
        const engine = await open(config.corpusDir);
        requireArticles(engine);
        const answer = engine.ask(question);
        show(answer, answerToText);
        return 0;
      }
      case "search": {
        const query = needArg();
        const pageNumber = wholeNumber(values.page, "page", { min: 1 }) ?? 1;
        const engine = await open(config.corpusDir);
        requireArticles(engine);
        // A page of articles, each with its best passage, as /search shows them.
        const page = engine.search(query, {
          page: pageNumber,
          pageSize: SEARCH_PAGE_SIZE,
          perArticle: SEARCH_HITS_PER_ARTICLE,
        });
        show(page, searchToText);
        return 0;
      }
      case "summary": {
        const id = typedUrl(needArg());
        // As many as the engine picks: it would bring 999 down to 10 in silence.
        const points = wholeNumber(values.points, "points", {
          ...SUMMARY_POINTS,
          what: `（要点の数。既定: ${SUMMARY_POINTS.default}）`,
        });
        const engine = await open(config.corpusDir);
        // The engine's own message names no list; here the list is shiori list.
        const found = engine.find(id);
        if (!found)
          throw new UserFacingError(`記事 ${id} は見つかりませんでした。shiori list で ID か URL を確かめてください。`);
        const summary = engine.summary(found.id, points === undefined ? {} : { points });
        show(summary, summaryToText);
        return 0;
      }
      case "list": {
        const engine = await open(config.corpusDir);
        const articles = engine.list();
        show(articles, listToText);
        return 0;
      }
      case "remove": {
        const id = needArg();
        const engine = await open(config.corpusDir);
        const removed = await engine.remove(id);
        if (!removed)
          throw new UserFacingError(`記事 ${id} は見つかりませんでした。shiori list で ID を確かめてください。`);
        if (values.json) json({ removed: id });
        else io.out(`削除しました: ${id}`);
        return 0;
      }
      default:
        io.err(`不明なコマンドです: ${command}\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UserFacingError) {
      // a malformed corpus file stops a command as it stops the bot's start-up: the command is run again
      io.err((err instanceof CorpusFileError ? err.forCommand() : err).message);
      return err instanceof UsageError ? 2 : 1;
    }
    io.err(`内部エラーが発生しました: ${(err as Error).message}`);
    if (io.env["SHIORI_DEBUG"]) io.err(String((err as Error).stack));
    return 70;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    tokens: true,
    options: {
      corpus: { type: "string" },
      json: { type: "boolean", default: false },
      page: { type: "string" },
      points: { type: "string" },
      title: { type: "string" },
      url: { type: "string" },
      publisher: { type: "string" },
      "added-by": { type: "string" },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

/**
 * What each verb takes: its options, besides --corpus and --help, which all take; and after it the words of a
 * question or keywords (`words`), one name (`one`: an ID, a URL, a path), or nothing. Each names what it
 * takes, for the messages that ask for it.
 */
const VERBS: Readonly<
  Record<string, { readonly options: readonly string[]; readonly words?: string; readonly one?: string }>
> = {
  ask: { options: ["json"], words: "質問" },
  search: { options: ["json", "page"], words: "キーワード" },
  summary: { options: ["json", "points"], one: "記事の ID か URL" },
  list: { options: ["json"] },
  remove: { options: ["json"], one: "記事の ID" },
  add: { options: ["json", "dry-run", "title", "url", "added-by"], one: "URL かファイル" },
  extract: { options: ["json", "title", "url", "added-by"], one: "ファイルか URL" },
  refetch: { options: ["json"], one: "記事の ID か URL" },
  import: { options: ["json", "dry-run", "title", "url", "publisher", "added-by"], one: "ファイルかフォルダ" },
  reindex: { options: ["json"] },
};

/** A verb's entry in VERBS; undefined for an unknown one, whatever it is named (constructor, __proto__). */
function verbOf(command: string) {
  return Object.hasOwn(VERBS, command) ? VERBS[command] : undefined;
}

/**
 * Why a verb refuses an option it would not honour, or undefined when it takes them all: a verb that ran
 * without it would do something else than asked (`remove <ID> --dry-run` would delete). An unknown verb is
 * left to the usage message.
 */
function refuseOptions(command: string, given: readonly string[]): string | undefined {
  const takes = verbOf(command)?.options;
  if (!takes) return undefined;
  const refused = given.find((name) => name !== "corpus" && name !== "help" && !takes.includes(name));
  if (refused === undefined) return undefined;
  if (refused === "dry-run") return refuseDryRun(command);
  const verbs = Object.keys(VERBS).filter((verb) => VERBS[verb]?.options.includes(refused));
  return `--${refused} は ${verbs.join("・")} で使うオプションで、${command} では使えません。${command} は実行していません。--${refused} を外して実行してください。`;
}

/**
 * Why a verb refuses the arguments after it, or undefined: more than the one name it takes (`remove <ID>
 * nope` looked for an article 「<ID> nope」), or any for a verb that takes none (`reindex extra` ignored it).
 */
function refuseArguments(command: string, args: readonly string[]): string | undefined {
  const verb = verbOf(command);
  if (!verb || verb.words !== undefined) return undefined;
  const given = args.map((arg) => `「${arg}」`).join("");
  if (verb.one === undefined && args.length > 0) {
    return `${command} は引数を取りません（${given}が指定されています）。${command} は実行していません。`;
  }
  if (verb.one !== undefined && args.length > 1) {
    const quote = /ファイル|フォルダ/u.test(verb.one) ? `空白を含むパスは "…" で囲んでください。` : "";
    return `${command} には${/^[A-Za-z]/u.test(verb.one) ? " " : ""}${spaced(verb.one)}を一つだけ指定してください（${args.length} 個: ${given}）。${command} は実行していません。${quote}`;
  }
  return undefined;
}

/** A phrase followed by a particle: a space after Latin letters (記事の ID を), none after kana or kanji. */
function spaced(phrase: string): string {
  return /[A-Za-z0-9]$/u.test(phrase) ? `${phrase} ` : phrase;
}

/** Why --dry-run is refused for a verb that does not take it, with what to do instead. */
function refuseDryRun(command: string): string {
  const hints: Record<string, string> = {
    remove: "削除する記事は shiori summary <ID> で確かめてから、--dry-run を付けずに実行してください。",
    refetch: "取り直した結果を保存せずに見るには shiori extract <URL> を使ってください。",
    reindex: "reindex は索引（キャッシュ）を作り直すだけで、記事は変更しません。",
  };
  const hint = hints[command] ?? `${command} は記事を変更しないので、--dry-run は要りません。`;
  return `--dry-run（保存せずに結果を表示する）は add と import でだけ使えます。${command} は実行していません。${hint}`;
}

/** Opens the corpus of a verb that reads it: a folder that is not there is refused, never created. */
async function open(corpusDir: string): Promise<Engine> {
  await requireCorpus(corpusDir);
  return Engine.open({ corpusDir });
}

/**
 * Refuses to search an empty corpus, saying why and what to do: 「見つかりませんでした」 and advice to change
 * the keywords would send the user looking for a mistake they did not make.
 */
function requireArticles(engine: Engine): void {
  if (engine.stats.articles > 0) return;
  throw new UserFacingError("コーパスに記事がありません。shiori add か shiori import で記事を追加してください。");
}
