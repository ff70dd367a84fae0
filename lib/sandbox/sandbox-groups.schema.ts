// What an emulated contact does in groups and statuses (sandbox only, for trying and testing the
// group API from the other side).
import { z } from "zod";

const phoneOrJid = z.string().trim().min(1).max(64);
const groupJid = z
  .string()
  .trim()
  .regex(/^\d{5,24}(-\d{5,12})?@g\.us$/, "must be a group JID ending in @g.us");

export const contactGroupActionSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("create"), subject: z.string().trim().min(1).max(100), members: z.array(phoneOrJid).min(1).max(300) }),
  z.strictObject({ op: z.literal("join"), inviteCode: z.string().trim().min(1).max(200) }),
  z.strictObject({ op: z.literal("leave"), group: groupJid }),
  z.strictObject({ op: z.enum(["add", "remove", "promote", "demote"]), group: groupJid, participants: z.array(phoneOrJid).min(1).max(300) }),
  z.strictObject({ op: z.literal("subject"), group: groupJid, subject: z.string().trim().min(1).max(100) }),
  z.strictObject({ op: z.literal("setting"), group: groupJid, setting: z.enum(["announcement", "not_announcement", "locked", "unlocked"]) }),
  z.strictObject({ op: z.literal("send"), group: groupJid, text: z.string().min(1).max(4096) }),
]);
export type ContactGroupAction = z.infer<typeof contactGroupActionSchema>;

export const contactStatusSchema = z.strictObject({ text: z.string().min(1).max(700) });

export const contactAddressingSchema = z.strictObject({ lid: z.boolean() });
