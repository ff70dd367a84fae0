import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateUserButton } from "@/components/users/create-user-button";
import { UserList } from "@/components/users/user-list";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClasses } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { db } from "@/lib/server/runtime";
import { listSessions } from "@/lib/sessions/list-sessions";
import { searchUsers } from "@/lib/users/search-users";
import { searchUsersQuerySchema } from "@/lib/users/users.schema";

export const metadata: Metadata = { title: "Users · Wagate" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "users.read")) notFound();
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
  const label = "block text-xs font-medium text-slate-700";

  return (
    <>
      <PageHeader
        title={superadminView ? "Users" : "Staff"}
        description={superadminView ? "Everyone on this gateway." : "People who work on your sessions. Each sees only the sessions you assign."}
        actions={users.length > 0 || filtered ? createButton : undefined}
      />
      {superadminView && (
        <form
          method="get"
          role="search"
          aria-label="Filter users"
          className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm"
          data-testid="user-filters"
        >
          <div className="min-w-48 flex-1">
            <label htmlFor="users-q" className={label}>
              Search
            </label>
            <input id="users-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Name, username or email" className={`mt-1 ${inputClasses}`} />
          </div>
          <div>
            <label htmlFor="users-role" className={label}>
              Role
            </label>
            <select id="users-role" name="role" defaultValue={query.role ?? ""} className={`mt-1 ${inputClasses}`}>
              <option value="">Any</option>
              <option value="SUPERADMIN">Superadmin</option>
              <option value="OWNER">Owner</option>
              <option value="STAFF">Staff</option>
            </select>
          </div>
          <button type="submit" className={buttonClasses("primary", "sm")} data-testid="apply-user-filters">
            Apply
          </button>
        </form>
      )}
      {users.length === 0 ? (
        filtered ? (
          <EmptyState data-testid="users-no-match" title="No one matches" description="Try another name or role." />
        ) : (
          <EmptyState
            data-testid="users-empty"
            title="No staff yet"
            description="Add staff members to let them work on the sessions you choose, without access to anything else."
            action={createButton}
          />
        )
      ) : (
        <>
          <UserList users={users} sessions={assignable} viewerId={caller.id} canWrite={canWrite} superadminView={superadminView} />
          {(result.page > 1 || result.hasMore) && (
            <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-700">
              <span data-testid="users-range">
                {(result.page - 1) * result.pageSize + 1}–{(result.page - 1) * result.pageSize + users.length} of {result.total}
              </span>
              <span className="flex gap-2">
                {result.page > 1 && (
                  <Link href={pageHref(result.page - 1)} className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 ring-inset hover:bg-slate-50">
                    Previous
                  </Link>
                )}
                {result.hasMore && (
                  <Link
                    href={pageHref(result.page + 1)}
                    className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
                    data-testid="users-next"
                  >
                    Next
                  </Link>
                )}
              </span>
            </nav>
          )}
        </>
      )}
    </>
  );
}
