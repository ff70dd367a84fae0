// Companions joining the network: the login after the Noise handshake (or the registration of a
// new device), linking by QR code or pairing code, unlinking, and the open connections a phone
// number or device jid has (faults are injected into those).
import { randomBytes } from "node:crypto";
import { Curve, decodeBinaryNode, getBinaryNodeChild, proto, type BinaryNode } from "@whiskeysockets/baileys";
import type { CompanionDevice, EmulatedAccount } from "./accounts";
import type { CompanionConnection, FaultKind, PendingRegistration } from "./companion-connection";
import type { DeviceRegistry } from "./device-registry";
import { normalizePhone, parseUserJid } from "./jids";
import { now, type NetworkEvents } from "./network-events";
import type { CurveKeyPair } from "./noise-certificates";
import { buildPairSuccess, deriveLinkCodeAdvSecret, parsePairingQr, unwrapCodeKey, wrapCodeKey } from "./pairing";
import type { SessionSetupOrder } from "./session-setup";
import { b64, fromB64 } from "./state-encoding";

export class DeviceLinking {
  private readonly connections = new Set<CompanionConnection>();
  /** Logged-in connections per companion device jid, and the most ever open at once (several gateway nodes must never reach 2). */
  private readonly loggedIn = new Map<string, Set<CompanionConnection>>();
  readonly mostSimultaneous = new Map<string, number>();
  private readonly pendingRegistrations = new Map<string, CompanionConnection>();
  private readonly linkCodeSessions = new Map<
    string,
    { connection: CompanionConnection; account: EmulatedAccount; ephemeral: CurveKeyPair; companionEphemeral: Buffer }
  >();

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly sessionSetup: SessionSetupOrder,
    private readonly events: NetworkEvents,
  ) {}

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
      this.events.emit("registration", { connection });
      return;
    }
    const account = this.registry.byPhoneNumber(String(payload.username));
    const device = account?.companions.get(payload.device ?? 0);
    if (!account || !device || !fromB64(device.state.noiseKey).equals(clientStatic)) {
      connection.failure(401);
      this.events.emit("login-rejected", { username: String(payload.username), device: payload.device });
      return;
    }
    // A second login of the same device replaces the first, as on WhatsApp.
    if (device.connection && device.connection !== connection && device.connection.isOpen) {
      device.connection.inject("conflict");
    }
    device.connection = connection;
    connection.device = device;
    const open = this.loggedIn.get(device.pnJid) ?? new Set<CompanionConnection>();
    open.add(connection);
    this.loggedIn.set(device.pnJid, open);
    this.mostSimultaneous.set(device.pnJid, Math.max(this.mostSimultaneous.get(device.pnJid) ?? 0, open.size));
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
    this.events.emit("companion-login", { phone: account.phone, device: device.deviceId, jid: device.pnJid });
  }

  /** A connection closed: forgets its registration; false when it was not (or no longer) known. */
  forgetConnection(connection: CompanionConnection): boolean {
    if (!this.connections.delete(connection)) return false;
    if (connection.device) this.loggedIn.get(connection.device.pnJid)?.delete(connection);
    for (const ref of connection.registration?.refs ?? []) this.pendingRegistrations.delete(ref);
    return true;
  }

  /** The device of a closed connection goes offline (unless a newer login already replaced it). */
  releaseDevice(connection: CompanionConnection) {
    const device = connection.device;
    if (device && device.connection === connection) {
      device.connection = undefined;
      this.sessionSetup.disconnected(device);
      this.events.emit("companion-disconnect", { phone: device.account.phone, device: device.deviceId, jid: device.pnJid });
    }
  }

  connectionsFor(phoneOrDeviceJid: string): CompanionConnection[] {
    const parsed = parseUserJid(phoneOrDeviceJid.includes("@") ? phoneOrDeviceJid : `${normalizePhone(phoneOrDeviceJid)}@s.whatsapp.net`);
    const account = parsed && this.registry.byUserJid(parsed);
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
    this.events.emit("companion-removed", { phone: device.account.phone, device: device.deviceId });
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
    return this.completePairing(connection, registration, this.registry.requireAccount(phone), scanned.advSecret);
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
    this.events.emit("paired", { phone: account.phone, device: device.deviceId, jid: device.pnJid });
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
    this.events.emit("pairing-code-requested", { phone: normalizePhone(reg.attrs.jid ?? "") });
  }

  /** The account's owner types the pairing code the companion displayed into the phone. */
  enterPairingCode(phone: string, code: string) {
    const account = this.registry.requireAccount(phone);
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
}
