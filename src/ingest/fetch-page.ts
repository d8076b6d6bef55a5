import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns";
import type { Socket } from "node:net";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { Agent, buildConnector, type Dispatcher, request } from "undici";
import { withoutCredentials } from "../article/article.ts";
import { SourceRefusal, UserFacingError } from "../errors.ts";
import { type AddressPolicy, type AddressVerdict, checkAddress } from "./address-policy.ts";
import { isBinary } from "./decode-text.ts";

/** How a page is fetched. Every limit has a value in the configuration (see `loadFetchConfig`). */
export interface FetchOptions {
  /** Largest body accepted, in bytes (after decompression). */
  readonly maxBytes: number;
  /** Time for the whole fetch, redirects and body included. */
  readonly timeoutMs: number;
  /** Time to open one connection. */
  readonly connectTimeoutMs: number;
  /** Redirects followed at most; each one is checked again like the first address. */
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly policy: AddressPolicy;
  /**
   * Resolves a host name to its addresses; the system resolver by default. The fetcher checks what this
   * returns and connects only to an address it allowed, so a name that resolves to a public address
   * once and to 127.0.0.1 the next time (DNS rebinding) cannot get through.
   */
  readonly resolve?: (hostname: string) => Promise<readonly LookupAddress[]>;
}

/** What kind of document a response holds. Only these two are turned into articles. */
export type PageKind = "html" | "text";

export interface FetchedPage {
  /** The address asked for. */
  readonly url: string;
  /** The address of the document after redirects. */
  readonly finalUrl: string;
  readonly redirects: readonly string[];
  readonly status: number;
  /** The media type without parameters, e.g. `text/html`; empty when the server sent none. */
  readonly contentType: string;
  /** The charset of the Content-Type header, as sent; null when there was none. */
  readonly charset: string | null;
  readonly kind: PageKind;
  readonly bytes: Uint8Array;
  /** The IP address the document came from. */
  readonly address: string;
}

type ResponseBody = Dispatcher.ResponseData["body"];

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const TEXT_TYPES = new Set(["text/plain", "text/markdown", "text/x-markdown"]);
/** Types that say nothing: the first bytes decide. */
const UNKNOWN_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown"]);

/**
 * Fetches a page a moderator asked for, safely: http and https only, the connected address checked
 * against the policy (after DNS, on the socket itself), redirects followed by hand and each one checked
 * again, a total and a connection time limit, a size cap enforced while reading, and a clear refusal
 * for anything that is not HTML or plain text.
 *
 * Every refusal is a `SourceRefusal` whose message tells the moderator what happened and what to do.
 */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const guard = createGuard(options);
  const agent = new Agent({
    connect: guard.connect,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connections: 1,
    pipelining: 0,
  });
  try {
    return await follow(url, options, agent, guard, controller.signal);
  } catch (err) {
    throw explain(err, { url, options, timedOut, blocked: guard.blocked });
  } finally {
    clearTimeout(timer);
    await agent.destroy().catch(() => {});
  }
}

async function follow(
  start: string,
  options: FetchOptions,
  agent: Agent,
  guard: Guard,
  signal: AbortSignal,
): Promise<FetchedPage> {
  const redirects: string[] = [];
  let current = checkUrl(start, options.policy);
  for (;;) {
    const response = await request(current, {
      method: "GET",
      dispatcher: agent,
      signal,
      headers: {
        "user-agent": options.userAgent,
        accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        "accept-language": "ja,en;q=0.5",
        "accept-encoding": "gzip, deflate, br",
      },
    });
    const status = response.statusCode;
    if (REDIRECT_STATUS.has(status)) {
      discard(response.body);
      const location = header(response.headers, "location");
      if (!location)
        throw refusal(
          `サイトが転送先を示さずに転送を返しました（HTTP ${status}）。`,
          "ブラウザで開いて、最終的な記事の URL を指定してください。",
          "fetch: redirect without location",
        );
      if (redirects.length >= options.maxRedirects) {
        throw refusal(
          `転送（リダイレクト）が多すぎます（${options.maxRedirects} 回まで）。`,
          "転送先の最終的な URL を直接指定してください。",
          `fetch: more than ${options.maxRedirects} redirects from ${start}`,
        );
      }
      let target: URL;
      try {
        target = new URL(location, current);
      } catch {
        throw refusal(
          `サイトが解釈できない転送先（${shorten(location)}）を返しました。`,
          "ブラウザで開いて、最終的な記事の URL を直接指定してください。",
          `fetch: invalid redirect location ${JSON.stringify(location)} from ${current.href}`,
        );
      }
      const next = checkUrl(target.href, options.policy);
      redirects.push(next.href);
      current = next;
      continue;
    }
    if (status < 200 || status > 299) {
      discard(response.body);
      throw httpRefusal(status, current.href);
    }
    const { type, charset } = parseContentType(header(response.headers, "content-type"));
    if (!HTML_TYPES.has(type) && !TEXT_TYPES.has(type) && !UNKNOWN_TYPES.has(type)) {
      discard(response.body);
      throw unsupportedType(type);
    }
    const length = Number(header(response.headers, "content-length") ?? Number.NaN);
    const encoding = (header(response.headers, "content-encoding") ?? "identity").trim().toLowerCase();
    if (Number.isFinite(length) && encoding === "identity" && length > options.maxBytes) {
      discard(response.body);
      throw tooLarge(options.maxBytes);
    }
    const bytes = await readCapped(response.body, encoding, options.maxBytes);
    let kind: PageKind;
    if (HTML_TYPES.has(type) || TEXT_TYPES.has(type)) {
      // An image a server labels text/plain would be stored as mojibake.
      if (isBinary(bytes, { header: charset, html: HTML_TYPES.has(type) })) throw notText(type);
      kind = HTML_TYPES.has(type) ? "html" : "text";
    } else kind = sniff(bytes, type);
    return {
      url: start,
      finalUrl: current.href,
      redirects,
      status,
      contentType: type,
      charset,
      kind,
      bytes,
      address: guard.connected ?? "",
    };
  }
}

/** Parses and checks an address before any connection: scheme, credentials, and an IP literal host. */
export function checkUrl(value: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw refusal(
      "URL を解釈できませんでした。",
      "http:// か https:// で始まる URL を指定してください。",
      // (a password in a URL that does not parse is still one: 「https://user:pass@intra example.jp/」)
      `fetch: invalid URL ${JSON.stringify(withoutCredentials(value))}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refusal(
      `${url.protocol.replace(/:$/u, "")} の URL は取り込めません。`,
      "http:// か https:// で始まる URL を指定してください。",
      `fetch: scheme ${url.protocol} refused`,
    );
  }
  if (url.username || url.password) {
    throw refusal(
      "ユーザー名やパスワードを含む URL は取り込めません。",
      "公開されているページの URL を指定してください。",
      "fetch: credentials in URL",
    );
  }
  url.hash = "";
  const literal = url.hostname.replace(/^\[|\]$/gu, "");
  if (/^[\d.]+$/u.test(literal) || literal.includes(":")) {
    const verdict = checkAddress(literal, policy);
    if (!verdict.allowed) throw blockedRefusal(url.hostname, verdict);
  }
  return url;
}

interface Guard {
  readonly connect: buildConnector.connector;
  blocked: (AddressVerdict & { host: string }) | null;
  connected: string | null;
}

/**
 * The connection guard: a DNS lookup that only hands over allowed addresses, and a check of the address
 * the socket is actually connected to (which also covers IP literals, where no lookup happens).
 */
function createGuard(options: FetchOptions): Guard {
  const resolve = options.resolve ?? systemResolve;
  const guard: Guard = {
    blocked: null,
    connected: null,
    connect: (connectOptions, callback) => {
      inner(connectOptions, (err, socket) => {
        if (err || !socket) {
          callback(err ?? new Error("fetch: no socket"), null);
          return;
        }
        const remote = (socket as Socket).remoteAddress ?? "";
        const verdict = checkAddress(remote, options.policy);
        if (!verdict.allowed) {
          guard.blocked = { ...verdict, host: connectOptions.hostname };
          socket.destroy();
          callback(new Error(`fetch: connected address ${remote} refused`), null);
          return;
        }
        guard.connected = verdict.address;
        callback(null, socket);
      });
    },
  };
  const lookup = (
    hostname: string,
    lookupOptions: { family?: number | string; all?: boolean },
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolve(hostname).then(
      (addresses) => {
        const family = Number(String(lookupOptions.family ?? 0).replace(/^IPv/u, "")) || 0;
        const candidates = addresses.filter((a) => family === 0 || a.family === family);
        const allowed: LookupAddress[] = [];
        let refused: AddressVerdict | null = null;
        for (const a of candidates) {
          const verdict = checkAddress(a.address, options.policy);
          if (verdict.allowed) allowed.push({ address: a.address, family: a.family });
          else refused ??= verdict;
        }
        const first = allowed[0];
        if (!first) {
          if (refused) guard.blocked = { ...refused, host: hostname };
          const err: NodeJS.ErrnoException = new Error(`fetch: no allowed address for ${hostname}`);
          err.code = guard.blocked ? "EBLOCKED" : "ENOTFOUND";
          callback(err, "", 0);
          return;
        }
        if (lookupOptions.all) callback(null, allowed);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, "", 0),
    );
  };
  const inner = buildConnector({ timeout: options.connectTimeoutMs, lookup } as buildConnector.BuildOptions);
  return guard;
}

function systemResolve(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });
}

async function readCapped(body: ResponseBody, encoding: string, maxBytes: number): Promise<Uint8Array> {
  let stream: Readable = body;
  if (encoding === "gzip" || encoding === "x-gzip") stream = pipeline(body, createGunzip(), () => {});
  else if (encoding === "deflate") stream = pipeline(body, createInflate(), () => {});
  else if (encoding === "br") stream = pipeline(body, createBrotliDecompress(), () => {});
  else if (encoding !== "identity" && encoding !== "") {
    discard(body);
    throw refusal(
      `サイトが対応していない圧縮形式（${encoding}）で応答しました。`,
      "ページを保存してファイルで追加してください。",
      `fetch: content-encoding ${encoding}`,
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    // Leaving the loop closes the stream (and through the pipeline, the connection).
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** A response without a useful Content-Type: HTML if it starts like HTML, text if it has no binary bytes. */
function sniff(bytes: Uint8Array, type: string): PageKind {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/u, "");
  if (/^\s*<(!doctype\s+html|html|head|body|meta|title|!--)/iu.test(head)) return "html";
  if (head.startsWith("%PDF-")) throw unsupportedType("application/pdf");
  if (bytes.length > 0 && !isBinary(bytes)) return "text";
  throw unsupportedType(type || "不明な形式");
}

/**
 * Drops a response body that will not be read. `destroy()` on undici's body emits an error nobody
 * listens to; `dump()` reads a little and closes the connection quietly.
 */
function discard(body: ResponseBody): void {
  body.dump({ limit: 16 * 1024 }).catch(() => {});
}

function parseContentType(value: string | undefined): { type: string; charset: string | null } {
  if (!value) return { type: "", charset: null };
  const [essence, ...params] = value.split(";");
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(p);
    if (m) charset = m[1] as string;
  }
  return { type: (essence ?? "").trim().toLowerCase(), charset };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A value from the site, cut short and on one line, for a message. */
function shorten(value: string, max = 80): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const line = value.replace(/[\u0000-\u001f\u007f-\u009f]+/gu, " ").trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

function refusal(what: string, todo: string, detail: string): SourceRefusal {
  return new SourceRefusal(what, todo, detail);
}

function blockedRefusal(host: string, verdict: AddressVerdict): SourceRefusal {
  return refusal(
    `このアドレス（${host}）には接続できません。社内ネットワーク・ループバック・クラウドのメタデータなど、公開されていないアドレスへの取得は禁止されています。`,
    "公開されているページの URL を指定してください。",
    `fetch: address ${verdict.address} of ${host} refused (${verdict.allowed ? "allowed" : verdict.range})`,
  );
}

function tooLarge(maxBytes: number): SourceRefusal {
  return refusal(
    `ページが大きすぎます（上限 ${formatByteLimit(maxBytes)}）。`,
    "本文だけをテキストで貼り付けて追加してください。",
    `fetch: body larger than ${maxBytes} bytes`,
  );
}

function unsupportedType(type: string): SourceRefusal {
  return refusal(
    `この URL は HTML のページではありません（${type}）。`,
    "HTML の記事ページの URL を指定するか、本文をテキストで貼り付けてください。",
    `fetch: content type ${type} refused`,
  );
}

function notText(type: string): SourceRefusal {
  return refusal(
    `この URL のデータは文字として読めません（${type} とされていますが、画像などのデータか、文字化けしたテキストのようです）。`,
    "HTML の記事ページの URL を指定するか、本文をテキストで貼り付けてください。",
    `fetch: binary body labelled ${type}`,
  );
}

function httpRefusal(status: number, url: string): SourceRefusal {
  if (status === 404 || status === 410) {
    return refusal(
      `ページが見つかりませんでした（HTTP ${status}）。`,
      "URL が正しいか確かめてください。",
      `fetch: HTTP ${status} from ${url}`,
    );
  }
  if (status === 401 || status === 403) {
    return refusal(
      `ページを読む権限がありませんでした（HTTP ${status}）。`,
      "ログインが必要なページは、本文をテキストで貼り付けてください。",
      `fetch: HTTP ${status} from ${url}`,
    );
  }
  return refusal(
    `サイトがエラーを返しました（HTTP ${status}）。`,
    "時間をおいてもう一度試してください。",
    `fetch: HTTP ${status} from ${url}`,
  );
}

/**
 * A size limit as a moderator is told it, never above the limit: 「5 MB」, 「1.4 MB」 for 1,500,000 bytes,
 * 「488 KB」 for 500,000 (in whole MB, these were 「1 MB」 and 「0 MB」).
 */
export function formatByteLimit(maxBytes: number): string {
  if (maxBytes >= 1024 * 1024) return `${Math.floor((maxBytes / (1024 * 1024)) * 10) / 10} MB`;
  if (maxBytes >= 1024) return `${Math.floor(maxBytes / 1024)} KB`;
  return `${maxBytes} バイト`;
}

/** A size over a limit, in KB rounded up, so that it reads over: 257 KB for 256 KB and one byte. */
export function formatByteSize(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString("ja-JP")} KB`;
}

interface FailureContext {
  readonly url: string;
  readonly options: FetchOptions;
  readonly timedOut: boolean;
  readonly blocked: (AddressVerdict & { host: string }) | null;
}

/** The host name of a URL, or the URL itself when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Turns what went wrong into a message for the moderator; a UserFacingError passes as it is. */
function explain(err: unknown, context: FailureContext): unknown {
  if (err instanceof UserFacingError) return err;
  const error = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException; syscall?: string };
  const code = error.code ?? error.cause?.code ?? "";
  const detail = `fetch: ${context.url}: ${code || error.name}: ${error.message}`;
  if (context.blocked) return blockedRefusal(context.blocked.host, context.blocked);
  if (
    context.timedOut ||
    code === "UND_ERR_CONNECT_TIMEOUT" ||
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT"
  ) {
    const seconds = Math.round(
      (code === "UND_ERR_CONNECT_TIMEOUT" ? context.options.connectTimeoutMs : context.options.timeoutMs) / 1000,
    );
    return refusal(
      `ページの取得が時間内（${seconds} 秒）に終わりませんでした。`,
      "時間をおいてもう一度試すか、本文をテキストで貼り付けてください。",
      detail,
    );
  }
  const syscall = error.syscall ?? error.cause?.syscall;
  if (code === "EINVAL" && syscall === "getaddrinfo") {
    // A name the resolver will not even look up: longer than 253 characters, or a label of more than 63.
    return refusal(
      `URL のホスト名（${shorten(hostOf(context.url), 40)}）が長すぎるか正しい形ではないため、サイトを探せませんでした。`,
      "URL のつづりを確かめてください。",
      detail,
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME" || syscall === "getaddrinfo") {
    return refusal(
      `ホスト名（${shorten(hostOf(context.url))}）が見つかりませんでした。`,
      "URL のつづりを確かめてください。",
      detail,
    );
  }
  if (/^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/u.test(code)) {
    return refusal(
      "サイトの証明書を確かめられなかったため、取得を中止しました。",
      "URL を確かめるか、本文をテキストで貼り付けてください。",
      detail,
    );
  }
  // The server answered, but not in HTTP (another protocol on that port, a control character in a
  // header, a broken chunked body): undici's parser refuses it. The site is at fault, not shiori.
  if (error.name === "HTTPParserError" || code.startsWith("HPE_")) {
    return refusal(
      "サイトの応答が HTTP の形式になっていないため、読み取れませんでした（サイト側の問題です）。",
      "URL（ポート番号も）が正しいか確かめるか、ブラウザでページを保存してファイルで追加してください。",
      detail,
    );
  }
  if (
    code === "ECONNREFUSED" ||
    code === "ECONNRESET" ||
    code === "EHOSTUNREACH" ||
    code === "ENETUNREACH" ||
    code === "UND_ERR_SOCKET" ||
    code.startsWith("UND_ERR")
  ) {
    return refusal("サイトに接続できませんでした。", "時間をおいてもう一度試してください。", detail);
  }
  if (code.startsWith("Z_") || code === "ERR_BROTLI_DECOMPRESSION_FAILED" || code.startsWith("ERR__ERROR_FORMAT")) {
    return refusal("ページのデータが壊れていて展開できませんでした。", "時間をおいてもう一度試してください。", detail);
  }
  if (error.name === "AbortError") {
    return refusal("ページの取得を中止しました。", "もう一度試してください。", detail);
  }
  return err;
}
