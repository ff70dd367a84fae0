import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import type { PictureInput } from "@/lib/groups/groups.schema";
import { readMediaFile } from "@/lib/media/read-media-file";
import { resolveMediaForSend } from "@/lib/media/resolve-media-for-send";

/** Sets the group's picture from an uploaded file (mediaId) or a URL (fetched SSRF-guarded, must be an image). */
export async function updateGroupPicture(caller: Caller, input: { sessionId: string; groupJid: string } & PictureInput) {
  const { session } = await getGroupSession(caller, input.sessionId);
  const ref = "mediaId" in input ? { mediaId: input.mediaId } : { url: input.url };
  const media = await resolveMediaForSend(caller, ref, "image");
  const { buffer } = await readMediaFile(media.mediaId);
  // base64: several nodes carry it to the holder as JSON.
  await callWhatsApp("change the group picture", () => onHolder(session, "groupPicture", input.groupJid, buffer.toString("base64")));
  return { success: true, groupJid: input.groupJid };
}
