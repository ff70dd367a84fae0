import type { Metadata } from "next";
import { headers } from "next/headers";
import { OverviewPanel } from "@/components/overview/overview-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { sessionScope } from "@/lib/auth/scope";
import { resolveLocale, translate } from "@/lib/i18n/messages";
import { db } from "@/lib/server/runtime";

export const metadata: Metadata = { title: "Overview · Wagate" };

export default async function OverviewPage() {
  const caller = await requirePageCaller();
  const saved = await db().user.findUnique({ where: { id: caller.id }, select: { locale: true } });
  const locale = resolveLocale(saved?.locale, (await headers()).get("accept-language"));
  // Only the ids, for the live updates' Socket.io rooms; the figures come from GET /api/overview.
  const sessions = await db().whatsappSession.findMany({ where: sessionScope(caller), select: { sessionId: true } });
  return (
    <>
      <PageHeader title={translate(locale, "overview.title")} description={translate(locale, "overview.description")} />
      <OverviewPanel sessionIds={sessions.map((s) => s.sessionId)} />
    </>
  );
}
