import asyncHooks, { AsyncLocalStorage } from "node:async_hooks";
import { addTransactionCapability, type SignalDataSet, type SignalKeyStore } from "@whiskeysockets/baileys";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { KeyedStorage, withSharedTransactionStorage } from "./shared-transaction-storage";

// How many AsyncLocalStorages are enabled: on Node 20 each one writes its own `kResourceStore`
// symbol property on every new promise (which is the cost the module removes).
const enabledStorages = () => Object.getOwnPropertySymbols(Promise.resolve()).filter((s) => s.description === "kResourceStore").length;

const logger = pino({ level: "silent" });
const options = { maxCommitRetries: 1, delayBetweenTriesMs: 0 };

/** An in-memory Signal key store that records what reached it (what a transaction committed). */
function memoryKeys() {
  const data: Record<string, Record<string, unknown>> = {};
  const writes: SignalDataSet[] = [];
  const store: SignalKeyStore = {
    get: async (type, ids) => Object.fromEntries(ids.filter((id) => data[type]?.[id] !== undefined).map((id) => [id, data[type][id]])) as never,
    set: async (set) => {
      writes.push(set);
      for (const [type, values] of Object.entries(set)) Object.assign((data[type] ??= {}), values);
    },
  };
  return { store, writes };
}

describe("one AsyncLocalStorage for every socket's key store", () => {
  it("a bare Baileys key store enables a storage of its own (what the probe counts)", async () => {
    const before = enabledStorages();
    const keys = addTransactionCapability(memoryKeys().store, logger, options);
    await keys.transaction(async () => undefined, "probe");
    expect(enabledStorages()).toBe(before + 1);
  });

  it("twenty key stores made through it enable at most one storage between them", async () => {
    const before = enabledStorages();
    const stores = Array.from({ length: 20 }, () => withSharedTransactionStorage(() => addTransactionCapability(memoryKeys().store, logger, options)));
    await Promise.all(stores.map((keys, i) => keys.transaction(async () => keys.set({ session: { [`k${i}`]: Buffer.from([i]) } } as never), `t${i}`)));
    expect(enabledStorages()).toBeLessThanOrEqual(before + 1);
  });

  it("each key store sees only its own transaction, nested or side by side", async () => {
    const a = memoryKeys();
    const b = memoryKeys();
    const keysA = withSharedTransactionStorage(() => addTransactionCapability(a.store, logger, options));
    const keysB = withSharedTransactionStorage(() => addTransactionCapability(b.store, logger, options));
    let seenInA: boolean[] = [];
    let seenInNestedB: boolean[] = [];
    await keysA.transaction(async () => {
      seenInA = [keysA.isInTransaction(), keysB.isInTransaction()];
      await keysA.set({ session: { x: Buffer.from("a") } } as never);
      // Written only at A's commit, not while its transaction runs.
      expect(a.writes).toHaveLength(0);
      await keysB.transaction(async () => {
        seenInNestedB = [keysA.isInTransaction(), keysB.isInTransaction()];
        await keysB.set({ session: { y: Buffer.from("b") } } as never);
      }, "b");
      // B's own transaction committed on its own, to its own store.
      expect(b.writes).toEqual([{ session: { y: Buffer.from("b") } }]);
    }, "a");
    expect(seenInA).toEqual([true, false]);
    expect(seenInNestedB).toEqual([true, true]);
    expect(a.writes).toEqual([{ session: { x: Buffer.from("a") } }]);
    expect(keysA.isInTransaction() || keysB.isInTransaction()).toBe(false);
  });

  it("gives AsyncLocalStorage back once the socket is made, even if making it throws", async () => {
    expect(() =>
      withSharedTransactionStorage(() => {
        expect(asyncHooks.AsyncLocalStorage).toBe(KeyedStorage);
        throw new Error("socket could not be made");
      }),
    ).toThrow("socket could not be made");
    expect(asyncHooks.AsyncLocalStorage).not.toBe(KeyedStorage);
    // The ESM binding follows the exports object back too.
    const { AsyncLocalStorage: now } = await import("node:async_hooks");
    expect(now).toBe(AsyncLocalStorage);
    expect(new now()).toBeInstanceOf(AsyncLocalStorage);
  });

  // Baileys issues a privacy token after each 1:1 send without waiting for it, inside the send's
  // transaction, and then stores when it did. With AsyncLocalStorage's semantics that write joined a
  // transaction that had already committed and was lost, so every send issued a token again.
  it("a write started inside a transaction but finished after its commit reaches the store", async () => {
    const { store, writes } = memoryKeys();
    const keys = withSharedTransactionStorage(() => addTransactionCapability(store, logger, options));
    let late: Promise<void> = Promise.resolve();
    let lateWasInTransaction: boolean | null = null;
    await keys.transaction(async () => {
      await keys.set({ session: { during: Buffer.from("1") } } as never);
      late = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 10)); // the privacy-token IQ's round trip
        lateWasInTransaction = keys.isInTransaction();
        await keys.set({ tctoken: { "15550100002@s.whatsapp.net": { token: Buffer.alloc(0), senderTimestamp: 1 } } } as never);
      })();
    }, "send");
    expect(writes).toEqual([{ session: { during: Buffer.from("1") } }]);
    await late;
    expect(lateWasInTransaction).toBe(false);
    expect(writes).toHaveLength(2);
    expect(await keys.get("tctoken", ["15550100002@s.whatsapp.net"])).toEqual({
      "15550100002@s.whatsapp.net": { token: Buffer.alloc(0), senderTimestamp: 1 },
    });
  });

  it("a transaction's value ends with its work, also when the work fails", async () => {
    const storage = new KeyedStorage<{ tx: number }>();
    const seen: Array<{ tx: number } | undefined> = [];
    let after: Promise<void> = Promise.resolve();
    await expect(
      storage.run({ tx: 1 }, async () => {
        seen.push(storage.getStore());
        after = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          seen.push(storage.getStore());
        })();
        throw new Error("work failed");
      }),
    ).rejects.toThrow("work failed");
    await after;
    expect(storage.getStore()).toBeUndefined();
    expect(seen).toEqual([{ tx: 1 }, undefined]);
  });

  it("exit runs outside one key store's value and keeps the others'", async () => {
    const one = new KeyedStorage<string>();
    const other = new KeyedStorage<string>();
    const seen = await one.run("1", () => other.run("2", () => one.exit(async () => [one.getStore(), other.getStore()])));
    expect(seen).toEqual([undefined, "2"]);
  });
});
