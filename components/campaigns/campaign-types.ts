// What the campaign pages receive from the API (dates as strings).
export interface CampaignStatsView {
  total: number;
  pending: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  replied: number;
  progress: number;
  deliveryRate: number;
  readRate: number;
  replyRate: number;
  failureRate: number;
}

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
