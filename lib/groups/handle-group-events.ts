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
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/create-prisma-client";
import { direct, directTransaction, type SqlRunner } from "@/lib/db/direct-sql";
import { newRowId } from "@/lib/db/new-row-id";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { groupUpdatesFromStubs } from "@/lib/groups/group-updates-from-stubs";

export interface GroupEventsContext {
  db: Db;
  ref: SessionRef;
  sock: WASocket;
  logger: Logger;
}

/** What we store of one participant: the phone JID whenever known, the LID beside it. */
export function participantRow(p: Partial<GroupParticipant> & { id: string }) {
  const id = jidNormalizedUser(p.id);
  const phoneJid = isPnUser(id) ? id : p.phoneNumber && isPnUser(p.phoneNumber) ? jidNormalizedUser(p.phoneNumber) : null;
  const lid = isLidUser(id) ? id : p.lid && isLidUser(p.lid) ? jidNormalizedUser(p.lid) : null;
  return { jid: phoneJid ?? id, phoneJid, lid, admin: p.admin ?? null };
}

const epochToDate = (s: number | undefined) => (s && s > 0 ? new Date(s * 1000) : null);

/**
 * Writes a group's full metadata (as groupMetadata or a participating fetch gives it): the group,
 * its participants as listed (those no longer listed deleted, the others inserted or brought up to
 * date), and the LID ↔ phone pairs they reveal. Three statements whatever the group's size, on
 * `db` as it is: a transaction's runner (keep them atomic) or a root client (`direct` then
 * sends them past Prisma's query compiler).
 *
 * Why raw SQL (issue 10): every session fetches its groups on connect, so a restart of 500 sessions
 * stored them all at once through Prisma's interactive transactions, query compiler included; and a
 * group of N members cost 2 + 2N statements (a delete and a re-insert of every member, then two
 * writes per LID pair).
 */
export async function storeGroupMetadata(db: SqlRunner, ref: SessionRef, meta: GroupMetadata): Promise<void> {
  const sql = direct(db);
  const ownerJid = meta.ownerPn ?? meta.owner ?? null;
  const now = new Date();
  // A group stored without its invite code keeps the one it had: the metadata carries it only sometimes.
  const [group] = await sql.$queryRaw<Array<{ id: string }>>`
    INSERT INTO groups (id, "sessionId", "ownerId", jid, subject, description, "ownerJid", creation, restrict, announce,
      "addressingMode", "left", "inviteCode", "createdAt", "updatedAt")
    VALUES (${newRowId()}, ${ref.id}, ${ref.ownerId}, ${meta.id}, ${meta.subject ?? ""}, ${meta.desc ?? null},
      ${ownerJid ? jidNormalizedUser(ownerJid) : null}, ${epochToDate(meta.creation)}::timestamp, ${Boolean(meta.restrict)},
      ${Boolean(meta.announce)}, ${meta.addressingMode ?? null}, FALSE, ${meta.inviteCode || null}, ${now}, ${now})
    ON CONFLICT ("sessionId", jid) DO UPDATE SET subject = EXCLUDED.subject, description = EXCLUDED.description,
      "ownerJid" = EXCLUDED."ownerJid", creation = EXCLUDED.creation, restrict = EXCLUDED.restrict, announce = EXCLUDED.announce,
      "addressingMode" = EXCLUDED."addressingMode", "left" = FALSE,
      "inviteCode" = COALESCE(EXCLUDED."inviteCode", groups."inviteCode"), "updatedAt" = EXCLUDED."updatedAt"
    RETURNING id`;
  const rows = participantRows(meta.participants ?? []);
  // One statement: both parts see the rows as they were, so the delete never meets a listed member.
  await sql.$executeRaw`
    WITH listed AS (
      SELECT * FROM unnest(${rows.map(() => newRowId())}::text[], ${rows.map((r) => r.jid)}::text[],
        ${rows.map((r) => r.phoneJid)}::text[], ${rows.map((r) => r.lid)}::text[], ${rows.map((r) => r.admin)}::text[])
        WITH ORDINALITY AS l(id, jid, "phoneJid", lid, admin, n)
    ), gone AS (
      DELETE FROM group_participants p WHERE p."groupId" = ${group.id} AND NOT EXISTS (SELECT 1 FROM listed l WHERE l.jid = p.jid)
    )
    INSERT INTO group_participants (id, "groupId", jid, "phoneJid", lid, admin)
    SELECT id, ${group.id}, jid, "phoneJid", lid, admin FROM listed ORDER BY n
    ON CONFLICT ("groupId", jid) DO UPDATE SET "phoneJid" = EXCLUDED."phoneJid", lid = EXCLUDED.lid, admin = EXCLUDED.admin
    WHERE (group_participants."phoneJid", group_participants.lid, group_participants.admin)
      IS DISTINCT FROM (EXCLUDED."phoneJid", EXCLUDED.lid, EXCLUDED.admin)`;
  await storeLidMappings(sql, ref, rows);
}

/** storeGroupMetadata in a transaction of its own: the group and its members are stored whole or not at all. */
export function storeGroup(db: Db, ref: SessionRef, meta: GroupMetadata): Promise<void> {
  return directTransaction(db, (tx) => storeGroupMetadata(tx, ref, meta), { maxWait: 30_000, timeout: 60_000 });
}

/**
 * One row per member (ON CONFLICT may touch a row once per statement), sorted by jid: two writers
 * of the same group (an API call and WhatsApp's notification) lock its rows in the same order and
 * cannot deadlock.
 */
function participantRows(participants: ReadonlyArray<string | (Partial<GroupParticipant> & { id: string })>) {
  const byJid = new Map<string, ReturnType<typeof participantRow>>();
  for (const p of participants) {
    const row = participantRow(typeof p === "string" ? { id: p } : p);
    byJid.set(row.jid, row);
  }
  return [...byJid.values()].sort((a, b) => (a.jid < b.jid ? -1 : a.jid > b.jid ? 1 : 0));
}

/**
 * Remembers LID ↔ phone pairs in one statement: new pairs inserted, a LID that now maps to another
 * phone updated, pairs already known left alone. Concurrent writers of the same pair wait for
 * each other on the unique key instead of failing.
 */
async function storeLidMappings(db: SqlRunner, ref: SessionRef, pairs: Array<{ phoneJid: string | null; lid: string | null }>) {
  const byLid = new Map<string, string>();
  for (const p of pairs) {
    if (!p.lid || !p.phoneJid) continue;
    const lid = jidNormalizedUser(p.lid);
    const pn = jidNormalizedUser(p.phoneJid);
    if (isLidUser(lid) && isPnUser(pn)) byLid.set(lid, pn);
  }
  if (byLid.size === 0) return;
  // One row per LID (ON CONFLICT may touch a row once per statement), sorted for the lock order.
  const lids = [...byLid.keys()].sort();
  const now = new Date();
  await direct(db).$executeRaw`
    INSERT INTO lid_mappings (id, "sessionId", lid, "phoneJid", "updatedAt")
    SELECT id, ${ref.id}, lid, "phoneJid", ${now} FROM unnest(${lids.map(() => newRowId())}::text[], ${lids}::text[],
      ${lids.map((l) => byLid.get(l)!)}::text[]) WITH ORDINALITY AS m(id, lid, "phoneJid", n) ORDER BY n
    ON CONFLICT ("sessionId", lid) DO UPDATE SET "phoneJid" = EXCLUDED."phoneJid", "updatedAt" = EXCLUDED."updatedAt"
    WHERE lid_mappings."phoneJid" <> EXCLUDED."phoneJid"`;
}

export function storeLidMapping(db: SqlRunner, ref: SessionRef, lid: string, phoneJid: string) {
  return storeLidMappings(db, ref, [{ lid, phoneJid }]);
}

async function applyUpdate(db: SqlRunner, ref: SessionRef, update: Partial<GroupMetadata>) {
  if (!update.id || !isJidGroup(update.id)) return;
  // A participating fetch reports whole groups through groups.update: store them whole.
  if (Array.isArray(update.participants) && update.subject !== undefined) {
    await storeGroupMetadata(db, ref, update as GroupMetadata);
    return;
  }
  const set: Prisma.Sql[] = [];
  if (update.subject !== undefined) set.push(Prisma.sql`subject = ${update.subject}`);
  if (update.desc !== undefined) set.push(Prisma.sql`description = ${update.desc || null}`);
  if (update.restrict !== undefined) set.push(Prisma.sql`restrict = ${Boolean(update.restrict)}`);
  if (update.announce !== undefined) set.push(Prisma.sql`announce = ${Boolean(update.announce)}`);
  if (update.inviteCode !== undefined) set.push(Prisma.sql`"inviteCode" = ${update.inviteCode}`);
  if (!set.length) return;
  await db.$executeRaw`UPDATE groups SET ${Prisma.join(set)}, "updatedAt" = ${new Date()} WHERE "sessionId" = ${ref.id} AND jid = ${update.id}`;
}

async function applyParticipants(
  db: SqlRunner,
  ref: SessionRef,
  me: { pn: string | null; lid: string | null },
  update: BaileysEventMap["group-participants.update"],
) {
  // The group's row locked first, as storeGroupMetadata's upsert does before it writes the members:
  // locking the members first and the group last (when we are the one removed) deadlocked with it.
  const [group] = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM groups WHERE "sessionId" = ${ref.id} AND jid = ${update.id} FOR NO KEY UPDATE`;
  if (!group) return; // not known yet: the upsert (or the next full fetch) brings it whole
  const rows = participantRows(update.participants);
  if (!rows.length) return;
  // A member is matched by the id the group stored it under or by its LID, whichever WhatsApp sent.
  const jids = rows.map((r) => r.jid);
  const lids = rows.flatMap((r) => (r.lid ? [r.lid] : []));
  const listed = Prisma.sql`"groupId" = ${group.id} AND (jid = ANY(${jids}::text[]) OR lid = ANY(${lids}::text[]))`;
  switch (update.action) {
    case "add":
      // Who is already a member keeps its role; what is newly known of it (phone, LID) is added.
      await db.$executeRaw`
        INSERT INTO group_participants (id, "groupId", jid, "phoneJid", lid, admin)
        SELECT id, ${group.id}, jid, "phoneJid", lid, NULL FROM unnest(${rows.map(() => newRowId())}::text[], ${jids}::text[],
          ${rows.map((r) => r.phoneJid)}::text[], ${rows.map((r) => r.lid)}::text[]) WITH ORDINALITY AS a(id, jid, "phoneJid", lid, n) ORDER BY n
        ON CONFLICT ("groupId", jid) DO UPDATE SET "phoneJid" = COALESCE(EXCLUDED."phoneJid", group_participants."phoneJid"),
          lid = COALESCE(EXCLUDED.lid, group_participants.lid)`;
      break;
    case "remove":
      await db.$executeRaw`DELETE FROM group_participants WHERE ${listed}`;
      if (rows.some((r) => (me.pn && r.phoneJid === me.pn) || (me.lid && r.lid === me.lid))) {
        await db.$executeRaw`UPDATE groups SET "left" = TRUE, "updatedAt" = ${new Date()} WHERE id = ${group.id}`;
      }
      break;
    case "promote":
    case "demote":
      await db.$executeRaw`UPDATE group_participants SET admin = ${update.action === "promote" ? "admin" : null} WHERE ${listed}`;
      break;
    default:
      break;
  }
  await storeLidMappings(db, ref, rows);
}

/** Fetches every group the session takes part in and stores it; groups no longer listed are marked left. */
export async function syncParticipatingGroups(ctx: GroupEventsContext): Promise<number> {
  const all = await ctx.sock.groupFetchAllParticipating();
  const metas = Object.values(all);
  await directTransaction(
    ctx.db,
    async (tx) => {
      for (const meta of metas) await storeGroupMetadata(tx, ctx.ref, meta);
      // Only rows that change: a session in no group (most of a restart's sessions) writes nothing.
      const now = new Date();
      await tx.$executeRaw`
        UPDATE groups SET "left" = TRUE, "updatedAt" = ${now}
        WHERE "sessionId" = ${ctx.ref.id} AND NOT "left" AND jid <> ALL(${metas.map((m) => m.id)}::text[])`;
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
    await directTransaction(
      db,
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

interface StoredGroupRow {
  jid: string;
  subject: string;
  ownerJid: string | null;
  creation: Date | null;
  description: string | null;
  restrict: boolean;
  announce: boolean;
  addressingMode: string | null;
  participants: Array<{ jid: string; phoneJid: string | null; lid: string | null; admin: string | null }>;
}

/**
 * Baileys' cachedGroupMetadata: the stored group, so that a send does not ask WhatsApp for it.
 * Baileys asks before every send to a group: one raw statement (issue 10), where Prisma's include
 * ran two through its query compiler and mapped every member twice.
 */
export async function loadCachedGroupMetadata(db: Db, ref: SessionRef, jid: string): Promise<GroupMetadata | undefined> {
  const [group] = await direct(db).$queryRaw<StoredGroupRow[]>`
    SELECT g.jid, g.subject, g."ownerJid", g.creation, g.description, g.restrict, g.announce, g."addressingMode",
      json_agg(json_build_object('jid', p.jid, 'phoneJid', p."phoneJid", 'lid', p.lid, 'admin', p.admin) ORDER BY p.jid) AS participants
    FROM groups g JOIN group_participants p ON p."groupId" = g.id
    WHERE g."sessionId" = ${ref.id} AND g.jid = ${jid} AND NOT g."left"
    GROUP BY g.id`;
  // Not stored, left, or without members: Baileys fetches it from WhatsApp.
  if (!group) return undefined;
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
