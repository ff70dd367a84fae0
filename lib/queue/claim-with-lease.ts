import "server-only";
// The claim/lease helper every durable queue uses (the send queue on `messages`, webhook
// deliveries, schedules, campaigns). A row is "taken" by nothing but a lease: its due column is
// moved one lease into the future by the claiming statement. A worker that dies holding a row
// leaves it due again when the lease runs out, so work is at least once and never lost; a worker
// that is alive renews the lease while the work is in hand and writes the outcome (or releases the
// row) when done. Concurrent claimers (several processes) pass each other with SKIP LOCKED.
//
// Times are the database's clock in UTC, like every timestamp Prisma writes (`timestamp(3)`
// without time zone), so that processes whose clocks disagree still agree on what is due.
//
// API
//   const queue = defineLeaseQueue({
//     table: "messages",              // the table (SQL identifier, checked)
//     dueColumn: "sendAfter",         // due when <= now; a claim sets it to now + lease
//     attemptsColumn: "attempts",     // optional: counted up by every claim
//     updatedAtColumn: "updatedAt",   // optional: stamped by every claim/renew/release
//     orderBy: Prisma.sql`"createdAt", id`,  // optional: which due rows go first (default due, id)
//   });
//
//   queue.claim<Row>(db, { where, limit, leaseMs, returning })  → Row[]
//     Claims up to `limit` rows that match `where` (a Prisma.sql fragment over the table's columns,
//     unqualified) and are due, in `orderBy` order, for `leaseMs`. `returning` is the RETURNING
//     list (default `id`). One statement, one round trip. The rows come back in no particular
//     order: sort them yourself if several are claimed at once and order matters.
//   queue.claimStatement({ where, limit, leaseMs, returning }) → Prisma.Sql
//     The same UPDATE … RETURNING as a fragment, to be wrapped in a CTE by a caller that wants to
//     join what it claimed to other tables in the same round trip (the webhook worker does).
//   queue.renew(db, ids, leaseMs, where?)  → rows renewed
//     Moves the lease of rows still held forward; `where` guards against renewing a row whose
//     outcome was written meanwhile (e.g. Prisma.sql`status = 'PENDING' AND attempts = ${n}`).
//   queue.release(db, ids, { afterMs?, set?, where? })  → rows released
//     Makes rows due again after `afterMs` (0 by default), optionally with more assignments
//     (`set`, e.g. Prisma.sql`attempts = attempts - 1` to give an untried claim back).
//   queue.leaseUntil(leaseMs)  → Prisma.Sql
//     The due column's value for a row inserted already claimed, by the process that will work on
//     it (the send queue's sends accepted while their lane can take them at once, issue 10).
//
// `db` may be the Prisma client or a transaction client. On the Prisma client the statements go to
// its pool directly (lib/db/direct-sql.ts): claims run on every send and every delivery.
import { direct, type SqlRunner } from "@/lib/db/direct-sql";
import { Prisma } from "@/lib/generated/prisma/client";

export interface LeaseQueueSpec {
  table: string;
  /** The primary key column; "id" by default. */
  idColumn?: string;
  dueColumn: string;
  attemptsColumn?: string;
  updatedAtColumn?: string;
  /** The claim order among due rows; the due column then the id by default. */
  orderBy?: Prisma.Sql;
}

export interface ClaimOptions {
  /** Which rows are queue entries at all (status, owner…), over the table's unqualified columns. */
  where?: Prisma.Sql;
  limit: number;
  leaseMs: number;
  /** The RETURNING list; `id` by default. */
  returning?: Prisma.Sql;
}

export interface ReleaseOptions {
  afterMs?: number;
  set?: Prisma.Sql;
  where?: Prisma.Sql;
}

export type { SqlRunner };

export interface LeaseQueue {
  claimStatement(options: ClaimOptions): Prisma.Sql;
  claim<Row>(db: SqlRunner, options: ClaimOptions): Promise<Row[]>;
  renew(db: SqlRunner, ids: string[], leaseMs: number, where?: Prisma.Sql): Promise<number>;
  release(db: SqlRunner, ids: string[], options?: ReleaseOptions): Promise<number>;
  /**
   * The due time of a row claimed now for `leaseMs`: for a row inserted already claimed by the
   * process that will work on it (it counts its first attempt itself), which saves the claim.
   */
  leaseUntil(leaseMs: number): Prisma.Sql;
}

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

function identifier(name: string): Prisma.Sql {
  // Identifiers cannot be bound parameters; only plain names are accepted, so nothing a user
  // typed can reach this.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return Prisma.raw(`"${name}"`);
}

function inMs(ms: number): Prisma.Sql {
  return Prisma.sql`${NOW} + make_interval(secs => ${Math.max(0, ms) / 1000}::double precision)`;
}

export function defineLeaseQueue(spec: LeaseQueueSpec): LeaseQueue {
  const table = identifier(spec.table);
  const id = identifier(spec.idColumn ?? "id");
  const due = identifier(spec.dueColumn);
  const orderBy = spec.orderBy ?? Prisma.sql`${due}, ${id}`;
  const stamp = spec.updatedAtColumn ? Prisma.sql`, ${identifier(spec.updatedAtColumn)} = ${NOW}` : Prisma.empty;
  const count = spec.attemptsColumn ? Prisma.sql`, ${identifier(spec.attemptsColumn)} = ${identifier(spec.attemptsColumn)} + 1` : Prisma.empty;
  const guard = (where: Prisma.Sql | undefined) => (where ? Prisma.sql`AND (${where})` : Prisma.empty);

  function claimStatement(options: ClaimOptions): Prisma.Sql {
    return Prisma.sql`
      UPDATE ${table} SET ${due} = ${inMs(options.leaseMs)}${count}${stamp}
      WHERE ${id} IN (
        SELECT ${id} FROM ${table}
        WHERE ${due} <= ${NOW} ${guard(options.where)}
        ORDER BY ${orderBy}
        LIMIT ${Math.max(0, Math.floor(options.limit))}::int
        FOR UPDATE SKIP LOCKED
      )
      RETURNING ${options.returning ?? id}`;
  }

  return {
    claimStatement,
    leaseUntil: inMs,
    async claim<Row>(db: SqlRunner, options: ClaimOptions): Promise<Row[]> {
      if (options.limit <= 0) return [];
      return direct(db).$queryRaw<Row[]>(claimStatement(options));
    },
    async renew(db, ids, leaseMs, where) {
      if (ids.length === 0) return 0;
      return direct(db).$executeRaw(Prisma.sql`
        UPDATE ${table} SET ${due} = ${inMs(leaseMs)}${stamp}
        WHERE ${id} IN (${Prisma.join(ids)}) ${guard(where)}`);
    },
    async release(db, ids, options = {}) {
      if (ids.length === 0) return 0;
      const set = options.set ? Prisma.sql`, ${options.set}` : Prisma.empty;
      return direct(db).$executeRaw(Prisma.sql`
        UPDATE ${table} SET ${due} = ${inMs(options.afterMs ?? 0)}${set}${stamp}
        WHERE ${id} IN (${Prisma.join(ids)}) ${guard(options.where)}`);
    },
  };
}
