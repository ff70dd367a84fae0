import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";

export function createSandboxContact(input: { phone: string; name: string; echo?: boolean }) {
  const { emulator, save } = requireSandbox();
  if (emulator.getAccount(input.phone)) throw new AppError("CONFLICT", `phone: ${input.phone} already exists in the sandbox`);
  const account = emulator.createAccount({ phone: input.phone, name: input.name });
  emulator.setBehaviour(input.phone, { echo: input.echo ?? false, deliveryReceipts: true, readReceipts: true });
  save();
  return { phone: account.phone, jid: account.jid, name: account.name, echo: input.echo ?? false };
}
