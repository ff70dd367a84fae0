import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { listScope } from "@/lib/recipient-lists/list-scope";
import { RECIPIENT_LIST_SELECT } from "@/lib/recipient-lists/public-recipient-list";

/** A list within the caller's tenant, or a 404. */
export async function getRecipientListOrThrow(caller: Caller, id: string) {
  const list = await db().recipientList.findFirst({ where: { AND: [listScope(caller), { id }] }, select: { ...RECIPIENT_LIST_SELECT, ownerId: true } });
  if (!list) throw notFound("Recipient list");
  return list;
}
