// Parsing the jids companions put in stanzas into network addresses.
import { jidDecode } from "@whiskeysockets/baileys";

export interface ParsedUserJid {
  user: string;
  server: "s.whatsapp.net" | "lid";
  device: number;
}

export function parseUserJid(jid: string | undefined): ParsedUserJid | undefined {
  if (!jid) return undefined;
  const decoded = jidDecode(jid);
  if (!decoded || (decoded.server !== "s.whatsapp.net" && decoded.server !== "lid")) return undefined;
  return { user: decoded.user, server: decoded.server, device: decoded.device ?? 0 };
}

export const isGroupJid = (jid: string | undefined) => !!jid?.endsWith("@g.us");
export const STATUS_JID = "status@broadcast";

/** Accepts "+1 555…", "1555…" or a jid and returns the digits of the phone number. */
export function normalizePhone(phoneOrJid: string): string {
  return phoneOrJid.split("@")[0]!.split(":")[0]!.replace(/\D/g, "");
}
