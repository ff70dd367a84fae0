// A self-signed certificate for the loopback media host, generated in-process so the
// emulator needs no openssl binary and no extra package. Minimal DER/X.509 encoding:
// only what a TLS client needs to trust the certificate as its own root.
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { isIP } from "node:net";

export interface TlsCertificate {
  certPem: string;
  keyPem: string;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n >>= 8;
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
const set = (...parts: Buffer[]) => tlv(0x31, ...parts);
const octets = (data: Buffer) => tlv(0x04, data);
const bitString = (data: Buffer) => tlv(0x03, Buffer.from([0]), data);
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, "utf8"));

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const bytes = [a! * 40 + b!];
  for (const value of rest) {
    const chunk: number[] = [value & 0x7f];
    let v = value >> 7;
    while (v > 0) {
      chunk.unshift((v & 0x7f) | 0x80);
      v >>= 7;
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** A non-negative DER INTEGER: minimal, so no leading zero byte unless the next byte's top bit is set. */
function integer(data: Buffer): Buffer {
  let start = 0;
  while (start < data.length - 1 && data[start] === 0) start++;
  const minimal = data.subarray(start);
  return tlv(0x02, minimal[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
}

function utcTime(date: Date): Buffer {
  const s = date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z";
  return tlv(0x17, Buffer.from(s, "ascii"));
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split(".").map(Number));
  throw new Error(`only IPv4 SANs are supported, got ${ip}`);
}

export function createSelfSignedCertificate(options: { commonName: string; ipAddresses?: string[]; dnsNames?: string[]; validDays?: number }): TlsCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const ecdsaWithSha256 = seq(oid("1.2.840.10045.4.3.2"));
  const name = seq(set(seq(oid("2.5.4.3"), utf8(options.commonName))));
  const notBefore = new Date(Date.now() - 3600_000);
  const notAfter = new Date(Date.now() + (options.validDays ?? 825) * 86400_000);
  const altNames = [
    ...(options.ipAddresses ?? []).map((ip) => tlv(0x87, ipBytes(ip))),
    ...(options.dnsNames ?? []).map((dns) => tlv(0x82, Buffer.from(dns, "ascii"))),
  ];
  const critical = tlv(0x01, Buffer.from([0xff]));
  const extensions = seq(
    seq(oid("2.5.29.19"), critical, octets(seq(tlv(0x01, Buffer.from([0xff]))))),
    // digitalSignature | keyCertSign
    seq(oid("2.5.29.15"), critical, octets(tlv(0x03, Buffer.from([0x02, 0x84])))),
    seq(oid("2.5.29.37"), octets(seq(oid("1.3.6.1.5.5.7.3.1")))),
    seq(oid("2.5.29.17"), octets(seq(...altNames))),
  );
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    ecdsaWithSha256,
    name,
    seq(utcTime(notBefore), utcTime(notAfter)),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    explicit(3, extensions),
  );
  const signature = sign("sha256", tbs, privateKey);
  const der = seq(tbs, ecdsaWithSha256, bitString(signature));
  const b64 = der
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .trimEnd();
  return {
    certPem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
