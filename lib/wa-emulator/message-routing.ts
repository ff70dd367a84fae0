// Messages and receipts on the emulated network: a companion's <message> fanned out to the
// devices it addresses, emulated phones that decrypt what they receive for real and answer with
// receipts, phones that send (to a person, a group or status@broadcast), and receipts routed back
// to whoever sent the message.
import { encodeWAMessage, getBinaryNodeChild, getBinaryNodeChildren, proto, unpadRandomMax16, type BinaryNode } from "@whiskeysockets/baileys";
import { deviceJid, type CompanionDevice, type EmulatedAccount, type ReceivedMessage } from "./accounts";
import type { CompanionDelivery } from "./companion-delivery";
import type { DeviceRef, DeviceRegistry } from "./device-registry";
import { actorAttrs, type GroupState } from "./groups";
import { buildInitialHistorySync } from "./history-sync";
import { STATUS_JID, isGroupJid } from "./jids";
import { newMessageId, now, type NetworkEvents, type ReportError } from "./network-events";
import type { SessionSetupOrder } from "./session-setup";
import { pkmsgPreKeyId, type CipherType } from "./signal-endpoint";

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

export class MessageRouter {
  private readonly sentIndex = new Map<string, SentRecord>();
  /** Per sending phone and group: the devices that already hold that phone's sender key. */
  private readonly senderKeyHolders = new Map<string, Set<string>>();

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly delivery: CompanionDelivery,
    private readonly sessionSetup: SessionSetupOrder,
    private readonly groups: ReadonlyMap<string, GroupState>,
    private readonly events: NetworkEvents,
    private readonly reportError: ReportError,
  ) {}

  /** Members left a group: the next group message from a phone hands out a fresh sender key. */
  forgetSenderKeys(groupJid: string) {
    for (const key of this.senderKeyHolders.keys()) if (key.endsWith(`|${groupJid}`)) this.senderKeyHolders.delete(key);
  }

  // ---------------------------------------------------------------- history sync

  async sendInitialHistorySync(device: CompanionDevice) {
    if (!device.state.needsHistorySync || !device.connection?.isOpen) return;
    device.state.needsHistorySync = false;
    const account = device.account;
    const message = await buildInitialHistorySync(account.pnJid, account.name);
    const { type, ciphertext } = await this.encryptFromPhone(account, { account, device: device.deviceId }, encodeWAMessage(message));
    this.delivery.deliverToCompanion(
      device,
      {
        tag: "message",
        attrs: { from: account.pnJid, id: newMessageId(), type: "text", category: "peer", t: String(now()), notify: account.name },
        content: [{ tag: "enc", attrs: { v: "2", type }, content: ciphertext }],
      },
      account,
    );
  }

  // ---------------------------------------------------------------- routing

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
  async routeCompanionMessage(device: CompanionDevice, node: BinaryNode) {
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
          for (const ref of this.registry.devicesOf(this.registry.requireAccount(member.phone))) targets.set(this.senderJid(ref, false), ref);
        }
      }
      for (const p of participants) {
        const ref = this.registry.resolveDevice(p.attrs.jid!);
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
      const ref = this.registry.resolveDevice(to);
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

    const recipient = this.registry.getAccount(to);
    this.sentIndex.set(id, { sender, chat: to });
    const lidForm = to.endsWith("@lid");
    for (const p of participants) {
      const ref = this.registry.resolveDevice(p.attrs.jid!);
      if (!ref) continue;
      const own = ref.account === sender.account;
      const attrs: Record<string, string> = { ...passAttrs, from: this.senderJid(sender, lidForm), notify: sender.account.name };
      if (own) attrs.recipient = to;
      else if (lidForm) attrs.sender_pn = this.senderJid({ account: sender.account, device: 0 }, false);
      else attrs.sender_lid = sender.account.lidJid;
      await this.deliver(ref, { tag: "message", attrs, content: p.content as BinaryNode[] }, sender);
    }
    if (!recipient) this.events.emit("undeliverable", { to, id });
  }

  private async deliver(ref: DeviceRef, stanza: BinaryNode, sender: DeviceRef) {
    if (ref.device === 0) {
      await this.phoneReceive(ref.account, stanza, sender).catch((error) =>
        this.reportError(error, { phone: ref.account.phone, from: this.senderJid(sender, false), messageId: stanza.attrs.id }),
      );
    } else {
      const device = ref.account.companions.get(ref.device);
      if (device) this.delivery.deliverToCompanion(device, stanza, sender.device === 0 ? sender.account : undefined);
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
    this.events.emit("message", { phone: account.phone, message: record });
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
    const senderAccount = original?.sender.account ?? this.registry.requireAccount(record.fromPhone);
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
    this.delivery.deliverToCompanionsOf(senderAccount, { tag: "receipt", attrs });
    this.recordReceipt(senderAccount, record.id, account.pnJid, type ?? "delivery");
  }

  private recordReceipt(senderAccount: EmulatedAccount, messageId: string, from: string, type: string) {
    const sent = senderAccount.sent.find((s) => s.id === messageId);
    if (sent) sent.receipts.push({ from, type });
    this.events.emit("receipt", { phone: senderAccount.phone, receipt: { messageId, from, type } satisfies DeliveredReceipt });
  }

  /** A companion acknowledged a message: forward delivery/read to the sender's devices. */
  routeCompanionReceipt(device: CompanionDevice, node: BinaryNode) {
    const type = node.attrs.type;
    const ids = [node.attrs.id!, ...getBinaryNodeChildren(getBinaryNodeChild(node, "list"), "item").map((i) => i.attrs.id!)];
    this.sessionSetup.answered(device, ids);
    if (type === "sender" || type === "peer_msg" || type === "hist_sync" || type === "retry" || type === "server-error") {
      if (type === "retry") this.events.emit("retry-receipt", { phone: device.account.phone, node });
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
      this.delivery.deliverToCompanionsOf(senderAccount, { tag: "receipt", attrs });
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
        for (const ref of this.registry.devicesOf(this.registry.requireAccount(member.phone))) {
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
      const recipients = (options.statusRecipients ?? this.registry.listAccounts().map((a) => a.phone))
        .map((p) => this.registry.requireAccount(p))
        .filter((a) => a !== account);
      this.sentIndex.set(id, { sender: senderRef, chat: to });
      account.sent.push({ id, to, message, timestamp: Number(t), receipts: [] });
      for (const recipient of [...recipients, account]) {
        for (const ref of this.registry.devicesOf(recipient)) {
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

    const recipient = this.registry.requireAccount(to);
    this.sentIndex.set(id, { sender: senderRef, chat: recipient.pnJid });
    account.sent.push({ id, to: recipient.pnJid, message, timestamp: Number(t), receipts: [] });
    for (const ref of this.registry.devicesOf(recipient)) {
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
