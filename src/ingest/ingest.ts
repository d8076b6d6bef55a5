/**
 * Adding articles, as the bot and the command line use it: sources (URL, file, pasted text), safe
 * fetching, charset decoding, main-content extraction, duplicate checks and storing.
 *
 * @example
 * const fetch = fetchOptionsOf(loadFetchConfig(process.env));
 * const added = await addArticle(engine, { kind: "url", url }, { fetch, addedBy: userId });
 */
import type { FetchConfig } from "../config.ts";
import type { FetchOptions } from "./fetch-page.ts";

export { sameAddress } from "../article/article.ts";
export type { AddOptions, AddResult, DryRunResult, RefetchResult } from "./add-article.ts";
export { addArticle, DuplicateArticleError, previewArticle, refetchArticle } from "./add-article.ts";
export type { AddressPolicy } from "./address-policy.ts";
// extractHtml is not re-exported: whoever imports this module (the bot) would load jsdom on its own
// thread, where pages are never parsed (extractHtmlInWorker).
export type { ExtractedArticle } from "./extract-html.ts";
export { extractHtmlInWorker } from "./extract-in-worker.ts";
export type { FetchedPage, FetchOptions } from "./fetch-page.ts";
export { fetchPage, formatByteLimit, formatByteSize } from "./fetch-page.ts";
export type { ArticleSource, ReadArticle, SourceOptions } from "./read-source.ts";
export { FILE_EXTENSIONS, readSource } from "./read-source.ts";

/** The fetcher's options from the configuration (FETCH_* keys). */
export function fetchOptionsOf(config: FetchConfig): FetchOptions {
  return {
    maxBytes: config.maxBytes,
    timeoutMs: config.timeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    maxRedirects: config.maxRedirects,
    userAgent: config.userAgent,
    policy: { allow: config.allowAddresses },
  };
}
