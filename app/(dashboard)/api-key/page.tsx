import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeyPanel } from "@/components/api-key/api-key-panel";
import { NamedApiKeys, type NamedKeyView } from "@/components/api-key/named-api-keys";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listSessions } from "@/lib/sessions/list-sessions";
import { PageHeader } from "@/components/ui/page-header";
import { getApiKey } from "@/lib/api-keys/get-api-key";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { pageTranslator } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "API key · Wagate" };

export default async function ApiKeyPage() {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "apiKey.manage")) notFound();
  const [summary, { apiKeys }, sessions, t] = await Promise.all([getApiKey(caller), listApiKeys(caller), listSessions(caller), pageTranslator(caller.id)]);
  // Dates as strings for the client component.
  const keys = JSON.parse(JSON.stringify(apiKeys)) as NamedKeyView[];
  return (
    <>
      <PageHeader title={t("keys.title")} description={t("keys.description")} />
      <div className="space-y-6">
        <ApiKeyPanel summary={summary} />
        <NamedApiKeys keys={keys} sessions={sessions.map((s) => ({ sessionId: s.sessionId, name: s.name }))} />
      </div>
    </>
  );
}
