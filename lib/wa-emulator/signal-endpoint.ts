// A real Signal endpoint for an emulated phone (device 0 of an emulated account). It uses
// the same libsignal build and sender-key classes as Baileys, so what it encrypts the real
// client must genuinely decrypt, and vice versa.
import { Curve, generateSignalPubKey, signedKeyPair } from "@whiskeysockets/baileys";
import {
  GroupCipher,
  GroupSessionBuilder,
  SenderKeyDistributionMessage,
  SenderKeyName,
  SenderKeyRecord,
} from "@whiskeysockets/baileys/lib/Signal/Group/index.js";
// @ts-ignore libsignal's bundled types omit ProtocolAddress.toString details we do not need
import * as libsignal from "libsignal";
// @ts-ignore untyped internal module; Baileys reads pkmsg headers through it the same way
import { PreKeyWhisperMessage } from "libsignal/src/protobufs.js";
import { randomInt } from "node:crypto";
import type { CurveKeyPair } from "./noise-certificates";
import { b64, fromB64, keyPairFromJson, keyPairToJson, type KeyPairJson } from "./state-encoding";

export interface SignalEndpointState {
  identity: KeyPairJson;
  registrationId: number;
  signedPreKey: { keyId: number; keyPair: KeyPairJson; signature: string };
  preKeys: Record<string, KeyPairJson>;
  nextPreKeyId: number;
  /** Serialized libsignal SessionRecords, as JSON text so no live object is ever shared. */
  sessions: Record<string, string>;
  senderKeys: Record<string, string>;
}

/** What a peer needs to start a session with a device (the `encrypt` iq's per-user answer). */
export interface PreKeyBundle {
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: { keyId: number; publicKey: Uint8Array; signature: Uint8Array };
  preKey?: { keyId: number; publicKey: Uint8Array };
}

export type CipherType = "pkmsg" | "msg";

/** Signal addresses are ours to choose: "<account lid>.<device>" keeps PN/LID aliasing out. */
export function signalAddress(accountLid: string, device: number) {
  return new libsignal.ProtocolAddress(accountLid, device);
}

/** Id of the one-time prekey a pkmsg was built on, i.e. which fetched bundle started it. */
export function pkmsgPreKeyId(pkmsg: Uint8Array): number | undefined {
  return PreKeyWhisperMessage.decode(Buffer.from(pkmsg).subarray(1)).preKeyId ?? undefined;
}

export class SignalEndpoint {
  private constructor(private readonly state: SignalEndpointState) {}

  static create(): SignalEndpoint {
    const identity = Curve.generateKeyPair();
    const signed = signedKeyPair(identity, 1);
    return new SignalEndpoint({
      identity: keyPairToJson(identity),
      registrationId: randomInt(1, 16380),
      signedPreKey: { keyId: 1, keyPair: keyPairToJson(signed.keyPair), signature: b64(signed.signature) },
      preKeys: {},
      nextPreKeyId: 1,
      sessions: {},
      senderKeys: {},
    });
  }

  static fromState(state: SignalEndpointState): SignalEndpoint {
    return new SignalEndpoint(structuredClone(state));
  }

  toState(): SignalEndpointState {
    return structuredClone(this.state);
  }

  get identityKeyPair(): CurveKeyPair {
    return keyPairFromJson(this.state.identity);
  }

  get registrationId() {
    return this.state.registrationId;
  }

  /** Hands out a fresh one-time prekey each time, like the server does for real phones. */
  takeBundle(): PreKeyBundle {
    const keyId = this.state.nextPreKeyId++;
    const preKey = Curve.generateKeyPair();
    this.state.preKeys[keyId] = keyPairToJson(preKey);
    return {
      registrationId: this.state.registrationId,
      identityKey: this.identityKeyPair.public,
      signedPreKey: {
        keyId: this.state.signedPreKey.keyId,
        publicKey: fromB64(this.state.signedPreKey.keyPair.public),
        signature: fromB64(this.state.signedPreKey.signature),
      },
      preKey: { keyId, publicKey: preKey.public },
    };
  }

  hasSession(address: string): boolean {
    const record = this.state.sessions[address];
    return !!record && libsignal.SessionRecord.deserialize(JSON.parse(record)).haveOpenSession();
  }

  async startSession(accountLid: string, device: number, bundle: PreKeyBundle) {
    const builder = new libsignal.SessionBuilder(this.storage(), signalAddress(accountLid, device));
    await builder.initOutgoing({
      registrationId: bundle.registrationId,
      identityKey: generateSignalPubKey(bundle.identityKey),
      signedPreKey: {
        keyId: bundle.signedPreKey.keyId,
        publicKey: generateSignalPubKey(bundle.signedPreKey.publicKey),
        signature: bundle.signedPreKey.signature,
      },
      preKey: bundle.preKey ? { keyId: bundle.preKey.keyId, publicKey: generateSignalPubKey(bundle.preKey.publicKey) } : undefined,
    } as never);
  }

  async encrypt(accountLid: string, device: number, plaintext: Uint8Array) {
    const cipher = new libsignal.SessionCipher(this.storage(), signalAddress(accountLid, device));
    const { type, body } = await cipher.encrypt(plaintext);
    return { type: (type === 3 ? "pkmsg" : "msg") as CipherType, ciphertext: Buffer.from(body, "binary") };
  }

  async decrypt(accountLid: string, device: number, type: CipherType, ciphertext: Uint8Array): Promise<Buffer> {
    const address = signalAddress(accountLid, device);
    if (type === "pkmsg") return new libsignal.SessionCipher(this.storage(), address).decryptPreKeyWhisperMessage(ciphertext);
    // libsignal tries every session of a record in turn and advances the ratchet of each one it
    // tries, even when the MAC then fails; the record it stores afterwards keeps those changes.
    // A message for an older session would so corrupt the open one, and every later message
    // from us would fail at the peer. Each session is therefore tried on its own, and only the
    // one that decrypts is written back.
    const stored = this.state.sessions[address.toString()];
    if (!stored) throw new Error(`no Signal session with ${address.toString()}`);
    const sessions = Object.entries(JSON.parse(stored)._sessions as Record<string, { indexInfo: { used?: number } }>);
    sessions.sort(([, a], [, b]) => (b.indexInfo.used ?? 0) - (a.indexInfo.used ?? 0));
    const failures: unknown[] = [];
    for (const [baseKey] of sessions) {
      try {
        return await new libsignal.SessionCipher(this.storage(baseKey), address).decryptWhisperMessage(ciphertext);
      } catch (error) {
        failures.push(error);
      }
    }
    throw new AggregateError(failures, `no Signal session with ${address.toString()} decrypts this message`);
  }

  /** Our sender key for a group (created on first use) and its distribution message. */
  async groupEncrypt(groupJid: string, ownLid: string, plaintext: Uint8Array) {
    const name = new SenderKeyName(groupJid, signalAddress(ownLid, 0));
    const builder = new GroupSessionBuilder(this.senderKeyStore());
    const distribution = await builder.create(name);
    const ciphertext = await new GroupCipher(this.senderKeyStore(), name).encrypt(plaintext);
    return { ciphertext, distribution: distribution.serialize() };
  }

  async processSenderKeyDistribution(groupJid: string, senderLid: string, senderDevice: number, skdm: Uint8Array) {
    const name = new SenderKeyName(groupJid, signalAddress(senderLid, senderDevice));
    const message = new SenderKeyDistributionMessage(null, null, null, null, skdm);
    await new GroupSessionBuilder(this.senderKeyStore()).process(name, message);
  }

  async groupDecrypt(groupJid: string, senderLid: string, senderDevice: number, ciphertext: Uint8Array) {
    const name = new SenderKeyName(groupJid, signalAddress(senderLid, senderDevice));
    return Buffer.from(await new GroupCipher(this.senderKeyStore(), name).decrypt(ciphertext));
  }

  private senderKeyStore() {
    const state = this.state;
    return {
      async loadSenderKey(name: SenderKeyName) {
        const stored = state.senderKeys[name.toString()];
        return stored ? SenderKeyRecord.deserialize(Buffer.from(stored, "utf8")) : new SenderKeyRecord();
      },
      async storeSenderKey(name: SenderKeyName, record: SenderKeyRecord) {
        // Same JSON encoding Baileys uses for its own sender-key store.
        state.senderKeys[name.toString()] = JSON.stringify(record.serialize());
      },
    };
  }

  /**
   * libsignal storage over this endpoint's state. With `onlySession` (a session's base key),
   * loadSession shows a record holding just that session and storeSession writes just that
   * session back into the current record.
   */
  private storage(onlySession?: string) {
    const state = this.state;
    const identity = this.identityKeyPair;
    return {
      async loadSession(id: string) {
        const record = state.sessions[id];
        if (!record) return undefined;
        const data = JSON.parse(record);
        if (onlySession) data._sessions = { [onlySession]: data._sessions[onlySession] };
        return libsignal.SessionRecord.deserialize(data);
      },
      async storeSession(id: string, record: { serialize(): unknown }) {
        const data = record.serialize() as { _sessions: Record<string, unknown> };
        if (onlySession) {
          const current = JSON.parse(state.sessions[id]!);
          current._sessions[onlySession] = data._sessions[onlySession];
          state.sessions[id] = JSON.stringify(current);
        } else {
          state.sessions[id] = JSON.stringify(data);
        }
      },
      // Trust on first use, as WhatsApp Web does.
      isTrustedIdentity: () => true,
      async loadPreKey(id: number | string) {
        const pair = state.preKeys[String(id)];
        if (!pair) return undefined;
        const { public: pub, private: priv } = keyPairFromJson(pair);
        return { privKey: Buffer.from(priv), pubKey: Buffer.from(generateSignalPubKey(pub)) };
      },
      removePreKey(id: number) {
        delete state.preKeys[String(id)];
      },
      loadSignedPreKey() {
        const { public: pub, private: priv } = keyPairFromJson(state.signedPreKey.keyPair);
        return { privKey: Buffer.from(priv), pubKey: Buffer.from(generateSignalPubKey(pub)) };
      },
      getOurRegistrationId: () => state.registrationId,
      getOurIdentity: () => ({
        privKey: Buffer.from(identity.private),
        pubKey: Buffer.from(generateSignalPubKey(identity.public)),
      }),
    };
  }
}
