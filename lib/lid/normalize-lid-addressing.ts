// Today's WhatsApp addresses many people by LID (…@lid) instead of their phone number, and Baileys 7
// reports such chats under the LID, with the phone number (when WhatsApp gave it) in `remoteJidAlt`
// / `participantAlt`. Clients of a gateway want the phone number. Before a batch of Baileys events
// is stored and announced, this learns every LID ↔ phone pair the batch reveals (message attributes,
// lid-mapping.update, the session's stored mapping), keeps it per session, and rewrites the batch so
// that chats, senders and contacts carry the phone-number JID, with the LID beside it (`…Alt`, or
// the contact's `lid`). LIDs whose number is unknown stay as they are.
import { isLidUser, isPnUser, jidNormalizedUser, type BaileysEventMap, type WAMessage, type WAMessageKey } from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-prisma-client";
import { storeLidMapping } from "@/lib/groups/handle-group-events";
import type { SessionRef } from "@/lib/sessions/session-ref";

type Events = Partial<BaileysEventMap>;

const norm = (jid: string | null | undefined) => (jid ? jidNormalizedUser(jid) : undefined);

/** Pairs the batch itself reveals: a LID-addressed key with its phone number beside it, or the reverse. */
function pairsFromBatch(events: Events): Map<string, string> {
  const pairs = new Map<string, string>();
  const learn = (a: string | null | undefined, b: string | null | undefined) => {
    const x = norm(a);
    const y = norm(b);
    if (x && y && isLidUser(x) && isPnUser(y)) pairs.set(x, y);
    if (x && y && isPnUser(x) && isLidUser(y)) pairs.set(y, x);
  };
  const fromKey = (key: WAMessageKey | undefined | null) => {
    if (!key) return;
    learn(key.remoteJid, key.remoteJidAlt);
    learn(key.participant, key.participantAlt);
  };
  for (const msg of events["messages.upsert"]?.messages ?? []) fromKey(msg.key);
  for (const msg of events["messaging-history.set"]?.messages ?? []) fromKey(msg.key);
  const mapping = events["lid-mapping.update"];
  if (mapping) learn(mapping.lid, mapping.pn);
  const gp = events["group-participants.update"];
  if (gp) {
    learn(gp.author, gp.authorPn);
    for (const p of gp.participants) if (typeof p === "object") learn(p.id, p.phoneNumber ?? p.lid);
  }
  for (const g of [...(events["groups.update"] ?? []), ...(events["groups.upsert"] ?? [])]) {
    learn(g.author, g.authorPn);
    for (const p of g.participants ?? []) learn(p.id, p.phoneNumber ?? p.lid);
  }
  for (const c of [...(events["contacts.upsert"] ?? []), ...(events["contacts.update"] ?? [])]) {
    learn(c.id, c.phoneNumber);
    learn(c.lid, c.id);
  }
  return pairs;
}

/** Every LID the batch mentions, to look up in the stored mapping. */
function lidsIn(events: Events): Set<string> {
  const lids = new Set<string>();
  const add = (jid: string | null | undefined) => {
    const j = norm(jid);
    if (j && isLidUser(j)) lids.add(j);
  };
  const fromKey = (key: WAMessageKey | undefined | null) => {
    add(key?.remoteJid);
    add(key?.participant);
  };
  for (const msg of [...(events["messages.upsert"]?.messages ?? []), ...(events["messaging-history.set"]?.messages ?? [])]) fromKey(msg.key);
  for (const u of events["messages.update"] ?? []) fromKey(u.key);
  for (const r of events["message-receipt.update"] ?? []) fromKey(r.key);
  for (const r of events["messages.reaction"] ?? []) {
    fromKey(r.key);
    fromKey(r.reaction.key);
  }
  for (const c of [...(events["chats.upsert"] ?? []), ...(events["chats.update"] ?? [])]) add(c.id);
  for (const c of [...(events["contacts.upsert"] ?? []), ...(events["contacts.update"] ?? [])]) add(c.id);
  const gp = events["group-participants.update"];
  if (gp) {
    add(gp.author);
    for (const p of gp.participants) add(typeof p === "string" ? p : p.id);
  }
  for (const g of [...(events["groups.update"] ?? []), ...(events["groups.upsert"] ?? [])]) add(g.author);
  return lids;
}

function rewriteKey<K extends WAMessageKey | null | undefined>(key: K, phoneOf: (lid: string) => string | undefined): K {
  if (!key) return key;
  const out: WAMessageKey = { ...key };
  const remote = norm(key.remoteJid);
  const remotePn = remote && isLidUser(remote) ? phoneOf(remote) : undefined;
  if (remotePn) {
    out.remoteJid = remotePn;
    out.remoteJidAlt = remote;
  }
  const participant = norm(key.participant);
  const participantPn = participant && isLidUser(participant) ? phoneOf(participant) : undefined;
  if (participantPn) {
    out.participant = participantPn;
    out.participantAlt = participant;
  }
  return out as K;
}

/**
 * Never throws: when the mapping cannot be read or written, the batch goes on as Baileys gave it (logged).
 * `known`: the session's pairs this process has read or stored (LID → phone JID), kept by the
 * caller for as long as it runs the session here (issue 10): a pair already known is neither read
 * nor written again — every message from a LID-addressed contact used to cost a read or two writes.
 */
export async function normalizeLidAddressing(db: Db, ref: SessionRef, events: Events, logger?: Logger, known?: Map<string, string>): Promise<Events> {
  try {
    return await rewriteBatch(db, ref, events, known ?? new Map());
  } catch (error) {
    logger?.error({ err: error, sessionId: ref.sessionId }, "could not apply the LID mapping to a batch");
    return events;
  }
}

/** How many pairs a session keeps in memory; past that the oldest are read again when needed. */
const MAX_KNOWN_PAIRS = 5000;

function remember(known: Map<string, string>, lid: string, pn: string) {
  known.delete(lid);
  known.set(lid, pn);
  if (known.size > MAX_KNOWN_PAIRS) known.delete(known.keys().next().value!);
}

async function rewriteBatch(db: Db, ref: SessionRef, events: Events, known: Map<string, string>): Promise<Events> {
  const lids = lidsIn(events);
  const learned = pairsFromBatch(events);
  if (lids.size === 0 && learned.size === 0) return events;
  const unknown = [...lids].filter((lid) => !learned.has(lid) && !known.has(lid));
  const stored = unknown.length
    ? await db.lidMapping.findMany({ where: { sessionId: ref.id, lid: { in: unknown } }, select: { lid: true, phoneJid: true } })
    : [];
  for (const m of stored) remember(known, m.lid, m.phoneJid);
  const batch = new Map([...lids].flatMap((lid) => (known.has(lid) ? [[lid, known.get(lid)!] as const] : [])));
  for (const [lid, pn] of learned) {
    batch.set(lid, pn);
    if (known.get(lid) === pn) continue;
    await storeLidMapping(db, ref, lid, pn);
    remember(known, lid, pn);
  }
  if (lids.size === 0) return events;
  const phoneOf = (lid: string) => batch.get(lid);
  const message = (m: WAMessage): WAMessage => ({ ...m, key: rewriteKey(m.key, phoneOf) });

  const out: Events = { ...events };
  const upsert = events["messages.upsert"];
  if (upsert) out["messages.upsert"] = { ...upsert, messages: upsert.messages.map(message) };
  const history = events["messaging-history.set"];
  if (history) out["messaging-history.set"] = { ...history, messages: history.messages.map(message) };
  if (events["messages.update"]) out["messages.update"] = events["messages.update"].map((u) => ({ ...u, key: rewriteKey(u.key, phoneOf) }));
  if (events["message-receipt.update"])
    out["message-receipt.update"] = events["message-receipt.update"].map((r) => ({ ...r, key: rewriteKey(r.key, phoneOf) }));
  if (events["messages.reaction"]) {
    out["messages.reaction"] = events["messages.reaction"].map((r) => ({
      key: rewriteKey(r.key, phoneOf),
      reaction: { ...r.reaction, key: rewriteKey(r.reaction.key, phoneOf) },
    }));
  }
  const chatId = <T extends { id?: string | null }>(c: T): T => {
    const id = norm(c.id);
    const pn = id && isLidUser(id) ? phoneOf(id) : undefined;
    return pn ? { ...c, id: pn } : c;
  };
  if (events["chats.upsert"]) out["chats.upsert"] = events["chats.upsert"].map(chatId);
  if (events["chats.update"]) out["chats.update"] = events["chats.update"].map(chatId);
  const contact = <T extends { id?: string | null; lid?: string | null }>(c: T): T => {
    const id = norm(c.id);
    const pn = id && isLidUser(id) ? phoneOf(id) : undefined;
    return pn ? { ...c, id: pn, lid: id } : c;
  };
  // Group events say who did what: by phone number, the LID beside it.
  const person = (jid: string | null | undefined) => {
    const j = norm(jid);
    return j && isLidUser(j) ? phoneOf(j) : undefined;
  };
  const gp = events["group-participants.update"];
  if (gp) {
    const authorPn = gp.authorPn ? norm(gp.authorPn) : person(gp.author);
    out["group-participants.update"] = {
      ...gp,
      ...(authorPn && gp.author && isLidUser(norm(gp.author)!) ? { author: authorPn, authorPn, authorLid: norm(gp.author) } : {}),
      participants: gp.participants.map((p) => {
        const id = norm(typeof p === "string" ? p : p.id)!;
        const pn = isLidUser(id) ? ((typeof p === "object" && p.phoneNumber ? norm(p.phoneNumber) : undefined) ?? phoneOf(id)) : undefined;
        const base = typeof p === "string" ? { id } : p;
        return pn ? { ...base, id: pn, phoneNumber: pn, lid: id } : base;
      }),
    } as typeof gp;
  }
  if (events["groups.update"]) {
    out["groups.update"] = events["groups.update"].map((g) => {
      const authorPn = g.authorPn ? norm(g.authorPn) : person(g.author);
      return authorPn && g.author && isLidUser(norm(g.author)!) ? { ...g, author: authorPn, authorPn, authorLid: norm(g.author) } : g;
    });
  }
  if (events["contacts.upsert"]) out["contacts.upsert"] = events["contacts.upsert"].map(contact);
  if (events["contacts.update"]) out["contacts.update"] = events["contacts.update"].map(contact);
  return out;
}
