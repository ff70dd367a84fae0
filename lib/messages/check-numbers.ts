import "server-only";
import { jidNormalizedUser } from "@whiskeysockets/baileys";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import type { CheckNumberInput } from "@/lib/messages/messages.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

export interface NumberCheck {
  phone: string;
  exists: boolean;
  jid: string | null;
}

/** Whether each number is on WhatsApp. Baileys leaves unknown numbers out of its answer: exists false. */
export async function checkNumbers(caller: Caller, input: CheckNumberInput, field = "phones"): Promise<NumberCheck[]> {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const wanted = input.phones.map((phone, i) => {
    const jid = normalizeRecipient(phone, { field: input.phones.length > 1 ? `${field}.${i}` : field });
    if (!jid.endsWith("@s.whatsapp.net")) throw new AppError("BAD_REQUEST", `${field}: '${phone}' is not a phone number`);
    return { phone, digits: jid.split("@")[0] };
  });
  const digits = [...new Set(wanted.map((w) => w.digits))];
  // Several nodes: a session connected on another node is checked there.
  const found = await onHolder(session, "onWhatsApp", digits);
  const byDigits = new Map(found.filter((f) => f.exists).map((f) => [jidNormalizedUser(f.jid).split("@")[0], jidNormalizedUser(f.jid)]));
  return wanted.map(({ phone, digits }) => {
    const jid = byDigits.get(digits) ?? null;
    return { phone, exists: jid !== null, jid };
  });
}
