import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { getRecipientListOrThrow } from "@/lib/recipient-lists/get-recipient-list-or-throw";

/** Deletes a list and its entries; campaigns made from it keep their own copy of the recipients. */
export async function deleteRecipientList(caller: Caller, id: string) {
  const list = await getRecipientListOrThrow(caller, id);
  const { count } = await db().recipientList.deleteMany({ where: { id: list.id, ownerId: list.ownerId } });
  if (count === 0) throw notFound("Recipient list");
  return { success: true, message: `Recipient list ${list.name} deleted` };
}
