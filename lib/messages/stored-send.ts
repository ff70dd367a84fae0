// What the send queue keeps in Message.payload: the accepted send, normalised into Baileys' own
// content shape (JSON), so that the worker only has to put the media bytes back in and send it.
import type { MediaKind } from "@/lib/media/media.schema";

/** A message key as Baileys takes it (WAMessageKey), in JSON. */
export interface StoredKey {
  remoteJid: string;
  id: string;
  fromMe: boolean;
  participant?: string;
}

export interface StoredSend {
  v: 1;
  /** send: a new message; edit, delete and react change or answer an existing one. */
  op: "send" | "edit" | "delete" | "react";
  /** Baileys' AnyMessageContent as JSON; a media field holds `{ mediaId }` instead of the bytes. */
  content: Record<string, unknown>;
  /** Which content field holds `{ mediaId }`, if any. */
  mediaField?: MediaKind;
  /** Show typing (or recording, for voice notes) this long before sending. */
  typingTime?: number;
  presence?: "composing" | "recording";
  /** keyId of the message to quote (same session). */
  replyTo?: string;
  /** edit and delete: the message they change (its content or revocation is stored once sent). */
  target?: StoredKey;
  /** A scheduled send's time (issue 12): such a send is FAILED at start when it is too late. */
  scheduledAt?: string;
  /** Extra Baileys send options: a status post's recipients and text style (lib/status/). */
  sendOptions?: { statusJidList?: string[]; backgroundColor?: string; font?: number; broadcast?: boolean };
  /** The campaign (lib/campaigns) that queued it: its message events carry the id. */
  campaignId?: string;
}

/** A vCard 3.0 for Chatery's `{ contactName, contactPhone }` and our `{ contact: { name, phone } }`. */
export function contactVcard(name: string, digits: string): string {
  const escaped = name
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/([,;])/g, "\\$1");
  return ["BEGIN:VCARD", "VERSION:3.0", `FN:${escaped}`, `TEL;type=CELL;type=VOICE;waid=${digits}:+${digits}`, "END:VCARD"].join("\n");
}
