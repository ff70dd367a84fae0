// Groups: today only announced (group.upsert, group.update, group.participants), inside the batch's
// transaction so that they keep their place among the batch's other events. This is where group
// persistence hooks in (lib/groups/, issue 11): store through `ctx.db` here, publish as below.
import type { BaileysEventMap } from "@whiskeysockets/baileys";
import type { Publish, StoreContext } from "@/lib/store/store-context";

export async function storeGroupEvents(_ctx: StoreContext, events: Partial<BaileysEventMap>, publish: Publish) {
  for (const group of events["groups.upsert"] ?? []) publish("group.upsert", { jid: group.id, subject: group.subject });
  for (const group of events["groups.update"] ?? []) publish("group.update", { ...group, jid: group.id });
  const participants = events["group-participants.update"];
  if (participants)
    publish("group.participants", { jid: participants.id, action: participants.action, participants: participants.participants, author: participants.author });
}

/** The Baileys events storeGroupEvents handles. */
export const GROUP_EVENTS = ["groups.upsert", "groups.update", "group-participants.update"] as const;
