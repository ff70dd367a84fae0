import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sourceOf } from "@/lib/campaigns/prepare-recipients";
import { db } from "@/lib/server/runtime";
import { getRecipientListOrThrow } from "@/lib/recipient-lists/get-recipient-list-or-throw";
import { rethrowListNameTaken } from "@/lib/recipient-lists/list-name-taken";
import { publicRecipientList, RECIPIENT_LIST_SELECT } from "@/lib/recipient-lists/public-recipient-list";
import type { UpdateRecipientListInput } from "@/lib/recipient-lists/recipient-lists.schema";
import { EntryWriter } from "@/lib/recipient-lists/write-list-entries";

/** Changes name, description and tags; `recipients` replaces all entries. */
export async function updateRecipientList(caller: Caller, id: string, input: UpdateRecipientListInput) {
  const found = await getRecipientListOrThrow(caller, id);
  try {
    const { list, report } = await db().$transaction(
      async (tx) => {
        const { count } = await tx.recipientList.updateMany({
          where: { id: found.id, ownerId: found.ownerId },
          data: {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
            ...(input.tags !== undefined ? { tags: input.tags } : {}),
          },
        });
        if (count === 0) throw notFound("Recipient list");
        let report = null;
        if (input.recipients) {
          await tx.recipientListEntry.deleteMany({ where: { listId: found.id, ownerId: found.ownerId } });
          const writer = new EntryWriter(tx, { id: found.id, ownerId: found.ownerId }, 0);
          for (const [i, r] of input.recipients.entries()) await writer.add(sourceOf(r, i));
          await writer.flush();
          report = writer.report;
        }
        const list = await tx.recipientList.findUniqueOrThrow({ where: { id: found.id }, select: RECIPIENT_LIST_SELECT });
        return { list, report };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    return { ...publicRecipientList(list), ...(report ? { report } : {}) };
  } catch (error) {
    rethrowListNameTaken(error);
  }
}
