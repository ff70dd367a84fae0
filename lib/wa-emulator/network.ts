// The emulated WhatsApp network: accounts and their devices, groups, and the routing of
// stanzas between companions (real Baileys clients) and emulated phones. Emulated phones
// are genuine Signal endpoints, so every message crosses the network encrypted.
import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import {
  decodeBinaryNode,
  encodeBinaryNode,
  encodeWAMessage,
  getBinaryNodeChild,
  getBinaryNodeChildren,
  proto,
  unpadRandomMax16,
  type BinaryNode,
} from "@whiskeysockets/baileys";
import { CompanionDevice, EmulatedAccount, deviceJid, generateLid, type AccountState, type ReceivedMessage } from "./accounts";
import type { CompanionConnection, FaultKind, PendingRegistration } from "./companion-connection";
import { actorAttrs, groupNode, newGroup, newInviteCode, participantNode, type GroupState } from "./groups";
import { buildInitialHistorySync } from "./history-sync";
import { handleIq } from "./iq-handlers";
import { STATUS_JID, isGroupJid, normalizePhone, parseUserJid } from "./jids";
import type { MediaHost } from "./media-host";
import { buildCertChain, createNoiseRoot, type CurveKeyPair, type NoiseRoot } from "./noise-certificates";
import { buildPairSuccess, deriveLinkCodeAdvSecret, parsePairingQr, unwrapCodeKey, wrapCodeKey } from "./pairing";
import { Curve } from "@whiskeysockets/baileys";
import { pkmsgPreKeyId, type CipherType } from "./signal-endpoint";
import { SessionSetupOrder } from "./session-setup";
import { b64, fromB64, keyPairFromJson, keyPairToJson, type KeyPairJson } from "./state-encoding";

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

interface DeviceRef {
  account: EmulatedAccount;
  device: number;
}

interface SentRecord {
  sender: DeviceRef;
  /** The chat as the sender addressed it (PN or LID jid, group jid, status@broadcast). */
  chat: string;
}

export interface DeliveredReceipt {
  messageId: string;
  from: string;
  type: "delivery" | "read" | string;
}

const now = () => Math.floor(Date.now() / 1000);
export const newMessageId = () => `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;

export class WaNetwork extends EventEmitter {
  readonly root: NoiseRoot;
  readonly serverStatic: CurveKeyPair;
  private readonly accounts = new Map<string, EmulatedAccount>();
  private readonly accountsByLid = new Map<string, EmulatedAccount>();
  readonly groups = new Map<string, GroupState>();
  private readonly pendingRegistrations = new Map<string, CompanionConnection>();
  private readonly sentIndex = new Map<string, SentRecord>();
  private readonly connections = new Set<CompanionConnection>();
  private readonly presenceSubscriptions = new Map<string, Set<CompanionConnection>>();
  /** Per sending phone and group: the devices that already hold that phone's sender key. */
  private readonly senderKeyHolders = new Map<string, Set<string>>();
  readonly sessionSetup = new SessionSetupOrder();
  mediaHost!: MediaHost;

  constructor(state?: EmulatorState) {
    super();
    this.root = state ? { keyPair: keyPairFromJson(state.root.keyPair), serial: state.root.serial } : createNoiseRoot();
    this.serverStatic = state ? keyPairFromJson(state.serverStatic) : Curve.generateKeyPair();
    for (const accountState of state?.accounts ?? []) this.addAccount(new EmulatedAccount(accountState));
    for (const group of state?.groups ?? []) this.groups.set(group.id, group);
  }

  toState(media: Record<string, string>, tls?: EmulatorState["tls"], mediaPort?: number): EmulatorState {
    return {
      version: 1,
      root: { keyPair: keyPairToJson(this.root.keyPair), serial: this.root.serial },
      serverStatic: keyPairToJson(this.serverStatic),
      accounts: [...this.accounts.values()].map((a) => a.toState()),
      groups: [...this.groups.values()].map((g) => structuredClone(g)),
      media,
      tls,
      mediaPort,
    };
  }

  certChain(serverStaticPublic: Uint8Array) {
    return buildCertChain(this.root, serverStaticPublic);
  }

  /** Something the network could not do: a phone failed to decrypt, a frame failed to parse. */
  reportError(error: unknown, context: { connection?: CompanionConnection; phone?: string; from?: string; messageId?: string } = {}) {
    this.emit("error-report", { error, ...context });
  }

  // ---------------------------------------------------------------- accounts

  private addAccount(account: EmulatedAccount) {
    this.accounts.set(account.phone, account);
    this.accountsByLid.set(account.lid, account);
  }

  createAccount(phone: string, name?: string): EmulatedAccount {
    const digits = normalizePhone(phone);
    if (this.accounts.has(digits)) throw new Error(`account ${digits} already exists`);
    let lid = generateLid();
    while (this.accountsByLid.has(lid)) lid = generateLid();
    const account = EmulatedAccount.create(digits, name, lid);
    this.addAccount(account);
    return account;
  }

  getAccount(phoneOrJid: string): EmulatedAccount | undefined {
    const parsed = parseUserJid(phoneOrJid);
    if (parsed?.server === "lid") return this.accountsByLid.get(parsed.user);
    return this.accounts.get(normalizePhone(phoneOrJid));
  }

  requireAccount(phoneOrJid: string): EmulatedAccount {
    const account = this.getAccount(phoneOrJid);
    if (!account) throw new Error(`no emulated account for ${phoneOrJid}`);
    return account;
  }

  listAccounts() {
    return [...this.accounts.values()];
  }

  resolveDevice(jid: string): DeviceRef | undefined {
    const parsed = parseUserJid(jid);
    if (!parsed) return undefined;
    const account = parsed.server === "lid" ? this.accountsByLid.get(parsed.user) : this.accounts.get(parsed.user);
    if (!account) return undefined;
    if (parsed.device !== 0 && !account.companions.has(parsed.device)) return undefined;
    return { account, device: parsed.device };
  }

  /** Devices of an account that messages fan out to: the phone and every linked companion. */
  devicesOf(account: EmulatedAccount): DeviceRef[] {
    return [{ account, device: 0 }, ...[...account.companions.keys()].map((device) => ({ account, device }))];
  }

  // ---------------------------------------------------------------- connections

  async onHandshake(connection: CompanionConnection, clientStatic: Buffer, payload: proto.ClientPayload) {
    this.connections.add(connection);
    const pairing = payload.devicePairingData;
    if (pairing) {
      const refs = Array.from({ length: 6 }, () => randomBytes(12).toString("base64url"));
      connection.registration = {
        noiseKey: clientStatic,
        identityKey: Buffer.from(pairing.eIdent!),
        registrationId: Buffer.from(pairing.eRegid!).readUInt32BE(0),
        signedPreKey: {
          keyId: Buffer.from(pairing.eSkeyId!).readUIntBE(0, 3),
          publicKey: Buffer.from(pairing.eSkeyVal!),
          signature: Buffer.from(pairing.eSkeySig!),
        },
        platform: proto.DeviceProps.decode(pairing.deviceProps!).os ?? "Emulated Companion",
        refs,
      };
      for (const ref of refs) this.pendingRegistrations.set(ref, connection);
      connection.send({
        tag: "iq",
        attrs: { type: "set", xmlns: "md", from: "s.whatsapp.net", id: connection.generateId() },
        content: [
          {
            tag: "pair-device",
            attrs: {},
            content: refs.map((ref) => ({ tag: "ref", attrs: {}, content: Buffer.from(ref) })),
          },
        ],
      });
      this.emit("registration", { connection });
      return;
    }
    const account = this.accounts.get(String(payload.username));
    const device = account?.companions.get(payload.device ?? 0);
    if (!account || !device || !fromB64(device.state.noiseKey).equals(clientStatic)) {
      connection.failure(401);
      this.emit("login-rejected", { username: String(payload.username), device: payload.device });
      return;
    }
    // A second login of the same device replaces the first, as on WhatsApp.
    if (device.connection && device.connection !== connection && device.connection.isOpen) {
      device.connection.inject("conflict");
    }
    device.connection = connection;
    connection.device = device;
    connection.send({
      tag: "success",
      attrs: { t: String(now()), lid: device.lidJid, props: "1", creation: String(now() - 86400), location: "emu" },
    });
    const pending = device.state.pending.splice(0);
    for (const encoded of pending) {
      const node = await decodeBinaryNode(fromB64(encoded));
      node.attrs.offline = "1";
      connection.send(node);
    }
    connection.send({ tag: "ib", attrs: { from: "s.whatsapp.net" }, content: [{ tag: "offline", attrs: { count: String(pending.length) } }] });
    this.emit("companion-login", { phone: account.phone, device: device.deviceId, jid: device.pnJid });
  }

  onConnectionClosed(connection: CompanionConnection) {
    if (!this.connections.delete(connection)) return;
    for (const ref of connection.registration?.refs ?? []) this.pendingRegistrations.delete(ref);
    for (const subscribers of this.presenceSubscriptions.values()) subscribers.delete(connection);
    const device = connection.device;
    if (device && device.connection === connection) {
      device.connection = undefined;
      this.sessionSetup.disconnected(device);
      this.emit("companion-disconnect", { phone: device.account.phone, device: device.deviceId, jid: device.pnJid });
    }
  }

  async onCompanionNode(connection: CompanionConnection, node: BinaryNode) {
    switch (node.tag) {
      case "iq":
        return handleIq(this, connection, node);
      case "message":
        if (connection.device) await this.routeCompanionMessage(connection.device, node);
        return;
      case "receipt":
        if (connection.device) this.routeCompanionReceipt(connection.device, node);
        return;
      case "ack":
        if (connection.device && node.attrs.id) this.sessionSetup.answered(connection.device, [node.attrs.id]);
        return;
      case "presence":
        if (connection.device) this.onCompanionPresence(connection, node);
        return;
      case "chatstate":
        if (connection.device) this.onCompanionChatState(connection.device, node);
        return;
      default:
        // acks, ib telemetry and the like need no answer.
        return;
    }
  }

  connectionsFor(phoneOrDeviceJid: string): CompanionConnection[] {
    const parsed = parseUserJid(phoneOrDeviceJid.includes("@") ? phoneOrDeviceJid : `${normalizePhone(phoneOrDeviceJid)}@s.whatsapp.net`);
    const account = parsed && (parsed.server === "lid" ? this.accountsByLid.get(parsed.user) : this.accounts.get(parsed.user));
    if (!account) return [];
    return [...account.companions.values()]
      .filter((c) => (parsed!.device === 0 || c.deviceId === parsed!.device) && c.connection?.isOpen)
      .map((c) => c.connection!);
  }

  fault(phoneOrDeviceJid: string, kind: FaultKind): number {
    const targets = this.connectionsFor(phoneOrDeviceJid);
    for (const connection of targets) {
      if (kind === "logout" && connection.device) this.removeCompanion(connection.device);
      connection.inject(kind);
    }
    return targets.length;
  }

  removeCompanion(device: CompanionDevice) {
    device.account.companions.delete(device.deviceId);
    this.emit("companion-removed", { phone: device.account.phone, device: device.deviceId });
  }

  // ---------------------------------------------------------------- pairing

  /** The account's phone scans the QR a companion displays and links it. */
  async scanQr(qr: string, phone: string): Promise<CompanionDevice> {
    const scanned = parsePairingQr(qr);
    const connection = this.pendingRegistrations.get(scanned.ref);
    const registration = connection?.registration;
    if (!connection || !registration || !registration.noiseKey.equals(scanned.noiseKey)) {
      throw new Error("QR code is not (or no longer) shown by a connected companion");
    }
    return this.completePairing(connection, registration, this.requireAccount(phone), scanned.advSecret);
  }

  private async completePairing(connection: CompanionConnection, registration: PendingRegistration, account: EmulatedAccount, advSecret: Uint8Array) {
    for (const ref of registration.refs) this.pendingRegistrations.delete(ref);
    const device = account.addCompanion({
      platform: registration.platform,
      noiseKey: b64(registration.noiseKey),
      identityKey: b64(registration.identityKey),
      registrationId: registration.registrationId,
      signedPreKey: {
        keyId: registration.signedPreKey.keyId,
        publicKey: b64(registration.signedPreKey.publicKey),
        signature: b64(registration.signedPreKey.signature),
      },
    });
    const answer = await connection.request(buildPairSuccess(account, device, advSecret));
    if (answer.attrs.type !== "result" || !getBinaryNodeChild(answer, "pair-device-sign")) {
      this.removeCompanion(device);
      throw new Error("companion rejected pair-success");
    }
    this.emit("paired", { phone: account.phone, device: device.deviceId, jid: device.pnJid });
    // The real server makes the freshly paired client reconnect and log in.
    connection.streamError({ code: "515" });
    return device;
  }

  /** Pairing-code flow, step 1 (companion_hello): remember the wrapped key and answer a ref. */
  onLinkCodeHello(connection: CompanionConnection, request: BinaryNode, reg: BinaryNode) {
    const registration = connection.registration;
    const wrapped = getBinaryNodeChild(reg, "link_code_pairing_wrapped_companion_ephemeral_pub")?.content;
    if (!registration || !(wrapped instanceof Uint8Array)) {
      connection.replyError(request, 400, "bad-request");
      return;
    }
    const ref = randomBytes(16).toString("base64url");
    registration.linkCode = { wrappedCompanionEphemeral: Buffer.from(wrapped), jid: reg.attrs.jid ?? "", ref };
    connection.reply(request, [
      { tag: "link_code_companion_reg", attrs: {}, content: [{ tag: "link_code_pairing_ref", attrs: {}, content: Buffer.from(ref) }] },
    ]);
    this.emit("pairing-code-requested", { phone: normalizePhone(reg.attrs.jid ?? "") });
  }

  private readonly linkCodeSessions = new Map<
    string,
    { connection: CompanionConnection; account: EmulatedAccount; ephemeral: CurveKeyPair; companionEphemeral: Buffer }
  >();

  /** The account's owner types the pairing code the companion displayed into the phone. */
  enterPairingCode(phone: string, code: string) {
    const account = this.requireAccount(phone);
    const connection = [...this.connections].find((c) => c.registration?.linkCode && normalizePhone(c.registration.linkCode.jid) === account.phone);
    const linkCode = connection?.registration?.linkCode;
    if (!connection || !linkCode) throw new Error(`no companion is waiting for a pairing code for ${account.phone}`);
    const companionEphemeral = unwrapCodeKey(code.replace(/-/g, "").toUpperCase(), linkCode.wrappedCompanionEphemeral);
    const ephemeral = Curve.generateKeyPair();
    this.linkCodeSessions.set(linkCode.ref, { connection, account, ephemeral, companionEphemeral });
    connection.send({
      tag: "notification",
      attrs: { from: "s.whatsapp.net", type: "link_code_companion_reg", id: connection.generateId(), t: String(now()) },
      content: [
        {
          tag: "link_code_companion_reg",
          attrs: {},
          content: [
            { tag: "link_code_pairing_ref", attrs: {}, content: Buffer.from(linkCode.ref) },
            { tag: "primary_identity_pub", attrs: {}, content: account.endpoint.identityKeyPair.public },
            { tag: "link_code_pairing_wrapped_primary_ephemeral_pub", attrs: {}, content: wrapCodeKey(code.replace(/-/g, "").toUpperCase(), ephemeral.public) },
          ],
        },
      ],
    });
  }

  /** Pairing-code flow, last step (companion_finish): derive the adv secret and pair. */
  async onLinkCodeFinish(connection: CompanionConnection, request: BinaryNode, reg: BinaryNode) {
    const ref = getBinaryNodeChild(reg, "link_code_pairing_ref")?.content;
    const bundle = getBinaryNodeChild(reg, "link_code_pairing_wrapped_key_bundle")?.content;
    const session = ref instanceof Uint8Array ? this.linkCodeSessions.get(Buffer.from(ref).toString()) : undefined;
    if (!session || !(bundle instanceof Uint8Array) || !connection.registration) {
      connection.replyError(request, 400, "bad-request");
      return;
    }
    this.linkCodeSessions.delete(Buffer.from(ref as Uint8Array).toString());
    const { advSecret } = deriveLinkCodeAdvSecret({
      phoneEphemeral: session.ephemeral,
      companionEphemeralPublic: session.companionEphemeral,
      accountIdentity: session.account.endpoint.identityKeyPair,
      wrappedBundle: bundle,
    });
    connection.reply(request);
    await this.completePairing(connection, connection.registration, session.account, advSecret);
  }

  // ---------------------------------------------------------------- history sync

  async sendInitialHistorySync(device: CompanionDevice) {
    if (!device.state.needsHistorySync || !device.connection?.isOpen) return;
    device.state.needsHistorySync = false;
    const account = device.account;
    const message = await buildInitialHistorySync(account.pnJid, account.name);
    const { type, ciphertext } = await this.encryptFromPhone(account, { account, device: device.deviceId }, encodeWAMessage(message));
    this.deliverToCompanion(
      device,
      {
        tag: "message",
        attrs: { from: account.pnJid, id: newMessageId(), type: "text", category: "peer", t: String(now()), notify: account.name },
        content: [{ tag: "enc", attrs: { v: "2", type }, content: ciphertext }],
      },
      account,
    );
  }

  // ---------------------------------------------------------------- delivery

  /** Sends a stanza to a companion, or queues it until the companion logs in again. */
  deliverToCompanion(device: CompanionDevice, node: BinaryNode, fromPhone?: EmulatedAccount) {
    if (fromPhone && node.tag === "message") this.sessionSetup.delivered(fromPhone, device, node.attrs.id);
    const connection = device.connection;
    if (connection?.isOpen) connection.send(node);
    else device.state.pending.push(b64(encodeBinaryNode(node)));
  }

  private deliverToCompanionsOf(account: EmulatedAccount, node: BinaryNode, except?: number) {
    for (const device of account.companions.values()) {
      if (device.deviceId !== except) this.deliverToCompanion(device, structuredClone(node));
    }
  }

  private async encryptFromPhone(sender: EmulatedAccount, target: DeviceRef, plaintext: Uint8Array) {
    const companion = target.device === 0 ? undefined : target.account.companions.get(target.device);
    const mustRestart = companion ? await this.sessionSetup.beforePhoneEncrypts(sender, companion) : false;
    const endpoint = sender.endpoint;
    const address = `${target.account.lid}.${target.device}`;
    if (mustRestart || !endpoint.hasSession(address)) {
      const bundle = target.device === 0 ? target.account.endpoint.takeBundle() : target.account.companions.get(target.device)!.takeBundle();
      await endpoint.startSession(target.account.lid, target.device, bundle);
    }
    return endpoint.encrypt(target.account.lid, target.device, plaintext);
  }

  /** Sender jid of a device in the addressing form (PN or LID) the conversation uses. */
  private senderJid(ref: DeviceRef, lidForm: boolean) {
    return lidForm ? deviceJid(ref.account.lid, "lid", ref.device) : deviceJid(ref.account.phone, "s.whatsapp.net", ref.device);
  }

  /** A companion sent a <message>: ack it, then fan the per-device ciphertexts out. */
  private async routeCompanionMessage(device: CompanionDevice, node: BinaryNode) {
    const sender: DeviceRef = { account: device.account, device: device.deviceId };
    const to = node.attrs.to!;
    const id = node.attrs.id!;
    device.connection?.send({ tag: "ack", attrs: { class: "message", id, from: to, t: String(now()) } });
    const t = String(now());
    const participants = getBinaryNodeChildren(getBinaryNodeChild(node, "participants"), "to");
    const skmsg = getBinaryNodeChildren(node, "enc").find((e) => e.attrs.type === "skmsg");
    const directEnc = getBinaryNodeChildren(node, "enc").filter((e) => e.attrs.type !== "skmsg");
    const passAttrs: Record<string, string> = { id, t, type: node.attrs.type ?? "text" };
    if (node.attrs.edit) passAttrs.edit = node.attrs.edit;
    if (node.attrs.category) passAttrs.category = node.attrs.category;
    const encFor = (jid: string) => participants.find((p) => p.attrs.jid === jid)?.content as BinaryNode[] | undefined;

    if (isGroupJid(to) || to === STATUS_JID) {
      const group = this.groups.get(to);
      this.sentIndex.set(id, { sender, chat: to });
      const targets = new Map<string, DeviceRef>();
      if (group) {
        for (const member of group.participants) {
          for (const ref of this.devicesOf(this.requireAccount(member.phone))) targets.set(this.senderJid(ref, false), ref);
        }
      }
      for (const p of participants) {
        const ref = this.resolveDevice(p.attrs.jid!);
        if (ref) targets.set(p.attrs.jid!, ref);
      }
      // One delivery per device: a LID-addressed group names a device by its LID where the member
      // list above named it by phone number, and a second copy would fail to decrypt (counter reused).
      const seen = new Set<string>();
      for (const [jid, ref] of [...targets].sort(([a], [b]) => Number(b.endsWith("@lid")) - Number(a.endsWith("@lid")))) {
        const deviceKey = `${ref.account.phone}.${ref.device}`;
        if (seen.has(deviceKey)) continue;
        seen.add(deviceKey);
        if (ref.account === sender.account && ref.device === sender.device) continue;
        const lidForm = jid.endsWith("@lid");
        const pairwise = encFor(jid) ?? encFor(this.senderJid(ref, !lidForm));
        // A phone whose bundle the companion fetched for this send and then did not use.
        if (ref.device === 0 && !pairwise) this.sessionSetup.companionSentWithout(ref.account, device);
        const content = [...(pairwise ?? []), ...(skmsg ? [skmsg] : [])];
        if (!content.length) continue;
        const stanza: BinaryNode = {
          tag: "message",
          attrs: {
            ...passAttrs,
            from: to,
            ...(group?.addressingMode === "lid"
              ? { participant: this.senderJid(sender, true), participant_pn: this.senderJid(sender, false) }
              : { participant: this.senderJid(sender, false), participant_lid: this.senderJid(sender, true) }),
            notify: sender.account.name,
            ...(group ? { addressing_mode: group.addressingMode ?? "pn" } : {}),
          },
          content,
        };
        await this.deliver(ref, stanza, sender);
      }
      return;
    }

    if (directEnc.length) {
      // A retry resend or a peer message addressed to one device.
      const ref = this.resolveDevice(to);
      if (ref) {
        const own = ref.account === sender.account;
        await this.deliver(
          ref,
          {
            tag: "message",
            attrs: {
              ...passAttrs,
              from: this.senderJid(sender, to.endsWith("@lid")),
              ...(own && node.attrs.recipient ? { recipient: node.attrs.recipient } : {}),
            },
            content: directEnc,
          },
          sender,
        );
      }
      return;
    }

    const recipient = this.getAccount(to);
    this.sentIndex.set(id, { sender, chat: to });
    const lidForm = to.endsWith("@lid");
    for (const p of participants) {
      const ref = this.resolveDevice(p.attrs.jid!);
      if (!ref) continue;
      const own = ref.account === sender.account;
      const attrs: Record<string, string> = { ...passAttrs, from: this.senderJid(sender, lidForm), notify: sender.account.name };
      if (own) attrs.recipient = to;
      else if (lidForm) attrs.sender_pn = this.senderJid({ account: sender.account, device: 0 }, false);
      else attrs.sender_lid = sender.account.lidJid;
      await this.deliver(ref, { tag: "message", attrs, content: p.content as BinaryNode[] }, sender);
    }
    if (!recipient) this.emit("undeliverable", { to, id });
  }

  private async deliver(ref: DeviceRef, stanza: BinaryNode, sender: DeviceRef) {
    if (ref.device === 0) {
      await this.phoneReceive(ref.account, stanza, sender).catch((error) =>
        this.reportError(error, { phone: ref.account.phone, from: this.senderJid(sender, false), messageId: stanza.attrs.id }),
      );
    } else {
      const device = ref.account.companions.get(ref.device);
      if (device) this.deliverToCompanion(device, stanza, sender.device === 0 ? sender.account : undefined);
    }
  }

  // ---------------------------------------------------------------- emulated phones

  /** An emulated phone receives a stanza: decrypt it for real, record it, answer with receipts. */
  private async phoneReceive(account: EmulatedAccount, stanza: BinaryNode, sender: DeviceRef) {
    const chatAttr = stanza.attrs.from!;
    const groupJid = isGroupJid(chatAttr) || chatAttr === STATUS_JID ? chatAttr : undefined;
    let message: proto.IMessage = {};
    for (const enc of getBinaryNodeChildren(stanza, "enc")) {
      const type = enc.attrs.type as CipherType | "skmsg";
      const ciphertext = enc.content as Uint8Array;
      const plaintext =
        type === "skmsg"
          ? await account.endpoint.groupDecrypt(groupJid!, sender.account.lid, sender.device, ciphertext)
          : await account.endpoint.decrypt(sender.account.lid, sender.device, type, ciphertext);
      const senderCompanion = sender.device === 0 ? undefined : sender.account.companions.get(sender.device);
      if (type === "pkmsg" && senderCompanion) this.sessionSetup.pkmsgReceived(account, senderCompanion, pkmsgPreKeyId(ciphertext));
      const decoded = proto.Message.decode(unpadRandomMax16(plaintext));
      const skdm = decoded.senderKeyDistributionMessage;
      if (skdm?.axolotlSenderKeyDistributionMessage && skdm.groupId) {
        await account.endpoint.processSenderKeyDistribution(skdm.groupId, sender.account.lid, sender.device, skdm.axolotlSenderKeyDistributionMessage);
      }
      message = { ...message, ...decoded };
    }
    const fromMe = sender.account === account;
    if (message.deviceSentMessage?.message) message = message.deviceSentMessage.message;
    const { senderKeyDistributionMessage: _skdm, ...content } = message;
    if (!Object.keys(content).length || content.protocolMessage?.type === proto.Message.ProtocolMessage.Type.PEER_DATA_OPERATION_REQUEST_MESSAGE) return;
    const id = stanza.attrs.id!;
    const record: ReceivedMessage = {
      id,
      chat: groupJid ?? (fromMe ? (stanza.attrs.recipient ?? chatAttr) : sender.account.pnJid),
      from: this.senderJid(sender, false),
      fromPhone: sender.account.phone,
      fromMe,
      message: content,
      text: content.conversation ?? content.extendedTextMessage?.text ?? undefined,
      timestamp: Number(stanza.attrs.t ?? now()),
      receiptsSent: [],
    };
    account.received.push(record);
    this.emit("message", { phone: account.phone, message: record });
    if (fromMe || stanza.attrs.category === "peer") return;

    const { deliveryReceipts, readReceipts, echo } = account.state.behaviour;
    if (deliveryReceipts) this.sendPhoneReceipt(account, record, undefined);
    if (readReceipts) this.sendPhoneReceipt(account, record, "read");
    if (echo && record.text && !groupJid) {
      await this.sendFromPhone(account, sender.account.pnJid, { conversation: record.text });
    }
  }

  /** A receipt from an emulated phone to the devices of whoever sent the message. */
  sendPhoneReceipt(account: EmulatedAccount, record: ReceivedMessage, type: "read" | undefined) {
    record.receiptsSent.push(type ?? "delivery");
    const original = this.sentIndex.get(record.id);
    const senderAccount = original?.sender.account ?? this.requireAccount(record.fromPhone);
    const isGroup = isGroupJid(record.chat) || record.chat === STATUS_JID;
    const lidForm = !!original?.chat.endsWith("@lid");
    const attrs: Record<string, string> = { id: record.id, t: String(now()) };
    if (isGroup) {
      attrs.from = record.chat;
      attrs.participant = account.pnJid;
    } else {
      attrs.from = lidForm ? account.lidJid : account.pnJid;
    }
    if (type) attrs.type = type;
    this.deliverToCompanionsOf(senderAccount, { tag: "receipt", attrs });
    this.recordReceipt(senderAccount, record.id, account.pnJid, type ?? "delivery");
  }

  private recordReceipt(senderAccount: EmulatedAccount, messageId: string, from: string, type: string) {
    const sent = senderAccount.sent.find((s) => s.id === messageId);
    if (sent) sent.receipts.push({ from, type });
    this.emit("receipt", { phone: senderAccount.phone, receipt: { messageId, from, type } satisfies DeliveredReceipt });
  }

  /** A companion acknowledged a message: forward delivery/read to the sender's devices. */
  private routeCompanionReceipt(device: CompanionDevice, node: BinaryNode) {
    const type = node.attrs.type;
    const ids = [node.attrs.id!, ...getBinaryNodeChildren(getBinaryNodeChild(node, "list"), "item").map((i) => i.attrs.id!)];
    this.sessionSetup.answered(device, ids);
    if (type === "sender" || type === "peer_msg" || type === "hist_sync" || type === "retry" || type === "server-error") {
      if (type === "retry") this.emit("retry-receipt", { phone: device.account.phone, node });
      return;
    }
    const forwardedType = type === "inactive" ? undefined : type === "read-self" ? undefined : type;
    if (type === "read-self") return;
    for (const id of ids) {
      const original = this.sentIndex.get(id);
      if (!original) continue;
      const senderAccount = original.sender.account;
      if (senderAccount === device.account) continue;
      const isGroup = isGroupJid(original.chat) || original.chat === STATUS_JID;
      const lidForm = original.chat.endsWith("@lid");
      const attrs: Record<string, string> = { id, t: node.attrs.t ?? String(now()) };
      if (isGroup) {
        attrs.from = original.chat;
        attrs.participant = device.account.pnJid;
      } else {
        attrs.from = lidForm ? device.account.lidJid : device.account.pnJid;
      }
      if (forwardedType) attrs.type = forwardedType;
      this.deliverToCompanionsOf(senderAccount, { tag: "receipt", attrs });
      this.recordReceipt(senderAccount, id, device.pnJid, forwardedType ?? "delivery");
    }
  }

  /**
   * An emulated phone sends a message: to a person (fanned out to their phone and companions,
   * with sync copies to the sender's own companions), to a group, or to status@broadcast.
   */
  async sendFromPhone(
    account: EmulatedAccount,
    to: string,
    message: proto.IMessage,
    options: { id?: string; statusRecipients?: string[]; edit?: string } = {},
  ) {
    const id = options.id ?? newMessageId();
    const t = String(now());
    const type = messageStanzaType(message);
    const baseAttrs: Record<string, string> = { id, t, type, notify: account.name, ...(options.edit ? { edit: options.edit } : {}) };
    const plaintext = encodeWAMessage(message);
    const senderRef: DeviceRef = { account, device: 0 };

    if (isGroupJid(to)) {
      const group = this.groups.get(to);
      if (!group) throw new Error(`no group ${to}`);
      if (!group.participants.some((p) => p.phone === account.phone)) throw new Error(`${account.phone} is not in ${to}`);
      const { ciphertext, distribution } = await account.endpoint.groupEncrypt(to, account.lid, plaintext);
      const holdersKey = `${account.phone}|${to}`;
      const holders = this.senderKeyHolders.get(holdersKey) ?? new Set<string>();
      this.senderKeyHolders.set(holdersKey, holders);
      const skdm = encodeWAMessage({ senderKeyDistributionMessage: { groupId: to, axolotlSenderKeyDistributionMessage: distribution } });
      this.sentIndex.set(id, { sender: senderRef, chat: to });
      account.sent.push({ id, to, message, timestamp: Number(t), receipts: [] });
      for (const member of group.participants) {
        for (const ref of this.devicesOf(this.requireAccount(member.phone))) {
          if (ref.account === account && ref.device === 0) continue;
          const key = `${ref.account.lid}.${ref.device}`;
          const content: BinaryNode[] = [];
          if (!holders.has(key)) {
            const pair = await this.encryptFromPhone(account, ref, skdm);
            content.push({ tag: "enc", attrs: { v: "2", type: pair.type }, content: pair.ciphertext });
            holders.add(key);
          }
          content.push({ tag: "enc", attrs: { v: "2", type: "skmsg" }, content: ciphertext });
          await this.deliver(
            ref,
            {
              tag: "message",
              attrs: { ...baseAttrs, from: to, ...actorAttrs(group, account), addressing_mode: group.addressingMode ?? "pn" },
              content,
            },
            senderRef,
          );
        }
      }
      return { id, timestamp: Number(t) };
    }

    if (to === STATUS_JID) {
      const recipients = (options.statusRecipients ?? this.listAccounts().map((a) => a.phone)).map((p) => this.requireAccount(p)).filter((a) => a !== account);
      this.sentIndex.set(id, { sender: senderRef, chat: to });
      account.sent.push({ id, to, message, timestamp: Number(t), receipts: [] });
      for (const recipient of [...recipients, account]) {
        for (const ref of this.devicesOf(recipient)) {
          if (ref.account === account && ref.device === 0) continue;
          const pair = await this.encryptFromPhone(account, ref, plaintext);
          await this.deliver(
            ref,
            {
              tag: "message",
              attrs: { ...baseAttrs, from: STATUS_JID, participant: account.pnJid, participant_lid: account.lidJid },
              content: [{ tag: "enc", attrs: { v: "2", type: pair.type }, content: pair.ciphertext }],
            },
            senderRef,
          );
        }
      }
      return { id, timestamp: Number(t) };
    }

    const recipient = this.requireAccount(to);
    this.sentIndex.set(id, { sender: senderRef, chat: recipient.pnJid });
    account.sent.push({ id, to: recipient.pnJid, message, timestamp: Number(t), receipts: [] });
    for (const ref of this.devicesOf(recipient)) {
      const pair = await this.encryptFromPhone(account, ref, plaintext);
      await this.deliver(
        ref,
        {
          tag: "message",
          attrs: {
            ...baseAttrs,
            ...(account.state.behaviour.lidAddressing
              ? { from: account.lidJid, sender_pn: account.pnJid }
              : { from: account.pnJid, sender_lid: account.lidJid }),
          },
          content: [{ tag: "enc", attrs: { v: "2", type: pair.type }, content: pair.ciphertext }],
        },
        senderRef,
      );
    }
    if (recipient !== account) {
      const dsm = encodeWAMessage({ deviceSentMessage: { destinationJid: recipient.pnJid, message } });
      for (const companion of account.companions.values()) {
        const ref = { account, device: companion.deviceId };
        const pair = await this.encryptFromPhone(account, ref, dsm);
        await this.deliver(
          ref,
          {
            tag: "message",
            attrs: { ...baseAttrs, from: account.pnJid, recipient: recipient.pnJid },
            content: [{ tag: "enc", attrs: { v: "2", type: pair.type }, content: pair.ciphertext }],
          },
          senderRef,
        );
      }
    }
    return { id, timestamp: Number(t) };
  }

  /** An emulated phone marks received messages as read. */
  markRead(account: EmulatedAccount, messageIds: string[]) {
    for (const record of account.received.filter((r) => messageIds.includes(r.id))) {
      if (!record.receiptsSent.includes("read")) this.sendPhoneReceipt(account, record, "read");
    }
  }

  // ---------------------------------------------------------------- presence

  private onCompanionPresence(connection: CompanionConnection, node: BinaryNode) {
    const account = connection.device!.account;
    if (node.attrs.type === "subscribe" && node.attrs.to) {
      const target = this.getAccount(node.attrs.to);
      if (!target) return;
      const subscribers = this.presenceSubscriptions.get(target.phone) ?? new Set();
      subscribers.add(connection);
      this.presenceSubscriptions.set(target.phone, subscribers);
      connection.send(this.presenceNode(target, node.attrs.to));
      return;
    }
    if (node.attrs.type === "available" || node.attrs.type === "unavailable") {
      account.presence.lastKnown = node.attrs.type;
      this.emit("presence", { phone: account.phone, presence: node.attrs.type, device: connection.device!.deviceId });
      this.broadcastPresence(account);
    }
  }

  private presenceNode(account: EmulatedAccount, asJid: string): BinaryNode {
    const available = account.presence.lastKnown === "available";
    return {
      tag: "presence",
      attrs: { from: asJid.endsWith("@lid") ? account.lidJid : account.pnJid, ...(available ? {} : { type: "unavailable", last: String(now() - 60) }) },
    };
  }

  broadcastPresence(account: EmulatedAccount) {
    for (const connection of this.presenceSubscriptions.get(account.phone) ?? []) {
      if (connection.isOpen) connection.send(this.presenceNode(account, account.pnJid));
    }
  }

  setPresence(account: EmulatedAccount, presence: "available" | "unavailable") {
    account.presence.lastKnown = presence;
    this.broadcastPresence(account);
  }

  /** Typing indicators: an emulated contact composes/pauses/records in a chat. */
  sendChatState(account: EmulatedAccount, to: string, state: "composing" | "paused" | "recording") {
    const child: BinaryNode = state === "recording" ? { tag: "composing", attrs: { media: "audio" } } : { tag: state, attrs: {} };
    if (isGroupJid(to)) {
      const group = this.groups.get(to);
      for (const member of group?.participants ?? []) {
        if (member.phone === account.phone) continue;
        this.sendToOnlineCompanions(this.requireAccount(member.phone), { tag: "chatstate", attrs: { from: to, participant: account.pnJid }, content: [child] });
      }
      return;
    }
    this.sendToOnlineCompanions(this.requireAccount(to), { tag: "chatstate", attrs: { from: account.pnJid }, content: [child] });
  }

  private sendToOnlineCompanions(account: EmulatedAccount, node: BinaryNode) {
    for (const device of account.companions.values()) {
      if (device.connection?.isOpen) device.connection.send(structuredClone(node));
    }
  }

  private onCompanionChatState(device: CompanionDevice, node: BinaryNode) {
    const to = node.attrs.to;
    const child = Array.isArray(node.content) ? node.content[0] : undefined;
    const state = child?.attrs?.media === "audio" ? "recording" : child?.tag;
    if (!to || !state) return;
    const target = this.getAccount(to);
    this.emit("chatstate", { from: device.account.phone, to: target?.phone ?? to, state });
    if (target) this.sendToOnlineCompanions(target, { tag: "chatstate", attrs: { from: device.account.pnJid }, content: [child!] });
  }

  // ---------------------------------------------------------------- profile

  setProfilePicture(account: EmulatedAccount, image: Uint8Array | undefined) {
    if (image) {
      account.state.picture = b64(image);
      account.state.pictureId = String(now());
    } else {
      delete account.state.picture;
      delete account.state.pictureId;
    }
    for (const other of this.listAccounts()) {
      this.sendToOnlineCompanions(other, {
        tag: "notification",
        attrs: { from: account.pnJid, type: "picture", id: newMessageId(), t: String(now()) },
        content: [image ? { tag: "set", attrs: { jid: account.pnJid, id: account.state.pictureId! } } : { tag: "delete", attrs: { jid: account.pnJid } }],
      });
    }
  }

  // ---------------------------------------------------------------- groups

  /** How often companions asked for each group's metadata (w:g2 query). */
  readonly metadataFetches = new Map<string, number>();

  countMetadataFetch(jid: string) {
    this.metadataFetches.set(jid, (this.metadataFetches.get(jid) ?? 0) + 1);
  }

  groupOrThrow(jid: string) {
    const group = this.groups.get(jid);
    if (!group) throw Object.assign(new Error(`no group ${jid}`), { code: 404 });
    return group;
  }

  groupNodeFor(group: GroupState) {
    return groupNode(group, (phone) => this.requireAccount(phone));
  }

  private isAdmin(group: GroupState, account: EmulatedAccount) {
    return !!group.participants.find((p) => p.phone === account.phone)?.role;
  }

  private notifyGroup(group: GroupState, actor: EmulatedAccount, child: BinaryNode, extraRecipients: EmulatedAccount[] = []) {
    const recipients = new Set([...group.participants.map((p) => this.requireAccount(p.phone)), ...extraRecipients]);
    const node: BinaryNode = {
      tag: "notification",
      attrs: { from: group.id, type: "w:gp2", id: newMessageId(), t: String(now()), ...actorAttrs(group, actor), notify: actor.name },
      content: [child],
    };
    for (const account of recipients) this.deliverToCompanionsOf(account, node);
    this.emit("group-notification", { group: group.id, actor: actor.phone, action: child.tag, node });
  }

  createGroup(creator: EmulatedAccount, subject: string, memberPhones: string[], addressingMode: "pn" | "lid" = "pn") {
    const members = memberPhones.map((p) => this.requireAccount(p).phone);
    const group = newGroup(creator, subject, members, addressingMode);
    this.groups.set(group.id, group);
    this.notifyGroup(group, creator, { tag: "create", attrs: {}, content: [this.groupNodeFor(group)] });
    return group;
  }

  updateParticipants(actor: EmulatedAccount, groupJid: string, action: "add" | "remove" | "promote" | "demote", phones: string[]) {
    const group = this.groupOrThrow(groupJid);
    if (!this.isAdmin(group, actor)) throw Object.assign(new Error("not an admin"), { code: 403 });
    const results: Array<{ account?: EmulatedAccount; jid: string; error?: string }> = [];
    const affected: EmulatedAccount[] = [];
    for (const phoneOrJid of phones) {
      const account = this.getAccount(phoneOrJid);
      const member = account && group.participants.find((p) => p.phone === account.phone);
      if (!account) {
        results.push({ jid: phoneOrJid, error: "404" });
        continue;
      }
      if (action === "add") {
        if (member) results.push({ account, jid: account.pnJid, error: "409" });
        else {
          group.participants.push({ phone: account.phone, role: null });
          affected.push(account);
          results.push({ account, jid: account.pnJid });
        }
      } else if (!member) {
        results.push({ account, jid: account.pnJid, error: "404" });
      } else {
        if (action === "remove") group.participants = group.participants.filter((p) => p !== member);
        else member.role = action === "promote" ? "admin" : null;
        affected.push(account);
        results.push({ account, jid: account.pnJid });
      }
    }
    if (affected.length) {
      // Removed members hold a sender key that must not decrypt what comes next.
      if (action === "remove") for (const key of this.senderKeyHolders.keys()) if (key.endsWith(`|${group.id}`)) this.senderKeyHolders.delete(key);
      this.notifyGroup(
        group,
        actor,
        { tag: action, attrs: {}, content: affected.map((a) => participantNode(a, null, group.addressingMode === "lid")) },
        action === "remove" ? affected : [],
      );
    }
    return results;
  }

  leaveGroup(account: EmulatedAccount, groupJid: string) {
    const group = this.groupOrThrow(groupJid);
    group.participants = group.participants.filter((p) => p.phone !== account.phone);
    this.notifyGroup(group, account, { tag: "remove", attrs: {}, content: [participantNode(account, null, group.addressingMode === "lid")] }, [account]);
  }

  /** WhatsApp's refusal when a member who is not an admin changes what only admins may. */
  private requireAdmin(group: GroupState, actor: EmulatedAccount, unless = false) {
    if (unless) return;
    if (!group.participants.some((p) => p.phone === actor.phone)) throw Object.assign(new Error("not a participant"), { code: 403 });
    if (!this.isAdmin(group, actor)) throw Object.assign(new Error("not an admin"), { code: 403 });
  }

  setGroupSubject(actor: EmulatedAccount, groupJid: string, subject: string) {
    const group = this.groupOrThrow(groupJid);
    // Any member may edit the group's info unless it is locked to admins.
    this.requireAdmin(group, actor, !group.locked && group.participants.some((p) => p.phone === actor.phone));
    group.subject = subject;
    group.subjectOwner = actor.phone;
    group.subjectTime = now();
    this.notifyGroup(group, actor, { tag: "subject", attrs: { subject, s_o: actor.pnJid, s_t: String(group.subjectTime) } });
  }

  setGroupDescription(actor: EmulatedAccount, groupJid: string, text: string | undefined) {
    const group = this.groupOrThrow(groupJid);
    this.requireAdmin(group, actor, !group.locked && group.participants.some((p) => p.phone === actor.phone));
    const id = newMessageId();
    group.description = text ? { id, text, owner: actor.phone, time: now() } : undefined;
    this.notifyGroup(group, actor, {
      tag: "description",
      attrs: { id, ...(text ? {} : { delete: "true" }) },
      content: text ? [{ tag: "body", attrs: {}, content: Buffer.from(text) }] : undefined,
    });
  }

  setGroupSetting(actor: EmulatedAccount, groupJid: string, setting: "announcement" | "not_announcement" | "locked" | "unlocked") {
    const group = this.groupOrThrow(groupJid);
    if (!this.isAdmin(group, actor)) throw Object.assign(new Error("not an admin"), { code: 403 });
    if (setting === "announcement" || setting === "not_announcement") group.announce = setting === "announcement";
    else group.locked = setting === "locked";
    this.notifyGroup(group, actor, { tag: setting, attrs: {} });
  }

  setGroupPicture(actor: EmulatedAccount, groupJid: string, image: Uint8Array | undefined) {
    const group = this.groupOrThrow(groupJid);
    this.requireAdmin(group, actor, !group.locked && group.participants.some((p) => p.phone === actor.phone));
    group.picture = image ? b64(image) : undefined;
    group.pictureId = image ? String(now()) : undefined;
    // WhatsApp announces a group's new icon as a picture notification from the group itself.
    const node: BinaryNode = {
      tag: "notification",
      attrs: { from: group.id, type: "picture", id: newMessageId(), t: String(now()) },
      content: [image ? { tag: "set", attrs: { id: group.pictureId!, author: actor.pnJid } } : { tag: "delete", attrs: { author: actor.pnJid } }],
    };
    for (const member of group.participants) this.deliverToCompanionsOf(this.requireAccount(member.phone), node);
    this.emit("group-notification", { group: group.id, actor: actor.phone, action: "picture", node });
  }

  revokeGroupInvite(actor: EmulatedAccount, groupJid: string) {
    const group = this.groupOrThrow(groupJid);
    this.requireAdmin(group, actor);
    group.inviteCode = newInviteCode();
    return group.inviteCode;
  }

  joinGroupByInvite(account: EmulatedAccount, code: string) {
    const group = [...this.groups.values()].find((g) => g.inviteCode === code);
    if (!group) throw Object.assign(new Error("invalid invite code"), { code: 406 });
    const member = group.participants.some((p) => p.phone === account.phone);
    if (!member && group.joinApproval) {
      // Waits for an admin: the join is a request until approved.
      group.joinRequests ??= [];
      if (!group.joinRequests.some((r) => r.phone === account.phone)) group.joinRequests.push({ phone: account.phone, time: now() });
      this.emit("group-join-request", { group: group.id, phone: account.phone });
      return group;
    }
    if (!member) {
      group.participants.push({ phone: account.phone, role: null });
      this.notifyGroup(group, account, { tag: "add", attrs: { reason: "invite" }, content: [participantNode(account, null, group.addressingMode === "lid")] });
    }
    return group;
  }

  setJoinApproval(actor: EmulatedAccount, groupJid: string, on: boolean) {
    const group = this.groupOrThrow(groupJid);
    this.requireAdmin(group, actor);
    group.joinApproval = on;
  }

  listJoinRequests(actor: EmulatedAccount, groupJid: string) {
    const group = this.groupOrThrow(groupJid);
    this.requireAdmin(group, actor);
    return (group.joinRequests ?? []).map((r) => ({ account: this.requireAccount(r.phone), time: r.time }));
  }

  /** An admin approves (the person joins) or rejects join requests; a result per person. */
  answerJoinRequests(actor: EmulatedAccount, groupJid: string, action: "approve" | "reject", jids: string[]) {
    const group = this.groupOrThrow(groupJid);
    this.requireAdmin(group, actor);
    const results: Array<{ jid: string; error?: string }> = [];
    const approved: EmulatedAccount[] = [];
    for (const jid of jids) {
      const account = this.getAccount(jid);
      const pending = account && group.joinRequests?.find((r) => r.phone === account.phone);
      if (!account || !pending) {
        results.push({ jid, error: "404" });
        continue;
      }
      group.joinRequests = group.joinRequests!.filter((r) => r !== pending);
      if (action === "approve" && !group.participants.some((p) => p.phone === account.phone)) {
        group.participants.push({ phone: account.phone, role: null });
        approved.push(account);
      }
      results.push({ jid });
    }
    if (approved.length) {
      this.notifyGroup(group, actor, {
        tag: "add",
        attrs: { reason: "approval" },
        content: approved.map((a) => participantNode(a, null, group.addressingMode === "lid")),
      });
    }
    return results;
  }

  groupsOf(account: EmulatedAccount) {
    return [...this.groups.values()].filter((g) => g.participants.some((p) => p.phone === account.phone));
  }
}

export function messageStanzaType(message: proto.IMessage): string {
  if (message.reactionMessage) return "reaction";
  if (message.pollCreationMessage || message.pollCreationMessageV3 || message.pollUpdateMessage) return "poll";
  if (
    message.imageMessage ||
    message.videoMessage ||
    message.audioMessage ||
    message.documentMessage ||
    message.stickerMessage ||
    message.contactMessage ||
    message.locationMessage
  ) {
    return "media";
  }
  return "text";
}
