// The emulated WhatsApp network: accounts and their devices, groups, and the routing of
// stanzas between companions (real Baileys clients) and emulated phones. Emulated phones
// are genuine Signal endpoints, so every message crosses the network encrypted.
//
// This file wires the parts together and dispatches what companions send; each job has its own
// file: who is on the network (device-registry.ts), linking and logging in companions
// (device-linking.ts), messages and receipts (message-routing.ts), presence, typing and profile
// pictures (presence-relay.ts), groups (group-admin.ts), and handing stanzas to companions
// (companion-delivery.ts). iq-handlers.ts answers iqs through the IqNetwork view of it.
import { EventEmitter } from "node:events";
import { Curve, type BinaryNode, type proto } from "@whiskeysockets/baileys";
import { EmulatedAccount, type AccountState } from "./accounts";
import type { CompanionConnection } from "./companion-connection";
import { CompanionDelivery } from "./companion-delivery";
import { DeviceLinking } from "./device-linking";
import { DeviceRegistry } from "./device-registry";
import { GroupAdmin } from "./group-admin";
import type { GroupState } from "./groups";
import { handleIq, type IqNetwork } from "./iq-handlers";
import type { MediaHost } from "./media-host";
import { MessageRouter } from "./message-routing";
import type { ErrorContext } from "./network-events";
import { buildCertChain, createNoiseRoot, type CurveKeyPair, type NoiseRoot } from "./noise-certificates";
import { PresenceRelay } from "./presence-relay";
import { SessionSetupOrder } from "./session-setup";
import { keyPairFromJson, keyPairToJson, type KeyPairJson } from "./state-encoding";

export interface EmulatorState {
  version: 1;
  root: { keyPair: KeyPairJson; serial: number };
  serverStatic: KeyPairJson;
  accounts: AccountState[];
  groups: GroupState[];
  media: Record<string, string>;
  tls?: { certPem: string; keyPem: string };
  /** Port of the media host, reused on load so media URLs in stored messages keep working. */
  mediaPort?: number;
}

export class WaNetwork extends EventEmitter implements IqNetwork {
  readonly root: NoiseRoot;
  readonly serverStatic: CurveKeyPair;
  readonly sessionSetup = new SessionSetupOrder();
  readonly devices = new DeviceRegistry();
  readonly delivery = new CompanionDelivery(this.sessionSetup);
  readonly linking = new DeviceLinking(this.devices, this.sessionSetup, this);
  readonly groupAdmin: GroupAdmin = new GroupAdmin(this.devices, this.delivery, this, (groupJid) => this.router.forgetSenderKeys(groupJid));
  readonly router = new MessageRouter(this.devices, this.delivery, this.sessionSetup, this.groupAdmin.groups, this, (error, context) =>
    this.reportError(error, context),
  );
  readonly presence = new PresenceRelay(this.devices, this.delivery, this.groupAdmin.groups, this);
  mediaHost!: MediaHost;

  constructor(state?: EmulatorState) {
    super();
    this.root = state ? { keyPair: keyPairFromJson(state.root.keyPair), serial: state.root.serial } : createNoiseRoot();
    this.serverStatic = state ? keyPairFromJson(state.serverStatic) : Curve.generateKeyPair();
    for (const accountState of state?.accounts ?? []) this.devices.add(new EmulatedAccount(accountState));
    for (const group of state?.groups ?? []) this.groupAdmin.groups.set(group.id, group);
  }

  toState(media: Record<string, string>, tls?: EmulatorState["tls"], mediaPort?: number): EmulatorState {
    return {
      version: 1,
      root: { keyPair: keyPairToJson(this.root.keyPair), serial: this.root.serial },
      serverStatic: keyPairToJson(this.serverStatic),
      accounts: this.devices.listAccounts().map((a) => a.toState()),
      groups: [...this.groupAdmin.groups.values()].map((g) => structuredClone(g)),
      media,
      tls,
      mediaPort,
    };
  }

  /** Set: logins are answered as a man in the middle would, with a chain under a root nobody trusts. */
  impostorRoot: NoiseRoot | null = null;

  certChain(serverStaticPublic: Uint8Array) {
    return buildCertChain(this.impostorRoot ?? this.root, serverStaticPublic);
  }

  /** Something the network could not do: a phone failed to decrypt, a frame failed to parse. */
  reportError(error: unknown, context: ErrorContext = {}) {
    this.emit("error-report", { error, ...context });
  }

  // ---------------------------------------------------------------- connections

  onHandshake(connection: CompanionConnection, clientStatic: Buffer, payload: proto.ClientPayload) {
    return this.linking.onHandshake(connection, clientStatic, payload);
  }

  onConnectionClosed(connection: CompanionConnection) {
    if (!this.linking.forgetConnection(connection)) return;
    this.presence.unsubscribe(connection);
    this.linking.releaseDevice(connection);
  }

  async onCompanionNode(connection: CompanionConnection, node: BinaryNode) {
    switch (node.tag) {
      case "iq":
        return handleIq(this, connection, node);
      case "message":
        if (connection.device) await this.router.routeCompanionMessage(connection.device, node);
        return;
      case "receipt":
        if (connection.device) this.router.routeCompanionReceipt(connection.device, node);
        return;
      case "ack":
        if (connection.device && node.attrs.id) this.sessionSetup.answered(connection.device, [node.attrs.id]);
        return;
      case "presence":
        if (connection.device) this.presence.onCompanionPresence(connection, node);
        return;
      case "chatstate":
        if (connection.device) this.presence.onCompanionChatState(connection.device, node);
        return;
      default:
        // acks, ib telemetry and the like need no answer.
        return;
    }
  }
}
