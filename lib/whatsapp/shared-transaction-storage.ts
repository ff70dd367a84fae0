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
import asyncHooks, { AsyncLocalStorage } from "node:async_hooks";
import { syncBuiltinESMExports } from "node:module";

const shared: AsyncLocalStorage<ReadonlyMap<KeyedStorage<unknown>, unknown>> = ((
  globalThis as { __wagateKeyedStorage?: AsyncLocalStorage<ReadonlyMap<KeyedStorage<unknown>, unknown>> }
).__wagateKeyedStorage ??= new AsyncLocalStorage());

/** The part of AsyncLocalStorage that Baileys' key store uses (getStore, run), on the one shared storage. */
export class KeyedStorage<T> {
  getStore(): T | undefined {
    return shared.getStore()?.get(this) as T | undefined;
  }

  run<R, A extends unknown[]>(store: T, callback: (...args: A) => R, ...args: A): R {
    const frame = new Map(shared.getStore());
    frame.set(this, store);
    return shared.run(frame, callback, ...args);
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
