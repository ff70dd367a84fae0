import "server-only";
// A campaign in Chatery's bulk-job shape: status processing/completed, sent, failed, progress and
// per-recipient details.
import type { Caller } from "@/lib/auth/caller";
import { campaignScope } from "@/lib/campaigns/campaign-scope";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { getCampaignStats, type CampaignStats } from "@/lib/campaigns/get-campaign-stats";
import { CAMPAIGN_SELECT, type CampaignRecord } from "@/lib/campaigns/public-campaign";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { db } from "@/lib/server/runtime";

function jobStatus(status: string) {
  if (status === "completed" || status === "failed" || status === "cancelled") return status === "completed" ? "completed" : status;
  return status === "paused" ? "paused" : "processing";
}

function jobType(content: unknown) {
  const c = content as { kind?: string; mediaType?: string };
  return c.kind === "media" ? (c.mediaType ?? "media") : "text";
}

function summary(c: CampaignRecord, s: CampaignStats) {
  return {
    jobId: c.id,
    sessionId: c.session.sessionId,
    type: jobType(c.content),
    status: jobStatus(c.status),
    total: s.total,
    sent: s.sent,
    failed: s.failed + s.skipped,
    progress: s.progress,
    createdAt: c.createdAt,
    completedAt: c.completedAt,
  };
}

export async function getBulkJobStatus(caller: Caller, jobId: string) {
  const campaign = await getCampaignOrThrow(caller, jobId);
  const stats = await getCampaignStats(db(), campaign);
  const rows = await db().campaignRecipient.findMany({
    where: { campaignId: campaign.id },
    orderBy: { position: "asc" },
    take: 1000,
    select: { phone: true, jid: true, status: true, reason: true, keyId: true, sentAt: true, updatedAt: true },
  });
  const details = rows.map((r) => {
    const failed = r.status === "failed" || r.status === "skipped";
    const sent = r.status === "sent" || r.status === "delivered" || r.status === "read";
    return {
      recipient: r.jid?.split("@")[0] ?? r.phone,
      status: failed ? "failed" : sent ? "sent" : "pending",
      ...(r.keyId && sent ? { messageId: r.keyId } : {}),
      ...(failed ? { error: r.reason ?? r.status } : {}),
      deliveryStatus: r.status,
      timestamp: r.sentAt ?? r.updatedAt,
    };
  });
  const { jobId: _jobId, ...rest } = summary(campaign, stats);
  void _jobId;
  return { ...rest, details };
}

export async function listBulkJobs(caller: Caller, sessionId: string) {
  const session = await getSessionOrThrow(caller, sessionId);
  const rows = await db().campaign.findMany({
    where: { AND: [campaignScope(caller), { sessionId: session.id }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: CAMPAIGN_SELECT,
  });
  const jobs = [];
  for (const c of rows) jobs.push(summary(c, await getCampaignStats(db(), c)));
  return jobs;
}
