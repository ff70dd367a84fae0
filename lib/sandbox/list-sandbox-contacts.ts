import "server-only";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";

/** The emulated people on the sandbox network (sessions' own accounts are not contacts). */
export function listSandboxContacts() {
  const { emulator } = requireSandbox();
  return emulator
    .listAccounts()
    .filter((a) => a.devices.length === 0)
    .map((a) => ({ phone: a.phone, jid: a.jid, name: a.name, echo: a.behaviour.echo }));
}
