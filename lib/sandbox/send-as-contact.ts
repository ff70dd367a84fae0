import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import { assertSandboxContactVisible } from "@/lib/sandbox/sandbox-phone-owner";
import type { ContactMessageInput } from "@/lib/sandbox/sandbox.schema";
import { visibleSessionPhones } from "@/lib/sandbox/visible-session-phones";
import type { ContactContent } from "@/lib/wa-emulator/emulator";

function toContent(input: ContactMessageInput): ContactContent {
  const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));
  if ("text" in input) return { text: input.text };
  if ("image" in input) return { image: bytes(input.image), mimetype: input.mimetype, caption: input.caption };
  if ("video" in input) return { video: bytes(input.video), mimetype: input.mimetype, caption: input.caption };
  if ("audio" in input) return { audio: bytes(input.audio), ptt: input.ptt, mimetype: input.mimetype };
  if ("document" in input) return { document: bytes(input.document), mimetype: input.mimetype, fileName: input.fileName, caption: input.caption };
  if ("sticker" in input) return { sticker: bytes(input.sticker) };
  if ("react" in input) return { react: { key: { id: input.react.id, fromMe: input.react.fromContact ?? true }, text: input.react.text } };
  if ("edit" in input) return { edit: { key: { id: input.edit.id, fromMe: true }, text: input.edit.text } };
  return { location: input.location };
}

/** An emulated contact sends a message to one of the caller's sessions. */
export async function sendAsContact(caller: Caller, contactPhone: string, input: ContactMessageInput) {
  const { emulator } = requireSandbox();
  const contact = emulator.getAccount(contactPhone);
  if (!contact || contact.devices.length > 0) throw notFound("Sandbox contact");
  await assertSandboxContactVisible(caller, contactPhone);
  const phones = await visibleSessionPhones(caller);
  const target = [...phones].find(([phone, sessionId]) => sessionId === input.to || phone === input.to.replace(/\D/g, ""));
  if (!target) throw new AppError("BAD_REQUEST", "to: not the sessionId or number of one of your paired sessions");
  const result = await emulator.sendMessage(contactPhone, target[0], toContent(input));
  return { success: true, messageId: (result as { id?: string })?.id ?? null, to: target[1] };
}
