import { describe, expect, it } from "vitest";
import { loadFetchConfig } from "../../src/config.ts";

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
});
