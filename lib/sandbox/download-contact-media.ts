import "server-only";
// The decrypted bytes of media an emulated contact received from one of the caller's sessions, so
// that tests (and curious users) can check that a file survived the trip through WhatsApp. Scoped
// like list-contact-messages.ts: only messages from the caller's own sessions exist here.
import { z } from "zod";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import { assertSandboxContactVisible } from "@/lib/sandbox/sandbox-phone-owner";
import { contactParams } from "@/lib/sandbox/sandbox.schema";
import { visibleSessionPhones } from "@/lib/sandbox/visible-session-phones";

export const contactMediaParams = contactParams.extend({ id: z.string().trim().min(1).max(128) });

const MEDIA_FIELDS = ["imageMessage", "videoMessage", "audioMessage", "documentMessage", "stickerMessage", "ptvMessage"] as const;

export async function downloadContactMedia(caller: Caller, contactPhone: string, messageId: string): Promise<{ bytes: Buffer; mimetype: string }> {
  const { emulator } = requireSandbox();
  const contact = emulator.getAccount(contactPhone);
  if (!contact || contact.devices.length > 0) throw notFound("Sandbox contact");
  await assertSandboxContactVisible(caller, contactPhone);
  const phones = await visibleSessionPhones(caller);
  const received = emulator.received(contactPhone).find((m) => m.id === messageId && phones.has(m.fromPhone));
  if (!received) throw notFound("Message");
  const field = MEDIA_FIELDS.find((f) => received.message[f]);
  if (!field) throw notFound("Media of this message");
  const bytes = await emulator.downloadMedia(received.message);
  return { bytes, mimetype: received.message[field]?.mimetype || "application/octet-stream" };
}
