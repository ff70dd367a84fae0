import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Pager } from "@/components/ui/pager";
import { translate, type Locale, type MessageKey } from "@/lib/i18n/messages";
import { MESSAGE_LOG_STATUSES, type MessageLogQuery } from "@/lib/message-log/message-log.schema";

interface LogRow {
  id: string;
  remoteJid: string;
  pushName: string | null;
  type: string;
  content: string | null;
  status: string;
  failureReason: string | null;
  createdAt: string;
  direction: "in" | "out";
  sessionId: string;
  sessionName: string;
}

const STATUS_TONE: Record<string, BadgeTone> = { PENDING: "amber", SENT: "slate", DELIVERED: "blue", READ: "green", FAILED: "red" };

function contactOf(jid: string) {
  const [user] = jid.split("@");
  return jid.endsWith("@s.whatsapp.net") ? `+${user}` : jid;
}

export function MessageLogTable({
  log,
  query,
  locale,
}: {
  log: { messages: LogRow[]; page: number; total: number; hasMore: boolean; pageSize: number };
  query: MessageLogQuery;
  locale: Locale;
}) {
  const t = (key: MessageKey) => translate(locale, key);
  const statusLabel = (status: string) =>
    (MESSAGE_LOG_STATUSES as readonly string[]).includes(status) ? t(`logs.status.${status as (typeof MESSAGE_LOG_STATUSES)[number]}`) : status;
  if (log.messages.length === 0) {
    return <EmptyState data-testid="log-empty" title={t("logs.emptyTitle")} description={t("logs.emptyDescription")} />;
  }
  const pageHref = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...query, format: undefined, page: String(page) })
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    );
    return `/logs?${params}`;
  };
  return (
    <div>
      <div
        className="overflow-x-auto rounded-xl border border-slate-200 bg-surface shadow-sm focus-visible:outline-2 focus-visible:outline-blue-600"
        tabIndex={0}
        role="region"
        aria-label={t("logs.messages")}
      >
        <table className="min-w-full text-sm" data-testid="log-table">
          <caption className="sr-only">{t("logs.messages")}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("logs.time")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("logs.direction")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("logs.session")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("logs.contact")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("logs.message")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("logs.status")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {log.messages.map((m) => (
              <tr key={m.id} data-testid="log-row" className="align-top">
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                  <LocalTime value={m.createdAt} seconds />
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">{m.direction === "in" ? t("logs.received") : t("logs.sent")}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={`/sessions/${m.sessionId}`} className="text-blue-700 hover:underline">
                    {m.sessionName}
                  </Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                  {contactOf(m.remoteJid)}
                  {m.pushName && m.direction === "in" && <div className="text-xs text-slate-600">{m.pushName}</div>}
                </td>
                <td className="max-w-md px-3 py-2 text-slate-900">
                  <span className="line-clamp-2 [overflow-wrap:anywhere]">
                    {m.content ?? <span className="text-slate-600 italic">{m.type.toLowerCase()}</span>}
                  </span>
                  {m.failureReason && <div className="mt-0.5 text-xs text-red-700">{m.failureReason}</div>}
                </td>
                <td className="px-3 py-2">
                  <Badge tone={STATUS_TONE[m.status] ?? "slate"} data-testid="log-status">
                    {statusLabel(m.status)}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager locale={locale} {...log} shown={log.messages.length} href={pageHref} testIdPrefix="log" />
    </div>
  );
}
