// Groups on the emulated network: what members and admins may change, and the w:gp2
// notifications every member's companions receive about it. The stanza shapes live in groups.ts.
import type { BinaryNode } from "@whiskeysockets/baileys";
import type { EmulatedAccount } from "./accounts";
import type { CompanionDelivery } from "./companion-delivery";
import type { DeviceRegistry } from "./device-registry";
import { actorAttrs, groupNode, newGroup, newInviteCode, participantNode, type GroupState } from "./groups";
import { newMessageId, now, type NetworkEvents } from "./network-events";
import { b64 } from "./state-encoding";

export class GroupAdmin {
  readonly groups = new Map<string, GroupState>();

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly delivery: CompanionDelivery,
    private readonly events: NetworkEvents,
    /** Removed members hold a sender key that must not decrypt what comes next. */
    private readonly forgetSenderKeys: (groupJid: string) => void,
  ) {}

  findByInviteCode(code: string) {
    return [...this.groups.values()].find((g) => g.inviteCode === code);
  }

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
    return groupNode(group, (phone) => this.registry.requireAccount(phone));
  }

  private isAdmin(group: GroupState, account: EmulatedAccount) {
    return !!group.participants.find((p) => p.phone === account.phone)?.role;
  }

  private notifyGroup(group: GroupState, actor: EmulatedAccount, child: BinaryNode, extraRecipients: EmulatedAccount[] = []) {
    const recipients = new Set([...group.participants.map((p) => this.registry.requireAccount(p.phone)), ...extraRecipients]);
    const node: BinaryNode = {
      tag: "notification",
      attrs: { from: group.id, type: "w:gp2", id: newMessageId(), t: String(now()), ...actorAttrs(group, actor), notify: actor.name },
      content: [child],
    };
    for (const account of recipients) this.delivery.deliverToCompanionsOf(account, node);
    this.events.emit("group-notification", { group: group.id, actor: actor.phone, action: child.tag, node });
  }

  createGroup(creator: EmulatedAccount, subject: string, memberPhones: string[], addressingMode: "pn" | "lid" = "pn") {
    const members = memberPhones.map((p) => this.registry.requireAccount(p).phone);
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
      const account = this.registry.getAccount(phoneOrJid);
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
      if (action === "remove") this.forgetSenderKeys(group.id);
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
    for (const member of group.participants) this.delivery.deliverToCompanionsOf(this.registry.requireAccount(member.phone), node);
    this.events.emit("group-notification", { group: group.id, actor: actor.phone, action: "picture", node });
  }

  revokeGroupInvite(actor: EmulatedAccount, groupJid: string) {
    const group = this.groupOrThrow(groupJid);
    this.requireAdmin(group, actor);
    group.inviteCode = newInviteCode();
    return group.inviteCode;
  }

  joinGroupByInvite(account: EmulatedAccount, code: string) {
    const group = this.findByInviteCode(code);
    if (!group) throw Object.assign(new Error("invalid invite code"), { code: 406 });
    const member = group.participants.some((p) => p.phone === account.phone);
    if (!member && group.joinApproval) {
      // Waits for an admin: the join is a request until approved.
      group.joinRequests ??= [];
      if (!group.joinRequests.some((r) => r.phone === account.phone)) group.joinRequests.push({ phone: account.phone, time: now() });
      this.events.emit("group-join-request", { group: group.id, phone: account.phone });
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
    return (group.joinRequests ?? []).map((r) => ({ account: this.registry.requireAccount(r.phone), time: r.time }));
  }

  /** An admin approves (the person joins) or rejects join requests; a result per person. */
  answerJoinRequests(actor: EmulatedAccount, groupJid: string, action: "approve" | "reject", jids: string[]) {
    const group = this.groupOrThrow(groupJid);
    this.requireAdmin(group, actor);
    const results: Array<{ jid: string; error?: string }> = [];
    const approved: EmulatedAccount[] = [];
    for (const jid of jids) {
      const account = this.registry.getAccount(jid);
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
