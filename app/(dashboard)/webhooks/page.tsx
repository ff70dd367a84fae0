import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddWebhookButton } from "@/components/webhooks/add-webhook-button";
import { WebhookCard } from "@/components/webhooks/webhook-card";
import { WebhookLiveProvider } from "@/components/webhooks/webhook-live";
import type { WebhookView } from "@/components/webhooks/webhook-types";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { listSessions } from "@/lib/sessions/list-sessions";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const metadata: Metadata = { title: "Webhooks · Wagate" };

export default async function WebhooksPage() {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "webhooks.manage")) notFound();
  const [webhooks, sessions, t] = await Promise.all([listWebhooks(caller), listSessions(caller), pageTranslator(caller.id)]);
  const options = sessions.map((s) => ({ sessionId: s.sessionId, name: s.name }));
  // Dates become strings on their way to the client components.
  const views = JSON.parse(JSON.stringify(webhooks)) as WebhookView[];
  const add = <AddWebhookButton sessions={options} />;
  return (
    <WebhookLiveProvider>
      <PageHeader title={t("webhooks.title")} description={t("webhooks.description")} actions={views.length > 0 ? add : undefined} />
      {views.length === 0 ? (
        <EmptyState data-testid="webhooks-empty" title={t("webhooks.emptyTitle")} description={t("webhooks.emptyDescription")} action={add} />
      ) : (
        <div className="space-y-4">
          {views.map((w) => (
            <WebhookCard key={w.id} webhook={w} sessions={options} />
          ))}
        </div>
      )}
    </WebhookLiveProvider>
  );
}
