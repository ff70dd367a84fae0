// What the emulated phone does when it links a companion: the signed device identity of
// pair-success (QR and pairing-code flows) and the pairing-code key agreement.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, pbkdf2Sync, randomBytes, randomInt } from "node:crypto";
import { Curve, proto, WA_ADV_ACCOUNT_SIG_PREFIX, type BinaryNode } from "@whiskeysockets/baileys";
import type { CompanionDevice, EmulatedAccount } from "./accounts";
import type { CurveKeyPair } from "./noise-certificates";

export interface ScannedQr {
  ref: string;
  noiseKey: Buffer;
  identityKey: Buffer;
  advSecret: Buffer;
  platformId: string;
}

export function parsePairingQr(qr: string): ScannedQr {
  const [, fragment] = qr.split("#");
  const [ref, noise, identity, adv, platformId] = (fragment ?? qr).split(",");
  if (!ref || !noise || !identity || !adv) throw new Error("not a WhatsApp linking QR string");
  return {
    ref,
    noiseKey: Buffer.from(noise, "base64"),
    identityKey: Buffer.from(identity, "base64"),
    advSecret: Buffer.from(adv, "base64"),
    platformId: platformId ?? "0",
  };
}

/** The phone's <pair-success> iq: identity signed with the account key, HMAC'd with the adv secret. */
export function buildPairSuccess(account: EmulatedAccount, device: CompanionDevice, advSecret: Uint8Array): BinaryNode {
  const accountKey = account.endpoint.identityKeyPair;
  const details = proto.ADVDeviceIdentity.encode({
    rawId: randomInt(1, 2 ** 31),
    timestamp: Math.floor(Date.now() / 1000),
    keyIndex: device.state.keyIndex,
  }).finish();
  const companionIdentity = Buffer.from(device.state.identityKey, "base64");
  const accountSignature = Curve.sign(accountKey.private, Buffer.concat([WA_ADV_ACCOUNT_SIG_PREFIX, details, companionIdentity]));
  const signed = proto.ADVSignedDeviceIdentity.encode({
    details,
    accountSignatureKey: accountKey.public,
    accountSignature,
  }).finish();
  const hmac = createHmac("sha256", advSecret).update(signed).digest();
  return {
    tag: "iq",
    attrs: { type: "set", xmlns: "md", from: "s.whatsapp.net", t: String(Math.floor(Date.now() / 1000)) },
    content: [
      {
        tag: "pair-success",
        attrs: {},
        content: [
          { tag: "device-identity", attrs: {}, content: proto.ADVSignedDeviceIdentityHMAC.encode({ details: signed, hmac }).finish() },
          { tag: "platform", attrs: { name: device.state.platform } },
          { tag: "device", attrs: { jid: device.pnJid, lid: device.lidJid } },
        ],
      },
    ],
  };
}

// Pairing code: both sides wrap their ephemeral public key with AES-CTR under a key derived
// from the 8-character code (PBKDF2-SHA256, 2^17 rounds), as salt(32) ‖ iv(16) ‖ ciphertext.
function codeKey(code: string, salt: Uint8Array) {
  return pbkdf2Sync(Buffer.from(code), salt, 2 << 16, 32, "sha256");
}

export function unwrapCodeKey(code: string, wrapped: Uint8Array): Buffer {
  const data = Buffer.from(wrapped);
  const decipher = createDecipheriv("aes-256-ctr", codeKey(code, data.subarray(0, 32)), data.subarray(32, 48));
  return Buffer.concat([decipher.update(data.subarray(48)), decipher.final()]);
}

export function wrapCodeKey(code: string, publicKey: Uint8Array): Buffer {
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-ctr", codeKey(code, salt), iv);
  return Buffer.concat([salt, iv, cipher.update(publicKey), cipher.final()]);
}

/**
 * Opens the companion's key bundle (sent at companion_finish) and derives the adv secret the
 * companion derived on its side, so pair-success can be authenticated with it.
 */
export function deriveLinkCodeAdvSecret(options: {
  phoneEphemeral: CurveKeyPair;
  companionEphemeralPublic: Uint8Array;
  accountIdentity: CurveKeyPair;
  wrappedBundle: Uint8Array;
}): { advSecret: Buffer; companionIdentity: Buffer } {
  const shared = Curve.sharedKey(options.phoneEphemeral.private, options.companionEphemeralPublic);
  const bundle = Buffer.from(options.wrappedBundle);
  const salt = bundle.subarray(0, 32);
  const iv = bundle.subarray(32, 44);
  const sealed = bundle.subarray(44);
  const key = Buffer.from(hkdfSync("sha256", shared, salt, "link_code_pairing_key_bundle_encryption_key", 32));
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  const companionIdentity = plain.subarray(0, 32);
  const random = plain.subarray(64, 96);
  const identityShared = Curve.sharedKey(options.accountIdentity.private, companionIdentity);
  const advSecret = Buffer.from(hkdfSync("sha256", Buffer.concat([shared, identityShared, random]), Buffer.alloc(0), "adv_secret", 32));
  return { advSecret, companionIdentity: Buffer.from(companionIdentity) };
}
