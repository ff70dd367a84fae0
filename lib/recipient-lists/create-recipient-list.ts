import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { sourceOf } from "@/lib/campaigns/prepare-recipients";
import { db } from "@/lib/server/runtime";
import { rethrowListNameTaken } from "@/lib/recipient-lists/list-name-taken";
import { publicRecipientList, RECIPIENT_LIST_SELECT } from "@/lib/recipient-lists/public-recipient-list";
import type { CreateRecipientListInput } from "@/lib/recipient-lists/recipient-lists.schema";
import { EntryWriter } from "@/lib/recipient-lists/write-list-entries";

/** Creates a list with its recipients in one transaction; invalid numbers are reported, not fatal. */
export async function createRecipientList(caller: Caller, input: CreateRecipientListInput) {
  const ownerId = caller.tenantId;
  try {
    const { list, report } = await db().$transaction(
      async (tx) => {
        const created = await tx.recipientList.create({
          data: { ownerId, name: input.name, description: input.description ?? null, tags: input.tags ?? [] },
          select: { id: true, ownerId: true },
        });
        const writer = new EntryWriter(tx, created, 0);
        for (const [i, r] of (input.recipients ?? []).entries()) await writer.add(sourceOf(r, i));
        await writer.flush();
        const list = await tx.recipientList.findUniqueOrThrow({ where: { id: created.id }, select: RECIPIENT_LIST_SELECT });
        return { list, report: writer.report };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    return { ...publicRecipientList(list), report };
  } catch (error) {
    rethrowListNameTaken(error);
  }
}
