// Participants of a group action, as phone numbers or JIDs (@s.whatsapp.net or @lid): normalised
// like sends, and refused by name when something else (a group, a broadcast) is given.
import { AppError } from "@/lib/errors/app-error";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";

export function normalizeParticipants(inputs: string[], field = "participants"): string[] {
  const jids = inputs.map((input, i) => {
    const jid = normalizeRecipient(input, { field: `${field}[${i}]` });
    if (!jid.endsWith("@s.whatsapp.net") && !jid.endsWith("@lid")) {
      throw new AppError("BAD_REQUEST", `${field}[${i}]: '${input}' is not a person (phone number, @s.whatsapp.net or @lid JID)`);
    }
    return jid;
  });
  return [...new Set(jids)];
}
