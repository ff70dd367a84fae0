import "server-only";
// CSV export of a list, streamed page by page: number, name, then every field any entry has.
import type { Caller } from "@/lib/auth/caller";
import { contentDisposition } from "@/lib/media/content-disposition";
import { db } from "@/lib/server/runtime";
import { csvLine } from "@/lib/recipient-lists/csv";
import { getRecipientListOrThrow } from "@/lib/recipient-lists/get-recipient-list-or-throw";

const PAGE = 1000;

export async function exportRecipientListCsv(caller: Caller, id: string): Promise<Response> {
  const list = await getRecipientListOrThrow(caller, id);
  const keys = (
    await db().$queryRaw<
      Array<{ key: string }>
    >`SELECT DISTINCT jsonb_object_keys(fields) AS key FROM recipient_list_entries WHERE "listId" = ${list.id} ORDER BY 1`
  ).map((k) => k.key);
  let after = -1;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const encoder = new TextEncoder();
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(["number", "name", ...keys])));
        return;
      }
      const rows = await db().recipientListEntry.findMany({
        where: { listId: list.id, position: { gt: after } },
        orderBy: { position: "asc" },
        take: PAGE,
        select: { jid: true, name: true, fields: true, position: true },
      });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      after = rows[rows.length - 1].position;
      const text = rows.map((r) => csvLine([r.jid.split("@")[0], r.name ?? "", ...keys.map((k) => (r.fields as Record<string, unknown>)[k] ?? "")])).join("");
      controller.enqueue(encoder.encode(text));
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `${list.name}.csv`),
      "Cache-Control": "no-store",
    },
  });
}
