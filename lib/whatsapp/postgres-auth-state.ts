// Baileys' AuthenticationState kept in PostgreSQL (table wa_auth_entries) instead of files, so a
// session survives container restarts and redeploys. Reads go through an in-memory cache; writes
// are applied to the cache at once and to the database atomically per `set` (one statement, or one
// transaction when it both upserts and deletes), one after another per session, so the stored
// state is never a mix of two updates.
//
// Several nodes (issue 16): every write carries the node's lease (holder and fencing token) in its
// WHERE, and locks the lease row while it runs, so a node that lost the session — frozen past its
// lease, cut off from the database for a moment — can no longer change the keys its new holder
// uses: a stale Signal session or pre-key written over the new holder's would break decryption.
import { holdsLeaseSql } from "@/lib/cluster/session-leases";
import { direct } from "@/lib/db/direct-sql";
import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
} from "@whiskeysockets/baileys";
import type { Db } from "@/lib/db/create-prisma-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CredentialsCipher } from "@/lib/whatsapp/credentials-cipher";

const CREDS = "creds";

export interface PostgresAuthState {
  state: AuthenticationState;
  /** Persists `state.creds` (call on Baileys' `creds.update`). */
  saveCreds(): Promise<void>;
  /** Whether credentials of a paired device exist (a reconnect needs no QR). */
  isPaired(): boolean;
  /** Waits for every queued write to reach the database. */
  flush(): Promise<void>;
}

/** The lease a write must still hold: null when this node holds none; absent on a single node. */
export type AuthFence = () => { nodeId: string; token: number } | null;

/** A write refused because this node no longer holds the session's lease. */
export class LeaseLostError extends Error {
  constructor(sessionDbId: string) {
    super(`credentials of session ${sessionDbId} not written: this node no longer holds its lease`);
  }
}

export async function usePostgresAuthState(db: Db, sessionDbId: string, cipher: CredentialsCipher, fence?: AuthFence): Promise<PostgresAuthState> {
  const aad = (category: string, key: string) => `${sessionDbId}|${category}|${key}`;
  const encode = (category: string, key: string, value: unknown) =>
    new Uint8Array(cipher.seal(Buffer.from(JSON.stringify(value, BufferJSON.replacer)), aad(category, key)));
  const decode = (category: string, key: string, data: Uint8Array) => JSON.parse(cipher.open(data, aad(category, key)).toString("utf8"), BufferJSON.reviver);

  // Raw, like the keys' reads: every session's start (and a restore's hundreds) reads its creds.
  const [stored] = await direct(db).$queryRaw<Array<{ data: Uint8Array }>>`
    SELECT data FROM "wa_auth_entries" WHERE "sessionId" = ${sessionDbId} AND category = ${CREDS} AND key = ''`;
  const creds: AuthenticationCreds = stored ? decode(CREDS, "", stored.data) : initAuthCreds();

  // category → key → value (null: known to be absent, so it is not asked for again).
  const cache = new Map<string, Map<string, unknown>>();
  const bucket = (category: string) => {
    let b = cache.get(category);
    if (!b) cache.set(category, (b = new Map()));
    return b;
  };

  // The lease condition of every write (true on a single node); holding no lease, a write is
  // refused before it reaches the database.
  const holdsLease = (): Prisma.Sql => {
    if (!fence) return Prisma.sql`TRUE`;
    const lease = fence();
    if (!lease) throw new LeaseLostError(sessionDbId);
    return holdsLeaseSql(sessionDbId, lease);
  };
  // A fenced statement that changed nothing although it had rows to change lost the lease.
  const fenced = async (write: (lease: Prisma.Sql) => Promise<number>, expected: number) => {
    const changed = await write(holdsLease());
    if (fence && expected > 0 && changed === 0) throw new LeaseLostError(sessionDbId);
  };

  let writes: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<unknown>) => {
    const next = writes.then(work).then(() => undefined);
    // A failed write is logged by the caller's chain; later writes must still run.
    writes = next.catch(() => undefined);
    return next;
  };

  const state: AuthenticationState = {
    creds,
    keys: {
      async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
        const b = bucket(type);
        const missing = ids.filter((id) => !b.has(id));
        if (missing.length) {
          await writes; // read what was written, not what is still queued
          // Raw on the pool (issue 10): Baileys asks for a key on nearly every message it encrypts or decrypts.
          const rows = await direct(db).$queryRaw<Array<{ key: string; data: Uint8Array }>>`
            SELECT key, data FROM wa_auth_entries WHERE "sessionId" = ${sessionDbId} AND category = ${type} AND key = ANY(${missing}::text[])`;
          for (const id of missing) b.set(id, null);
          for (const row of rows) {
            let value = decode(type, row.key, row.data);
            if (type === "app-state-sync-key" && value) value = proto.Message.AppStateSyncKeyData.fromObject(value);
            b.set(row.key, value);
          }
        }
        const result: { [id: string]: SignalDataTypeMap[T] } = {};
        for (const id of ids) {
          const value = b.get(id);
          if (value !== null && value !== undefined) result[id] = value as SignalDataTypeMap[T];
        }
        return result;
      },
      async set(data: SignalDataSet) {
        const upserts: Array<{ category: string; key: string; data: Uint8Array<ArrayBuffer> }> = [];
        const deletes: Array<{ category: string; key: string }> = [];
        for (const [category, entries] of Object.entries(data)) {
          for (const [key, value] of Object.entries(entries ?? {})) {
            bucket(category).set(key, value ?? null);
            if (value) upserts.push({ category, key, data: encode(category, key, value) });
            else deletes.push({ category, key });
          }
        }
        if (!upserts.length && !deletes.length) return;
        // One statement per kind, however many keys: the first login alone uploads 800+ prekeys.
        // A `set` of one kind is a single statement, atomic on its own: sent alone it saves the
        // BEGIN and COMMIT round trips (most key updates while sending are upserts only).
        // A delete may find nothing to delete: only upserts tell a lost lease (they always write).
        // `run` is the pool directly for a statement on its own, Prisma for the two of a batch
        // transaction (whose statements must stay Prisma's lazy promises).
        const deleteKeys = (run: Pick<Db, "$executeRaw">, lease: Prisma.Sql) => run.$executeRaw`DELETE FROM "wa_auth_entries" WHERE "sessionId" = ${sessionDbId}
          AND ("category", "key") IN (SELECT * FROM unnest(${deletes.map((d) => d.category)}::text[], ${deletes.map((d) => d.key)}::text[]))
          AND ${lease}`;
        const upsertKeys = (
          run: Pick<Db, "$executeRaw">,
          lease: Prisma.Sql,
        ) => run.$executeRaw`INSERT INTO "wa_auth_entries" ("sessionId", "category", "key", "data", "updatedAt")
          SELECT ${sessionDbId}, c, k, decode(d, 'base64'), now()
          FROM unnest(${upserts.map((u) => u.category)}::text[], ${upserts.map((u) => u.key)}::text[], ${upserts.map((u) => Buffer.from(u.data).toString("base64"))}::text[]) AS t(c, k, d)
          WHERE ${lease}
          ON CONFLICT ("sessionId", "category", "key") DO UPDATE SET "data" = EXCLUDED."data", "updatedAt" = now()`;
        if (!deletes.length) await enqueue(() => fenced((lease) => upsertKeys(direct(db), lease), upserts.length));
        else if (!upserts.length) await enqueue(() => fenced((lease) => deleteKeys(direct(db), lease), 0));
        else
          await enqueue(async () => {
            const lease = holdsLease();
            const [, upserted] = await db.$transaction([deleteKeys(db, lease), upsertKeys(db, lease)]);
            if (fence && upserted === 0) throw new LeaseLostError(sessionDbId);
          });
      },
      async clear() {
        cache.clear();
        await enqueue(() =>
          fenced((lease) => db.$executeRaw`DELETE FROM "wa_auth_entries" WHERE "sessionId" = ${sessionDbId} AND category <> ${CREDS} AND ${lease}`, 0),
        );
      },
    },
  };

  return {
    state,
    saveCreds: () => {
      const data = Buffer.from(encode(CREDS, "", state.creds)).toString("base64");
      return enqueue(() =>
        fenced(
          (lease) => direct(db).$executeRaw`INSERT INTO "wa_auth_entries" ("sessionId", "category", "key", "data", "updatedAt")
            SELECT ${sessionDbId}, ${CREDS}, '', decode(${data}, 'base64'), now() WHERE ${lease}
            ON CONFLICT ("sessionId", "category", "key") DO UPDATE SET "data" = EXCLUDED."data", "updatedAt" = now()`,
          1,
        ),
      );
    },
    isPaired: () => Boolean(state.creds.registered || state.creds.me?.id),
    flush: () => writes,
  };
}

/** Removes every credential and key of a session (logout, delete). */
export async function deleteAuthState(db: Db, sessionDbId: string): Promise<void> {
  await db.waAuthEntry.deleteMany({ where: { sessionId: sessionDbId } });
}
