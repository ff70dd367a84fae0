// Chats and contacts: what Baileys reports about them (and history syncs), stored per session.
// Raw statements (issue 10): the store's transaction runs on a pool connection of its own
// (lib/db/direct-sql.ts), without Prisma's query compiler. A field Baileys did not report is left
// as it is (COALESCE with NULL), as Prisma's `undefined` left it.
import { isJidGroup, jidNormalizedUser, type BaileysEventMap } from "@whiskeysockets/baileys";
import { newRowId } from "@/lib/db/new-row-id";
import { NOW_SQL, toDate, utc, type Publish, type StoreContext } from "@/lib/store/store-context";

/** Creates the chat or, when it exists, sets the fields given (null: unchanged). */
async function upsertChat(
  ctx: StoreContext,
  jid: string,
  create: { name: string | null; unreadCount: number; lastMessageAt: Date | null },
  update: { name: string | null; unreadCount: number | null },
) {
  const lastMessageAt = create.lastMessageAt ? utc(create.lastMessageAt) : null;
  await ctx.db.$executeRaw`
    INSERT INTO chats (id, "sessionId", "ownerId", jid, name, "isGroup", "unreadCount", "lastMessageAt", "createdAt", "updatedAt")
    VALUES (${newRowId()}, ${ctx.ref.id}, ${ctx.ref.ownerId}, ${jid}, ${create.name}::text, ${Boolean(isJidGroup(jid))}::boolean,
            ${create.unreadCount}::int, ${lastMessageAt}::timestamp, ${NOW_SQL}, ${NOW_SQL})
    ON CONFLICT ("sessionId", jid) DO UPDATE SET
      name = COALESCE(${update.name}::text, chats.name),
      "unreadCount" = COALESCE(${update.unreadCount}::int, chats."unreadCount"),
      "updatedAt" = EXCLUDED."updatedAt"`;
}

export async function storeHistoryChatsAndContacts(ctx: StoreContext, history: BaileysEventMap["messaging-history.set"]) {
  for (const chat of history.chats) {
    if (!chat.id) continue;
    const lastMessageAt = chat.conversationTimestamp ? toDate(chat.conversationTimestamp) : null;
    await upsertChat(
      ctx,
      jidNormalizedUser(chat.id),
      { name: chat.name ?? null, unreadCount: chat.unreadCount ?? 0, lastMessageAt },
      { name: chat.name ?? null, unreadCount: chat.unreadCount ?? null },
    );
  }
  for (const contact of history.contacts) await upsertContact(ctx, contact);
}

export async function storeChatEvents(ctx: StoreContext, events: Partial<BaileysEventMap>, publish: Publish) {
  const { db, ref } = ctx;
  for (const chat of events["chats.upsert"] ?? []) {
    if (!chat.id) continue;
    const jid = jidNormalizedUser(chat.id);
    await upsertChat(
      ctx,
      jid,
      { name: chat.name ?? null, unreadCount: chat.unreadCount ?? 0, lastMessageAt: null },
      { name: chat.name ?? null, unreadCount: null },
    );
    publish("chat.upsert", { jid, name: chat.name ?? null });
  }
  for (const chat of events["chats.update"] ?? []) {
    if (!chat.id) continue;
    const jid = jidNormalizedUser(chat.id);
    const data: { name?: string; unreadCount?: number; archived?: boolean } = {};
    if (chat.name) data.name = chat.name;
    // Baileys reports new unread messages as an increment, which the message store already
    // counts; only 0 (read on the phone) is a value to store as it is.
    if (chat.unreadCount === 0) data.unreadCount = 0;
    if (typeof chat.archived === "boolean") data.archived = chat.archived;
    if (Object.keys(data).length) {
      await db.$executeRaw`
        UPDATE chats SET
          name = COALESCE(${data.name ?? null}::text, name),
          "unreadCount" = COALESCE(${data.unreadCount ?? null}::int, "unreadCount"),
          archived = COALESCE(${data.archived ?? null}::boolean, archived),
          "updatedAt" = ${NOW_SQL}
        WHERE "sessionId" = ${ref.id} AND jid = ${jid}`;
    }
    publish("chat.update", { jid, ...data });
  }
  for (const jid of events["chats.delete"] ?? []) {
    await db.$executeRaw`DELETE FROM chats WHERE "sessionId" = ${ref.id} AND jid = ${jidNormalizedUser(jid)}`;
    publish("chat.delete", { jid });
  }
}

export async function storeContactEvents(ctx: StoreContext, events: Partial<BaileysEventMap>, publish: Publish) {
  for (const contact of [...(events["contacts.upsert"] ?? []), ...(events["contacts.update"] ?? [])]) {
    if (!contact.id) continue;
    await upsertContact(ctx, { ...contact, id: contact.id });
    publish("contact.update", {
      jid: jidNormalizedUser(contact.id),
      name: contact.name ?? null,
      notify: contact.notify ?? null,
      imgUrl: contact.imgUrl ?? null,
    });
  }
}

interface ContactFields {
  lid?: string;
  name?: string;
  notify?: string;
  verifiedName?: string;
  /** null: the picture was removed or changed (its address is no longer valid). */
  imgUrl?: string | null;
}

export async function upsertContact(
  ctx: StoreContext,
  contact: { id: string; lid?: string | null; name?: string | null; notify?: string | null; verifiedName?: string | null; imgUrl?: string | null },
) {
  const jid = jidNormalizedUser(contact.id);
  const data: ContactFields = {
    ...(contact.lid ? { lid: contact.lid } : {}),
    ...(contact.name ? { name: contact.name } : {}),
    ...(contact.notify ? { notify: contact.notify } : {}),
    ...(contact.verifiedName ? { verifiedName: contact.verifiedName } : {}),
    ...(contact.imgUrl !== undefined ? { imgUrl: contact.imgUrl === "changed" ? null : contact.imgUrl } : {}),
  };
  // Baileys reports the push name of every incoming message as a contact update (issue 10): when
  // that is all it says and this process already stored that name, there is nothing to write.
  const onlyPushName = Object.keys(data).length === 1 && data.notify !== undefined;
  if (onlyPushName && ctx.knownPushNames?.get(jid) === data.notify) return;
  await writeContact(ctx, jid, data);
  if (contact.notify) knowPushName(ctx, jid, contact.notify);
}

/** Creates the contact with `data`, or sets on it the fields `data` has (imgUrl also to null). */
async function writeContact(ctx: StoreContext, jid: string, data: ContactFields) {
  const setsImage = data.imgUrl !== undefined;
  await ctx.db.$executeRaw`
    INSERT INTO contacts (id, "sessionId", "ownerId", jid, lid, name, notify, "verifiedName", "imgUrl", "createdAt", "updatedAt")
    VALUES (${newRowId()}, ${ctx.ref.id}, ${ctx.ref.ownerId}, ${jid}, ${data.lid ?? null}::text, ${data.name ?? null}::text,
            ${data.notify ?? null}::text, ${data.verifiedName ?? null}::text, ${data.imgUrl ?? null}::text, ${NOW_SQL}, ${NOW_SQL})
    ON CONFLICT ("sessionId", jid) DO UPDATE SET
      lid = COALESCE(EXCLUDED.lid, contacts.lid),
      name = COALESCE(EXCLUDED.name, contacts.name),
      notify = COALESCE(EXCLUDED.notify, contacts.notify),
      "verifiedName" = COALESCE(EXCLUDED."verifiedName", contacts."verifiedName"),
      "imgUrl" = CASE WHEN ${setsImage}::boolean THEN EXCLUDED."imgUrl" ELSE contacts."imgUrl" END,
      "updatedAt" = EXCLUDED."updatedAt"`;
}

function knowPushName(ctx: StoreContext, jid: string, pushName: string) {
  if (!ctx.knownPushNames) return;
  ctx.knownPushNames.delete(jid);
  ctx.knownPushNames.set(jid, pushName);
  if (ctx.knownPushNames.size > 5000) ctx.knownPushNames.delete(ctx.knownPushNames.keys().next().value!);
}

/**
 * The push name a message carries, stored on its sender's contact — only when it changed since
 * this process last stored it (issue 10: it used to be an upsert per message).
 */
export async function rememberPushName(ctx: StoreContext, jid: string, pushName: string) {
  if (ctx.knownPushNames?.get(jid) === pushName) return;
  await writeContact(ctx, jid, { notify: pushName });
  knowPushName(ctx, jid, pushName);
}
