// Encryption at rest for WhatsApp credentials. Whoever reads the database (a backup, a replica)
// must not be able to take over a WhatsApp account, so every row is sealed with AES-256-GCM under a
// key derived from APP_SECRET, and bound to its row (AAD) so rows cannot be swapped between
// sessions either.
import { createCipheriv, createDecipheriv, hkdfSync } from "node:crypto";
import { pooledRandomBytes } from "@/lib/server/pooled-random-bytes";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface CredentialsCipher {
  seal(plaintext: Buffer, aad: string): Buffer;
  open(sealed: Uint8Array, aad: string): Buffer;
}

export function createCredentialsCipher(appSecret: string): CredentialsCipher {
  const key = Buffer.from(hkdfSync("sha256", appSecret, "wagate", "wa-credentials-v1", 32));
  return {
    seal(plaintext, aad) {
      // Pooled (issue 10): every Signal-key write seals; a fresh CSPRNG IV either way.
      const iv = pooledRandomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(aad));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, aad) {
      const buf = Buffer.from(sealed);
      if (buf[0] !== VERSION) throw new Error(`unknown credentials format ${buf[0]}`);
      const iv = buf.subarray(1, 1 + IV_BYTES);
      const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    },
  };
}
