import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";
import { getRecipientListOrThrow } from "@/lib/recipient-lists/get-recipient-list-or-throw";
import { publicEntry, publicRecipientList } from "@/lib/recipient-lists/public-recipient-list";

/** A list with its recipients (all of them by default, as the Campaign API shows it). */
export async function getRecipientList(caller: Caller, id: string, query: { limit: number; offset: number; search?: string }) {
  const list = await getRecipientListOrThrow(caller, id);
  const where: Prisma.RecipientListEntryWhereInput = { listId: list.id };
  if (query.search)
    where.OR = [{ jid: { contains: query.search } }, { name: { contains: query.search, mode: "insensitive" } }, { phone: { contains: query.search } }];
  const entries = await db().recipientListEntry.findMany({
    where,
    orderBy: { position: "asc" },
    skip: query.offset,
    take: query.limit,
    select: { phone: true, jid: true, name: true, fields: true },
  });
  return { ...publicRecipientList(list), recipients: entries.map(publicEntry) };
}
