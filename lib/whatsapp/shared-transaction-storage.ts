// One AsyncLocalStorage for the key-store transactions of every Baileys socket (issue 10).
//
// Why: Baileys gives each socket's key store its own `new AsyncLocalStorage()` (addTransactionCapability,
// called inside makeWASocket). On Node 20 every enabled AsyncLocalStorage is visited by the init hook
// of every promise the process creates, which also writes one property per storage on that promise,
// and a storage stays enabled for ever once it has run. So each socket ever opened — each session,
// each reconnect — made every later promise of the whole gateway slower and bigger: 200,000 awaits
// took 0.1 s with one storage and 15 s with 500 (scripts/bench/async-local-storages.ts). A restore of
// 100 sessions spent 18 % of its CPU in that hook and 23 % in garbage collection.
//
// What: while makeWASocket runs (it is synchronous), `AsyncLocalStorage` is swapped for KeyedStorage,
// whose instances all live in one shared storage: its store is a small map from each KeyedStorage to
// its own value, copied on `run`, so each key store still sees only its own transaction, as with a
// storage of its own. Baileys imports the class by name from "async_hooks"; ESM named imports of a
// built-in follow its exports object after module.syncBuiltinESMExports().
//
// A transaction's value also ends when its work ends (unlike AsyncLocalStorage, whose value stays
// with every promise made inside `run`). Why: Baileys starts work inside a send's transaction that
// the send does not wait for — after each 1:1 send it issues a privacy token to the contact and
// then stores when it did (tctoken senderTimestamp). That write ran "inside" a transaction that had
// already committed, went into its mutations and was never written, so Baileys issued a token again
// on every later send: one extra IQ to WhatsApp per message, and the gateway paid for it (the bare
// Baileys ceiling mostly hid it: its sends overlap, and an issuance in flight is not repeated).
// Work that outlives its transaction now reads and writes the store directly, as it would had it
// been started outside.
import asyncHooks, { AsyncLocalStorage } from "node:async_hooks";
import { syncBuiltinESMExports } from "node:module";

const shared: AsyncLocalStorage<ReadonlyMap<KeyedStorage<unknown>, unknown>> = ((
  globalThis as { __wagateKeyedStorage?: AsyncLocalStorage<ReadonlyMap<KeyedStorage<unknown>, unknown>> }
).__wagateKeyedStorage ??= new AsyncLocalStorage());

// Values whose `run` has returned (or whose returned promise has settled): seen as no value.
const ended = new WeakSet<object>();

/** The part of AsyncLocalStorage that Baileys' key store uses (getStore, run), on the one shared storage. */
export class KeyedStorage<T> {
  getStore(): T | undefined {
    const value = shared.getStore()?.get(this) as T | undefined;
    return typeof value === "object" && value !== null && ended.has(value) ? undefined : value;
  }

  run<R, A extends unknown[]>(store: T, callback: (...args: A) => R, ...args: A): R {
    const frame = new Map(shared.getStore());
    frame.set(this, store);
    const result = shared.run(frame, callback, ...args);
    if (typeof store === "object" && store !== null) {
      const end = () => void ended.add(store);
      // Registered before the caller's own await on the result: Baileys commits after it, so a
      // write that arrives during or after the commit goes straight to the store.
      if (result instanceof Promise) result.then(end, end);
      else end();
    }
    return result;
  }

  /** As AsyncLocalStorage.exit: runs the callback outside this storage's value (others keep theirs). */
  exit<R, A extends unknown[]>(callback: (...args: A) => R, ...args: A): R {
    const frame = new Map(shared.getStore());
    frame.delete(this);
    return shared.run(frame, callback, ...args);
  }

  /** Nothing to give back: the shared storage stays, and values go with the promises holding them. */
  disable(): void {}
}

/** Runs `create` (makeWASocket) with every AsyncLocalStorage it makes being a KeyedStorage. */
export function withSharedTransactionStorage<T>(create: () => T): T {
  const exports = asyncHooks as { AsyncLocalStorage: unknown };
  const original = exports.AsyncLocalStorage;
  exports.AsyncLocalStorage = KeyedStorage;
  syncBuiltinESMExports();
  try {
    return create();
  } finally {
    exports.AsyncLocalStorage = original;
    syncBuiltinESMExports();
  }
}
