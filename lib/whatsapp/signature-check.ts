// Baileys' `Curve.verify` — the check of WhatsApp's certificate chain in every login's Noise handshake,
// and of the phone's signature over a newly linked device — accepts any signature of the right
// length: libsignal's `verifySignature` answers false for a bad signature (it throws only for
// malformed input), and Baileys' wrapper returns true unless it throws. It is also slow: pure
// JavaScript Curve25519, ~8 ms per check, 18 % of a restore's CPU.
//
// This check answers with the signature's validity, using Node's native Ed25519: a Curve25519
// (XEdDSA, as libsignal signs) signature is an Ed25519 signature under the Edwards form of the
// Montgomery public key, y = (u − 1) / (u + 1) mod p, with the sign bit of that key carried in
// the top bit of the signature's last byte (as curve25519-js's `curve25519_sign_open` does).
import { createPublicKey, verify as verifyEd25519 } from "node:crypto";
import { Curve } from "@whiskeysockets/baileys";

const P = 2n ** 255n - 19n;
// DER of an Ed25519 SubjectPublicKeyInfo, up to the 32 bytes of the key.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

const fromLittleEndian = (bytes: Uint8Array) => {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
};
const power = (base: bigint, exponent: bigint) => {
  let result = 1n;
  for (base %= P; exponent > 0n; exponent >>= 1n, base = (base * base) % P) if (exponent & 1n) result = (result * base) % P;
  return result;
};

/** Whether `signature` is `publicKey`'s Curve25519 signature of `message`. Keys: 32 bytes, or 33 with libsignal's type byte. */
export function checkCurveSignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const key = publicKey.length === 33 ? publicKey.subarray(1) : publicKey;
  if (key.length !== 32 || signature.length !== 64) return false;
  // The Montgomery u (its top bit is not part of it), then the Edwards y, little-endian.
  const u = fromLittleEndian(key) & ((1n << 255n) - 1n);
  const y = (((u - 1n + P) % P) * power(u + 1n, P - 2n)) % P;
  const edwards = Buffer.alloc(32);
  for (let i = 0, v = y; i < 32; i++, v >>= 8n) edwards[i] = Number(v & 0xffn);
  edwards[31] |= signature[63] & 0x80;
  const ed25519Signature = Buffer.from(signature);
  ed25519Signature[63] &= 0x7f;
  try {
    const spki = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, edwards]), format: "der", type: "spki" });
    return verifyEd25519(null, message, spki, ed25519Signature);
  } catch {
    return false; // not a point on the curve
  }
}

/** Makes Baileys' own signature checks (the login handshake's among them) real and fast. Once per process. */
export function useCheckedSignatures(): void {
  Curve.verify = checkCurveSignature;
}
