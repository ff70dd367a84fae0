// The emulator's stand-in for WhatsApp's Noise certificate authority. Baileys checks the
// server's certificate chain against WA_CERT_DETAILS, so a process that talks to the
// emulator must trust this root instead of WhatsApp's: see trustEmulatorRoot.
import { randomInt } from "node:crypto";
import { Curve, proto } from "@whiskeysockets/baileys";

export interface CurveKeyPair {
  public: Uint8Array;
  private: Uint8Array;
}

export interface NoiseRoot {
  keyPair: CurveKeyPair;
  serial: number;
}

/** The mutable shape of Baileys' exported WA_CERT_DETAILS. */
export interface CertDetailsTarget {
  SERIAL: number;
  PUBLIC_KEY: Uint8Array;
}

export function createNoiseRoot(): NoiseRoot {
  // Serial 0 is WhatsApp's real one; any other value makes a mix-up fail loudly.
  return { keyPair: Curve.generateKeyPair(), serial: randomInt(1_000, 2 ** 31) };
}

/**
 * Makes a Baileys module instance accept the emulator's Noise certificates.
 *
 * WARNING: after this call that process can no longer verify the real WhatsApp servers.
 * Call it only in processes started in sandbox or test mode, and on the same module
 * instance of '@whiskeysockets/baileys' that creates the sockets.
 */
export function trustEmulatorRoot(certDetails: CertDetailsTarget, root: NoiseRoot): void {
  certDetails.PUBLIC_KEY = Buffer.from(root.keyPair.public);
  certDetails.SERIAL = root.serial;
}

/** CertChain for the server hello: root → intermediate → leaf(server static key). */
export function buildCertChain(root: NoiseRoot, serverStaticPublic: Uint8Array): Uint8Array {
  const intermediateKey = Curve.generateKeyPair();
  const intermediateSerial = root.serial + 1;
  const now = Math.floor(Date.now() / 1000);
  const intermediateDetails = proto.CertChain.NoiseCertificate.Details.encode({
    serial: intermediateSerial,
    issuerSerial: root.serial,
    key: intermediateKey.public,
    notBefore: now - 3600,
    notAfter: now + 365 * 86400,
  }).finish();
  const leafDetails = proto.CertChain.NoiseCertificate.Details.encode({
    serial: intermediateSerial + 1,
    issuerSerial: intermediateSerial,
    key: serverStaticPublic,
    notBefore: now - 3600,
    notAfter: now + 30 * 86400,
  }).finish();
  return proto.CertChain.encode({
    intermediate: {
      details: intermediateDetails,
      // The root signs the intermediate, as WhatsApp's does: a client that really checks the chain
      // (ours, lib/whatsapp/signature-check.ts) verifies it with the root's public key.
      signature: Curve.sign(root.keyPair.private, intermediateDetails),
    },
    leaf: { details: leafDetails, signature: Curve.sign(intermediateKey.private, leafDetails) },
  }).finish();
}
