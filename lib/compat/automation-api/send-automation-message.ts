import "server-only";
// The Automation API's POST /api/messages/send and /api/messages/schedule, on the caller's default
// session: a thin adapter over our own send queue (lib/messages/enqueue-send.ts) and schedules
// (lib/schedules/create-schedule.ts). A scheduled send is a schedule like any other, so it is
// listed by /api/scheduler and can be cancelled there.
import type { Caller } from "@/lib/auth/caller";
import type { AutomationScheduleInput, AutomationSendInput } from "@/lib/compat/automation-api/automation-api.schema";
import { withAutomationFieldNames } from "@/lib/compat/automation-api/rename-error-fields";
import { uploadMedia } from "@/lib/media/upload-media";
import { enqueueSend } from "@/lib/messages/enqueue-send";
import type { SendInput } from "@/lib/messages/messages.schema";
import { createSchedule } from "@/lib/schedules/create-schedule";
import { getDefaultSession } from "@/lib/sessions/get-default-session";

function mediaTypeOf(mimetype: string): "image" | "video" | "audio" | "document" {
  if (mimetype.startsWith("image/") && mimetype !== "image/webp") return "image";
  if (mimetype.startsWith("video/")) return "video";
  if (mimetype.startsWith("audio/")) return "audio";
  return "document";
}

export async function sendAutomationMessage(caller: Caller, input: AutomationSendInput, options: { idempotencyKey?: string | null }) {
  return withAutomationFieldNames(async () => {
    const session = await getDefaultSession(caller);
    const media = input.mediaFile ? await uploadMedia(caller, { file: input.mediaFile, sessionId: session.sessionId }) : null;
    const text = input.message?.trim() ? input.message : undefined;
    if (input.scheduledTime) {
      const schedule = await createSchedule(caller, {
        sessionId: session.id,
        jid: input.phoneId,
        content: text ?? "",
        sendAt: input.scheduledTime,
        ...(media ? { mediaId: media.mediaId, mediaType: mediaTypeOf(media.mimetype) } : {}),
      });
      return { success: true, messageId: schedule.messageId, scheduleId: schedule.id, scheduledFor: schedule.sendAt };
    }
    const kind = media ? mediaTypeOf(media.mimetype) : null;
    const message = (
      media && kind
        ? {
            kind: "media",
            mediaType: kind,
            ref: { mediaId: media.mediaId },
            ...(text && kind !== "audio" ? { caption: text } : {}),
            ...(kind === "document" ? { fileName: media.fileName ?? undefined } : {}),
          }
        : { kind: "text", text: text! }
    ) as SendInput["message"];
    const sent = await enqueueSend(caller, { sessionId: session.id, jid: input.phoneId, message }, { idempotencyKey: options.idempotencyKey });
    return { success: sent.success, messageId: sent.messageId, scheduledFor: null };
  });
}

export async function scheduleAutomationMessage(caller: Caller, input: AutomationScheduleInput) {
  return withAutomationFieldNames(async () => {
    const session = await getDefaultSession(caller);
    const schedule = await createSchedule(caller, {
      sessionId: session.id,
      jid: input.phoneId,
      content: input.message,
      sendAt: input.scheduledTime,
      ...(input.aiModifications ? { aiModifications: input.aiModifications } : {}),
    });
    return { success: true, messageId: schedule.messageId, scheduleId: schedule.id, scheduledFor: schedule.sendAt };
  });
}
