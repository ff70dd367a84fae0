// Inputs of the group API (primary `/api/groups…`, Chatery's `/api/whatsapp/groups…` and the
// dashboard), one schema per input.
import { z } from "zod";

const sessionId = z.string().trim().min(1, "sessionId is required").max(64);
/** A group JID: 1203630…@g.us (or the old creator-timestamp form). */
export const groupJid = z
  .string()
  .trim()
  .regex(/^\d{5,24}(-\d{5,12})?@g\.us$/, "must be a group JID ending in @g.us");
/** A person as a phone number (any common form) or a JID (@s.whatsapp.net or @lid); normalised like sends. */
const person = z.string().trim().min(1).max(64);
const people = z.array(person).min(1, "at least one participant is required").max(256, "at most 256 participants at once");

export const listGroupsQuery = z.object({
  sessionId: sessionId.optional(),
  search: z.string().trim().max(100).optional(),
});

export const createGroupSchema = z.strictObject({
  sessionId,
  subject: z.string().trim().min(1, "subject is required").max(100, "subject: at most 100 characters"),
  participants: people,
});

export const groupParams = z.object({ sessionId, groupJid });
export const groupQuery = z.object({ refresh: z.enum(["true", "false"]).optional() });

export const PARTICIPANT_ACTIONS = ["add", "remove", "promote", "demote"] as const;
export const participantActionParams = groupParams.extend({ action: z.enum(PARTICIPANT_ACTIONS) });
export const participantsSchema = z.strictObject({ participants: people });

export const subjectSchema = z.strictObject({
  subject: z.string().trim().min(1, "subject is required").max(100, "subject: at most 100 characters"),
});
export const descriptionSchema = z.strictObject({ description: z.string().max(2048, "description: at most 2048 characters") });

export const GROUP_SETTINGS = ["announcement", "not_announcement", "locked", "unlocked"] as const;
export const settingsSchema = z.strictObject({ setting: z.enum(GROUP_SETTINGS) });

export const pictureSchema = z.union([
  z.strictObject({ mediaId: z.string().trim().min(1).max(64) }),
  z.strictObject({ url: z.url({ protocol: /^https?$/, error: "url: must be an http(s) URL" }).max(2048) }),
]);

/** An invite code or a https://chat.whatsapp.com/<code> link. */
export const inviteCode = z
  .string()
  .trim()
  .min(1, "inviteCode is required")
  .max(200)
  .transform((v) => v.replace(/^https?:\/\/chat\.whatsapp\.com\//i, "").replace(/[/?#].*$/, ""))
  .pipe(z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, "inviteCode: not an invite code or https://chat.whatsapp.com/ link"));
export const joinGroupSchema = z.strictObject({ sessionId, inviteCode });

// --- Chatery's door (/api/whatsapp/groups…): its field names, same rules ---
export const chaterySessionSchema = z.object({ sessionId });
export const chateryGroupSchema = z.object({ sessionId, groupId: groupJid });
export const chateryCreateSchema = z.object({
  sessionId,
  name: z.string().trim().min(1, "name is required").max(100, "name: at most 100 characters"),
  participants: people,
});
export const chateryParticipantsSchema = chateryGroupSchema.extend({ participants: people });
export const chaterySubjectSchema = chateryGroupSchema.extend(subjectSchema.shape);
export const chateryDescriptionSchema = chateryGroupSchema.extend(descriptionSchema.shape);
export const chaterySettingsSchema = chateryGroupSchema.extend(settingsSchema.shape);
export const chateryPictureSchema = chateryGroupSchema.extend({
  imageUrl: z.url({ protocol: /^https?$/, error: "imageUrl: must be an http(s) URL" }).max(2048),
});
export const chateryJoinSchema = z.object({ sessionId, inviteCode });

export type CreateGroupInput = z.infer<typeof createGroupSchema>;
export type ParticipantAction = (typeof PARTICIPANT_ACTIONS)[number];
export type GroupSetting = (typeof GROUP_SETTINGS)[number];
export type PictureInput = z.infer<typeof pictureSchema>;

// --- join requests (groups whose invite link needs an admin's approval) ---
export const joinRequestActionParams = groupParams.extend({ action: z.enum(["approve", "reject"]) });
export const joinApprovalSchema = z.strictObject({ enabled: z.boolean() });
