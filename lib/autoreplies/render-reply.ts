// Fills a reply's placeholders: {{name}} (the sender's WhatsApp name, else their number),
// {{phone}} (the sender's number) and {{message}} (the text that triggered the rule).

export interface ReplyContext {
  name: string | null;
  phone: string;
  message: string;
}

export function renderReply(template: string, context: ReplyContext): string {
  return template.replace(/\{\{\s*(name|phone|message)\s*\}\}/gi, (_m, field: string) => {
    switch (field.toLowerCase()) {
      case "name":
        return context.name?.trim() || context.phone;
      case "phone":
        return context.phone;
      default:
        return context.message;
    }
  });
}

/** The number in a JID (628…@s.whatsapp.net → 628…); a LID or group id stays as its user part. */
export function phoneOf(jid: string): string {
  return jid.split("@")[0].split(":")[0];
}
