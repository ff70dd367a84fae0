import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { getRecipientListOrThrow } from "@/lib/recipient-lists/get-recipient-list-or-throw";
import { rethrowListNameTaken } from "@/lib/recipient-lists/list-name-taken";
import { publicRecipientList, RECIPIENT_LIST_SELECT } from "@/lib/recipient-lists/public-recipient-list";

/** A copy under a new name: description, tags and entries; usage starts again at zero. */
export async function cloneRecipientList(caller: Caller, id: string, newName: string) {
  const source = await getRecipientListOrThrow(caller, id);
  try {
    const list = await db().$transaction(
      async (tx) => {
        const created = await tx.recipientList.create({
          data: { ownerId: source.ownerId, name: newName, description: source.description, tags: source.tags },
          select: { id: true },
        });
        // One INSERT … SELECT: the entries never pass through this process.
        await tx.$executeRaw`
          INSERT INTO recipient_list_entries (id, "listId", "ownerId", position, jid, phone, name, fields)
          SELECT 'c' || md5(random()::text || e.id), ${created.id}, e."ownerId", e.position, e.jid, e.phone, e.name, e.fields
          FROM recipient_list_entries e WHERE e."listId" = ${source.id} AND e."ownerId" = ${source.ownerId}`;
        return tx.recipientList.findUniqueOrThrow({ where: { id: created.id }, select: RECIPIENT_LIST_SELECT });
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    return publicRecipientList(list);
  } catch (error) {
    rethrowListNameTaken(error);
  }
}
