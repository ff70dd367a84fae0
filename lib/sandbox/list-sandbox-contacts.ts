import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import { isDemoPhone, ownSandboxPhones } from "@/lib/sandbox/sandbox-phone-owner";

/**
 * The emulated people the caller may talk to: the shared demo contacts and its tenant's own numbers
 * that are not paired as a session (sessions' own accounts are not contacts). Other tenants'
 * contacts are not listed.
 */
export async function listSandboxContacts(caller: Caller) {
  const { emulator } = requireSandbox();
  const own = await ownSandboxPhones(caller);
  return emulator
    .listAccounts()
    .filter((a) => a.devices.length === 0 && (isDemoPhone(a.phone) || own === "all" || own.has(a.phone)))
    .map((a) => ({ phone: a.phone, jid: a.jid, name: a.name, echo: a.behaviour.echo }));
}
