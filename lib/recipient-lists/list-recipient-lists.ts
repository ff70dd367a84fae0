import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";
import { listScope } from "@/lib/recipient-lists/list-scope";
import { publicRecipientList, RECIPIENT_LIST_SELECT } from "@/lib/recipient-lists/public-recipient-list";

/** The caller's lists, newest first; `search` matches name or description, `tag` one of the tags (any case). */
export async function listRecipientLists(caller: Caller, query: { search?: string; tag?: string }) {
  const where: Prisma.RecipientListWhereInput[] = [listScope(caller)];
  if (query.search)
    where.push({ OR: [{ name: { contains: query.search, mode: "insensitive" } }, { description: { contains: query.search, mode: "insensitive" } }] });
  const lists = await db().recipientList.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: RECIPIENT_LIST_SELECT,
    take: 1000,
  });
  const tag = query.tag?.toLowerCase();
  return lists.filter((l) => !tag || l.tags.some((t) => t.toLowerCase() === tag)).map(publicRecipientList);
}
