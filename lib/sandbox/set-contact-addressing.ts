import "server-only";
import { notFound } from "@/lib/errors/app-error";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";

/** Whether WhatsApp addresses this emulated contact by LID in 1:1 chats (as it does many people today). */
export function setContactAddressing(contactPhone: string, lid: boolean) {
  const { emulator } = requireSandbox();
  const contact = emulator.getAccount(contactPhone);
  if (!contact || contact.devices.length > 0) throw notFound("Sandbox contact");
  emulator.setBehaviour(contact.phone, { lidAddressing: lid });
  return { phone: contact.phone, jid: contact.jid, lid: contact.lid, lidAddressing: lid };
}
