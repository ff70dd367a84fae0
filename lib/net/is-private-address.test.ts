import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "@/lib/net/is-private-address";

/** The hostname Node's URL parser makes of a URL, i.e. what the guard actually sees. */
const hostOf = (url: string) => new URL(url).hostname;

describe("isPrivateAddress", () => {
  it.each([
    // IPv4 special-purpose ranges
    "127.0.0.1",
    "127.255.255.254",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "0.1.2.3",
    "255.255.255.255",
    "224.0.0.1",
    "240.0.0.1",
    "192.0.2.1",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    // IPv6 special-purpose ranges
    "::1",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "fd00::1",
    "fc00::1",
    "ff02::1",
    "fec0::1",
    "2001:db8::1",
    "100::1",
    "64:ff9b:1::a00:1",
    "[::1]",
    // IPv4-mapped in every spelling
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "[::ffff:7f00:1]",
    "0:0:0:0:0:ffff:7f00:1",
    "::FFFF:7F00:0001",
    "::ffff:a9fe:a9fe",
    "::ffff:a00:1",
    "::ffff:c0a8:1",
    "::ffff:0:0",
    // IPv4-translated (RFC 6145), IPv4-compatible, NAT64, 6to4, Teredo leading to private IPv4
    "::ffff:0:7f00:1",
    "::7f00:1",
    "::127.0.0.1",
    "::a9fe:a9fe",
    "64:ff9b::7f00:1",
    "64:ff9b::127.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "64:ff9b::a00:1",
    "2002:7f00:1::1",
    "2002:a9fe:a9fe::",
    "2002:c0a8:101::1",
    "2001:0:7f00:1::ffff:ffff",
    "2001:0:4136:e378:8000:63bf:f5ff:fffe",
    // not an address at all
    "not-an-ip",
    "",
    "localhost",
    "1.2.3",
    "::ffff:1.2.3.4.5",
  ])("refuses %s", (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each([
    "8.8.8.8",
    "172.32.0.1",
    "1.1.1.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",
    "::ffff:808:808",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "::808:808",
    // Teredo with public server 65.54.227.120 and public client 8.8.8.8 (inverted: f7f7:f7f7)
    "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
  ])("allows %s", (ip) => expect(isPrivateAddress(ip)).toBe(false));

  // What the guard receives is the URL parser's spelling, not the user's: every one of these
  // reaches a loopback, private or metadata address.
  it.each([
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "http://[0:0:0:0:0:ffff:10.0.0.1]/",
    "http://[::ffff:192.168.0.1]:8080/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[2002:7f00:0001::]/",
    "http://[::127.0.0.1]/",
    "http://[::1]/",
    "http://0x7f000001/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://0/",
  ])("refuses the host of %s", (url) => expect(isPrivateAddress(hostOf(url))).toBe(true));
});
