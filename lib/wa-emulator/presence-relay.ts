// Who is online and typing, and profile pictures: announced to companions that are online now and
// never queued, because a stale presence or typing indicator is wrong rather than late.
import type { BinaryNode } from "@whiskeysockets/baileys";
import type { CompanionDevice, EmulatedAccount } from "./accounts";
import type { CompanionConnection } from "./companion-connection";
import type { CompanionDelivery } from "./companion-delivery";
import type { DeviceRegistry } from "./device-registry";
import type { GroupState } from "./groups";
import { isGroupJid } from "./jids";
import { newMessageId, now, type NetworkEvents } from "./network-events";
import { b64 } from "./state-encoding";

export class PresenceRelay {
  private readonly presenceSubscriptions = new Map<string, Set<CompanionConnection>>();

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly delivery: CompanionDelivery,
    private readonly groups: ReadonlyMap<string, GroupState>,
    private readonly events: NetworkEvents,
  ) {}

  /** A closed connection stops receiving presence updates. */
  unsubscribe(connection: CompanionConnection) {
    for (const subscribers of this.presenceSubscriptions.values()) subscribers.delete(connection);
  }

  onCompanionPresence(connection: CompanionConnection, node: BinaryNode) {
    const account = connection.device!.account;
    if (node.attrs.type === "subscribe" && node.attrs.to) {
      const target = this.registry.getAccount(node.attrs.to);
      if (!target) return;
      const subscribers = this.presenceSubscriptions.get(target.phone) ?? new Set();
      subscribers.add(connection);
      this.presenceSubscriptions.set(target.phone, subscribers);
      connection.send(this.presenceNode(target, node.attrs.to));
      return;
    }
    if (node.attrs.type === "available" || node.attrs.type === "unavailable") {
      account.presence.lastKnown = node.attrs.type;
      this.events.emit("presence", { phone: account.phone, presence: node.attrs.type, device: connection.device!.deviceId });
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
        this.delivery.sendToOnlineCompanions(this.registry.requireAccount(member.phone), {
          tag: "chatstate",
          attrs: { from: to, participant: account.pnJid },
          content: [child],
        });
      }
      return;
    }
    this.delivery.sendToOnlineCompanions(this.registry.requireAccount(to), { tag: "chatstate", attrs: { from: account.pnJid }, content: [child] });
  }

  onCompanionChatState(device: CompanionDevice, node: BinaryNode) {
    const to = node.attrs.to;
    const child = Array.isArray(node.content) ? node.content[0] : undefined;
    const state = child?.attrs?.media === "audio" ? "recording" : child?.tag;
    if (!to || !state) return;
    const target = this.registry.getAccount(to);
    this.events.emit("chatstate", { from: device.account.phone, to: target?.phone ?? to, state });
    if (target) this.delivery.sendToOnlineCompanions(target, { tag: "chatstate", attrs: { from: device.account.pnJid }, content: [child!] });
  }

  // ---------------------------------------------------------------- profile picture

  setProfilePicture(account: EmulatedAccount, image: Uint8Array | undefined) {
    if (image) {
      account.state.picture = b64(image);
      account.state.pictureId = String(now());
    } else {
      delete account.state.picture;
      delete account.state.pictureId;
    }
    for (const other of this.registry.listAccounts()) {
      this.delivery.sendToOnlineCompanions(other, {
        tag: "notification",
        attrs: { from: account.pnJid, type: "picture", id: newMessageId(), t: String(now()) },
        content: [image ? { tag: "set", attrs: { jid: account.pnJid, id: account.state.pictureId! } } : { tag: "delete", attrs: { jid: account.pnJid } }],
      });
    }
  }
}
