import { createHash } from "node:crypto";
import { readFileSync, type Stats, statSync } from "node:fs";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { UserFacingError } from "../errors.ts";
import { nextTurn } from "../give-way.ts";
import { type Article, ArticleFormatError, formatArticle, parseArticle, toRfc3339 } from "./article.ts";

/**
 * Articles already parsed, by the hash of their file: parsing YAML front matter is the slow part of
 * reading a large corpus (3 s for livedoor's 7,367 files), and an unchanged file parses the same.
 */
export type ArticleCache = (fileHash: string, text: string) => Article | undefined;

/**
 * What a file's metadata says of it. A file whose size, modification time and inode are those it had
 * when it was read holds the bytes it held then, as make and git assume; a file changed within the
 * same tick of the file system's clock as that reading would keep its time, so a stamp is only taken
 * of a file already SETTLED_MS old (git's "racily clean" entries).
 */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/**
 * A temporary file of another machine's process this young may still be written: an index save takes
 * seconds. Its process id says nothing here (see isAlive).
 */
const IN_FLIGHT_MS = 10 * 60_000;

/**
 * This machine, in the name of its temporary files (see writeFileAtomic): a container is a machine of its
 * own, its process ids its own. 8 hex digits of the host name's hash, which may hold dots.
 */
const HOST = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 8);

/** When this process started, in ms since the epoch (a second early: the clock and uptime are read apart). */
const PROCESS_STARTED = Date.now() - process.uptime() * 1000 - 1_000;

/** A file modified this long before it was read cannot be modified again within the same clock tick. */
const SETTLED_MS = 2_000;

/** The stamp of a file as it is now, or null when it changed too lately to prove anything (see FileStamp). */
export function stampOf(stats: Stats, now = Date.now()): FileStamp | null {
  if (!(stats.mtimeMs < now - SETTLED_MS)) return null;
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

export function sameStamp(a: FileStamp | null | undefined, b: FileStamp | null | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/**
 * An article whose file has not changed since it was last read, as a saved index holds it (front
 * matter, body and the hash of the file), or undefined: the file is then read and hashed.
 */
export type UnchangedFile = (id: string, stamp: FileStamp) => { article: Article; fileHash: string } | undefined;

/** The articles of a corpus folder and a fingerprint of its files' contents. */
export interface CorpusSnapshot {
  readonly articles: Article[];
  /** Per file: its article id and the hash of its bytes. */
  readonly files: ReadonlyMap<string, string>;
  /** Per file: its article id and its stamp when read, null when it was too recent (see FileStamp). */
  readonly stamps: ReadonlyMap<string, FileStamp | null>;
  readonly fingerprint: string;
  /** How many files were read (the others were known unchanged by their stamps). */
  readonly filesRead: number;
  /**
   * Per article id (its file's name): why its file cannot be read as an article. Only with
   * `skipUnreadable`; otherwise the first such file throws.
   */
  readonly unreadable: ReadonlyMap<string, CorpusFileError>;
}

/** Article ids: the first 12 hex digits of a SHA-256 (see `articleIdFor`). */
const ARTICLE_ID = /^[0-9a-f]{12}$/u;
/** The files of a corpus folder that are articles; anything else there (notes.md, README.md) is not. */
const ARTICLE_FILE = /^[0-9a-f]{12}\.md$/u;
/** A temporary file of `writeFileAtomic`: `.<name>.<pid>@<host>.<time>.tmp` (before: no `@<host>`). */
const TEMP_FILE = /^\..+\.(\d+)(?:@([0-9a-f]{8}))?\.(\d+)\.tmp$/u;

/** The file of an article in a corpus folder. Only ids that `readCorpus` reads back are accepted. */
export function articlePath(dir: string, id: string): string {
  if (!ARTICLE_ID.test(id)) throw new Error(`store: invalid article id ${JSON.stringify(id)}`);
  return path.join(dir, `${id}.md`);
}

/**
 * A corpus file that cannot be read as an article. Start-up stops with this message for the operator
 * (skipping the file would silently drop an article from the index). A running engine instead keeps the
 * version it holds and takes in the other changes (see Engine.sync).
 */
export class CorpusFileError extends UserFacingError {
  readonly file: string;
  readonly reason: string;
  /**
   * @param then what the operator does once the file is fixed: start the bot again (the message as it
   * is thrown), or run a command again (`forCommand`)
   */
  constructor(file: string, reason: string, detail: string, then: "start" | "command" = "start") {
    super(
      `コーパスの記事ファイル ${file} を読めません: ${reason}。ファイルを直すか、コーパスのフォルダの外に移してから、もう一度${then === "start" ? "起動" : "実行"}してください。`,
      detail,
    );
    this.file = file;
    this.reason = reason;
  }

  /** The same error told to someone running a CLI command (`shiori list`), who runs it again rather than starts it. */
  forCommand(): CorpusFileError {
    return new CorpusFileError(this.file, this.reason, this.detail ?? "", "command");
  }
}

/** What a saved index knows of a corpus's files, so that unchanged ones are not read or parsed again. */
export interface CorpusCache {
  /** An unchanged file's article, by its stamp: the file is not read at all. */
  readonly unchanged?: UnchangedFile;
  /** A file's parsed article, by the hash of its bytes: the file is read, but its YAML not parsed. */
  readonly parsed?: ArticleCache;
}

/** How `readCorpus` treats the folder. */
export interface ReadOptions {
  /** Remove the temporary files of writes killed midway (at start-up; default true). */
  readonly removeStaleTemps?: boolean;
  /** Give the event loop back after this many files read (files are read and parsed synchronously). */
  readonly giveWayEvery?: number;
  /** A missing folder throws its ENOENT instead of reading as an empty corpus (a running engine's folder). */
  readonly missingThrows?: boolean;
  /**
   * A file that cannot be read as an article is left out and said in `unreadable` instead of stopping
   * the reading (a running engine's folder: see Engine.sync).
   */
  readonly skipUnreadable?: boolean;
}

/**
 * Reads every article of a corpus folder (`<id>.md` files; other files are not articles). A missing
 * folder is an empty corpus. Temporary files left by a write that was killed are removed; those of a
 * process still running, which may be writing right now, stay. A malformed article file stops the
 * reading with a `CorpusFileError` naming the file and what is wrong (or, with `skipUnreadable`, is
 * left out and said in `unreadable`).
 */
export async function readCorpus(
  dir: string,
  cache: CorpusCache = {},
  options: ReadOptions = {},
): Promise<CorpusSnapshot> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !options.missingThrows)
      return {
        articles: [],
        files: new Map(),
        stamps: new Map(),
        fingerprint: fingerprintOf(new Map()),
        filesRead: 0,
        unreadable: new Map(),
      };
    if (code === "ENOENT") throw err;
    // CORPUS_DIR naming a file, or a folder this user may not read: said, not a stack trace
    if (code === "ENOTDIR" || code === "EACCES" || code === "EPERM")
      throw new UserFacingError(
        code === "ENOTDIR"
          ? `コーパスのフォルダとして指定された ${dir} はフォルダではありません。記事のフォルダを指定してください。`
          : `コーパスのフォルダ ${dir} を読み取れません（${code}）。フォルダの権限を確かめてください。`,
        `store: readdir ${dir}: ${(err as Error).message}`,
      );
    throw err;
  }
  if (options.removeStaleTemps ?? true) await removeStaleTemps(dir, names);
  const files = names.filter((n) => ARTICLE_FILE.test(n)).sort();
  const articles: Article[] = [];
  const hashes = new Map<string, string>();
  const stamps = new Map<string, FileStamp | null>();
  const unreadable = new Map<string, CorpusFileError>();
  const now = Date.now();
  let filesRead = 0;
  let givenWayAt = 0;
  for (const name of files) {
    const file = path.join(dir, name);
    const id = name.slice(0, -".md".length);
    let hash: string;
    let article: Article;
    let stamp: FileStamp | null;
    try {
      try {
        const stats = statSync(file);
        // Only a regular file is read: a named pipe would block this thread until something wrote to it,
        // and a device (a link to /dev/zero) is read until memory runs out.
        if (!stats.isFile()) {
          throw new CorpusFileError(
            file,
            "通常のファイルではありません（フォルダ、名前付きパイプ、デバイスなど）",
            `store: ${file} is no regular file`,
          );
        }
        // Stamped before it is read: a change after the stamp makes the next stamp differ.
        stamp = stampOf(stats, now);
        const known = stamp ? cache.unchanged?.(id, stamp) : undefined;
        if (known) {
          hash = known.fileHash;
          article = known.article;
        } else {
          // Sequential synchronous reads: 0.4 s for livedoor's 7,367 files, against 1.7 s for async reads.
          const text = readFileSync(file, "utf8");
          filesRead++;
          hash = createHash("sha256").update(text).digest("hex");
          article = fromCache(cache.parsed?.(hash, text)) ?? parseArticle(text, name);
        }
      } catch (err) {
        if (err instanceof CorpusFileError) throw err;
        if (err instanceof ArticleFormatError) throw new CorpusFileError(file, err.reason, `store: ${err.message}`);
        const code = (err as NodeJS.ErrnoException).code;
        throw new CorpusFileError(
          file,
          code ? `ファイルを読み取れません（${code}）` : "記事の形式になっていません",
          `store: ${file}: ${(err as Error).message}`,
        );
      }
      if (article.id !== id) {
        throw new CorpusFileError(
          file,
          `front matter の id（${article.id}）がファイル名と一致しません（ファイル名は <id>.md）`,
          `store: ${name} holds article id ${article.id}`,
        );
      }
    } catch (err) {
      if (!(options.skipUnreadable && err instanceof CorpusFileError)) throw err;
      unreadable.set(id, err);
      continue;
    }
    articles.push(article);
    hashes.set(article.id, hash);
    stamps.set(article.id, stamp);
    if (options.giveWayEvery && filesRead >= givenWayAt + options.giveWayEvery) {
      givenWayAt = filesRead;
      await nextTurn();
    }
  }
  return { articles, files: hashes, stamps, fingerprint: fingerprintOf(hashes), filesRead, unreadable };
}

/**
 * Removes the temporary files of `writeFileAtomic` whose writing process is gone (killed mid-write);
 * those of a live process stay, as it may be about to rename one into place. Files of any other shape
 * are not ours and are left alone. (The same rule as for the saved index, src/search/persist.ts.)
 */
export async function removeStaleTemps(dir: string, names: readonly string[]): Promise<void> {
  const stale = names.filter((name) => {
    const [, pid, host, time] = TEMP_FILE.exec(name) ?? [];
    return pid !== undefined && !isAlive(Number(pid), host, Number(time));
  });
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
}

/**
 * Whether the process that wrote a temporary file at `time` runs. On this machine, signal 0 checks without
 * sending anything (EPERM: it runs as another user), and this process's id on a file written before it
 * started is a process gone: a bot in a container is pid 1 at each start, and its files killed mid-write
 * were kept for ever. Another machine's ids (a CLI in another container beside the bot, pid 1 as the bot
 * is) say nothing here: its file is taken for in flight while it is young (IN_FLIGHT_MS), and so is one
 * named before machines were (no host).
 */
function isAlive(pid: number, host: string | undefined, time: number): boolean {
  if (host !== HOST) return Date.now() - time < IN_FLIGHT_MS;
  if (pid === process.pid) return time >= PROCESS_STARTED;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A cached article as `parseArticle` would give it today (an index saved before kept `+0900` times). */
function fromCache(article: Article | undefined): Article | undefined {
  if (!article?.publishedAt) return article;
  const publishedAt = toRfc3339(article.publishedAt);
  return publishedAt === article.publishedAt ? article : { ...article, publishedAt };
}

/** One hash for a whole corpus: ids and file hashes, in id order. */
export function fingerprintOf(files: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  for (const id of [...files.keys()].sort()) hash.update(`${id}\0${files.get(id)}\n`);
  return hash.digest("hex");
}

/** The hash of an article's file as `readCorpus` computes it. */
export function fileHashOf(article: Article): string {
  return createHash("sha256").update(formatArticle(article)).digest("hex");
}

/**
 * Writes an article atomically: a temporary file in the same folder, flushed to disk, then renamed over
 * `<id>.md`. A crash leaves either the old file or the new one, never half of one.
 */
export async function writeArticle(dir: string, article: Article): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = articlePath(dir, article.id);
  await writeFileAtomic(target, formatArticle(article));
  return target;
}

/** Removes an article's file. Returns false when there was none. */
export async function deleteArticle(dir: string, id: string): Promise<boolean> {
  try {
    await rm(articlePath(dir, id));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}

/**
 * A failed write of the corpus folder, as the moderator who asked for it is told: a full disk, a folder
 * that cannot be written and one that is gone (see Engine's #folderToWrite) are the operator's to mend, and say so, with `outcome`, what was and was not done
 * (the caller knows: one article, or how many of an import); any other error is a bug, returned as it is.
 */
export function asStorageError(err: unknown, outcome: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  const detail = (err as Error).message;
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new UserFacingError(
      `ディスクの空きが足りないため、${outcome}空きを作ってからもう一度お試しください（サーバーの管理者に知らせてください）。`,
      detail,
    );
  }
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new UserFacingError(
      `記事のフォルダーが見つからないため、${outcome}フォルダーを元の場所に戻してもらうよう、サーバーの管理者に知らせてください。`,
      detail,
    );
  }
  if (code === "EROFS" || code === "EACCES" || code === "EPERM") {
    return new UserFacingError(
      `記事のフォルダーに書き込めないため、${outcome}フォルダーの書き込み権限をサーバーの管理者に確かめてもらってください。`,
      detail,
    );
  }
  return err;
}

/**
 * Writes a file by way of a flushed temporary file and a rename. `data` may be a list of chunks, written
 * in order, so that a large file never has to be one buffer in memory.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array | readonly Uint8Array[],
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}@${HOST}.${Date.now()}.tmp`);
  const handle = await open(temp, "w");
  try {
    try {
      // writeFile writes all of a chunk, or throws: write() may write part of it and say so only in its
      // result (a disk that fills up mid-chunk), which left a truncated index renamed over the good one.
      if (typeof data === "string" || data instanceof Uint8Array) await handle.writeFile(data);
      else for (const chunk of data) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    // A write that failed halfway (a full disk) leaves no temporary file behind: removeStaleTemps spares
    // the files of a live process, and this one's would take the space a retry needs.
    await rm(temp, { force: true });
    throw err;
  }
  try {
    const dirHandle = await open(dir, "r");
    await dirHandle.sync().finally(() => dirHandle.close());
  } catch {
    // Some filesystems cannot fsync a directory; the rename itself is still atomic.
  }
}
