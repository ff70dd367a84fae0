// Emulated WhatsApp accounts: each has a phone (device 0, an emulator-owned Signal endpoint)
// and any number of linked companion devices (real Baileys clients paired through the QR
// or pairing-code flow).
import { randomInt } from "node:crypto";
import type { proto } from "@whiskeysockets/baileys";
import { SignalEndpoint, type PreKeyBundle, type SignalEndpointState } from "./signal-endpoint";
import { b64, fromB64 } from "./state-encoding";
import type { CompanionConnection } from "./companion-connection";

export interface ContactBehaviour {
  /** The phone answers every text it receives with the same text. */
  echo: boolean;
  /** The phone sends a delivery receipt for every message it receives. */
  deliveryReceipts: boolean;
  /** The phone also sends a read receipt right after the delivery receipt. */
  readReceipts: boolean;
  /**
   * Its 1:1 messages reach companions addressed by LID (`from=<lid>` with `sender_pn`), the way
   * today's WhatsApp addresses many contacts; otherwise by phone number with `sender_lid`.
   */
  lidAddressing?: boolean;
}

export interface CompanionDeviceState {
  deviceId: number;
  keyIndex: number;
  platform: string;
  noiseKey: string;
  identityKey: string;
  registrationId: number;
  signedPreKey: { keyId: number; publicKey: string; signature: string };
  preKeys: Record<string, string>;
  needsHistorySync: boolean;
  /** Stanzas that arrived while the device was offline (binary-encoded, base64). */
  pending: string[];
}

export interface ReceivedMessage {
  id: string;
  /** Chat the message belongs to: the sender's PN jid, a group jid or status@broadcast. */
  chat: string;
  /** Sender device jid (PN form). */
  from: string;
  fromPhone: string;
  message: proto.IMessage;
  /** Text of a plain or extended text message, for convenience. */
  text?: string;
  /** Sent by a companion of this same account (a sync copy), not by someone else. */
  fromMe: boolean;
  timestamp: number;
  receiptsSent: Array<"delivery" | "read">;
}

export interface SentMessage {
  id: string;
  to: string;
  message: proto.IMessage;
  timestamp: number;
  receipts: Array<{ from: string; type: "delivery" | "read" | string }>;
}

export interface AccountState {
  phone: string;
  lid: string;
  name: string;
  about: string;
  picture?: string;
  pictureId?: string;
  behaviour: ContactBehaviour;
  nextDeviceId: number;
  endpoint: SignalEndpointState;
  companions: CompanionDeviceState[];
}

export class CompanionDevice {
  connection?: CompanionConnection;
  constructor(
    readonly account: EmulatedAccount,
    readonly state: CompanionDeviceState,
  ) {}

  get deviceId() {
    return this.state.deviceId;
  }

  get pnJid() {
    return deviceJid(this.account.phone, "s.whatsapp.net", this.deviceId);
  }

  get lidJid() {
    return deviceJid(this.account.lid, "lid", this.deviceId);
  }

  /** The bundle other devices fetch to start a session; each call consumes a one-time prekey. */
  takeBundle(): PreKeyBundle {
    const [keyId, publicKey] = Object.entries(this.state.preKeys)[0] ?? [];
    if (keyId) delete this.state.preKeys[keyId];
    return {
      registrationId: this.state.registrationId,
      identityKey: fromB64(this.state.identityKey),
      signedPreKey: {
        keyId: this.state.signedPreKey.keyId,
        publicKey: fromB64(this.state.signedPreKey.publicKey),
        signature: fromB64(this.state.signedPreKey.signature),
      },
      preKey: keyId && publicKey ? { keyId: Number(keyId), publicKey: fromB64(publicKey) } : undefined,
    };
  }
}

export class EmulatedAccount {
  readonly endpoint: SignalEndpoint;
  readonly companions = new Map<number, CompanionDevice>();
  readonly received: ReceivedMessage[] = [];
  readonly sent: SentMessage[] = [];
  readonly presence = { lastKnown: "unavailable" as string };

  constructor(readonly state: AccountState) {
    this.endpoint = SignalEndpoint.fromState(state.endpoint);
    for (const companion of state.companions) {
      this.companions.set(companion.deviceId, new CompanionDevice(this, companion));
    }
  }

  static create(phone: string, name: string | undefined, lid: string): EmulatedAccount {
    return new EmulatedAccount({
      phone,
      lid,
      name: name ?? `Contact ${phone.slice(-4)}`,
      about: "Hey there! I am using WhatsApp.",
      behaviour: { echo: false, deliveryReceipts: true, readReceipts: false },
      nextDeviceId: 1,
      endpoint: SignalEndpoint.create().toState(),
      companions: [],
    });
  }

  get phone() {
    return this.state.phone;
  }
  get lid() {
    return this.state.lid;
  }
  get name() {
    return this.state.name;
  }
  get pnJid() {
    return `${this.phone}@s.whatsapp.net`;
  }
  get lidJid() {
    return `${this.lid}@lid`;
  }

  addCompanion(state: Omit<CompanionDeviceState, "deviceId" | "keyIndex" | "pending" | "preKeys" | "needsHistorySync">) {
    const deviceId = this.state.nextDeviceId++;
    const device = new CompanionDevice(this, {
      ...state,
      deviceId,
      keyIndex: deviceId,
      preKeys: {},
      needsHistorySync: true,
      pending: [],
    });
    this.companions.set(deviceId, device);
    return device;
  }

  toState(): AccountState {
    return {
      ...structuredClone(this.state),
      endpoint: this.endpoint.toState(),
      companions: [...this.companions.values()].map((c) => structuredClone(c.state)),
    };
  }
}

export function deviceJid(user: string, server: "s.whatsapp.net" | "lid", device: number) {
  return device ? `${user}:${device}@${server}` : `${user}@${server}`;
}

/** A LID that looks like WhatsApp's: 14–15 digits, unrelated to the phone number. */
export function generateLid() {
  return `${randomInt(10_000, 99_999)}${randomInt(100_000_000, 999_999_999)}`;
}

export function encodePending(data: Uint8Array) {
  return b64(data);
}
