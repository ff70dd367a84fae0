// What the campaign pages receive from the API (dates as strings).
import type { CampaignStats } from "@/lib/campaigns/get-campaign-stats";

/** The statistics as the API sends them: the server's own type (a type-only import: nothing server-side is bundled). */
export type CampaignStatsView = CampaignStats;

export interface CampaignView {
  id: string;
  name: string;
  sessionId: string;
  sessionName: string;
  origin: string;
  status: string;
  statusReason: string | null;
  message: { kind: string; text?: string; caption?: string; mediaType?: string };
  settings: Record<string, unknown>;
  scheduledAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  recipientCount: number;
  createdAt: string;
  statistics?: CampaignStatsView;
}

export interface RecipientView {
  id: string;
  position: number;
  phone: string;
  number: string | null;
  fields: Record<string, unknown>;
  status: string;
  reason: string | null;
  messageId: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  repliedAt: string | null;
}
