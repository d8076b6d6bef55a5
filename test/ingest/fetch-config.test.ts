import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_USER_AGENT, loadFetchConfig } from "../../src/config.ts";
import { fetchOptionsOf, fetchPage } from "../../src/ingest/ingest.ts";
import { startServer, type TestServer } from "./server.ts";

/** What loadFetchConfig says is wrong, or "" when it accepts the environment. */
function problemOf(env: Record<string, string>): string {
  try {
    loadFetchConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  return "";
}

describe("loadFetchConfig", () => {
  it("reads the allow list", () => {
    expect(loadFetchConfig({ FETCH_ALLOW_ADDRESSES: " 127.0.0.1, 10.1.0.0/16 " }).allowAddresses).toEqual([
      "127.0.0.1",
      "10.1.0.0/16",
    ]);
  });

  it("names the positions of bad FETCH_ALLOW_ADDRESSES entries, never their values", () => {
    const secret = "MTIzNDU2Nzg5MDEyMzQ1Njc4.token-pasted-by-mistake";
    let message = "";
    try {
      loadFetchConfig({ FETCH_ALLOW_ADDRESSES: `127.0.0.1, ${secret}, 10.0.0.0/8, 999.1.1.1` });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("FETCH_ALLOW_ADDRESSES");
    expect(message).toContain("2・4 番目");
    expect(message).not.toContain(secret);
    expect(message).not.toContain("999.1.1.1");
  });

  it.each([
    ["Japanese", "しおりボット/1.0"],
    ["a full-width space", "shiori/0.1\u3000bot"],
    ["a line break inside", "shiori/0.1\r\nX-Injected: 1"],
    ["a control character", "shiori/0.1\u0001"],
    ["DEL", "shiori/0.1\u007f"],
    // undici sends this one (as a Latin-1 byte), but a header's text is ASCII since RFC 9110: refused too
    ["a Latin-1 letter", "shiori/0.1 (café)"],
  ])("refuses a FETCH_USER_AGENT with %s: a header value is visible ASCII, spaces and tabs", (_what, userAgent) => {
    const message = problemOf({ FETCH_USER_AGENT: userAgent });
    expect(message).toContain("FETCH_USER_AGENT: HTTP ヘッダーに使えない文字");
    expect(message).toContain("半角の英数字・記号・空白だけで書いてください");
    expect(message).not.toContain(userAgent.trim());
  });

  it("keeps the default User-Agent when FETCH_USER_AGENT is empty or blank", () => {
    expect(loadFetchConfig({ FETCH_USER_AGENT: "  " }).userAgent).toBe(DEFAULT_USER_AGENT);
  });

  describe("a User-Agent it accepts", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer();
      server.routes.set("/ua", (req, res) => {
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        res.end(req.headers["user-agent"]);
      });
    });
    afterAll(() => server.close());

    it("(a Japanese one, undici refuses at every fetch, before sending anything)", async () => {
      const options = fetchOptionsOf(loadFetchConfig({ FETCH_ALLOW_ADDRESSES: "127.0.0.1" }));
      await expect(fetchPage(server.url("/ua"), { ...options, userAgent: "しおりボット/1.0" })).rejects.toThrow();
      expect(server.hits.get("/ua") ?? 0).toBe(0);
    });

    it.each([DEFAULT_USER_AGENT, "mybot/1.0\t(+https://example.com/bot; ops@example.com) ~!#$%&'*=^`|{}[]<>\"\\"])(
      "is sent as it is by the real fetcher: %j",
      async (userAgent) => {
        const config = loadFetchConfig({ FETCH_USER_AGENT: userAgent, FETCH_ALLOW_ADDRESSES: "127.0.0.1" });
        const page = await fetchPage(server.url("/ua"), fetchOptionsOf(config));
        expect(new TextDecoder().decode(page.bytes)).toBe(userAgent);
      },
    );
  });
});
