import type { Metadata } from "next";
import { OverviewPanel } from "@/components/overview/overview-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { sessionScope } from "@/lib/auth/scope";
import { db } from "@/lib/server/runtime";

export const metadata: Metadata = { title: "Overview · Wagate" };

export default async function OverviewPage() {
  const caller = await requirePageCaller();
  // Only the ids, for the live updates' Socket.io rooms; the figures come from GET /api/overview.
  const sessions = await db().whatsappSession.findMany({ where: sessionScope(caller), select: { sessionId: true } });
  return (
    <>
      <PageHeader title="Overview" description="Your sessions and messages at a glance, updated as they happen." />
      <OverviewPanel sessionIds={sessions.map((s) => s.sessionId)} />
    </>
  );
}
