import { randomBytes } from "node:crypto";
import { Curve } from "@whiskeysockets/baileys";
import { verify as curve25519JsVerify } from "curve25519-js";
import { describe, expect, it } from "vitest";
import { checkCurveSignature, useCheckedSignatures } from "./signature-check";

// Signatures made as WhatsApp and libsignal make them (Baileys' Curve.sign), checked against the
// pure-JavaScript reference (curve25519-js, which libsignal uses) on the same inputs.
const signed = (length: number) => {
  const keys = Curve.generateKeyPair();
  const message = randomBytes(length);
  return { keys, message, signature: Buffer.from(Curve.sign(keys.private, message)) };
};

// Signing and the reference check are pure JavaScript (~10 ms each, more on a loaded machine): the
// cases are few, and each test has time to spare. 1,500 random signatures agreed with the reference
// when this was written (a throw-away script, not kept).
describe("the Curve25519 signature check", { timeout: 60_000 }, () => {
  it("accepts what the reference accepts: 40 signatures of random keys and messages", () => {
    for (let i = 0; i < 40; i++) {
      const { keys, message, signature } = signed(i % 7 === 0 ? 0 : 1 + (i % 300));
      expect(curve25519JsVerify(keys.public, message, signature)).toBe(true);
      expect(checkCurveSignature(keys.public, message, signature)).toBe(true);
      // libsignal's form of the key, with its type byte.
      expect(checkCurveSignature(Buffer.concat([Buffer.from([5]), keys.public]), message, signature)).toBe(true);
    }
  });

  it("refuses what the reference refuses: one flipped bit anywhere, another key, another message", () => {
    const { keys, message, signature } = signed(120);
    for (let bit = 0; bit < 512; bit += 7) {
      const forged = Buffer.from(signature);
      forged[bit >> 3] ^= 1 << (bit & 7);
      expect(curve25519JsVerify(keys.public, message, forged)).toBe(false);
      expect(checkCurveSignature(keys.public, message, forged)).toBe(false);
    }
    for (let bit = 0; bit < message.length * 8; bit += 17) {
      const altered = Buffer.from(message);
      altered[bit >> 3] ^= 1 << (bit & 7);
      expect(checkCurveSignature(keys.public, altered, signature)).toBe(false);
    }
    expect(checkCurveSignature(Curve.generateKeyPair().public, message, signature)).toBe(false);
  });

  it("refuses malformed input instead of throwing", () => {
    const { keys, message, signature } = signed(10);
    expect(checkCurveSignature(keys.public.subarray(1), message, signature)).toBe(false);
    expect(checkCurveSignature(keys.public, message, signature.subarray(1))).toBe(false);
    expect(checkCurveSignature(Buffer.alloc(32, 0xff), message, signature)).toBe(false);
  });

  it("replaces Baileys' check, which accepts a forged signature", () => {
    const { keys, message, signature } = signed(64);
    const forged = Buffer.from(signature);
    forged[5] ^= 1;
    // What Baileys does on its own (the reason for this module).
    expect(Curve.verify(keys.public, message, forged)).toBe(true);
    useCheckedSignatures();
    expect(Curve.verify(keys.public, message, forged)).toBe(false);
    expect(Curve.verify(keys.public, message, signature)).toBe(true);
  });
});
