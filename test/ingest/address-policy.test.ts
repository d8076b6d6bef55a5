import { describe, expect, it } from "vitest";
import { checkAddress, invalidAllowEntries } from "../../src/ingest/address-policy.ts";

const PUBLIC_ONLY = { allow: [] };

describe("checkAddress", () => {
  it.each([
    // [address, why it is refused]
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback: the whole 127/8"],
    ["::1", "IPv6 loopback"],
    ["10.1.2.3", "private (RFC 1918)"],
    ["172.16.0.1", "private (RFC 1918)"],
    ["172.31.255.255", "private (RFC 1918), last address of 172.16/12"],
    ["192.168.1.1", "private (RFC 1918)"],
    ["169.254.169.254", "link-local: the cloud metadata service"],
    ["fe80::1", "IPv6 link-local"],
    ["fd00::1", "IPv6 unique local (fd00::/8)"],
    ["fd00:ec2::254", "the IPv6 metadata service of one cloud"],
    ["fc00::5", "IPv6 unique local (fc00::/7)"],
    ["100.100.100.200", "carrier-grade NAT, where another cloud serves its metadata"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "IPv6 multicast"],
    ["0.0.0.0", "unspecified: reaches the local host on Linux"],
    ["::", "IPv6 unspecified"],
    ["255.255.255.255", "broadcast"],
    ["::ffff:127.0.0.1", "IPv4-mapped IPv6 of a loopback address"],
    ["::ffff:10.0.0.1", "IPv4-mapped IPv6 of a private address"],
    ["2002:0a00:0001::1", "6to4 embedding 10.0.0.1"],
    ["64:ff9b::a00:1", "NAT64 embedding 10.0.0.1"],
    ["192.0.2.1", "documentation range (TEST-NET-1)"],
    ["not-an-ip", "not an address at all"],
  ])("refuses %s (%s)", (address) => {
    expect(checkAddress(address, PUBLIC_ONLY).allowed).toBe(false);
  });

  it.each([
    ["93.184.216.34", "a public IPv4 address"],
    ["8.8.8.8", "a public IPv4 address"],
    ["2606:4700::6810:84e5", "a public IPv6 address"],
    ["::ffff:93.184.216.34", "IPv4-mapped IPv6 of a public address"],
  ])("allows %s (%s)", (address) => {
    expect(checkAddress(address, PUBLIC_ONLY).allowed).toBe(true);
  });

  it("lets an allow list through, and nothing beyond it", () => {
    const policy = { allow: ["127.0.0.1", "10.1.0.0/16", "fd12::/16"] };
    expect(checkAddress("127.0.0.1", policy).allowed).toBe(true);
    expect(checkAddress("::ffff:127.0.0.1", policy).allowed).toBe(true);
    expect(checkAddress("10.1.200.3", policy).allowed).toBe(true);
    expect(checkAddress("fd12::9", policy).allowed).toBe(true);
    // neighbours of the allowed ranges stay refused
    expect(checkAddress("127.0.0.2", policy).allowed).toBe(false);
    expect(checkAddress("10.2.0.1", policy).allowed).toBe(false);
    expect(checkAddress("169.254.169.254", policy).allowed).toBe(false);
  });

  it("names the range of a refused address", () => {
    expect(checkAddress("169.254.169.254", PUBLIC_ONLY)).toEqual({
      allowed: false,
      address: "169.254.169.254",
      range: "linkLocal",
    });
  });

  it("finds the entries of an allow list that are not addresses", () => {
    expect(invalidAllowEntries(["127.0.0.1", "10.0.0.0/8", "::1", "intranet.local", "10.0.0.0/99"])).toEqual([
      "intranet.local",
      "10.0.0.0/99",
    ]);
  });
});
