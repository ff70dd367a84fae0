import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import { assertSandboxContactVisible } from "@/lib/sandbox/sandbox-phone-owner";
import { visibleSessionPhones } from "@/lib/sandbox/visible-session-phones";

/** What a contact received from the caller's sessions, decrypted, with the receipts it sent. */
export async function listContactMessages(caller: Caller, contactPhone: string) {
  const { emulator } = requireSandbox();
  const contact = emulator.getAccount(contactPhone);
  if (!contact || contact.devices.length > 0) throw notFound("Sandbox contact");
  await assertSandboxContactVisible(caller, contactPhone);
  const phones = await visibleSessionPhones(caller);
  return emulator
    .received(contactPhone)
    .filter((m) => phones.has(m.fromPhone))
    .map((m) => ({
      id: m.id,
      from: m.fromPhone,
      fromSession: phones.get(m.fromPhone),
      chat: m.chat,
      text: m.text ?? null,
      kinds: Object.keys(m.message ?? {}).filter((k) => k !== "messageContextInfo"),
      message: m.message,
      timestamp: m.timestamp,
      receiptsSent: m.receiptsSent,
    }));
}
