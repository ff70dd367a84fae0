import "server-only";
// Turns recipients (inline, CSV rows, a clone) into list entries: normalised, de-duplicated within
// the list, invalid ones reported per row. Written in chunks (a multi-row INSERT each) so a list of
// tens of thousands is one request.
import { newRowId } from "@/lib/db/new-row-id";
import { normalizePhone } from "@/lib/campaigns/prepare-recipients";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface EntryInput {
  phone: string;
  fields: Record<string, unknown>;
  origin: string;
}

export interface EntryReport {
  added: number;
  duplicates: number;
  invalid: Array<{ origin: string; phone: string; error: string }>;
}

const CHUNK = 10_000;

/** Splits `name` from the other fields (it has its own column). */
export function splitName(fields: Record<string, unknown>) {
  const { name, ...rest } = fields;
  return { name: name === undefined || name === null || name === "" ? null : String(name).slice(0, 200), rest };
}

export class EntryWriter {
  readonly report: EntryReport = { added: 0, duplicates: 0, invalid: [] };
  private readonly seen = new Set<string>();
  private batch: Prisma.RecipientListEntryCreateManyInput[] = [];

  constructor(
    private readonly tx: Tx | null,
    private readonly list: { id: string; ownerId: string },
    private position: number,
    existing: Iterable<string> = [],
  ) {
    for (const jid of existing) this.seen.add(jid);
  }

  /** Adds one recipient; writes a chunk when one is full. */
  async add(entry: EntryInput): Promise<void> {
    const normalized = normalizePhone(entry.phone);
    if ("error" in normalized) {
      if (this.report.invalid.length < 1000) this.report.invalid.push({ origin: entry.origin, phone: entry.phone, error: normalized.error });
      return;
    }
    if (this.seen.has(normalized.jid)) {
      this.report.duplicates++;
      return;
    }
    this.seen.add(normalized.jid);
    const { name, rest } = splitName(entry.fields);
    this.batch.push({
      listId: this.list.id,
      ownerId: this.list.ownerId,
      position: this.position++,
      jid: normalized.jid,
      phone: entry.phone.slice(0, 128),
      name,
      fields: rest as Prisma.InputJsonObject,
    });
    this.report.added++;
    if (this.batch.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    if (!this.tx) return;
    // One INSERT … SELECT FROM unnest(…) per chunk (see lib/campaigns/insert-campaign-recipients.ts).
    await this.tx.$executeRaw`
      INSERT INTO recipient_list_entries (id, "listId", "ownerId", position, jid, phone, name, fields)
      SELECT u.id, ${this.list.id}, ${this.list.ownerId}, u.position, u.jid, u.phone, u.name, u.fields::jsonb
      FROM unnest(
        ${rows.map(() => newRowId())}::text[],
        ${rows.map((r) => r.position)}::int[],
        ${rows.map((r) => r.jid)}::text[],
        ${rows.map((r) => r.phone)}::text[],
        ${rows.map((r) => r.name ?? null)}::text[],
        ${rows.map((r) => JSON.stringify(r.fields ?? {}))}::text[]
      ) AS u(id, position, jid, phone, name, fields)
      ON CONFLICT ("listId", jid) DO NOTHING`;
  }
}
