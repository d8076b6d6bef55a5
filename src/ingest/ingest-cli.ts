import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { type Article, addressKey, bodyBlocks, createArticle, typedUrl } from "../article/article.ts";
import { importPlainText } from "../article/import-text.ts";
import { asStorageError } from "../article/store.ts";
import { loadFetchConfig } from "../config.ts";
import { Engine, PartlyStoredError } from "../engine.ts";
import { UsageError, UserFacingError } from "../errors.ts";
import { NO_KEY_POINTS } from "../render/notes.ts";
import { indexPath } from "../search/persist.ts";
import { addArticle, type DryRunResult, previewArticle, refetchArticle } from "./add-article.ts";
import { type FetchOptions, formatByteLimit, formatByteSize } from "./fetch-page.ts";
import { fetchOptionsOf } from "./ingest.ts";
import { type ArticleSource, decodeFile, type ReadArticle } from "./read-source.ts";

/** The command-line verbs of this module. */
export const INGEST_COMMANDS = ["add", "refetch", "extract", "import", "reindex"] as const;
export type IngestCommand = (typeof INGEST_COMMANDS)[number];

export const INGEST_USAGE = `  add <URL|ファイル|->     記事を追加する（URL・.html/.htm/.txt/.md・- で標準入力のテキスト）
                          --title, --url（ファイルやテキストの出典）, --added-by,
                          --dry-run（保存せずに抽出結果を表示）
  refetch <ID|URL>        記事を取得元 URL から取り直し、変わっていれば置き換える
  extract <ファイル|URL>  記事を抽出して表示する（保存しない。--url で元の URL を指定）
  import <ファイル|フォルダ> プレーンテキスト記事（seed・livedoor 形式）をまとめて取り込む
                          --title, --url（1 ファイルのとき）, --publisher, --added-by,
                          --dry-run（保存せずに、追加とスキップになる記事を表示）
  reindex                 索引をコーパスから作り直す`;

export interface IngestFlags {
  readonly json: boolean;
  readonly dryRun: boolean;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  readonly publisher?: string | undefined;
  readonly addedBy?: string | undefined;
}

export interface IngestIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A terminal for the progress bar of `import`; without one, progress is printed as lines. */
  readonly progress?: NodeJS.WriteStream | undefined;
  /** Standard input, for `add -`. */
  readonly stdin?: NodeJS.ReadableStream | undefined;
  /**
   * Calls `stop` on the user's Ctrl-C while an import writes, until the returned function is called (the
   * command line: SIGINT). Without it, an import is not stopped but killed.
   */
  readonly onInterrupt?: ((stop: () => void) => () => void) | undefined;
}

/** Runs one of the ingestion verbs; returns the exit code. Refusals are thrown as UserFacingError. */
export async function runIngestCommand(
  command: IngestCommand,
  args: readonly string[],
  given: IngestFlags,
  corpusDir: string,
  io: IngestIo,
): Promise<number> {
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  // A URL pasted from Discord comes as <https://…>: taken as Discord's options take it.
  const arg = typedUrl(args.join(" "));
  const flags = given.url === undefined ? given : { ...given, url: typedUrl(given.url) };
  switch (command) {
    case "extract": {
      if (!arg)
        throw new UsageError(
          "抽出するファイルか URL を指定してください。例: shiori extract --json page.html --url https://…",
        );
      const preview = await previewArticle(null, await sourceOf(arg, flags, io), {
        ...sourceOptions(io.env),
        addedBy: flags.addedBy ?? "cli",
      });
      if (flags.json) json(extractedJson(preview));
      else io.out(previewText(preview));
      return 0;
    }
    case "add": {
      if (!arg)
        throw new UsageError(
          "追加する URL かファイルを指定してください。例: shiori add https://example.jp/news/1.html",
        );
      // A file given as the corpus is refused before anything is read or fetched.
      const exists = await corpusExists(corpusDir);
      const source = await sourceOf(arg, flags, io);
      const options = { ...sourceOptions(io.env), addedBy: flags.addedBy ?? "cli" };
      if (flags.dryRun) {
        // No folder yet: nothing to be a duplicate of, and a dry run creates none.
        if (!exists) io.err(notYetCreated(corpusDir));
        const preview = await previewArticle(exists ? await Engine.open({ corpusDir }) : null, source, options);
        if (flags.json) json({ ...extractedJson(preview), duplicateOf: preview.duplicateOf?.id ?? null });
        else io.out(previewText(preview));
        return 0;
      }
      await ensureCorpus(corpusDir, io, exists);
      const engine = await Engine.open({ corpusDir });
      const added = await addArticle(engine, source, options);
      const summary = engine.summary(added.article.id);
      if (flags.json) {
        json({
          id: added.article.id,
          title: added.article.title,
          url: added.article.url,
          publisher: added.article.publisher,
          author: added.article.author,
          publishedAt: added.article.publishedAt,
          passages: added.passages,
          lead: added.lead,
          keyPoints: summary.points.map((p) => p.text),
        });
      } else {
        io.out(
          [
            `追加しました: ${added.article.id}`,
            `  タイトル: ${added.article.title}`,
            `  日付: ${added.article.publishedAt ?? "（不明）"}`,
            `  URL: ${added.article.url || "（なし）"}`,
            `  段落: ${added.passages}`,
            "  要点:",
            ...(summary.points.length ? summary.points.map((p) => `    ・${p.text}`) : [`    ${NO_KEY_POINTS}`]),
          ].join("\n"),
        );
      }
      return 0;
    }
    case "refetch": {
      if (!arg) throw new UsageError("取り直す記事の ID か URL を指定してください。例: shiori refetch b91adfa52dd3");
      await requireCorpus(corpusDir);
      const engine = await Engine.open({ corpusDir });
      const result = await refetchArticle(engine, arg, sourceOptions(io.env));
      if (flags.json) {
        json({
          id: result.article.id,
          changed: result.changed,
          title: result.title,
          url: result.url,
          characters: result.characters,
          passages: result.passages,
        });
      } else if (!result.changed) {
        io.out(`変更はありませんでした: ${result.article.id}「${result.article.title}」`);
      } else {
        const lines = [`更新しました: ${result.article.id}`];
        if (result.title) lines.push(`  タイトル: ${result.title.before} → ${result.title.after}`);
        else lines.push(`  タイトル: ${result.article.title}（変更なし）`);
        if (result.url) lines.push(`  URL: ${result.url.before} → ${result.url.after}`);
        lines.push(`  本文: ${result.characters.before} → ${result.characters.after} 文字`);
        lines.push(`  段落: ${result.passages.before} → ${result.passages.after}`);
        io.out(lines.join("\n"));
      }
      return 0;
    }
    case "import":
      return importFiles(arg, flags, corpusDir, io);
    case "reindex": {
      await requireCorpus(corpusDir);
      const started = performance.now();
      await rm(indexPath(corpusDir), { force: true }).catch((err: unknown) => {
        // A folder where the index file goes, or a file where its folder goes: said below, when the new
        // index cannot be saved there either.
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "ERR_FS_EISDIR" || code === "EISDIR" || code === "ENOTDIR") return;
        throw asStorageError(err, "索引を作り直せませんでした。");
      });
      const engine = await Engine.open({ corpusDir });
      // Built, but not saved (a full disk): the next start-up would build it again.
      if (!engine.stats.indexSaved) {
        const blocker = await indexBlocker(corpusDir);
        if (blocker) {
          throw new UserFacingError(
            `索引は作り直しましたが、${blocker}があるため保存できませんでした。それを別の場所に移すか削除してから、もう一度 shiori reindex を実行してください。保存できるまで、起動のたびに作り直します。`,
            `reindex: the index could not be saved: ${blocker}`,
          );
        }
        throw new UserFacingError(
          "索引は作り直しましたが、保存できませんでした（ディスクの空きか、コーパスのフォルダーの書き込み権限を確かめてください）。保存できるまで、起動のたびに作り直します。",
          "reindex: the index was built but could not be saved (see engine.save.failed)",
        );
      }
      const stats = { ...engine.stats, seconds: Math.round(performance.now() - started) / 1000 };
      if (flags.json) json(stats);
      else io.out(`索引を作り直しました: ${stats.articles} 件、${stats.passages} 段落（${stats.seconds} 秒）。`);
      return 0;
    }
  }
}

/**
 * Whether the corpus folder exists. A path that is a file, or runs through one, is refused: a typo in
 * --corpus (or --corpus /etc/passwd) is said as such, never taken for an empty library.
 */
async function corpusExists(dir: string): Promise<boolean> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return false;
    if (code === "ENOTDIR") {
      throw new UserFacingError(
        `コーパスのフォルダ ${dir} は使えません（パスの途中がファイルです）。--corpus（または CORPUS_DIR）のパスを確かめてください。`,
        `cli: corpus ${dir}: ENOTDIR`,
      );
    }
    throw new UserFacingError(
      `コーパスのフォルダ ${dir} を開けません（${code ?? (err as Error).message}）。パスと読み取りの権限を確かめてください。`,
      `cli: corpus ${dir}: ${(err as Error).message}`,
    );
  }
  if (!info.isDirectory()) {
    throw new UserFacingError(
      `${dir} はフォルダではありません。--corpus（または CORPUS_DIR）には、記事（<ID>.md）を置くコーパスのフォルダを指定してください。`,
      `cli: corpus ${dir} is no folder`,
    );
  }
  return true;
}

/** For the verbs that read a corpus: a missing folder is a mistyped path, not an empty library. */
export async function requireCorpus(dir: string): Promise<void> {
  if (await corpusExists(dir)) return;
  throw new UserFacingError(
    `コーパスのフォルダが見つかりません: ${dir}。--corpus（または CORPUS_DIR）のパスを確かめてください。新しいコーパスは、shiori add か shiori import で最初の記事を追加すると作られます。`,
    `cli: no corpus folder ${dir}`,
  );
}

/**
 * For add and import: a missing folder is created, and the user told (a mistyped path shows at once).
 * `exists`, when the caller has looked already.
 */
async function ensureCorpus(dir: string, io: IngestIo, exists?: boolean): Promise<void> {
  if (exists ?? (await corpusExists(dir))) return;
  await mkdir(dir, { recursive: true }).catch((err: unknown) => {
    throw asStorageError(err, "コーパスのフォルダを作れませんでした。");
  });
  io.err(`コーパスのフォルダ ${dir} がなかったので、新しく作りました。`);
}

function notYetCreated(dir: string): string {
  return `コーパスのフォルダ ${dir} はまだありません（--dry-run のため作っていません。実行すると作ります）。`;
}

/** What stands where the saved index goes, if anything: a folder named like its file, a file named like its folder. */
async function indexBlocker(corpusDir: string): Promise<string | null> {
  const file = indexPath(corpusDir);
  const kind = (p: string) =>
    stat(p).then(
      (info) => (info.isDirectory() ? "folder" : "file"),
      () => null,
    );
  if ((await kind(path.dirname(file))) === "file") return `索引のフォルダの場所（${path.dirname(file)}）にファイル`;
  if ((await kind(file)) === "folder") return `索引のファイルの場所（${file}）にフォルダ`;
  return null;
}

function sourceOptions(env: IngestIo["env"]): { fetch: FetchOptions } {
  return { fetch: fetchOptionsOf(loadFetchConfig(env)) };
}

const NO_TEXT_ON_STDIN = {
  message:
    "標準入力のデータは文字として読めません（画像などのデータか、文字化けしたテキストのようです）。記事の本文のテキストを渡してください。",
  detail: "cli: binary data on standard input",
};

/** A URL (anything with a scheme), `-` for standard input, or a file. */
async function sourceOf(arg: string, flags: IngestFlags, io: IngestIo): Promise<ArticleSource> {
  if (/^[a-z][a-z0-9+.-]*:/iu.test(arg) && !/^[a-z]:[\\/]/iu.test(arg)) {
    // the page's own address is its source: another given with --url would be ignored
    if (flags.url !== undefined) {
      throw new UsageError(
        "--url はファイルや貼り付けたテキストの出典を指定するオプションです。URL から追加するときは、その URL が出典になるため --url は使えません。--url を外して実行してください。",
      );
    }
    return { kind: "url", url: arg, title: flags.title };
  }
  if (arg === "-") {
    if (!io.stdin) throw new UserFacingError("標準入力を読めません。ファイルを指定してください。");
    // typed at a terminal, nothing would say that shiori waits for the text, nor how to end it
    if ((io.stdin as { isTTY?: boolean }).isTTY) {
      io.err(
        "記事の本文を貼り付けて、最後に改行してから Ctrl-D（Windows では Ctrl-Z と Enter）を押してください。1 行目が見出しになります（または --title で指定）。",
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    // A pipe from a Windows tool may well be Shift_JIS: the charset is detected as for files.
    const { text } = decodeFile(Buffer.concat(chunks), { html: false }, NO_TEXT_ON_STDIN);
    return { kind: "text", text, title: flags.title, url: flags.url };
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(arg);
  } catch {
    throw new UserFacingError(
      `ファイルが見つかりません: ${arg}。ファイルのパスを確かめてください。URL なら http:// か https:// から書いてください。`,
      `cli: no file ${arg}`,
    );
  }
  if (info.isDirectory()) {
    throw new UserFacingError(
      `${arg} はフォルダです。add はファイル一つか URL 一つを追加します。フォルダの .txt ファイルをまとめて取り込むには shiori import ${arg} を使ってください。`,
      `cli: ${arg} is a folder`,
    );
  }
  if (!info.isFile()) {
    throw new UserFacingError(
      `${arg} はファイルではありません。記事のファイルを指定してください。`,
      `cli: ${arg} is no file`,
    );
  }
  const size = info.size;
  const maxBytes = loadFetchConfig(io.env).maxBytes;
  if (size > maxBytes) {
    throw new UserFacingError(
      `ファイルが大きすぎます（${formatByteSize(size)}、上限 ${formatByteLimit(maxBytes)}）。記事の本文だけにして、もう一度試してください。`,
      `cli: ${arg} is ${size} bytes`,
    );
  }
  return { kind: "file", name: arg, bytes: await readFile(arg), url: flags.url, title: flags.title };
}

/** The extracted article as `extract --json` prints it. */
function extractedJson(preview: DryRunResult): Record<string, unknown> {
  const { article, source } = preview;
  const blocks = bodyBlocks(article.body);
  return {
    title: article.title,
    author: article.author,
    publishedAt: article.publishedAt,
    url: article.url,
    siteName: source.siteName ?? article.publisher,
    lead: preview.lead,
    paragraphs: blocks.filter((b) => b.kind === "paragraph").map((b) => b.text),
    headings: blocks.filter((b) => b.kind === "heading").map((b) => b.text),
    captions: article.captions,
    canonicalUrl: source.canonicalUrl,
    id: article.id,
    sourceFormat: article.sourceFormat,
    charset: source.decoding ? describeDecoding(source.decoding) : null,
  };
}

function describeDecoding(decoding: NonNullable<ReadArticle["decoding"]>): string {
  return decoding.declaredWrong
    ? `${decoding.charset} (declared ${decoding.declaredWrong}, corrected)`
    : `${decoding.charset} (${decoding.source})`;
}

function previewText(preview: DryRunResult): string {
  const { article } = preview;
  const paragraphs = bodyBlocks(article.body).filter((b) => b.kind === "paragraph");
  const lines = [
    `タイトル: ${article.title}`,
    `著者: ${article.author ?? "（不明）"}`,
    `日付: ${article.publishedAt ?? "（不明）"}`,
    `URL: ${article.url || "（なし）"}`,
    `サイト: ${preview.source.siteName ?? article.publisher}`,
    `リード: ${preview.lead}`,
    `段落: ${paragraphs.length}（${paragraphs.reduce((n, b) => n + b.text.length, 0)} 文字）`,
  ];
  if (preview.source.decoding) lines.push(`文字コード: ${describeDecoding(preview.source.decoding)}`);
  if (preview.duplicateOf) lines.push(`注意: すでに登録済みの記事と重複しています（ID: ${preview.duplicateOf.id}）`);
  lines.push("", ...paragraphs.slice(0, 3).map((p) => p.text));
  if (paragraphs.length > 3) lines.push("…");
  return lines.join("\n");
}

/** Bulk import of plain-text files (seed or livedoor shape), with a progress bar and periodic index saves. */
async function importFiles(target: string, flags: IngestFlags, corpusDir: string, io: IngestIo): Promise<number> {
  if (!target) throw new UsageError("取り込むファイルかフォルダを指定してください。例: shiori import ./livedoor");
  const started = performance.now();
  const { files, others } = await textFilesOf(target);
  if (files.length > 1 && (flags.title || flags.url)) {
    throw new UsageError("--title と --url は 1 ファイルを取り込むときだけ指定できます。");
  }
  // A dry run into a folder not made yet compares with no article, and creates nothing.
  let engine: Engine | null = null;
  if (flags.dryRun && !(await corpusExists(corpusDir))) io.err(notYetCreated(corpusDir));
  else {
    if (!flags.dryRun) await ensureCorpus(corpusDir, io);
    engine = await Engine.open({ corpusDir });
  }
  const imported: Article[] = [];
  // A folder's pages and images are not imported as text; each is listed with what to do instead.
  const skipped: { file: string; reason: string }[] = others.map((file) => ({ file, reason: notPlainText(file) }));
  const byId = new Set<string>();
  const byHash = new Map<string, string>();
  const byUrl = new Map<string, string>();
  for (const ref of engine?.list() ?? []) {
    const a = engine?.article(ref.articleId);
    if (!a) continue;
    byId.add(a.id);
    byHash.set(a.contentHash, a.id);
    if (a.url) byUrl.set(addressKey(a.url), a.id);
  }
  const at = new Date();
  for (const file of files) {
    try {
      // Older corpora are often Shift_JIS or EUC-JP: the charset is detected, not assumed to be UTF-8.
      const draft = importPlainText(decodeFile(await readFile(file), { html: false }).text, {
        title: flags.title,
        url: flags.url,
        publisher: flags.publisher,
      });
      const article = createArticle(draft, { by: flags.addedBy ?? "cli", at });
      const existing =
        (byId.has(article.id) ? article.id : undefined) ??
        byHash.get(article.contentHash) ??
        (article.url ? byUrl.get(addressKey(article.url)) : undefined);
      if (existing) {
        skipped.push({ file, reason: `同じ記事がすでにあります（ID: ${existing}）` });
        continue;
      }
      byId.add(article.id);
      byHash.set(article.contentHash, article.id);
      if (article.url) byUrl.set(addressKey(article.url), article.id);
      imported.push(article);
    } catch (err) {
      if (!(err instanceof UserFacingError)) throw err;
      skipped.push({ file, reason: err.message });
    }
  }
  const report = () => {
    const seconds = Math.round(performance.now() - started) / 1000;
    const articles = engine?.stats.articles ?? 0;
    const passages = engine?.stats.passages ?? 0;
    const { dryRun } = flags;
    if (flags.json) {
      const found = imported.map((a) => ({ id: a.id, title: a.title, url: a.url }));
      json(io, { dryRun, imported: found, skipped, articles, passages, seconds });
    } else {
      const verb = dryRun ? "追加します" : "追加しました";
      if (imported.length <= 20) for (const a of imported) io.out(`${verb}: ${a.id}  ${a.title}`);
      reportSkipped(skipped, io);
      io.out(
        dryRun
          ? `--dry-run のため、何も保存していません。実行すると ${imported.length} 件を追加し、${skipped.length} 件をスキップします（いまのコーパス: ${articles} 件、${seconds} 秒）。`
          : `${imported.length} 件を追加、${skipped.length} 件をスキップしました（コーパス: ${articles} 件、${passages} 段落、${seconds} 秒）。`,
      );
    }
    return imported.length === 0 && skipped.length > 0 ? 1 : 0;
  };
  // A dry run: what an import would do, from the same checks, and nothing written.
  if (flags.dryRun) return report();
  if (!engine) throw new Error("import: no engine outside a dry run");
  const bar =
    io.progress?.isTTY && !flags.json && imported.length > 1
      ? new SingleBar({
          stream: io.progress,
          format: "取り込み中 [{bar}] {value}/{total} 件 | 経過 {duration_formatted} | 残り {eta_formatted}",
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 200,
        })
      : null;
  bar?.start(imported.length, 0);
  // Ctrl-C stops the import between two articles: those written are indexed and saved, as after a batch, and
  // the terminal gets its cursor back from the bar. A second Ctrl-C kills at once (every file is written
  // whole or not at all; the next start-up indexes what the index lacks).
  const interrupt = new AbortController();
  const release = io.onInterrupt?.(() => {
    bar?.stop();
    io.err("中断しています… 書き込み中の記事を保存して止めます（すぐに止めるには、もう一度 Ctrl-C）。");
    interrupt.abort();
  });
  // The index is saved after each batch: an import stopped halfway keeps what it finished.
  const BATCH = 1000;
  let done = 0;
  try {
    for (let i = 0; i < imported.length && !interrupt.signal.aborted; i += BATCH) {
      const batch = imported.slice(i, i + BATCH);
      done += await engine.putAll(
        batch,
        (n) => {
          const total = done + n;
          bar?.update(total);
          if (!bar && !flags.json && imported.length > 1 && (total % 500 === 0 || total === imported.length)) {
            io.err(`取り込み中… ${total}/${imported.length}`);
          }
        },
        interrupt.signal,
      );
    }
  } catch (err) {
    if (!(err instanceof PartlyStoredError)) throw err;
    // A full disk mid-import: what was written is stored and indexed; say how much.
    const stored = done + err.stored;
    throw asStorageError(
      err.cause,
      `取り込みを途中で止めました。${stored} 件は追加済みで、残りの ${imported.length - stored} 件は追加されていません。`,
    );
  } finally {
    release?.();
    bar?.stop();
  }
  if (interrupt.signal.aborted) {
    const articles = engine.stats.articles;
    const message = `中断しました。${done} 件を追加済みで、残りの ${imported.length - done} 件は追加していません（コーパス: ${articles} 件）。同じ import をもう一度実行すると、追加済みの記事はスキップして続きを取り込みます。`;
    if (flags.json) json(io, { interrupted: true, imported: done, notImported: imported.length - done, articles });
    io.err(message);
    return 130;
  }
  return report();
}

/** The files skipped, on stderr: the first 50, then how many more. */
function reportSkipped(skipped: readonly { file: string; reason: string }[], io: IngestIo): void {
  for (const s of skipped.slice(0, 50)) io.err(`スキップ: ${s.file}: ${s.reason}`);
  if (skipped.length > 50) io.err(`ほか ${skipped.length - 50} 件をスキップしました。`);
}

function json(io: IngestIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Pages and Markdown: `add` extracts their text, `import` would store their markup as text. */
const MARKUP_FILE = /\.(?:html?|xhtml|(md|markdown))$/iu;
/** Plain text: what `import` reads (a file without an extension is looked at, too). */
const TEXT_FILE = /\.(txt|text)$/iu;
/**
 * A folder's own notes, not articles (the livedoor corpus has a README, a CHANGES and LICENSEs): these
 * names alone, or with a language (of a short list) or a licence after them (README.ja.txt, README_EN.txt,
 * LICENSE-MIT.txt), with a text or Markdown extension or none. An article whose name only starts like one
 * (changes-in-policy.txt, readme-first.txt) is an article: once, any such name was passed over unsaid.
 */
const NOTES_FILE =
  /^(README|LICENSE|LICENCE|COPYING|CHANGES|CHANGELOG)([._-](?:(?:ja|en|zh|ko|fr|de|es|it|pt|ru)(?:[-_][a-z]{2})?|mit|bsd|apache|gpl|lgpl|mpl|cc))?(\.(txt|text|md))?$/iu;

/** Why `import` does not take a file that is not plain text, and what to do instead. */
function notPlainText(file: string): string {
  const markup = MARKUP_FILE.exec(file);
  if (markup) {
    return `${markup[1] ? "Markdown" : "HTML"} のファイルは import では取り込めません（import はプレーンテキストの記事を取り込みます）。本文を抽出して追加するには shiori add ${file} を使ってください。`;
  }
  return `プレーンテキストのファイル（.txt）ではないため、取り込みませんでした。記事の本文を .txt で保存して取り込んでください。`;
}

/**
 * A file, or the .txt files of a folder and its subfolders (the livedoor corpus has one per category),
 * with the folder's other files (pages, images), which are reported as skipped. Hidden files and
 * folders (.git, .DS_Store) and a folder's README, LICENSE and CHANGES are passed over in silence.
 */
async function textFilesOf(target: string): Promise<{ files: string[]; others: string[] }> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(target);
  } catch {
    throw new UserFacingError(`ファイルかフォルダが見つかりません: ${target}。パスを確かめてください。`);
  }
  if (!info.isDirectory()) {
    const name = path.basename(target);
    // A page imported as text would be stored tags and all.
    if (path.extname(name) && !TEXT_FILE.test(name)) {
      throw new UserFacingError(`${target}: ${notPlainText(target)}`, `cli: import of ${target} refused (not .txt)`);
    }
    return { files: [target], others: [] };
  }
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const others: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || NOTES_FILE.test(e.name)) continue;
    const file = path.join(e.parentPath, e.name);
    if (
      path
        .relative(target, file)
        .split(path.sep)
        .some((part) => part.startsWith("."))
    )
      continue;
    (TEXT_FILE.test(e.name) ? files : others).push(file);
  }
  return { files: files.sort(), others: others.sort() };
}
