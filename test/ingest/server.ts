import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 serving what the test puts in `routes`; counts requests per path. */
export interface TestServer {
  readonly origin: string;
  readonly port: number;
  readonly routes: Map<string, Handler>;
  readonly hits: Map<string, number>;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] as string;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end("<html><body><p>見つかりません</p></body></html>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    routes,
    hits,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves fixed bytes with a content type. */
export function serve(body: Uint8Array | string, contentType: string, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": contentType });
    res.end(typeof body === "string" ? body : Buffer.from(body));
  };
}
