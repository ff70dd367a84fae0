import type { Metadata } from "next";
import { MessageLogFilters } from "@/components/logs/message-log-filters";
import { MessageLogTable } from "@/components/logs/message-log-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { translate } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { listMessageLog } from "@/lib/message-log/list-message-log";
import { messageLogQuerySchema } from "@/lib/message-log/message-log.schema";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "Logs · Wagate" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LogsPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageCaller();
  const locale = await pageLocale(caller.id);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A hand-edited URL with a bad value falls back to the defaults rather than an error page.
  const parsed = messageLogQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : messageLogQuerySchema.parse({});
  const [log, sessions] = await Promise.all([listMessageLog(caller, query), listSessions(caller)]);
  const exportParams = new URLSearchParams(
    Object.entries({ ...query, page: undefined, format: "csv" })
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <>
      <PageHeader
        title={translate(locale, "logs.title")}
        description={translate(locale, "logs.description")}
        actions={
          <a
            href={`/api/messages/log?${exportParams}`}
            className="inline-flex h-10 items-center rounded-lg px-4 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            data-testid="export-csv"
            download
          >
            {translate(locale, "logs.exportCsv")}
          </a>
        }
      />
      {!parsed.success && (
        <p className="mb-4 text-sm text-amber-800" role="status">
          {translate(locale, "logs.badFilters")}
        </p>
      )}
      <MessageLogFilters query={query} sessions={sessions.map((s) => ({ sessionId: s.sessionId, name: s.name }))} />
      <MessageLogTable log={JSON.parse(JSON.stringify(log))} query={query} locale={locale} />
    </>
  );
}
