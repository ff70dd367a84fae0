import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import { assertSandboxContactVisible } from "@/lib/sandbox/sandbox-phone-owner";

/** Whether WhatsApp addresses this emulated contact by LID in 1:1 chats (as it does many people today). */
export async function setContactAddressing(caller: Caller, contactPhone: string, lid: boolean) {
  const { emulator } = requireSandbox();
  const contact = emulator.getAccount(contactPhone);
  if (!contact || contact.devices.length > 0) throw notFound("Sandbox contact");
  // Another tenant's own contact is a 404 like everywhere else in the sandbox.
  await assertSandboxContactVisible(caller, contactPhone);
  emulator.setBehaviour(contact.phone, { lidAddressing: lid });
  return { phone: contact.phone, jid: contact.jid, lid: contact.lid, lidAddressing: lid };
}
