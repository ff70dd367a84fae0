// Pure helpers of the chat view: names, previews, times and statuses. The browser's own time zone
// is used on purpose (a chat reads in local time); these run only after the data is fetched in the
// browser, so the server's HTML never contains a time that could disagree at hydration.
import type { ChatSummary, MessageStatus, MessageType } from "@/components/chat/chat-types";
import type { MessageKey, MessageVars } from "@/lib/i18n/messages";
import { viewerDateFormat } from "@/components/ui/viewer-locale";

/** The viewer's words (useT() from components/shell/i18n.tsx), passed in so these stay pure. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** The JID a chat is stored under: no device suffix, lower-case server, `c.us` as `s.whatsapp.net`. */
export function normalizeJid(jid: string): string {
  const at = jid.lastIndexOf("@");
  if (at < 0) return jid;
  let server = jid.slice(at + 1).toLowerCase();
  if (server === "c.us") server = "s.whatsapp.net";
  let user = jid.slice(0, at);
  if (server === "s.whatsapp.net" || server === "lid") user = user.replace(/[:.]\d+$/, "");
  return `${user}@${server}`;
}

export function isGroupJid(jid: string): boolean {
  return jid.endsWith("@g.us");
}

/** `+15550100002` for a phone-number JID; the bare id otherwise. */
export function phoneOf(jid: string): string {
  const [user, server] = jid.split("@");
  return server === "s.whatsapp.net" ? `+${user}` : user;
}

/** What a chat is called: its saved name, the contact's own name, or the number. */
export function chatTitle(
  chat: Pick<ChatSummary, "jid" | "name" | "notify"> | { jid: string; name?: string | null; notify?: string | null },
  t: Translate,
): string {
  return chat.name?.trim() || chat.notify?.trim() || (isGroupJid(chat.jid) ? t("chat.group") : phoneOf(chat.jid));
}

export function initialsOf(title: string): string {
  const words = title.replace(/^\+/, "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  if (/^\d/.test(words[0])) return "#";
  return (words[0][0] + (words.length > 1 ? words[words.length - 1][0] : "")).toUpperCase();
}

const KINDS_WITH_LABEL = new Set<MessageType>(["IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "STICKER", "LOCATION", "CONTACT", "POLL"]);

/** "Photo", "Video"…: what kind of message it is, in the viewer's language. */
export function kindLabel(type: MessageType, t: Translate): string | null {
  return KINDS_WITH_LABEL.has(type) ? t(`chat.kind.${type}` as MessageKey) : null;
}

/**
 * One line for the chat list or a quote: the text, or the caption or name of a media message, or
 * what kind of message it is (MessageKindIcon draws the kind beside it).
 */
export function previewText(type: MessageType, content: string | null, t: Translate): string {
  if (type === "TEXT") return content ?? "";
  if (type === "REACTION") return content ? t("chat.reacted", { emoji: content }) : t("chat.removedReaction");
  if (type === "LOCATION") return parseLocation(content)?.name ?? t("chat.kind.LOCATION");
  if (type === "AUDIO" || type === "STICKER") return kindLabel(type, t)!;
  return content || kindLabel(type, t) || t("chat.message");
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

const DAY_MS = 86_400_000;

function daysAgo(date: Date, now: Date): number {
  return Math.round((startOfDay(now) - startOfDay(date)) / DAY_MS);
}

// In the viewer's language and zone, as LocalTime shows every other date (the chat renders in the browser).
const TIME: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: "long" };
const SHORT_DATE: Intl.DateTimeFormatOptions = { day: "2-digit", month: "2-digit", year: "2-digit" };
const LONG_DATE: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric" };

/** The chat list's time: 14:05 today, "Yesterday", a weekday this week, a date before that. */
export function formatListTime(iso: string, t: Translate, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const ago = daysAgo(date, now);
  if (ago <= 0) return viewerDateFormat(TIME).format(date);
  if (ago === 1) return t("chat.yesterday");
  if (ago < 7) return viewerDateFormat(WEEKDAY).format(date);
  return viewerDateFormat(SHORT_DATE).format(date);
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : viewerDateFormat(TIME).format(date);
}

/** The separator between days in a thread. */
export function dayLabel(iso: string, t: Translate, now = new Date()): string {
  const date = new Date(iso);
  const ago = daysAgo(date, now);
  if (ago <= 0) return t("chat.today");
  if (ago === 1) return t("chat.yesterday");
  return viewerDateFormat(LONG_DATE).format(date);
}

export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** Statuses only move forward (a late SENT must not undo READ); FAILED ends a send. */
const STATUS_RANK: Record<MessageStatus, number> = { PENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4 };

export function laterStatus(a: MessageStatus, b: MessageStatus): MessageStatus {
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
}

export type AttachmentKind = "image" | "video" | "audio" | "document";

/** How a file is sent: pictures, clips and sound as themselves, everything else as a document. */
export function attachmentKindOf(mimetype: string): AttachmentKind {
  if (/^image\/(jpeg|png|webp|gif)$/.test(mimetype)) return "image";
  if (mimetype.startsWith("video/")) return "video";
  if (mimetype.startsWith("audio/")) return "audio";
  return "document";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A stored location's text is "Name lat,lng" (lib/whatsapp/describe-message.ts). */
export function parseLocation(content: string | null): { name: string | null; latitude: number; longitude: number } | null {
  const match = content?.match(/^(.*?)\s*(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)$/);
  if (!match) return null;
  return { name: match[1] || null, latitude: Number(match[2]), longitude: Number(match[3]) };
}

/** Only media the gateway itself serves is shown inline; nothing is loaded from elsewhere. */
export function ownMediaUrl(mediaUrl: string | null): string | null {
  return mediaUrl && mediaUrl.startsWith("/api/media/") ? mediaUrl : null;
}

/** What a user types into "New chat": digits with the usual separators, or a JID. */
export function looksLikePhone(input: string): boolean {
  const value = input.trim();
  if (value.includes("@")) return /^[\d-]+@(s\.whatsapp\.net|c\.us|g\.us|lid)$/i.test(value);
  return /^\+?[\d\s\-().]{7,24}$/.test(value) && value.replace(/\D/g, "").length >= 7;
}
