// Keeps a session's groups (and the LID ↔ phone mapping WhatsApp reveals) in the database, from
// Baileys' own notifications: groups.upsert (joined or created), groups.update (subject, settings,
// or the full list a participating-groups fetch returns), group-participants.update, and
// lid-mapping.update. On connect the full list is fetched once, so a group changed while the session
// was away is current again. Events for these changes are published by the message store.
import {
  isJidGroup,
  isLidUser,
  isPnUser,
  jidNormalizedUser,
  type BaileysEventMap,
  type GroupMetadata,
  type GroupParticipant,
  type WASocket,
} from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-prisma-client";
import type { Tx } from "@/lib/events/event-outbox";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { groupUpdatesFromStubs } from "@/lib/groups/group-updates-from-stubs";

export interface GroupEventsContext {
  db: Db;
  ref: SessionRef;
  sock: WASocket;
  logger: Logger;
}

type Client = Db | Tx;

/** What we store of one participant: the phone JID whenever known, the LID beside it. */
export function participantRow(p: Partial<GroupParticipant> & { id: string }) {
  const id = jidNormalizedUser(p.id);
  const phoneJid = isPnUser(id) ? id : p.phoneNumber && isPnUser(p.phoneNumber) ? jidNormalizedUser(p.phoneNumber) : null;
  const lid = isLidUser(id) ? id : p.lid && isLidUser(p.lid) ? jidNormalizedUser(p.lid) : null;
  return { jid: phoneJid ?? id, phoneJid, lid, admin: p.admin ?? null };
}

const epochToDate = (s: number | undefined) => (s && s > 0 ? new Date(s * 1000) : null);

/** Writes a group's full metadata (as groupMetadata or a participating fetch gives it). */
export async function storeGroupMetadata(db: Client, ref: SessionRef, meta: GroupMetadata): Promise<void> {
  const jid = meta.id;
  const ownerJid = meta.ownerPn ?? meta.owner ?? null;
  const fields = {
    subject: meta.subject ?? "",
    description: meta.desc ?? null,
    ownerJid: ownerJid ? jidNormalizedUser(ownerJid) : null,
    creation: epochToDate(meta.creation),
    restrict: Boolean(meta.restrict),
    announce: Boolean(meta.announce),
    addressingMode: meta.addressingMode ?? null,
    left: false,
    ...(meta.inviteCode ? { inviteCode: meta.inviteCode } : {}),
  };
  const group = await db.group.upsert({
    where: { sessionId_jid: { sessionId: ref.id, jid } },
    create: { sessionId: ref.id, ownerId: ref.ownerId, jid, ...fields },
    update: fields,
    select: { id: true },
  });
  await db.groupParticipant.deleteMany({ where: { groupId: group.id } });
  const rows = dedupe((meta.participants ?? []).map((p) => participantRow(p)));
  // skipDuplicates: an API call (create, join) and WhatsApp's notification may store the same group at once.
  if (rows.length) await db.groupParticipant.createMany({ data: rows.map((r) => ({ groupId: group.id, ...r })), skipDuplicates: true });
  await rememberMappings(db, ref, rows);
}

function dedupe<T extends { jid: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((r) => [r.jid, r])).values()];
}

async function rememberMappings(db: Client, ref: SessionRef, rows: Array<{ phoneJid: string | null; lid: string | null }>) {
  for (const r of rows) if (r.phoneJid && r.lid) await storeLidMapping(db, ref, r.lid, r.phoneJid);
}

export async function storeLidMapping(db: Client, ref: SessionRef, lid: string, phoneJid: string) {
  const l = jidNormalizedUser(lid);
  const pn = jidNormalizedUser(phoneJid);
  if (!isLidUser(l) || !isPnUser(pn)) return;
  // createMany + skipDuplicates, then update: two writers at once must not fail on the unique key.
  await db.lidMapping.createMany({ data: [{ sessionId: ref.id, lid: l, phoneJid: pn }], skipDuplicates: true });
  await db.lidMapping.updateMany({ where: { sessionId: ref.id, lid: l, NOT: { phoneJid: pn } }, data: { phoneJid: pn } });
}

async function applyUpdate(db: Client, ref: SessionRef, update: Partial<GroupMetadata>) {
  if (!update.id || !isJidGroup(update.id)) return;
  // A participating fetch reports whole groups through groups.update: store them whole.
  if (Array.isArray(update.participants) && update.subject !== undefined) {
    await storeGroupMetadata(db, ref, update as GroupMetadata);
    return;
  }
  const data: Record<string, unknown> = {};
  if (update.subject !== undefined) data.subject = update.subject;
  if (update.desc !== undefined) data.description = update.desc || null;
  if (update.restrict !== undefined) data.restrict = Boolean(update.restrict);
  if (update.announce !== undefined) data.announce = Boolean(update.announce);
  if (update.inviteCode !== undefined) data.inviteCode = update.inviteCode;
  if (Object.keys(data).length) await db.group.updateMany({ where: { sessionId: ref.id, jid: update.id }, data });
}

async function applyParticipants(
  db: Client,
  ref: SessionRef,
  me: { pn: string | null; lid: string | null },
  update: BaileysEventMap["group-participants.update"],
) {
  const group = await db.group.findUnique({ where: { sessionId_jid: { sessionId: ref.id, jid: update.id } }, select: { id: true } });
  if (!group) return; // not known yet: the upsert (or the next full fetch) brings it whole
  const rows = dedupe(update.participants.map((p) => participantRow(typeof p === "string" ? { id: p } : p)));
  const matches = (r: { jid: string; lid: string | null }) => ({ groupId: group.id, OR: [{ jid: r.jid }, ...(r.lid ? [{ lid: r.lid }] : [])] });
  for (const r of rows) {
    switch (update.action) {
      case "add":
        await db.groupParticipant.upsert({
          where: { groupId_jid: { groupId: group.id, jid: r.jid } },
          create: { groupId: group.id, ...r, admin: null },
          update: { phoneJid: r.phoneJid ?? undefined, lid: r.lid ?? undefined },
        });
        break;
      case "remove":
        await db.groupParticipant.deleteMany({ where: matches(r) });
        if ((me.pn && r.phoneJid === me.pn) || (me.lid && r.lid === me.lid)) {
          await db.group.updateMany({ where: { id: group.id }, data: { left: true } });
        }
        break;
      case "promote":
      case "demote":
        await db.groupParticipant.updateMany({ where: matches(r), data: { admin: update.action === "promote" ? "admin" : null } });
        break;
      default:
        break;
    }
  }
  await rememberMappings(db, ref, rows);
}

/** Fetches every group the session takes part in and stores it; groups no longer listed are marked left. */
export async function syncParticipatingGroups(ctx: GroupEventsContext): Promise<number> {
  const all = await ctx.sock.groupFetchAllParticipating();
  const metas = Object.values(all);
  await ctx.db.$transaction(
    async (tx) => {
      for (const meta of metas) await storeGroupMetadata(tx, ctx.ref, meta);
      await tx.group.updateMany({ where: { sessionId: ctx.ref.id, jid: { notIn: metas.map((m) => m.id) } }, data: { left: true } });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return metas.length;
}

function myJids(sock: WASocket) {
  const user = sock.user;
  return { pn: user?.id ? jidNormalizedUser(user.id) : null, lid: user?.lid ? jidNormalizedUser(user.lid) : null };
}

/**
 * The session's hook: one call per batch of Baileys events, on the session's ordered queue. Never
 * throws: a failed group write is logged, and must not keep the batch's messages from being stored.
 */
export async function handleGroupEvents(ctx: GroupEventsContext, events: Partial<BaileysEventMap>): Promise<void> {
  try {
    await storeGroupEvents(ctx, events);
  } catch (error) {
    ctx.logger.error({ err: error, sessionId: ctx.ref.sessionId }, "could not store group changes");
  }
}

async function storeGroupEvents(ctx: GroupEventsContext, events: Partial<BaileysEventMap>): Promise<void> {
  const { db, ref } = ctx;
  const upserts = events["groups.upsert"];
  const updates = events["groups.update"];
  const participants = events["group-participants.update"];
  const mapping = events["lid-mapping.update"];
  const stubs = groupUpdatesFromStubs(events["messages.upsert"]?.messages ?? []);
  if (upserts || updates || participants || mapping || stubs.length) {
    await db.$transaction(
      async (tx) => {
        for (const meta of upserts ?? []) await storeGroupMetadata(tx, ref, meta);
        for (const update of updates ?? []) await applyUpdate(tx, ref, update);
        for (const update of stubs) await applyUpdate(tx, ref, update);
        if (participants) await applyParticipants(tx, ref, myJids(ctx.sock), participants);
        if (mapping?.lid && mapping.pn) await storeLidMapping(tx, ref, mapping.lid, mapping.pn);
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }
  // Not awaited: the fetch's answer comes over the same socket, and its groups.update would queue
  // behind this batch; the rows it writes are whole groups, so order does not matter.
  if (events["connection.update"]?.connection === "open") {
    syncParticipatingGroups(ctx).catch((error: unknown) => ctx.logger.warn({ err: error, sessionId: ref.sessionId }, "could not fetch the session's groups"));
  }
}

/** Baileys' cachedGroupMetadata: the stored group, so that a send does not ask WhatsApp for it. */
export async function loadCachedGroupMetadata(db: Db, ref: SessionRef, jid: string): Promise<GroupMetadata | undefined> {
  const group = await db.group.findUnique({
    where: { sessionId_jid: { sessionId: ref.id, jid } },
    include: { participants: true },
  });
  if (!group || group.left || group.participants.length === 0) return undefined;
  return {
    id: group.jid,
    subject: group.subject,
    owner: group.ownerJid ?? undefined,
    creation: group.creation ? Math.floor(group.creation.getTime() / 1000) : undefined,
    desc: group.description ?? undefined,
    restrict: group.restrict,
    announce: group.announce,
    addressingMode: (group.addressingMode as GroupMetadata["addressingMode"]) ?? undefined,
    size: group.participants.length,
    // Baileys addresses each member by the id the group uses: the LID in LID-addressed groups.
    participants: group.participants.map((p) => {
      const id = group.addressingMode === "lid" && p.lid ? p.lid : (p.phoneJid ?? p.lid ?? p.jid);
      return {
        id,
        ...(p.lid ? { lid: p.lid } : {}),
        ...(p.phoneJid ? { phoneNumber: p.phoneJid } : {}),
        admin: (p.admin as GroupParticipant["admin"]) ?? null,
      };
    }),
  };
}
