import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { optionalPageCaller, requirePageCaller } from "@/lib/auth/page-caller";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { translate } from "@/lib/i18n/messages";
import { listSessions } from "@/lib/sessions/list-sessions";

// The tab's title in the viewer's language too (the unread count goes in front of it).
export async function generateMetadata(): Promise<Metadata> {
  const caller = await optionalPageCaller();
  const t = caller ? await pageTranslator(caller.id) : (key: "chat.title") => translate("en", key);
  return { title: `${t("chat.title")} · Wagate` };
}

// Chats belong to a session: with one session this goes straight to its chats, with several it
// asks which one.
export default async function ChatsPage() {
  const caller = await requirePageCaller();
  const sessions = await listSessions(caller);
  const t = await pageTranslator(caller.id);
  if (sessions.length === 1) redirect(`/sessions/${sessions[0].sessionId}/chats`);
  return (
    <>
      <PageHeader title={t("chat.title")} description={t("chat.pickSession")} />
      {sessions.length === 0 ? (
        <EmptyState data-testid="chats-empty" title={t("chat.noSessions")} description={t("chat.noSessionsHint")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-surface shadow-sm" data-testid="chat-session-list">
          {sessions.map((s) => (
            <li key={s.sessionId}>
              <Link
                href={`/sessions/${s.sessionId}/chats`}
                className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900">{s.name}</span>
                  <span className="block text-xs text-slate-500">{s.phoneNumber ?? s.sessionId}</span>
                </span>
                <SessionStatusBadge status={s.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
