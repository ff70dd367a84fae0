// Groups: announced here (group.upsert, group.update, group.participants), inside the batch's
// transaction so that they keep their place among the batch's other events. The rows themselves are
// written before this by lib/groups/handle-group-events.ts.
import type { BaileysEventMap } from "@whiskeysockets/baileys";
import { STUB_UPDATE_FIELDS, groupUpdatesFromStubs, type StubGroupUpdate } from "@/lib/groups/group-updates-from-stubs";
import type { Publish, StoreContext } from "@/lib/store/store-context";

type GroupUpdate = BaileysEventMap["groups.update"][number];

export async function storeGroupEvents(_ctx: StoreContext, events: Partial<BaileysEventMap>, publish: Publish) {
  for (const group of events["groups.upsert"] ?? []) publish("group.upsert", { jid: group.id, subject: group.subject });
  const updates = events["groups.update"] ?? [];
  for (const group of updates) publish("group.update", { ...group, jid: group.id });
  // Baileys keeps only the first groups.update per group in a batch; the batch's stub messages
  // carry every change, so those the groups.update above did not announce are announced from them.
  // The one kept is the group's first change, so announcing the rest after it keeps their order.
  for (const change of unannouncedStubUpdates(updates, groupUpdatesFromStubs(events["messages.upsert"]?.messages ?? []))) {
    publish("group.update", { ...change, jid: change.id });
  }
  const participants = events["group-participants.update"];
  if (participants)
    publish("group.participants", { jid: participants.id, action: participants.action, participants: participants.participants, author: participants.author });
}

// A removed description is `""` in a stub update and absent in Baileys' groups.update.
const same = (field: (typeof STUB_UPDATE_FIELDS)[number], a: unknown, b: unknown) => (field === "desc" ? (a || "") === (b || "") : a === b);

/**
 * The stub updates no groups.update of the batch announced: each groups.update accounts for one
 * stub update of the same group whose change fields it carries with the same values. A whole group
 * (a participating fetch's answer, with its participants) announces no particular change.
 */
function unannouncedStubUpdates(updates: GroupUpdate[], stubs: StubGroupUpdate[]): StubGroupUpdate[] {
  const unused = updates.filter((u) => !Array.isArray(u.participants));
  return stubs.filter((stub) => {
    const fields = STUB_UPDATE_FIELDS.filter((f) => f in stub);
    const i = unused.findIndex((u) => u.id === stub.id && fields.every((f) => f in u && same(f, u[f], stub[f])));
    if (i < 0) return true;
    unused.splice(i, 1);
    return false;
  });
}

/** The Baileys events storeGroupEvents handles. */
export const GROUP_EVENTS = ["groups.upsert", "groups.update", "group-participants.update"] as const;
