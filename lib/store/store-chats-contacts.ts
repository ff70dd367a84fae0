// Chats and contacts: what Baileys reports about them (and history syncs), stored per session.
import { isJidGroup, jidNormalizedUser, type BaileysEventMap } from "@whiskeysockets/baileys";
import { toDate, type Publish, type StoreContext } from "@/lib/store/store-context";

export async function storeHistoryChatsAndContacts(ctx: StoreContext, history: BaileysEventMap["messaging-history.set"]) {
  const { db, ref } = ctx;
  for (const chat of history.chats) {
    if (!chat.id) continue;
    const jid = jidNormalizedUser(chat.id);
    await db.chat.upsert({
      where: { sessionId_jid: { sessionId: ref.id, jid } },
      create: {
        sessionId: ref.id,
        ownerId: ref.ownerId,
        jid,
        name: chat.name ?? null,
        isGroup: Boolean(isJidGroup(jid)),
        unreadCount: chat.unreadCount ?? 0,
        lastMessageAt: chat.conversationTimestamp ? toDate(chat.conversationTimestamp) : null,
      },
      update: { name: chat.name ?? undefined, unreadCount: chat.unreadCount ?? undefined },
    });
  }
  for (const contact of history.contacts) await upsertContact(ctx, contact);
}

export async function storeChatEvents(ctx: StoreContext, events: Partial<BaileysEventMap>, publish: Publish) {
  const { db, ref } = ctx;
  for (const chat of events["chats.upsert"] ?? []) {
    if (!chat.id) continue;
    const jid = jidNormalizedUser(chat.id);
    await db.chat.upsert({
      where: { sessionId_jid: { sessionId: ref.id, jid } },
      create: { sessionId: ref.id, ownerId: ref.ownerId, jid, name: chat.name ?? null, isGroup: Boolean(isJidGroup(jid)), unreadCount: chat.unreadCount ?? 0 },
      update: { name: chat.name ?? undefined },
    });
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
    if (Object.keys(data).length) await db.chat.updateMany({ where: { sessionId: ref.id, jid }, data });
    publish("chat.update", { jid, ...data });
  }
  for (const jid of events["chats.delete"] ?? []) {
    await db.chat.deleteMany({ where: { sessionId: ref.id, jid: jidNormalizedUser(jid) } });
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

export async function upsertContact(
  ctx: StoreContext,
  contact: { id: string; lid?: string | null; name?: string | null; notify?: string | null; verifiedName?: string | null; imgUrl?: string | null },
) {
  const jid = jidNormalizedUser(contact.id);
  const data = {
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
  await ctx.db.contact.upsert({
    where: { sessionId_jid: { sessionId: ctx.ref.id, jid } },
    create: { sessionId: ctx.ref.id, ownerId: ctx.ref.ownerId, jid, ...data },
    update: data,
  });
  if (contact.notify) knowPushName(ctx, jid, contact.notify);
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
  await ctx.db.contact.upsert({
    where: { sessionId_jid: { sessionId: ctx.ref.id, jid } },
    create: { sessionId: ctx.ref.id, ownerId: ctx.ref.ownerId, jid, notify: pushName },
    update: { notify: pushName },
  });
  knowPushName(ctx, jid, pushName);
}
