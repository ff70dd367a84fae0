// Inputs of scheduled and recurring messages: the Ultimate WhatsApp Gateway's /api/scheduler (plus recurring fields and
// pause/resume) and the Automation API's scheduling bodies.
import { z } from "zod";
import { aiModificationsSchema } from "@/lib/variation/variation.schema";

export const SCHEDULE_MEDIA_TYPES = ["image", "video", "audio", "document"] as const;

const sessionIdField = z.string().trim().min(1, "is required").max(64);
const timeField = z.string().trim().min(1, "is required").max(64);
const timeZoneField = z.string().trim().min(1).max(64);

export const createScheduleSchema = z
  .strictObject({
    sessionId: sessionIdField,
    /** Phone number (any common form) or JID. */
    jid: z.string().trim().min(1, "is required").max(128),
    /** The text, or a media message's caption; may use spintax and aiModifications. */
    content: z.string().max(65_536),
    /** One-time: ISO 8601; without an offset it is read in `timeZone` (default: the user's). */
    sendAt: timeField.optional(),
    /** Recurring: a cron expression (5 fields, or 6 with seconds first). */
    cron: z.string().trim().min(1, "must not be empty").max(120).optional(),
    timeZone: timeZoneField.optional(),
    /** Recurring: no firing after this time. */
    endAt: timeField.optional(),
    mediaUrl: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .max(4096)
      .optional(),
    mediaId: z.string().trim().min(1).max(128).optional(),
    mediaType: z.enum(SCHEDULE_MEDIA_TYPES, { error: `must be one of ${SCHEDULE_MEDIA_TYPES.join(", ")}` }).optional(),
    aiModifications: aiModificationsSchema.optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.sendAt === undefined) === (s.cron === undefined))
      ctx.addIssue({ code: "custom", path: ["sendAt"], message: "give sendAt (one time) or cron (recurring), exactly one" });
    if (s.endAt !== undefined && s.cron === undefined) ctx.addIssue({ code: "custom", path: ["endAt"], message: "only goes with cron" });
    if (s.mediaUrl && s.mediaId) ctx.addIssue({ code: "custom", path: ["mediaUrl"], message: "give mediaUrl or mediaId, not both" });
    if (!s.content.trim() && !s.mediaUrl && !s.mediaId) ctx.addIssue({ code: "custom", path: ["content"], message: "must not be empty (or give a mediaUrl)" });
  });
export type CreateScheduleInput = z.output<typeof createScheduleSchema>;

export const scheduleListQuery = z.object({
  sessionId: sessionIdField.optional(),
  /** upcoming: still to send (or active recurring); past: sent, failed, cancelled, ended. */
  when: z.enum(["upcoming", "past", "all"]).optional(),
});
export const scheduleParams = z.object({ id: z.string().trim().min(1).max(64) });
/** PATCH /api/scheduler/[id]: pause or resume a recurring schedule. */
export const updateScheduleSchema = z.strictObject({ status: z.enum(["PAUSED", "ACTIVE"], { error: "must be PAUSED or ACTIVE" }) });
