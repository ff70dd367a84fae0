// How a thread's messages are kept in the browser: oldest first, one entry per WhatsApp message id,
// with the sends the user has just made kept at the end until the server lists them. Pure.
import { laterStatus } from "@/components/chat/chat-format";
import type { ChatMessage, MessageStatus, ThreadMessage } from "@/components/chat/chat-types";

function byTime(a: ThreadMessage, b: ThreadMessage): number {
  // Sends the server has not accepted yet stay at the bottom, in the order they were made.
  const al = a.localId && a.keyId === a.localId ? 1 : 0;
  const bl = b.localId && b.keyId === b.localId ? 1 : 0;
  if (al !== bl) return al - bl;
  return a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id);
}

/** A stored version replaces what we had, but a status never moves backwards. */
function fromServer(server: ChatMessage, known: ThreadMessage | undefined): ThreadMessage {
  if (!known) return server;
  return { ...server, status: laterStatus(known.status, server.status), failureReason: server.failureReason ?? known.failureReason };
}

/**
 * Folds the newest page (newest first, as the API answers) into the thread. `hasOlder` says the page
 * was full: if it then does not reach back to what we hold, messages were missed in between, and the
 * thread starts over from this page (the caller takes its cursor).
 */
export function mergeNewest(current: ThreadMessage[], page: ChatMessage[], hasOlder: boolean): { messages: ThreadMessage[]; restarted: boolean } {
  const known = new Map(current.map((m) => [m.keyId, m]));
  const stored = current.filter((m) => !m.localId || m.keyId !== m.localId);
  const overlaps = page.some((m) => known.has(m.keyId)) || stored.length === 0;
  const oldestOfPage = page[page.length - 1]?.timestamp;
  const newestStored = stored.reduce<string | null>((max, m) => (max === null || m.timestamp > max ? m.timestamp : max), null);
  const restarted = hasOlder && !overlaps && oldestOfPage !== undefined && newestStored !== null && oldestOfPage > newestStored;

  const result = new Map<string, ThreadMessage>();
  const pageIds = new Set(page.map((m) => m.keyId));
  for (const m of current) {
    if (pageIds.has(m.keyId)) continue;
    // After a restart only the user's unfinished sends survive.
    if (restarted && !(m.localId && m.keyId === m.localId)) continue;
    result.set(m.keyId, m);
  }
  for (const m of page) result.set(m.keyId, fromServer(m, known.get(m.keyId)));
  return { messages: [...result.values()].sort(byTime), restarted };
}

/** Adds an older page (newest first) in front of the thread. */
export function mergeOlder(current: ThreadMessage[], page: ChatMessage[]): ThreadMessage[] {
  const ids = new Set(current.map((m) => m.keyId));
  const older = page.filter((m) => !ids.has(m.keyId));
  return [...older, ...current].sort(byTime);
}

export function applyStatus(current: ThreadMessage[], keyId: string, status: MessageStatus, reason?: string | null): ThreadMessage[] {
  let changed = false;
  const next = current.map((m) => {
    if (m.keyId !== keyId) return m;
    const moved = laterStatus(m.status, status);
    if (moved === m.status) return m;
    changed = true;
    return { ...m, status: moved, failureReason: moved === "FAILED" ? (reason ?? m.failureReason) : m.failureReason };
  });
  return changed ? next : current;
}

/** The server accepted a send: the entry takes its WhatsApp id, unless the stored one is here already. */
export function acceptLocal(current: ThreadMessage[], localId: string, messageId: string): ThreadMessage[] {
  if (current.some((m) => m.keyId === messageId && m.localId !== localId)) return current.filter((m) => m.localId !== localId);
  return current.map((m) => (m.localId === localId ? { ...m, keyId: messageId, id: messageId } : m)).sort(byTime);
}

export function failLocal(current: ThreadMessage[], localId: string, reason: string): ThreadMessage[] {
  return current.map((m) => (m.localId === localId ? { ...m, status: "FAILED" as const, failureReason: reason } : m));
}

/**
 * Reactions are stored as messages of their own that point at their target (quoteId). Each sender's
 * newest reaction counts; an empty one removed it.
 */
export function collectReactions(messages: ThreadMessage[]): Map<string, Array<{ emoji: string; fromMe: boolean }>> {
  const latest = new Map<string, Map<string, { emoji: string; fromMe: boolean }>>();
  for (const m of messages) {
    if (m.type !== "REACTION" || !m.quoteId) continue;
    const sender = m.fromMe ? "me" : (m.senderJid ?? m.remoteJid);
    const bySender = latest.get(m.quoteId) ?? new Map();
    bySender.set(sender, { emoji: m.content ?? "", fromMe: m.fromMe });
    latest.set(m.quoteId, bySender);
  }
  const result = new Map<string, Array<{ emoji: string; fromMe: boolean }>>();
  for (const [target, bySender] of latest) {
    const shown = [...bySender.values()].filter((r) => r.emoji);
    if (shown.length) result.set(target, shown);
  }
  return result;
}
