// Orders Signal session setup between an emulated phone and a companion (a real Baileys client)
// so that both ends agree on which session is the current one.
//
// Why: when both ends start a session with each other at the same time (the companion fetched
// the phone's bundle while the phone sent it a pkmsg of its own), each end makes the session
// the other one started current: libsignal closes its own session in favour of an incoming
// pkmsg. The two ends then send on different sessions. Baileys' libsignal tries the sessions of
// a record one after the other and keeps the ratchet steps of the ones that fail, so a message
// on the other session corrupts its current one, and from then on the phone cannot decrypt
// what that companion sends ("Bad MAC", "Over 2000 messages into the future").
//
// The emulator is the network, so it sees both sides of the race and serialises them:
//  - After the companion asked for the phone's bundle, the phone does not encrypt for that
//    companion until the companion's pkmsg built on that bundle has arrived. If it never comes
//    (Baileys also re-fetches bundles it then does not use), the companion holds a session the
//    phone never saw, so the phone starts a new session of its own, which the companion adopts.
//  - The companion's bundle request is answered only once the companion has answered (receipt,
//    retry or ack) every message the phone had already delivered to it. Otherwise it may create
//    its session while it still processes the phone's pkmsg, and which session ends up current,
//    or which of the two writes survives (Baileys commits a send's key writes when the send
//    ends), depends on timing.
// Every wait is bounded, so a companion that never follows up stalls nothing for long.
import type { CompanionDevice, EmulatedAccount } from "./accounts";

const WAIT_LIMIT_MS = 3_000;

interface Initiation {
  /** One-time prekey of the bundle handed out last; undefined while the request waits. */
  preKeyId?: number;
  done: Promise<void>;
  settle(usedByCompanion: boolean): void;
}

export class SessionSetupOrder {
  /** pair → ids of messages the phone delivered to the companion that it has not answered. */
  private readonly unanswered = new Map<string, Set<string>>();
  private readonly drained = new Map<string, Array<() => void>>();
  /** pair → the companion's session setup with the phone, from bundle request to pkmsg. */
  private readonly initiations = new Map<string, Initiation>();
  /** Pairs where the companion made a session from a bundle and never used it with the phone. */
  private readonly unknownToPhone = new Set<string>();

  /** The phone delivered (or queued) message `id` to the companion. */
  delivered(phone: EmulatedAccount, device: CompanionDevice, id: string | undefined) {
    if (!id) return;
    const key = pairKey(phone, device);
    const ids = this.unanswered.get(key) ?? new Set<string>();
    ids.add(id);
    this.unanswered.set(key, ids);
  }

  /** The companion answered these message ids (receipt of any type, or ack). */
  answered(device: CompanionDevice, ids: string[]) {
    const suffix = deviceKey(device);
    for (const [key, pending] of this.unanswered) {
      if (!key.endsWith(suffix)) continue;
      for (const id of ids) pending.delete(id);
      if (pending.size) continue;
      this.unanswered.delete(key);
      this.release(key);
    }
  }

  /**
   * The companion asked for the phone's bundle. Resolves when it may be answered; call
   * `bundleHandedOut` with the bundle's prekey id right after.
   */
  async beforeBundle(phone: EmulatedAccount, device: CompanionDevice): Promise<void> {
    const key = pairKey(phone, device);
    const current = this.initiations.get(key);
    // A newer bundle replaces an older one as the session the companion will use.
    if (current) current.preKeyId = undefined;
    else this.initiations.set(key, this.newInitiation(key));
    if (!this.unanswered.get(key)?.size) return;
    await bounded(new Promise<void>((resolve) => this.drained.set(key, [...(this.drained.get(key) ?? []), resolve])));
  }

  bundleHandedOut(phone: EmulatedAccount, device: CompanionDevice, preKeyId: number | undefined) {
    const initiation = this.initiations.get(pairKey(phone, device));
    if (!initiation) return;
    initiation.preKeyId = preKeyId;
    setTimeout(() => initiation.preKeyId === preKeyId && initiation.settle(false), WAIT_LIMIT_MS).unref();
  }

  /**
   * Resolves when the phone may encrypt for the companion, with true when the phone must first
   * start a new session (the companion holds one the phone does not know).
   */
  async beforePhoneEncrypts(phone: EmulatedAccount, device: CompanionDevice): Promise<boolean> {
    const key = pairKey(phone, device);
    await this.initiations.get(key)?.done;
    return this.unknownToPhone.delete(key);
  }

  /** The phone decrypted a pkmsg from the companion built on prekey `preKeyId`. */
  pkmsgReceived(phone: EmulatedAccount, device: CompanionDevice, preKeyId: number | undefined) {
    const initiation = this.initiations.get(pairKey(phone, device));
    if (initiation?.preKeyId !== undefined && initiation.preKeyId === preKeyId) initiation.settle(true);
  }

  /**
   * The companion sent a message to a group or status the phone is in without a pkmsg for it.
   * Baileys sends one message at a time, each after fetching the bundles it needs, so a bundle
   * handed out before this message will not be used now: the companion holds a session with
   * the phone that the phone never saw.
   */
  companionSentWithout(phone: EmulatedAccount, device: CompanionDevice) {
    const initiation = this.initiations.get(pairKey(phone, device));
    if (initiation?.preKeyId !== undefined) initiation.settle(false);
  }

  /** The companion went offline: nothing it had under way will complete. */
  disconnected(device: CompanionDevice) {
    const suffix = deviceKey(device);
    for (const key of [...this.unanswered.keys()]) {
      if (!key.endsWith(suffix)) continue;
      this.unanswered.delete(key);
      this.release(key);
    }
    for (const [key, initiation] of [...this.initiations]) if (key.endsWith(suffix)) initiation.settle(false);
  }

  private newInitiation(key: string): Initiation {
    let resolve!: () => void;
    const initiation: Initiation = {
      done: new Promise<void>((r) => (resolve = r)),
      settle: (usedByCompanion) => {
        if (this.initiations.get(key) !== initiation) return;
        this.initiations.delete(key);
        if (!usedByCompanion && initiation.preKeyId !== undefined) this.unknownToPhone.add(key);
        resolve();
      },
    };
    // Covers a request that is never answered (the bundle wait itself is bounded too).
    setTimeout(() => initiation.settle(false), WAIT_LIMIT_MS * 3).unref();
    return initiation;
  }

  private release(key: string) {
    const waiters = this.drained.get(key) ?? [];
    this.drained.delete(key);
    for (const resolve of waiters) resolve();
  }
}

const deviceKey = (device: CompanionDevice) => `|${device.account.lid}.${device.deviceId}`;
const pairKey = (phone: EmulatedAccount, device: CompanionDevice) => `${phone.lid}${deviceKey(device)}`;

function bounded(promise: Promise<void>) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, WAIT_LIMIT_MS);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
