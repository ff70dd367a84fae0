// Addresses a server-side fetch must not reach unless the operator allows it: loopback, private
// ranges, link-local (cloud metadata lives there), carrier-grade NAT, multicast, documentation and
// reserved ranges. Classification is by range with ipaddr.js (a maintained table of the IANA
// special-purpose registries) rather than by hand-written prefixes, and every IPv6 form that carries
// an IPv4 address (IPv4-mapped in any spelling — Node's URL parser turns [::ffff:127.0.0.1] into
// [::ffff:7f00:1] —, IPv4-translated, IPv4-compatible, NAT64, 6to4, Teredo) is judged by the IPv4
// address it leads to: the network may route or translate it there.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

/** Only ordinary public unicast is reachable; everything in a special-purpose range is not. */
function isBlockedV4(ip: IPv4): boolean {
  return ip.range() !== "unicast";
}

const v4FromParts = (high: number, low: number): IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** The IPv4 address(es) an IPv6 address leads to, if it is one of the forms that embed one. */
function embeddedV4(ip: IPv6): IPv4[] | null {
  const p = ip.parts;
  switch (ip.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d (IPv4-translated)
      return [v4FromParts(p[6], p[7])];
    case "rfc6052": // 64:ff9b::/96 NAT64 well-known prefix (64:ff9b:1::/48 local use is blocked below)
      return p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 && p[1] === 0xff9b ? [v4FromParts(p[6], p[7])] : null;
    case "6to4": // 2002:AABB:CCDD::/48 routes to AA.BB.CC.DD
      return [v4FromParts(p[1], p[2])];
    case "teredo": // 2001:0:SSSS:SSSS:flags:port:~CCCC:~CCCC — the server and the (obfuscated) client
      return [v4FromParts(p[2], p[3]), v4FromParts(p[6] ^ 0xffff, p[7] ^ 0xffff)];
    default:
      // IPv4-compatible ::a.b.c.d (deprecated, but some stacks still route it as IPv4).
      if (p.slice(0, 6).every((x) => x === 0)) return [v4FromParts(p[6], p[7])];
      return null;
  }
}

function isBlockedV6(ip: IPv6): boolean {
  const embedded = embeddedV4(ip);
  if (embedded) return embedded.some(isBlockedV4);
  if (ip.range() !== "unicast") return true;
  // Only the global unicast block 2000::/3 is allocated for the public internet; the rest is
  // reserved or unassigned.
  return !ip.match(ipaddr.IPv6.parse("2000::"), 3);
}

/**
 * True when the address must not be fetched. Takes what DNS answers or a URL's hostname (brackets
 * and a zone id are ignored); anything that is not an IP address is refused.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .split("%")[0]
    .toLowerCase();
  const family = isIP(ip);
  if (family === 0) return true;
  const parsed = ipaddr.parse(ip);
  return parsed.kind() === "ipv4" ? isBlockedV4(parsed as IPv4) : isBlockedV6(parsed as IPv6);
}
