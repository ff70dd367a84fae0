import "server-only";
// CSV import into a list, streamed: the body is read chunk by chunk and written in chunks, so a
// large file never sits in memory whole. The header names the columns: one of number / phone /
// whatsapp / mobile / jid holds the number, `name` the name, every other column becomes a template
// field. Each bad row is reported with its line number; none stops the import. `dryRun` parses and
// reports only (with a preview of the first rows) — the dashboard's import preview.
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { CsvReader } from "@/lib/recipient-lists/csv";
import { getRecipientListOrThrow } from "@/lib/recipient-lists/get-recipient-list-or-throw";
import { publicRecipientList, RECIPIENT_LIST_SELECT } from "@/lib/recipient-lists/public-recipient-list";
import { EntryWriter } from "@/lib/recipient-lists/write-list-entries";
import { MAX_CAMPAIGN_RECIPIENTS } from "@/lib/campaigns/campaigns.schema";

const PHONE_COLUMNS = ["number", "phone", "phonenumber", "phone_number", "whatsapp", "mobile", "msisdn", "jid", "tel", "telephone"];
const MAX_BYTES = 20 * 1024 * 1024;
const PREVIEW_ROWS = 20;

export async function importRecipientListCsv(
  caller: Caller,
  id: string,
  body: ReadableStream<Uint8Array> | null,
  options: { mode: "append" | "replace"; dryRun: boolean },
) {
  const list = await getRecipientListOrThrow(caller, id);
  if (!body) throw new AppError("BAD_REQUEST", "body: a CSV file is required");
  const run = async (tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0] | null) => {
    let existing: string[] = [];
    let position = 0;
    if (tx && options.mode === "replace") await tx.recipientListEntry.deleteMany({ where: { listId: list.id, ownerId: list.ownerId } });
    else {
      const rows = await db().recipientListEntry.findMany({ where: { listId: list.id }, select: { jid: true, position: true } });
      existing = rows.map((r) => r.jid);
      position = rows.reduce((max, r) => Math.max(max, r.position + 1), 0);
    }
    const writer = new EntryWriter(tx, { id: list.id, ownerId: list.ownerId }, position, options.mode === "replace" ? [] : existing);
    const reader = new CsvReader();
    const decoder = new TextDecoder();
    const preview: Array<Record<string, string>> = [];
    let header: string[] | null = null;
    let phoneIndex = -1;
    let line = 0;
    let bytes = 0;
    let truncated = false;
    const handle = async (row: string[]) => {
      line++;
      if (!header) {
        header = row.map((h) => h.trim());
        phoneIndex = header.findIndex((h) => PHONE_COLUMNS.includes(h.toLowerCase().replace(/\s+/g, "")));
        if (phoneIndex < 0)
          throw new AppError("BAD_REQUEST", `header: no number column (one of ${PHONE_COLUMNS.slice(0, 6).join(", ")}) in '${header.join(",").slice(0, 200)}'`);
        return;
      }
      if (writer.report.added + writer.report.duplicates + writer.report.invalid.length >= MAX_CAMPAIGN_RECIPIENTS) {
        truncated = true;
        return;
      }
      const fields: Record<string, string> = {};
      header.forEach((h, i) => {
        if (i !== phoneIndex && h && row[i] !== undefined && row[i].trim() !== "") fields[h] = row[i].trim().slice(0, 1000);
      });
      const phone = (row[phoneIndex] ?? "").trim();
      if (!phone) {
        if (writer.report.invalid.length < 1000) writer.report.invalid.push({ origin: `line ${line}`, phone: "", error: "has no number" });
        return;
      }
      const before = writer.report.added;
      await writer.add({ phone, fields, origin: `line ${line}` });
      if (writer.report.added > before && preview.length < PREVIEW_ROWS) preview.push({ number: phone, ...fields });
    };
    const stream = body.getReader();
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_BYTES) {
        await stream.cancel().catch(() => {});
        throw new AppError("PAYLOAD_TOO_LARGE", `body: a CSV file may have at most ${MAX_BYTES / 1024 / 1024} MB`);
      }
      for (const row of reader.push(decoder.decode(value, { stream: true }))) await handle(row);
    }
    for (const row of [...reader.push(decoder.decode()), ...reader.end()]) await handle(row);
    if (!header) throw new AppError("BAD_REQUEST", "body: the CSV file is empty");
    await writer.flush();
    return { report: { ...writer.report, rows: Math.max(0, line - 1), truncated }, preview, columns: (header as string[]).filter((_, i) => i !== phoneIndex) };
  };

  if (options.dryRun) return { dryRun: true, ...(await run(null)) };
  const result = await db().$transaction(async (tx) => run(tx), { timeout: 120_000, maxWait: 10_000 });
  const updated = await db().recipientList.findUniqueOrThrow({ where: { id: list.id }, select: RECIPIENT_LIST_SELECT });
  return { dryRun: false, list: publicRecipientList(updated), ...result };
}
