import { parentPort } from "node:worker_threads";
import { SourceRefusal, UserFacingError } from "../errors.ts";
import { type ExtractedArticle, type ExtractOptions, extractHtml } from "./extract-html.ts";

/** The worker thread of `extractHtmlInWorker`: one page in, its article (or why not) out, then it ends. */
export interface ExtractRequest {
  readonly html: string;
  readonly options: ExtractOptions;
}

export type ExtractReply =
  | { readonly ok: ExtractedArticle }
  | {
      readonly refused: {
        readonly message: string;
        readonly detail: string | undefined;
        /** A SourceRefusal's `what`. */
        readonly what?: string | undefined;
      };
    }
  | { readonly failed: { readonly message: string; readonly stack: string | undefined } };

const port = parentPort;
if (!port) throw new Error("extract-worker: must run in a worker thread");
port.once("message", (request: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { ok: extractHtml(request.html, request.options) };
  } catch (err) {
    reply =
      err instanceof UserFacingError
        ? {
            refused: {
              message: err.message,
              detail: err.detail,
              what: err instanceof SourceRefusal ? err.what : undefined,
            },
          }
        : { failed: { message: String((err as Error)?.message ?? err), stack: (err as Error)?.stack } };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
