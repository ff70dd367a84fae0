"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { CreateSessionButton } from "@/components/sessions/create-session-button";
import { liveSession, type LiveSession } from "@/components/sessions/live-session";
import { SessionActions } from "@/components/sessions/session-actions";
import { SessionCard, SessionSummary } from "@/components/sessions/session-card";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import type { DashboardSession } from "@/components/sessions/session-types";
import { useSessionEvents } from "@/components/sessions/use-session-events";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClasses } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { useT } from "@/components/shell/i18n";

interface SessionGridProps {
  sessions: DashboardSession[];
  canCreate: boolean;
  canManage: boolean;
  sandbox: boolean;
  /** SUPERADMIN: owner names by id, for the Owner column and filter; null for everyone else. */
  owners?: Record<string, string> | null;
}

const STATUSES = ["CONNECTED", "QR", "CONNECTING", "DISCONNECTED", "ZOMBIE", "LOGGED_OUT"] as const;

/**
 * The sessions as a table (default) or cards, with search, a status filter and, for superadmins, an
 * owner column and filter. Filters live in the URL (?q=&status=&owner=&view=cards) so the Overview
 * can link to "sessions online"; statuses are kept live over one socket for the whole list.
 */
export function SessionGrid({ sessions, canCreate, canManage, sandbox, owners = null }: SessionGridProps) {
  const t = useT();
  const live = useSessionEvents(sessions.map((s) => s.sessionId));
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get("q") ?? "";
  const status = params.get("status") ?? "";
  const owner = params.get("owner") ?? "";
  // No choice made: the table from the md breakpoint up, cards below it (a phone is too narrow for
  // the table's columns). A choice in the URL applies at every size.
  const chosen = params.get("view");
  const view = chosen === "cards" ? "cards" : "table";

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };

  if (sessions.length === 0) {
    return (
      <EmptyState
        data-testid="sessions-empty"
        title={t("sessions.emptyTitle")}
        description={canCreate ? t("sessions.emptyOwner") : t("sessions.emptyStaff")}
        action={canCreate ? <CreateSessionButton label={t("sessions.createFirst")} /> : undefined}
      />
    );
  }

  const rows = sessions
    .map((s) => ({ source: s, session: liveSession(s, undefined, live.sessions[s.sessionId]) }))
    .filter(({ source, session }) => {
      if (status && session.status !== status) return false;
      if (owner && source.userId !== owner) return false;
      if (!q) return true;
      const needle = q.toLowerCase();
      return [session.name, session.sessionId, session.phoneNumber ?? "", session.profileName ?? "", owners?.[source.userId] ?? ""].some((v) =>
        v.toLowerCase().includes(needle),
      );
    });
  const label = "block text-xs font-medium text-slate-700";

  const cards = (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {rows.map(({ source, session }) => (
        <li key={source.id}>
          <SessionCard session={session} createdAt={source.createdAt} canManage={canManage} sandbox={sandbox} onChanged={() => live.resync(source.sessionId)} />
        </li>
      ))}
    </ul>
  );
  // No scroll container (it would clip the row menus): the columns collapse on small screens instead.
  const table = (
    <div className="rounded-xl border border-slate-200 bg-surface shadow-sm">
      <table className="min-w-full text-sm" data-testid="session-table">
        <caption className="sr-only">{t("sessions.title")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("sessions.session")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("sessions.status")}
            </th>
            <th scope="col" className="hidden px-4 py-2 md:table-cell">
              {t("sessions.phone")}
            </th>
            {owners && (
              <th scope="col" className="hidden px-4 py-2 md:table-cell">
                {t("sessions.owner")}
              </th>
            )}
            <th scope="col" className="hidden px-4 py-2 lg:table-cell">
              {t("sessions.created")}
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">{t("sessions.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ source, session }) => (
            <SessionRow
              key={source.id}
              session={session}
              createdAt={source.createdAt}
              ownerName={owners ? (owners[source.userId] ?? source.userId) : null}
              canManage={canManage}
              sandbox={sandbox}
              onChanged={() => live.resync(source.sessionId)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <div data-testid="session-list" data-socket={live.socketState}>
      <div className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label={t("sessions.filterLabel")}>
        <div className="min-w-48 flex-1">
          <label htmlFor="session-search" className={label}>
            {t("sessions.search")}
          </label>
          <input
            id="session-search"
            type="search"
            defaultValue={q}
            onChange={(e) => setParam("q", e.target.value)}
            placeholder={t("sessions.searchPlaceholder")}
            className={`mt-1 ${inputClasses}`}
            data-testid="session-search"
          />
        </div>
        <div>
          <label htmlFor="session-status-filter" className={label}>
            {t("sessions.status")}
          </label>
          <select
            id="session-status-filter"
            value={status}
            onChange={(e) => setParam("status", e.target.value)}
            className={`mt-1 ${inputClasses}`}
            data-testid="session-status-filter"
          >
            <option value="">{t("common.any")}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`sessions.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {owners && (
          <div>
            <label htmlFor="session-owner-filter" className={label}>
              {t("sessions.owner")}
            </label>
            <select
              id="session-owner-filter"
              value={owner}
              onChange={(e) => setParam("owner", e.target.value)}
              className={`mt-1 ${inputClasses}`}
              data-testid="session-owner-filter"
            >
              <option value="">{t("common.any")}</option>
              {Object.entries(owners).map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div role="group" aria-label={t("sessions.view")} className="inline-flex rounded-lg ring-1 ring-slate-300 ring-inset">
          {(["table", "cards"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={Boolean(chosen) && view === v}
              onClick={() => setParam("view", v)}
              className="h-10 px-3 text-sm font-medium text-slate-700 first:rounded-l-lg last:rounded-r-lg hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:bg-blue-600 aria-pressed:text-white"
              data-testid={`view-${v}`}
            >
              {v === "table" ? t("sessions.viewTable") : t("sessions.viewCards")}
            </button>
          ))}
        </div>
      </div>

      {rows.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-surface px-4 py-8 text-center text-sm text-slate-600" data-testid="sessions-no-match">
          {t("sessions.noMatch")}
        </p>
      ) : (
        <>
          {view === "table" && <div className={chosen ? "" : "hidden md:block"}>{table}</div>}
          {(view === "cards" || !chosen) && <div className={chosen ? "" : "md:hidden"}>{cards}</div>}
        </>
      )}
    </div>
  );
}

function SessionRow({
  session,
  createdAt,
  ownerName,
  canManage,
  sandbox,
  onChanged,
}: {
  session: LiveSession;
  createdAt: Date | string;
  ownerName: string | null;
  canManage: boolean;
  sandbox: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  return (
    <tr data-testid="session-row" data-session-id={session.sessionId} className="align-top">
      <td className="px-4 py-3">
        <Link href={`/sessions/${session.sessionId}`} className="font-medium text-slate-900 hover:text-blue-700" data-testid="session-link">
          {session.name}
        </Link>
        <div className="font-mono text-xs text-slate-600" data-testid="session-id">
          {session.sessionId}
        </div>
      </td>
      <td className="px-4 py-3">
        <SessionStatusBadge status={session.status} />
      </td>
      <td className="hidden max-w-64 px-4 py-3 md:table-cell">
        <SessionSummary session={session} />
      </td>
      {ownerName !== null && (
        <td className="hidden px-4 py-3 text-slate-700 md:table-cell" data-testid="session-owner">
          {ownerName}
        </td>
      )}
      <td className="hidden px-4 py-3 whitespace-nowrap text-slate-700 lg:table-cell">
        <LocalTime value={createdAt} />
      </td>
      <td className="px-4 py-3">
        <div className="flex items-center justify-end gap-3">
          <Link href={`/sessions/${session.sessionId}/chats`} className="text-sm font-medium text-blue-700 hover:underline" data-testid="session-chats-link">
            {t("sessions.chats")}
          </Link>
          {canManage && <SessionActions session={session} sandbox={sandbox} layout="row" afterDelete="refresh" onChanged={onChanged} />}
        </div>
      </td>
    </tr>
  );
}
