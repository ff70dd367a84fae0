"use client";

import { useT } from "@/components/shell/i18n";
import { UserRowActions } from "@/components/users/user-row-actions";
import type { AssignableSession, DashboardUser } from "@/components/users/user-types";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

const ROLE_TONE: Record<string, BadgeTone> = { SUPERADMIN: "violet", OWNER: "blue", STAFF: "slate" };

interface UserListProps {
  users: DashboardUser[];
  sessions: AssignableSession[];
  viewerId: string;
  canWrite: boolean;
  /** Superadmins see roles and owners and can change roles; owners see only their staff. */
  superadminView: boolean;
}

export function UserList({ users, sessions, viewerId, canWrite, superadminView }: UserListProps) {
  const t = useT();
  const roleLabel = (role: string) => (role === "SUPERADMIN" || role === "OWNER" || role === "STAFF" ? t(`users.role.${role}`) : role);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-surface shadow-sm" data-testid="user-list">
      {users.map((user) => {
        const isSelf = user.id === viewerId;
        const assigned = user.assignments.map((a) => a.session);
        return (
          <li
            key={user.id}
            className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:gap-4 sm:px-5"
            data-testid="user-row"
            data-username={user.username}
          >
            <div className="flex min-w-0 flex-1 items-start gap-3">
              <span aria-hidden className="grid size-9 shrink-0 place-items-center rounded-full bg-blue-50 text-sm font-semibold text-blue-700">
                {user.name.trim().charAt(0).toUpperCase() || "?"}
              </span>
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium text-slate-900">{user.name}</span>
                  {superadminView && <Badge tone={ROLE_TONE[user.role] ?? "slate"}>{roleLabel(user.role)}</Badge>}
                  {isSelf && <Badge>{t("users.you")}</Badge>}
                  {user.suspendedAt && (
                    <Badge tone="red" data-testid="suspended-badge">
                      {t("users.suspended")}
                    </Badge>
                  )}
                </div>
                <p className="truncate text-sm text-slate-500">
                  @{user.username} · {user.email}
                </p>
                {user.role === "STAFF" && (
                  <p className="mt-1 text-xs text-slate-500" data-testid="assigned-sessions">
                    {superadminView && user.ownerId && <>{t("users.staffOf", { owner: names.get(user.ownerId) ?? t("users.anOwner") })} · </>}
                    {assigned.length ? t("users.sessionsList", { names: assigned.map((s) => s.name).join(", ") }) : t("users.noSessions")}
                  </p>
                )}
              </div>
            </div>
            <div className="flex shrink-0 flex-col gap-2 sm:items-end">
              <span className="text-xs text-slate-500">
                {t("users.lastSignIn")} {user.lastLoginAt ? <LocalTime value={user.lastLoginAt} /> : t("users.never")}
              </span>
              {canWrite && !isSelf && (
                <UserRowActions
                  user={{ id: user.id, name: user.name, email: user.email, role: user.role, ownerId: user.ownerId, suspendedAt: user.suspendedAt }}
                  assignedSessionIds={assigned.map((s) => s.sessionId)}
                  assignable={user.role === "STAFF" ? sessions.filter((s) => s.userId === user.ownerId) : []}
                  canChangeRole={superadminView}
                />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
