// The "durable floor" of issue 10 (scripts/bench/ceiling.ts with CEILING_DURABLE): bare Baileys plus
// the least a gateway has to write to PostgreSQL to keep the promise "nothing accepted is lost",
// written as cheaply as this file knows how. A gateway that keeps that promise does at least this
// work, so the floor's ratio to the plain ceiling shows how much of the goal's 1.25 the promise alone
// uses up, before any HTTP, queue, RBAC, events or webhooks' outbox.
//
// What it writes, in autocommit statements on a pool of 10 connections, awaited where a real
// gateway would have to wait for it; the writes of one kind that arrive while the last statement of
// that kind runs go together in the next one (group commit, as the gateway's store does):
// - a sent message: its row before it is handed to Baileys (the "accepted"), its status when
//   WhatsApp acknowledges it (SENT) and at each receipt;
// - a received message: its row before it is POSTed to the webhook, and a mark once the webhook
//   answered (what lets a restart deliver the ones that were not);
// - Baileys' Signal keys (each `keys.set`, in one statement) and credentials, as JSON text.
// What it leaves out, so that it stays a floor: Signal keys are read from memory (a write-through
// copy; the gateway reads a key from the database the first time), nothing is encrypted at rest,
// no events table, no chats or contacts, no indexes beyond the primary keys, and no HTTP in front of
// the sends.
import { BufferJSON, type AuthenticationCreds, type SignalDataSet, type SignalKeyStore } from "@whiskeysockets/baileys";
import pg from "pg";

const SCHEMA = "wagate_bench_floor";

type Auth = { creds: AuthenticationCreds; keys: SignalKeyStore };

export interface DurableFloor {
  /** `auth` (the ceiling's in-memory auth state) for the socket `session`, its keys' writes written through to the database. */
  writeThrough(session: number, auth: Auth): Auth;
  saveCreds(session: number, creds: AuthenticationCreds): Promise<void>;
  /** A send accepted: its row, before Baileys sees it. */
  accept(session: number, id: string, text: string): Promise<void>;
  /** WhatsApp's ack (SENT) or a receipt: the status only ever moves forward. */
  status(session: number, id: string, status: number): Promise<void>;
  /** A received message, stored before its webhook is posted. */
  receive(session: number, id: string, body: unknown): Promise<void>;
  /** Its webhook answered. */
  delivered(session: number, id: string): Promise<void>;
  close(): Promise<void>;
}

/** One kind of write: each call's rows go with the rows of every call that came while the last statement of this kind ran. */
function writer<Row>(write: (rows: Row[]) => Promise<void>): (rows: Row[]) => Promise<void> {
  let waiting: Array<{ rows: Row[]; resolve: () => void; reject: (error: unknown) => void }> = [];
  let running = false;
  const flush = async () => {
    const batch = waiting;
    waiting = [];
    try {
      await write(batch.flatMap((w) => w.rows));
      for (const w of batch) w.resolve();
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
    if (waiting.length) setImmediate(flush);
    else running = false;
  };
  return (rows) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ rows, resolve, reject });
      if (running) return;
      running = true;
      setImmediate(flush);
    });
}

/** The last row for each key: one statement may not touch a row twice. */
function lastByKey<Row>(rows: Row[], key: (row: Row) => string, merge: (before: Row, after: Row) => Row = (_, after) => after): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) {
    const k = key(row);
    const before = byKey.get(k);
    byKey.set(k, before === undefined ? row : merge(before, row));
  }
  return [...byKey.values()];
}

export async function openDurableFloor(connectionString: string): Promise<DurableFloor> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.query(`CREATE SCHEMA ${SCHEMA}`);
  await pool.query(`CREATE TABLE ${SCHEMA}.keys (session int, type text, id text, value text NOT NULL, PRIMARY KEY (session, type, id))`);
  await pool.query(`CREATE TABLE ${SCHEMA}.creds (session int PRIMARY KEY, value text NOT NULL)`);
  await pool.query(
    `CREATE TABLE ${SCHEMA}.messages (session int, id text, status smallint NOT NULL, body text NOT NULL, delivered boolean, PRIMARY KEY (session, id))`,
  );
  // Named statements: parsed and planned once per connection, as the gateway's hot statements are.
  // Statements not yet answered: close() waits for them (a receipt's write may still be on its way).
  const running = new Set<Promise<void>>();
  const run = (name: string, text: string, values: unknown[]) => {
    const done = pool.query({ name, text, values }).then(() => undefined);
    running.add(done);
    void done.finally(() => running.delete(done)).catch(() => undefined);
    return done;
  };

  type Key = { session: number; type: string; id: string; value: string | null };
  const writeKeys = writer<Key>(async (rows) => {
    const last = lastByKey(rows, (r) => `${r.session}:${r.type}:${r.id}`);
    const set = last.filter((r) => r.value !== null);
    const gone = last.filter((r) => r.value === null);
    if (set.length)
      await run(
        "floor-keys-set",
        `INSERT INTO ${SCHEMA}.keys (session, type, id, value) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (session, type, id) DO UPDATE SET value = excluded.value`,
        [set.map((r) => r.session), set.map((r) => r.type), set.map((r) => r.id), set.map((r) => r.value)],
      );
    if (gone.length)
      await run(
        "floor-keys-delete",
        `DELETE FROM ${SCHEMA}.keys k USING unnest($1::int[], $2::text[], $3::text[]) AS g(session, type, id)
         WHERE k.session = g.session AND k.type = g.type AND k.id = g.id`,
        [gone.map((r) => r.session), gone.map((r) => r.type), gone.map((r) => r.id)],
      );
  });
  type Message = { session: number; id: string; body: string };
  const writeAccepted = writer<Message>((rows) =>
    run(
      "floor-accept",
      `INSERT INTO ${SCHEMA}.messages (session, id, status, body) SELECT s, i, 1, b FROM unnest($1::int[], $2::text[], $3::text[]) AS u(s, i, b)`,
      [rows.map((r) => r.session), rows.map((r) => r.id), rows.map((r) => r.body)],
    ),
  );
  const writeReceived = writer<Message>((rows) =>
    run(
      "floor-receive",
      `INSERT INTO ${SCHEMA}.messages (session, id, status, body, delivered) SELECT s, i, 3, b, false FROM unnest($1::int[], $2::text[], $3::text[]) AS u(s, i, b)
       ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.session), rows.map((r) => r.id), rows.map((r) => r.body)],
    ),
  );
  type Status = { session: number; id: string; status: number };
  const writeStatus = writer<Status>((rows) => {
    const last = lastByKey(
      rows,
      (r) => `${r.session}:${r.id}`,
      (a, b) => (b.status > a.status ? b : a),
    );
    return run(
      "floor-status",
      `UPDATE ${SCHEMA}.messages m SET status = u.status FROM unnest($1::int[], $2::text[], $3::smallint[]) AS u(session, id, status)
       WHERE m.session = u.session AND m.id = u.id AND m.status < u.status`,
      [last.map((r) => r.session), last.map((r) => r.id), last.map((r) => r.status)],
    );
  });
  type Delivered = { session: number; id: string };
  const writeDelivered = writer<Delivered>((rows) =>
    run(
      "floor-delivered",
      `UPDATE ${SCHEMA}.messages m SET delivered = true FROM unnest($1::int[], $2::text[]) AS u(session, id) WHERE m.session = u.session AND m.id = u.id`,
      [rows.map((r) => r.session), rows.map((r) => r.id)],
    ),
  );

  return {
    writeThrough(session, auth) {
      return {
        creds: auth.creds,
        keys: {
          get: (type, ids) => auth.keys.get(type, ids),
          async set(data: SignalDataSet) {
            await auth.keys.set(data);
            const rows: Key[] = [];
            for (const [type, entries] of Object.entries(data))
              for (const [id, value] of Object.entries(entries ?? {}))
                rows.push({ session, type, id, value: value === null || value === undefined ? null : JSON.stringify(value, BufferJSON.replacer) });
            if (rows.length) await writeKeys(rows);
          },
        },
      };
    },
    saveCreds: (session, creds) =>
      run("floor-creds", `INSERT INTO ${SCHEMA}.creds (session, value) VALUES ($1, $2) ON CONFLICT (session) DO UPDATE SET value = excluded.value`, [
        session,
        JSON.stringify(creds, BufferJSON.replacer),
      ]),
    accept: (session, id, text) => writeAccepted([{ session, id, body: text }]),
    status: (session, id, status) => writeStatus([{ session, id, status }]),
    receive: (session, id, body) => writeReceived([{ session, id, body: JSON.stringify(body, BufferJSON.replacer) }]),
    delivered: (session, id) => writeDelivered([{ session, id }]),
    async close() {
      // A write starts on the next turn of the event loop: wait until nothing has started for one.
      do {
        await Promise.allSettled([...running]);
        await new Promise((resolve) => setTimeout(resolve, 20));
      } while (running.size);
      await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await pool.end();
    },
  };
}
