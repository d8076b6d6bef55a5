import ipaddr from "ipaddr.js";

/**
 * Which IP addresses the fetcher may connect to.
 *
 * Only ordinary public unicast addresses are allowed. Everything else is refused: loopback (127.0.0.0/8,
 * ::1), private networks (10/8, 172.16/12, 192.168/16, fc00::/7 and so fd00::/8), link-local
 * (169.254/16, so the cloud metadata service 169.254.169.254, and fe80::/10), carrier-grade NAT
 * (100.64/10, where some clouds put their metadata service), multicast, broadcast, unspecified, the
 * documentation and benchmarking ranges, and IPv6 forms that embed an IPv4 address (6to4, Teredo, NAT64),
 * which could smuggle a private IPv4 address through. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as
 * the IPv4 address it maps.
 *
 * An explicit allow list (addresses or CIDR ranges, from the configuration) is the only way past it: for
 * tests on 127.0.0.1 and for an intranet wiki.
 */
export interface AddressPolicy {
  /** Allowed ranges beyond the public internet, e.g. `127.0.0.1/32`, `10.1.0.0/16`. */
  readonly allow: readonly string[];
}

export type AddressVerdict =
  | { readonly allowed: true; readonly address: string }
  | { readonly allowed: false; readonly address: string; readonly range: string };

/** Judges one IP address (v4 or v6, as `net` reports it). Anything that is not an IP address is refused. */
export function checkAddress(address: string, policy: AddressPolicy): AddressVerdict {
  const bare = address.replace(/^\[|\]$/gu, "").replace(/%.*$/u, "");
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(bare);
  } catch {
    return { allowed: false, address, range: "invalid" };
  }
  for (const entry of policy.allow) {
    if (inRange(parsed, entry)) return { allowed: true, address: parsed.toString() };
  }
  const range = parsed.range();
  if (range === "unicast") return { allowed: true, address: parsed.toString() };
  return { allowed: false, address: parsed.toString(), range };
}

/** Checks the entries of an allow list; returns those that are not an address or a CIDR range. */
export function invalidAllowEntries(allow: readonly string[]): string[] {
  return allow.filter((entry) => !ipaddr.isValidCIDR(entry) && !ipaddr.isValid(entry));
}

function inRange(address: ipaddr.IPv4 | ipaddr.IPv6, entry: string): boolean {
  try {
    const [network, bits] = entry.includes("/")
      ? ipaddr.parseCIDR(entry)
      : ([ipaddr.process(entry), undefined] as const);
    const net =
      network.kind() === "ipv6" && (network as ipaddr.IPv6).isIPv4MappedAddress()
        ? (network as ipaddr.IPv6).toIPv4Address()
        : network;
    if (net.kind() !== address.kind()) return false;
    const prefix = bits ?? (net.kind() === "ipv4" ? 32 : 128);
    return (address as ipaddr.IPv4).match(net as ipaddr.IPv4, prefix);
  } catch {
    return false;
  }
}
