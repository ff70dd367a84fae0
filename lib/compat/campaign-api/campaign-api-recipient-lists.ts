import "server-only";
// The Campaign API's recipient lists: our lists already have its shape; only the answers to
// changes are wrapped in its `{ status: "success", message }`.
import type { Caller } from "@/lib/auth/caller";
import { deleteRecipientList } from "@/lib/recipient-lists/delete-recipient-list";

export async function v1DeleteRecipientList(caller: Caller, id: string) {
  await deleteRecipientList(caller, id);
  return { status: "success", message: "Recipient list deleted" };
}
