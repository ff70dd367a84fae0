import "server-only";
// One firing of a schedule as a queued send: the text varied for this firing (spintax and
// aiModifications, seeded by the firing, so a retry gets the same text), due at the firing's time,
// under the idempotency key schedule:<id>:<instant> — however often this runs for one firing, one
// message is queued.
import type { Caller } from "@/lib/auth/caller";
import type { Schedule } from "@/lib/generated/prisma/client";
import { enqueueSend, type SendResult } from "@/lib/messages/enqueue-send";
import type { SendInput } from "@/lib/messages/messages.schema";
import type { AiModifications } from "@/lib/variation/variation.schema";
import { varyMessage } from "@/lib/variation/vary-message";

type Firing = Pick<Schedule, "id" | "sessionId" | "jid" | "content" | "mediaUrl" | "mediaId" | "variation">;

/** The media kind a URL most likely holds, from its extension (the bytes are checked when fetched). */
export function mediaTypeOf(url: string): "image" | "video" | "audio" | "document" {
  const ext = new URL(url).pathname.split(".").pop()?.toLowerCase() ?? "";
  if (["jpg", "jpeg", "png", "webp", "gif"].includes(ext)) return "image";
  if (["mp4", "3gp", "mov", "webm"].includes(ext)) return "video";
  if (["mp3", "ogg", "opus", "m4a", "aac", "wav"].includes(ext)) return "audio";
  return "document";
}

export function firingKey(scheduleId: string, at: Date): string {
  return `schedule:${scheduleId}:${at.toISOString()}`;
}

export async function queueScheduleSend(caller: Caller, schedule: Firing, at: Date, mediaType?: string | null): Promise<SendResult> {
  const key = firingKey(schedule.id, at);
  const modifications = (schedule.variation ?? {}) as AiModifications;
  const text = schedule.content.trim() ? varyMessage(schedule.content, modifications, key) : "";
  const ref = schedule.mediaUrl ? { url: schedule.mediaUrl } : schedule.mediaId ? { mediaId: schedule.mediaId } : null;
  const kind = (mediaType ?? (schedule.mediaUrl ? mediaTypeOf(schedule.mediaUrl) : "document")) as "image" | "video" | "audio" | "document";
  const message = (
    ref ? { kind: "media", mediaType: kind, ref, ...(text && kind !== "audio" ? { caption: text } : {}) } : { kind: "text", text }
  ) as SendInput["message"];
  return enqueueSend(caller, { sessionId: schedule.sessionId, jid: schedule.jid, message }, { idempotencyKey: key, sendAfter: at, via: "automation" });
}
