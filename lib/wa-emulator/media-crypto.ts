// WhatsApp media encryption (AES-256-CBC + truncated HMAC, keys expanded from a random
// media key), used when an emulated contact sends media and when it reads media a
// companion uploaded.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { getMediaKeys, type MediaType } from "@whiskeysockets/baileys";

export interface EncryptedMedia {
  mediaKey: Buffer;
  body: Buffer;
  fileSha256: Buffer;
  fileEncSha256: Buffer;
  fileLength: number;
}

export async function encryptMedia(plaintext: Uint8Array, mediaType: MediaType): Promise<EncryptedMedia> {
  const mediaKey = randomBytes(32);
  const { iv, cipherKey, macKey } = (await getMediaKeys(mediaKey, mediaType)) as Record<"iv" | "cipherKey" | "macKey", Buffer>;
  const aes = createCipheriv("aes-256-cbc", cipherKey, iv);
  const ciphertext = Buffer.concat([aes.update(plaintext), aes.final()]);
  const mac = createHmac("sha256", macKey).update(iv).update(ciphertext).digest().subarray(0, 10);
  const body = Buffer.concat([ciphertext, mac]);
  return {
    mediaKey,
    body,
    fileSha256: createHash("sha256").update(plaintext).digest(),
    fileEncSha256: createHash("sha256").update(body).digest(),
    fileLength: plaintext.length,
  };
}

export async function decryptMedia(body: Uint8Array, mediaKey: Uint8Array, mediaType: MediaType): Promise<Buffer> {
  const { iv, cipherKey, macKey } = (await getMediaKeys(mediaKey, mediaType)) as Record<"iv" | "cipherKey" | "macKey", Buffer>;
  const ciphertext = body.subarray(0, body.length - 10);
  const mac = createHmac("sha256", macKey).update(iv).update(ciphertext).digest().subarray(0, 10);
  if (!mac.equals(Buffer.from(body.subarray(body.length - 10)))) throw new Error("media MAC mismatch");
  const aes = createDecipheriv("aes-256-cbc", cipherKey, iv);
  return Buffer.concat([aes.update(ciphertext), aes.final()]);
}
