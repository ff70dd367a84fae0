// The wizard's live preview: what each of a few recipients would receive, or why they would be skipped.
import type { CampaignMessage, RecipientInput } from "@/lib/campaigns/campaigns.schema";
import { messageTemplates } from "@/lib/campaigns/message-templates";
import { normalizePhone, sourceOf } from "@/lib/campaigns/prepare-recipients";
import { renderTemplate } from "@/lib/campaigns/render-template";

export function previewCampaignMessage(message: CampaignMessage, recipients: RecipientInput[]) {
  const template = messageTemplates(message)[0] ?? "";
  return {
    previews: recipients.map((r, i) => {
      const source = sourceOf(r, i);
      const normalized = normalizePhone(source.phone);
      if ("error" in normalized) return { number: source.phone, ok: false, reason: `invalid number: ${normalized.error}` };
      const rendered = renderTemplate(template, { ...source.fields, phone: normalized.jid.split("@")[0] });
      return rendered.ok
        ? { number: normalized.jid.split("@")[0], ok: true, text: rendered.text }
        : { number: normalized.jid.split("@")[0], ok: false, reason: `missing field: ${rendered.missing}` };
    }),
  };
}
