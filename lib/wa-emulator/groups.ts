// Group records and their wire form (the <group> node of w:g2 answers and notifications).
import { randomBytes, randomInt } from "node:crypto";
import type { BinaryNode } from "@whiskeysockets/baileys";
import type { EmulatedAccount } from "./accounts";

export type GroupRole = "superadmin" | "admin" | null;

export interface GroupState {
  id: string;
  subject: string;
  subjectOwner: string;
  subjectTime: number;
  creation: number;
  creator: string;
  description?: { id: string; text: string; owner: string; time: number };
  announce: boolean;
  locked: boolean;
  inviteCode: string;
  /** 'lid': members are addressed by LID (with their phone number beside it), like most groups today. */
  addressingMode?: "pn" | "lid";
  /** Joining by invite needs an admin's approval; the requests wait here. */
  joinApproval?: boolean;
  joinRequests?: Array<{ phone: string; time: number }>;
  /** The group's picture (base64) and its id, when one was set. */
  picture?: string;
  pictureId?: string;
  participants: Array<{ phone: string; role: GroupRole }>;
}

export const newInviteCode = () => randomBytes(16).toString("base64url").slice(0, 22);

export function newGroup(creator: EmulatedAccount, subject: string, memberPhones: string[], addressingMode: "pn" | "lid" = "pn"): GroupState {
  const now = Math.floor(Date.now() / 1000);
  return {
    id: `120363${randomInt(100_000_000, 999_999_999)}${randomInt(100_000, 999_999)}@g.us`,
    subject,
    subjectOwner: creator.phone,
    subjectTime: now,
    creation: now,
    creator: creator.phone,
    announce: false,
    locked: false,
    inviteCode: newInviteCode(),
    addressingMode,
    participants: [
      { phone: creator.phone, role: "superadmin" },
      ...memberPhones.filter((p) => p !== creator.phone).map((phone) => ({ phone, role: null as GroupRole })),
    ],
  };
}

export function participantNode(account: EmulatedAccount, role?: GroupRole, lidMode = false): BinaryNode {
  const ids: Record<string, string> = lidMode ? { jid: account.lidJid, phone_number: account.pnJid } : { jid: account.pnJid, lid: account.lidJid };
  return { tag: "participant", attrs: { ...ids, ...(role ? { type: role } : {}) } };
}

/** The actor attributes of a stanza about a group: the LID with the phone number beside it in LID mode. */
export function actorAttrs(group: GroupState | undefined, account: EmulatedAccount): Record<string, string> {
  return group?.addressingMode === "lid"
    ? { participant: account.lidJid, participant_pn: account.pnJid }
    : { participant: account.pnJid, participant_lid: account.lidJid };
}

/** PN-addressed group metadata, the shape Baileys' extractGroupMetadata reads. */
export function groupNode(group: GroupState, accountOf: (phone: string) => EmulatedAccount): BinaryNode {
  const lidMode = group.addressingMode === "lid";
  const content: BinaryNode[] = group.participants.map((p) => participantNode(accountOf(p.phone), p.role, lidMode));
  if (group.description) {
    content.push({
      tag: "description",
      attrs: { id: group.description.id, participant: `${group.description.owner}@s.whatsapp.net`, t: String(group.description.time) },
      content: [{ tag: "body", attrs: {}, content: Buffer.from(group.description.text) }],
    });
  }
  if (group.announce) content.push({ tag: "announcement", attrs: {} });
  if (group.locked) content.push({ tag: "locked", attrs: {} });
  if (group.joinApproval) content.push({ tag: "membership_approval_mode", attrs: {}, content: [{ tag: "group_join", attrs: { state: "on" } }] });
  return {
    tag: "group",
    attrs: {
      id: group.id.split("@")[0]!,
      subject: group.subject,
      s_o: `${group.subjectOwner}@s.whatsapp.net`,
      s_t: String(group.subjectTime),
      creation: String(group.creation),
      ...(lidMode
        ? { creator: accountOf(group.creator).lidJid, creator_pn: `${group.creator}@s.whatsapp.net` }
        : { creator: `${group.creator}@s.whatsapp.net` }),
      addressing_mode: lidMode ? "lid" : "pn",
      size: String(group.participants.length),
    },
    content,
  };
}
