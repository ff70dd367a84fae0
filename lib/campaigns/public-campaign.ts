// How a campaign looks in answers and events.
import type { CampaignStats } from "@/lib/campaigns/get-campaign-stats";

export const CAMPAIGN_SELECT = {
  id: true,
  ownerId: true,
  sessionId: true,
  name: true,
  origin: true,
  content: true,
  settings: true,
  status: true,
  statusReason: true,
  scheduledAt: true,
  startedAt: true,
  pausedAt: true,
  completedAt: true,
  total: true,
  listIds: true,
  createdAt: true,
  updatedAt: true,
  session: { select: { id: true, sessionId: true, ownerId: true, name: true } },
} as const;

export interface CampaignRecord {
  id: string;
  ownerId: string;
  sessionId: string;
  name: string;
  origin: string;
  content: unknown;
  settings: unknown;
  status: string;
  statusReason: string | null;
  scheduledAt: Date | null;
  startedAt: Date | null;
  pausedAt: Date | null;
  completedAt: Date | null;
  total: number;
  listIds: string[];
  createdAt: Date;
  updatedAt: Date;
  session: { id: string; sessionId: string; ownerId: string; name: string };
}

export function publicCampaign(c: CampaignRecord, stats?: CampaignStats) {
  return {
    id: c.id,
    name: c.name,
    sessionId: c.session.sessionId,
    sessionName: c.session.name,
    origin: c.origin,
    status: c.status,
    statusReason: c.statusReason,
    message: c.content,
    settings: c.settings,
    scheduledAt: c.scheduledAt,
    startedAt: c.startedAt,
    pausedAt: c.pausedAt,
    completedAt: c.completedAt,
    recipientCount: c.total,
    listIds: c.listIds,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(stats ? { statistics: stats } : {}),
  };
}
