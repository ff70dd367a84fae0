import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { userScope } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";
import { USERS_PAGE_SIZE, type SearchUsersQuery } from "@/lib/users/users.schema";

/** listUsers with a search, a role filter and pages, done in the database (the superadmin's list is everyone). */
export async function searchUsers(caller: Caller, query: SearchUsersQuery) {
  const where: Prisma.UserWhereInput = {
    AND: [
      userScope(caller),
      query.role ? { role: query.role } : {},
      query.q
        ? {
            OR: [
              { name: { contains: query.q, mode: "insensitive" } },
              { username: { contains: query.q, mode: "insensitive" } },
              { email: { contains: query.q, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  const skip = (query.page - 1) * USERS_PAGE_SIZE;
  const [users, total] = await Promise.all([
    db().user.findMany({
      where,
      // Newest first: the account just created is on the first page.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take: USERS_PAGE_SIZE,
      select: { ...PUBLIC_USER_SELECT, suspendedAt: true, assignments: { select: { session: { select: { sessionId: true, name: true } } } } },
    }),
    db().user.count({ where }),
  ]);
  return { users, total, page: query.page, pageSize: USERS_PAGE_SIZE, hasMore: skip + users.length < total };
}
