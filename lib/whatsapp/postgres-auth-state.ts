// Baileys' AuthenticationState kept in PostgreSQL (table wa_auth_entries) instead of files, so a
// session survives container restarts and redeploys. Reads go through an in-memory cache; writes
// are applied to the cache at once and to the database atomically per `set` (one statement, or one
// transaction when it both upserts and deletes), one after another per session, so the stored
// state is never a mix of two updates.
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

export async function usePostgresAuthState(db: Db, sessionDbId: string, cipher: CredentialsCipher): Promise<PostgresAuthState> {
  const aad = (category: string, key: string) => `${sessionDbId}|${category}|${key}`;
  const encode = (category: string, key: string, value: unknown) =>
    new Uint8Array(cipher.seal(Buffer.from(JSON.stringify(value, BufferJSON.replacer)), aad(category, key)));
  const decode = (category: string, key: string, data: Uint8Array) => JSON.parse(cipher.open(data, aad(category, key)).toString("utf8"), BufferJSON.reviver);

  const stored = await db.waAuthEntry.findUnique({ where: { sessionId_category_key: { sessionId: sessionDbId, category: CREDS, key: "" } } });
  const creds: AuthenticationCreds = stored ? decode(CREDS, "", stored.data) : initAuthCreds();

  // category → key → value (null: known to be absent, so it is not asked for again).
  const cache = new Map<string, Map<string, unknown>>();
  const bucket = (category: string) => {
    let b = cache.get(category);
    if (!b) cache.set(category, (b = new Map()));
    return b;
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
          const rows = await db.waAuthEntry.findMany({ where: { sessionId: sessionDbId, category: type, key: { in: missing } } });
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
        const deleteKeys = () => db.$executeRaw`DELETE FROM "wa_auth_entries" WHERE "sessionId" = ${sessionDbId}
          AND ("category", "key") IN (SELECT * FROM unnest(${deletes.map((d) => d.category)}::text[], ${deletes.map((d) => d.key)}::text[]))`;
        const upsertKeys = () => db.$executeRaw`INSERT INTO "wa_auth_entries" ("sessionId", "category", "key", "data", "updatedAt")
          SELECT ${sessionDbId}, c, k, decode(d, 'base64'), now()
          FROM unnest(${upserts.map((u) => u.category)}::text[], ${upserts.map((u) => u.key)}::text[], ${upserts.map((u) => Buffer.from(u.data).toString("base64"))}::text[]) AS t(c, k, d)
          ON CONFLICT ("sessionId", "category", "key") DO UPDATE SET "data" = EXCLUDED."data", "updatedAt" = now()`;
        if (!deletes.length) await enqueue(upsertKeys);
        else if (!upserts.length) await enqueue(deleteKeys);
        else await enqueue(() => db.$transaction([deleteKeys(), upsertKeys()]));
      },
      async clear() {
        cache.clear();
        await enqueue(() => db.waAuthEntry.deleteMany({ where: { sessionId: sessionDbId, NOT: { category: CREDS } } }));
      },
    },
  };

  return {
    state,
    saveCreds: () => {
      const data = encode(CREDS, "", state.creds);
      return enqueue(() =>
        db.waAuthEntry.upsert({
          where: { sessionId_category_key: { sessionId: sessionDbId, category: CREDS, key: "" } },
          create: { sessionId: sessionDbId, category: CREDS, key: "", data },
          update: { data },
        }),
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
