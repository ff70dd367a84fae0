import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { MessageLogQuery } from "@/lib/message-log/message-log.schema";

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
}: {
  log: { messages: LogRow[]; page: number; total: number; hasMore: boolean; pageSize: number };
  query: MessageLogQuery;
}) {
  if (log.messages.length === 0) {
    return <EmptyState data-testid="log-empty" title="No messages" description="No message matches these filters. Try a longer period or fewer filters." />;
  }
  const pageHref = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...query, format: undefined, page: String(page) })
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    );
    return `/logs?${params}`;
  };
  const first = (log.page - 1) * log.pageSize + 1;
  return (
    <div>
      <div
        className="overflow-x-auto rounded-xl border border-slate-200 bg-surface shadow-sm focus-visible:outline-2 focus-visible:outline-blue-600"
        tabIndex={0}
        role="region"
        aria-label="Messages"
      >
        <table className="min-w-full text-sm" data-testid="log-table">
          <caption className="sr-only">Messages</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Time
              </th>
              <th scope="col" className="px-3 py-2">
                Direction
              </th>
              <th scope="col" className="px-3 py-2">
                Session
              </th>
              <th scope="col" className="px-3 py-2">
                Contact
              </th>
              <th scope="col" className="px-3 py-2">
                Message
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {log.messages.map((m) => (
              <tr key={m.id} data-testid="log-row" className="align-top">
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                  <LocalTime value={m.createdAt} seconds />
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">{m.direction === "in" ? "Received" : "Sent"}</td>
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
                    {m.status.charAt(0) + m.status.slice(1).toLowerCase()}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-3 text-sm text-slate-700">
        <span data-testid="log-range">
          {first}–{first + log.messages.length - 1} of {log.total}
        </span>
        <span className="flex gap-2">
          {log.page > 1 && (
            <Link href={pageHref(log.page - 1)} className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 ring-inset hover:bg-slate-50" rel="prev">
              Previous
            </Link>
          )}
          {log.hasMore && (
            <Link
              href={pageHref(log.page + 1)}
              className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
              rel="next"
              data-testid="next-page"
            >
              Next
            </Link>
          )}
        </span>
      </nav>
    </div>
  );
}
