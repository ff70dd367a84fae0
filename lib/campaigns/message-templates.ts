import type { CampaignMessage } from "@/lib/campaigns/campaigns.schema";

/** The template strings of a campaign message: its text, or its caption. */
export function messageTemplates(message: CampaignMessage): string[] {
  if (message.kind === "text") return [message.text];
  if (message.kind === "media" && message.caption) return [message.caption];
  return [];
}
