// Group changes read from the stub messages Baileys upserts for them (w:gp2 notifications), with
// who made each change. Baileys' event buffer keeps only the first groups.update per group in a
// batch (rc14's event-buffer.js drops later ones), so when several changes arrive in one batch —
// typically the offline notifications delivered at reconnect — the stubs are the only complete,
// ordered record: the group store applies them, and the message store announces them.
import { WAMessageStubType, isJidGroup, isLidUser, isPnUser, jidNormalizedUser, type BaileysEventMap, type GroupMetadata } from "@whiskeysockets/baileys";

/** One change to a group's info or settings, as its stub message reports it. */
export type StubGroupUpdate = Pick<GroupMetadata, "id"> &
  Partial<Pick<GroupMetadata, "subject" | "desc" | "announce" | "restrict">> & {
    /** Who made the change: the phone JID when known, else the JID WhatsApp gave (a LID). */
    author?: string;
    /** The author's LID beside the phone JID, when known. */
    authorLid?: string;
  };

/** The change fields a stub update carries (everything but the group and the author). */
export const STUB_UPDATE_FIELDS = ["subject", "desc", "announce", "restrict"] as const;

/**
 * The author of a stub. The batch has been through normalizeLidAddressing, so a LID-addressed
 * participant whose number is known is already the phone JID with the LID in `participantAlt`;
 * Baileys may also give the phone number itself in `participantAlt` beside a LID.
 */
function authorOf(msg: BaileysEventMap["messages.upsert"]["messages"][number]): Pick<StubGroupUpdate, "author" | "authorLid"> {
  const raw = msg.key.participant || msg.participant;
  if (!raw) return {};
  const jid = jidNormalizedUser(raw);
  const alt = msg.key.participantAlt ? jidNormalizedUser(msg.key.participantAlt) : undefined;
  if (isLidUser(jid)) return alt && isPnUser(alt) ? { author: alt, authorLid: jid } : { author: jid };
  return alt && isLidUser(alt) ? { author: jid, authorLid: alt } : { author: jid };
}

/** The batch's group info and settings changes, in the order their stubs arrived. */
export function groupUpdatesFromStubs(messages: BaileysEventMap["messages.upsert"]["messages"]): StubGroupUpdate[] {
  const updates: StubGroupUpdate[] = [];
  for (const msg of messages) {
    const id = msg.key.remoteJid;
    const param = msg.messageStubParameters?.[0];
    if (!id || !isJidGroup(id) || msg.messageStubType == null) continue;
    const on = param === "true" || param === "on";
    let change: Omit<StubGroupUpdate, "id" | "author" | "authorLid"> | null = null;
    switch (msg.messageStubType) {
      case WAMessageStubType.GROUP_CHANGE_SUBJECT:
        if (param !== undefined) change = { subject: param };
        break;
      case WAMessageStubType.GROUP_CHANGE_DESCRIPTION:
        // No parameter: the description was removed.
        change = { desc: param ?? "" };
        break;
      case WAMessageStubType.GROUP_CHANGE_ANNOUNCE:
        change = { announce: on };
        break;
      case WAMessageStubType.GROUP_CHANGE_RESTRICT:
        change = { restrict: on };
        break;
      default:
        break;
    }
    if (change) updates.push({ id, ...change, ...authorOf(msg) });
  }
  return updates;
}
