import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import type { CreateContactInput } from "@/lib/sandbox/sandbox.schema";
import { claimSandboxPhone } from "@/lib/sandbox/sandbox-phone-owner";

/** A new emulated contact, seen and used only by the caller's tenant. */
export async function createSandboxContact(caller: Caller, input: CreateContactInput) {
  const { emulator, save } = requireSandbox();
  if (emulator.getAccount(input.phone)) throw new AppError("CONFLICT", `phone: ${input.phone} already exists in the sandbox`);
  await claimSandboxPhone(caller.tenantId, input.phone, false);
  const account = emulator.createAccount({ phone: input.phone, name: input.name });
  emulator.setBehaviour(input.phone, { echo: input.echo ?? false, deliveryReceipts: true, readReceipts: true });
  save();
  return { phone: account.phone, jid: account.jid, name: account.name, echo: input.echo ?? false };
}
