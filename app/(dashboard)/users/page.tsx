import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateUserButton } from "@/components/users/create-user-button";
import { UserList } from "@/components/users/user-list";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { translate, type MessageKey, type MessageVars } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { db } from "@/lib/server/runtime";
import { listSessions } from "@/lib/sessions/list-sessions";
import { searchUsers } from "@/lib/users/search-users";
import { searchUsersQuerySchema } from "@/lib/users/users.schema";

export const metadata: Metadata = { title: "Users · Wagate" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "users.read")) notFound();
  const locale = await pageLocale(caller.id);
  const t = (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = searchUsersQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : searchUsersQuerySchema.parse({});
  const superadminView = caller.role === "SUPERADMIN";
  const [result, sessions, owners] = await Promise.all([
    searchUsers(caller, query),
    listSessions(caller),
    // The staff picker needs every owner, not only this page's.
    superadminView
      ? db().user.findMany({ where: { role: "OWNER" }, orderBy: { name: "asc" }, take: 500, select: { id: true, name: true, username: true } })
      : Promise.resolve([]),
  ]);
  const users = result.users;
  const canWrite = hasPermission(caller.role, "users.write");
  const assignable = sessions.map((s) => ({ sessionId: s.sessionId, name: s.name, userId: s.userId }));
  const createButton = canWrite ? <CreateUserButton mode={superadminView ? "superadmin" : "owner"} owners={owners} /> : undefined;
  const filtered = Boolean(query.q || query.role);
  const pageHref = (page: number) =>
    `/users?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.role ? { role: query.role } : {}), page: String(page) })}`;

  return (
    <>
      <PageHeader
        title={superadminView ? t("users.titleAll") : t("users.titleStaff")}
        description={superadminView ? t("users.descriptionAll") : t("users.descriptionStaff")}
        actions={users.length > 0 || filtered ? createButton : undefined}
      />
      {superadminView && (
        <FilterBar
          idPrefix="users"
          label={t("users.filterLabel")}
          submitLabel={t("common.apply")}
          data-testid="user-filters"
          fields={[
            { kind: "text", name: "q", label: t("users.search"), defaultValue: query.q, placeholder: t("users.searchPlaceholder"), wide: true },
            {
              kind: "select",
              name: "role",
              label: t("users.role"),
              defaultValue: query.role,
              options: [
                ["", t("common.any")],
                ["SUPERADMIN", t("users.role.SUPERADMIN")],
                ["OWNER", t("users.role.OWNER")],
                ["STAFF", t("users.role.STAFF")],
              ],
            },
          ]}
        />
      )}
      {users.length === 0 ? (
        filtered ? (
          <EmptyState data-testid="users-no-match" title={t("users.noMatchTitle")} description={t("users.noMatchDescription")} />
        ) : (
          <EmptyState data-testid="users-empty" title={t("users.emptyTitle")} description={t("users.emptyDescription")} action={createButton} />
        )
      ) : (
        <>
          <UserList users={users} sessions={assignable} viewerId={caller.id} canWrite={canWrite} superadminView={superadminView} />
          {(result.page > 1 || result.hasMore) && <Pager locale={locale} {...result} shown={users.length} href={pageHref} testIdPrefix="users" />}
        </>
      )}
    </>
  );
}
