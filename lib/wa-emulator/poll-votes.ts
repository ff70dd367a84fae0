// Poll votes as the WhatsApp apps send them: the chosen options (SHA-256 of each option name)
// are AES-GCM-encrypted with a key derived from the poll's messageSecret, so only devices that
// hold the poll can read the vote. The derivation mirrors Baileys' decryptPollVote.
import { createCipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { proto } from "@whiskeysockets/baileys";

export interface PollVoteKeyInput {
  /** messageContextInfo.messageSecret of the poll creation message. */
  pollSecret: Uint8Array;
  pollMessageId: string;
  /** User jids (no device) of the poll's creator and of the voter. */
  pollCreatorJid: string;
  voterJid: string;
}

export function encryptPollVote(selectedOptionNames: string[], input: PollVoteKeyInput): proto.Message.IPollEncValue {
  const selectedOptions = selectedOptionNames.map((name) => createHash("sha256").update(name).digest());
  const plaintext = proto.Message.PollVoteMessage.encode({ selectedOptions }).finish();
  const sign = Buffer.concat([
    Buffer.from(input.pollMessageId),
    Buffer.from(input.pollCreatorJid),
    Buffer.from(input.voterJid),
    Buffer.from("Poll Vote"),
    Buffer.from([1]),
  ]);
  const secretKey = createHmac("sha256", Buffer.alloc(32)).update(input.pollSecret).digest();
  const key = createHmac("sha256", secretKey).update(sign).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`${input.pollMessageId}\u0000${input.voterJid}`));
  const encPayload = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { encPayload, encIv: iv };
}
