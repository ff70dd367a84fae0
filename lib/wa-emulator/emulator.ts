// Entry point of the local WhatsApp Web network emulator: a WebSocket endpoint that
// unmodified Baileys connects to (waWebSocketUrl), an HTTPS media host, and an API to act
// as the other people on the network. Meant for tests and the gateway's sandbox mode only.
import { createServer, type Server } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { AddressInfo } from "node:net";
import { proto } from "@whiskeysockets/baileys";
import { Agent as UndiciAgent } from "undici";
import { WebSocketServer } from "ws";
import type { ContactBehaviour, EmulatedAccount, ReceivedMessage, SentMessage } from "./accounts";
import { CompanionConnection, type FaultKind } from "./companion-connection";
import type { GroupRole, GroupState } from "./groups";
import { STATUS_JID, normalizePhone } from "./jids";
import { decryptMedia } from "./media-crypto";
import { MediaHost } from "./media-host";
import { buildContactMessage, type ContactContent, type PollLookup } from "./message-content";
import { WaNetwork, type EmulatorState } from "./network";
import { createNoiseRoot, trustEmulatorRoot, type CertDetailsTarget } from "./noise-certificates";
import { b64 } from "./state-encoding";
import { createSelfSignedCertificate } from "./tls-certificate";

const MEDIA_FIELDS = [
  ["imageMessage", "image"],
  ["videoMessage", "video"],
  ["audioMessage", "audio"],
  ["documentMessage", "document"],
  ["stickerMessage", "sticker"],
] as const;

export type { ContactContent, EmulatorState, FaultKind, ContactBehaviour, ReceivedMessage, SentMessage };

export interface StartWaEmulatorOptions {
  port?: number;
  host?: string;
  state?: EmulatorState;
}

export interface AccountInfo {
  phone: string;
  jid: string;
  lid: string;
  name: string;
  behaviour: ContactBehaviour;
  devices: Array<{ id: number; jid: string; online: boolean }>;
}

export interface GroupInfo {
  jid: string;
  subject: string;
  description?: string;
  announce: boolean;
  locked: boolean;
  inviteCode: string;
  participants: Array<{ phone: string; jid: string; lid: string; role: GroupRole }>;
  /** Bytes of the group's picture (base64), when one is set. */
  picture?: string;
  /** How many times companions fetched this group's metadata. */
  metadataFetches: number;
}

/**
 * Events: message, receipt, paired, pairing-code-requested, companion-login, companion-disconnect,
 * companion-removed, login-rejected, registration, group-notification, presence, chatstate,
 * retry-receipt, undeliverable, unhandled-iq, stanza, privacy-token ({ phone, jids }: a companion
 * issued its privacy token to contacts), and error-report ({ error, phone?, from?,
 * messageId?, connection? }: an emulated phone failed to decrypt or a frame failed to parse;
 * tests assert there are none).
 */
export type WaEmulatorEvent = string;

export class WaEmulator {
  /** Agent for Baileys' `fetchAgent` socket option (media uploads). */
  readonly fetchAgent: HttpsAgent;
  /**
   * Third argument of downloadMediaMessage / downloadContentFromMessage: Baileys downloads
   * with global fetch, which trusts the media host only through this dispatcher.
   */
  readonly downloadOptions: { options: RequestInit };
  private readonly downloadDispatcher: UndiciAgent;

  constructor(
    private readonly network: WaNetwork,
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    private readonly media: MediaHost,
    readonly wsUrl: string,
    /** PEM of the media host's self-signed certificate, the CA to trust for media. */
    readonly mediaCaPem: string,
    private readonly tlsKeyPem: string,
  ) {
    this.fetchAgent = new HttpsAgent({ ca: mediaCaPem, keepAlive: false });
    this.downloadDispatcher = new UndiciAgent({ connect: { ca: mediaCaPem } });
    // RequestInit's dispatcher type comes from Node's bundled undici, ours from the package.
    this.downloadOptions = { options: { dispatcher: this.downloadDispatcher } as RequestInit };
  }

  /** host:port of the media host (what media_conn hands out). */
  get mediaHost() {
    return this.media.hostname;
  }

  /**
   * Makes the given Baileys module instance trust this emulator's Noise root. Pass the
   * WA_CERT_DETAILS exported by the same '@whiskeysockets/baileys' import the sockets use.
   * WARNING: only in sandbox/test processes; the process then cannot verify real WhatsApp.
   */
  trustInBaileys(certDetails: CertDetailsTarget) {
    trustEmulatorRoot(certDetails, this.network.root);
  }

  // ------------------------------------------------------------ accounts

  createAccount({ phone, name }: { phone: string; name?: string }): AccountInfo {
    return this.describe(this.network.devices.createAccount(phone, name).phone)!;
  }

  getAccount(phone: string): AccountInfo | undefined {
    return this.describe(phone);
  }

  listAccounts(): AccountInfo[] {
    return this.network.devices.listAccounts().map((a) => this.describe(a.phone)!);
  }

  setBehaviour(phone: string, behaviour: Partial<ContactBehaviour>) {
    Object.assign(this.network.devices.requireAccount(phone).state.behaviour, behaviour);
  }

  setProfileName(phone: string, name: string) {
    this.network.devices.requireAccount(phone).state.name = name;
  }

  setAbout(phone: string, about: string) {
    this.network.devices.requireAccount(phone).state.about = about;
  }

  /** Sets (or with undefined removes) an account's profile picture; companions are notified. */
  setProfilePicture(phone: string, image: Uint8Array | undefined) {
    this.network.presence.setProfilePicture(this.network.devices.requireAccount(phone), image);
  }

  isOnWhatsApp(phone: string) {
    return !!this.network.devices.getAccount(phone);
  }

  // ------------------------------------------------------------ pairing

  /** The phone of `phone`'s account scans a QR string emitted by Baileys; resolves once paired. */
  async scanQr(qr: string, { phone }: { phone: string }) {
    const device = await this.network.linking.scanQr(qr, phone);
    return { jid: device.pnJid, lid: device.lidJid, deviceId: device.deviceId };
  }

  /**
   * The most connections each companion device (its jid) ever had logged in at the same time. A
   * second login replaces the first, as on WhatsApp — but for a moment both are open, and on
   * WhatsApp that is what gets a number banned: several gateway nodes must keep this at 1.
   */
  mostSimultaneousConnections(): Record<string, number> {
    return Object.fromEntries(this.network.linking.mostSimultaneous);
  }

  /** The owner types the code returned by sock.requestPairingCode() into the phone. */
  enterPairingCode(phone: string, code: string) {
    this.network.linking.enterPairingCode(phone, code);
  }

  // ------------------------------------------------------------ messaging as a contact

  /** An emulated account's phone sends a message to a person (phone or jid) or group jid. */
  async sendMessage(fromPhone: string, to: string, content: ContactContent) {
    const sender = this.network.devices.requireAccount(fromPhone);
    const chat = to.endsWith("@g.us") || to === STATUS_JID ? to : this.network.devices.requireAccount(to).pnJid;
    const built = await buildContactMessage(content, chat, this.media, this.pollsOf(sender));
    return this.network.router.sendFromPhone(sender, chat, built.message, { edit: built.edit });
  }

  /** Posts a status (status@broadcast) to the given accounts, or to everyone. */
  async postStatus(fromPhone: string, content: ContactContent, recipients?: string[]) {
    const built = await buildContactMessage(content, STATUS_JID, this.media);
    return this.network.router.sendFromPhone(this.network.devices.requireAccount(fromPhone), STATUS_JID, built.message, {
      statusRecipients: recipients,
    });
  }

  /** Messages an account's phone received (decrypted), with the receipts it sent. */
  received(phone: string): ReceivedMessage[] {
    return this.network.devices.requireAccount(phone).received;
  }

  /** Messages an account's phone sent, with the receipts that came back. */
  sent(phone: string): SentMessage[] {
    return this.network.devices.requireAccount(phone).sent;
  }

  /** Downloads and decrypts the media of a message (as received by an emulated phone). */
  async downloadMedia(message: proto.IMessage): Promise<Buffer> {
    for (const [field, mediaType] of MEDIA_FIELDS) {
      const media = message[field] as proto.Message.IImageMessage | null | undefined;
      if (!media?.mediaKey || !media.directPath) continue;
      const body = this.media.blobs.get(new URL(media.directPath, "https://media").pathname);
      if (!body) throw new Error(`media ${media.directPath} is not on the emulator's media host`);
      return decryptMedia(body, media.mediaKey, mediaType);
    }
    throw new Error("message has no downloadable media");
  }

  markRead(phone: string, messageIds: string[]) {
    this.network.router.markRead(this.network.devices.requireAccount(phone), messageIds);
  }

  setPresence(phone: string, presence: "available" | "unavailable") {
    this.network.presence.setPresence(this.network.devices.requireAccount(phone), presence);
  }

  sendChatState(fromPhone: string, to: string, state: "composing" | "paused" | "recording") {
    const chat = to.endsWith("@g.us") ? to : this.network.devices.requireAccount(to).pnJid;
    this.network.presence.sendChatState(this.network.devices.requireAccount(fromPhone), chat, state);
  }

  // ------------------------------------------------------------ groups

  /** `addressingMode: 'lid'`: members are addressed by LID, their phone numbers beside it (as in most groups today). */
  createGroup(creatorPhone: string, subject: string, memberPhones: string[], options: { addressingMode?: "pn" | "lid" } = {}) {
    return this.network.groupAdmin.createGroup(this.network.devices.requireAccount(creatorPhone), subject, memberPhones, options.addressingMode).id;
  }

  groupMetadata(jid: string): GroupInfo | undefined {
    const group = this.network.groupAdmin.groups.get(jid);
    return group && this.describeGroup(group);
  }

  participatingGroups(phone: string): GroupInfo[] {
    return this.network.groupAdmin.groupsOf(this.network.devices.requireAccount(phone)).map((g) => this.describeGroup(g));
  }

  updateGroupParticipants(actorPhone: string, jid: string, action: "add" | "remove" | "promote" | "demote", phones: string[]) {
    return this.network.groupAdmin
      .updateParticipants(this.network.devices.requireAccount(actorPhone), jid, action, phones)
      .map((r) => ({ jid: r.jid, status: r.error ?? "200" }));
  }

  setGroupSubject(actorPhone: string, jid: string, subject: string) {
    this.network.groupAdmin.setGroupSubject(this.network.devices.requireAccount(actorPhone), jid, subject);
  }

  setGroupDescription(actorPhone: string, jid: string, description: string | undefined) {
    this.network.groupAdmin.setGroupDescription(this.network.devices.requireAccount(actorPhone), jid, description);
  }

  setGroupSetting(actorPhone: string, jid: string, setting: "announcement" | "not_announcement" | "locked" | "unlocked") {
    this.network.groupAdmin.setGroupSetting(this.network.devices.requireAccount(actorPhone), jid, setting);
  }

  leaveGroup(phone: string, jid: string) {
    this.network.groupAdmin.leaveGroup(this.network.devices.requireAccount(phone), jid);
  }

  /** How many times companions fetched this group's metadata (w:g2 query). */
  groupMetadataFetches(jid: string): number {
    return this.network.groupAdmin.metadataFetches.get(jid) ?? 0;
  }

  /** The group an invite code opens, if any (without joining it). */
  groupByInviteCode(code: string): GroupInfo | undefined {
    const group = this.network.groupAdmin.findByInviteCode(code);
    return group && this.describeGroup(group);
  }

  groupInviteCode(jid: string) {
    return this.network.groupAdmin.groupOrThrow(jid).inviteCode;
  }

  revokeGroupInvite(actorPhone: string, jid: string) {
    return this.network.groupAdmin.revokeGroupInvite(this.network.devices.requireAccount(actorPhone), jid);
  }

  joinGroupViaInvite(phone: string, code: string) {
    return this.network.groupAdmin.joinGroupByInvite(this.network.devices.requireAccount(phone), code).id;
  }

  // ------------------------------------------------------------ faults

  /**
   * Injects a fault on the connected companion(s) of an account (phone) or one device (device
   * jid): drop (socket vanishes), logout (401, device removed), conflict (440),
   * restart (515), stall-iq (iqs go unanswered). Returns how many connections were hit.
   */
  fault(phoneOrDeviceJid: string, kind: FaultKind): number {
    return this.network.linking.fault(phoneOrDeviceJid, kind);
  }

  /**
   * From now on (true) new logins get a certificate chain signed by a root the clients were not
   * told to trust, with WhatsApp's serial: what a man in the middle could present. A client that
   * checks the chain refuses the server; false goes back to the real chain.
   */
  impersonateServer(on: boolean) {
    this.network.impostorRoot = on ? { keyPair: createNoiseRoot().keyPair, serial: this.network.root.serial } : null;
  }

  // ------------------------------------------------------------ events

  on(event: WaEmulatorEvent, listener: (payload: any) => void) {
    this.network.on(event, listener);
    return this;
  }

  off(event: WaEmulatorEvent, listener: (payload: any) => void) {
    this.network.off(event, listener);
    return this;
  }

  /** Resolves with the first `event` payload matching `predicate` (rejects after timeoutMs). */
  waitFor<T = any>(event: WaEmulatorEvent, predicate: (payload: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.network.off(event, listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for emulator event "${event}"`));
      }, timeoutMs);
      const listener = (payload: T) => {
        if (!predicate(payload)) return;
        clearTimeout(timer);
        this.network.off(event, listener);
        resolve(payload);
      };
      this.network.on(event, listener);
    });
  }

  // ------------------------------------------------------------ lifecycle

  /**
   * JSON-serialisable snapshot of the whole network: the Noise root and server key, accounts
   * with their phones' Signal identities, sessions and sender keys, linked devices with their
   * uploaded keys and the stanzas queued for them while offline, groups, media and the media
   * host's certificate and port. `startWaEmulator({ state })` brings the network back so that
   * paired companions log straight back in and their Signal sessions carry on.
   */
  saveState(): EmulatorState {
    const media = Object.fromEntries([...this.media.blobs].map(([path, body]) => [path, b64(body)]));
    const mediaPort = Number(this.media.hostname.split(":").pop());
    return JSON.parse(JSON.stringify(this.network.toState(media, { certPem: this.mediaCaPem, keyPem: this.tlsKeyPem }, mediaPort)));
  }

  /** Closes every connection and server. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private stopping?: Promise<void>;

  private async shutdown() {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
    await this.media.close();
    this.fetchAgent.destroy();
    await this.downloadDispatcher.close();
  }

  private pollsOf(account: EmulatedAccount): PollLookup {
    return {
      voter: account,
      find: (id) => {
        const received = account.received.find((r) => r.id === id);
        if (received) return { message: received.message, creator: this.network.devices.requireAccount(received.fromPhone) };
        const sent = account.sent.find((s) => s.id === id);
        return sent && { message: sent.message, creator: account };
      },
    };
  }

  private describe(phone: string): AccountInfo | undefined {
    const account = this.network.devices.getAccount(phone);
    if (!account) return undefined;
    return {
      phone: account.phone,
      jid: account.pnJid,
      lid: account.lidJid,
      name: account.name,
      behaviour: { ...account.state.behaviour },
      devices: [...account.companions.values()].map((c) => ({ id: c.deviceId, jid: c.pnJid, online: !!c.connection?.isOpen })),
    };
  }

  private describeGroup(group: GroupState): GroupInfo {
    return {
      jid: group.id,
      subject: group.subject,
      description: group.description?.text,
      announce: group.announce,
      locked: group.locked,
      inviteCode: group.inviteCode,
      participants: group.participants.map((p) => ({
        phone: p.phone,
        jid: `${p.phone}@s.whatsapp.net`,
        lid: this.network.devices.requireAccount(p.phone).lidJid,
        role: p.role,
      })),
      picture: group.picture,
      metadataFetches: this.network.groupAdmin.metadataFetches.get(group.id) ?? 0,
    };
  }
}

export async function startWaEmulator(options: StartWaEmulatorOptions = {}): Promise<WaEmulator> {
  const host = options.host ?? "127.0.0.1";
  const network = new WaNetwork(options.state);
  const tls =
    options.state?.tls ??
    createSelfSignedCertificate({ commonName: "wa-emulator media", ipAddresses: [host === "localhost" ? "127.0.0.1" : host], dnsNames: ["localhost"] });
  const media = new MediaHost(tls);
  for (const [path, body] of Object.entries(options.state?.media ?? {})) media.blobs.set(path, Buffer.from(body, "base64"));
  await media.listen(host, options.state?.mediaPort);
  network.mediaHost = media;

  const http = createServer((_req, res) => res.writeHead(426).end("WebSocket only"));
  const wss = new WebSocketServer({ server: http, path: "/ws/chat" });
  wss.on("connection", (ws) => new CompanionConnection(ws, network));
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, host, resolve));
  const { port } = http.address() as AddressInfo;
  return new WaEmulator(network, http, wss, media, `ws://${host}:${port}/ws/chat`, tls.certPem, tls.keyPem);
}

export { normalizePhone, proto };
