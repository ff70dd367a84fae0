// Answers to the iq requests a companion makes. Every request must get an answer or
// Baileys waits for its 60 s query timeout, so unknown ones get an empty result.
import { encodeBigEndian, getBinaryNodeChild, getBinaryNodeChildren, KEY_BUNDLE_TYPE, type BinaryNode } from "@whiskeysockets/baileys";
import type { CompanionConnection } from "./companion-connection";
import type { EmulatedAccount } from "./accounts";
import { normalizePhone, parseUserJid } from "./jids";
import type { DeviceLinking } from "./device-linking";
import type { DeviceRegistry } from "./device-registry";
import type { GroupAdmin } from "./group-admin";
import type { MediaHost } from "./media-host";
import type { MessageRouter } from "./message-routing";
import type { NetworkEvents, ReportError } from "./network-events";
import type { PresenceRelay } from "./presence-relay";
import type { SessionSetupOrder } from "./session-setup";
import type { PreKeyBundle } from "./signal-endpoint";
import { b64 } from "./state-encoding";

/**
 * What answering iqs needs of the network, one narrow view per job: this module depends on the
 * seams it uses (devices, groups, linking, history and profile pushes, media, error reports) and
 * not on the whole network.
 */
export interface IqNetwork {
  readonly devices: Pick<DeviceRegistry, "getAccount" | "resolveDevice">;
  readonly groupAdmin: GroupAdmin;
  readonly linking: Pick<DeviceLinking, "onLinkCodeHello" | "onLinkCodeFinish" | "removeCompanion">;
  readonly router: Pick<MessageRouter, "sendInitialHistorySync">;
  readonly presence: Pick<PresenceRelay, "setProfilePicture">;
  readonly sessionSetup: Pick<SessionSetupOrder, "beforeBundle" | "bundleHandedOut">;
  readonly mediaHost: Pick<MediaHost, "auth" | "hostname" | "store" | "urlFor">;
  readonly emit: NetworkEvents["emit"];
  readonly reportError: ReportError;
}

const child = (node: BinaryNode, tag: string) => getBinaryNodeChild(node, tag);
const children = (node: BinaryNode | undefined, tag: string) => getBinaryNodeChildren(node, tag);
const firstChild = (node: BinaryNode) => (Array.isArray(node.content) ? node.content[0] : undefined);
const bytes = (node: BinaryNode | undefined) => (node?.content instanceof Uint8Array ? Buffer.from(node.content) : undefined);

export async function handleIq(network: IqNetwork, connection: CompanionConnection, iq: BinaryNode) {
  const account = connection.device?.account;
  try {
    switch (iq.attrs.xmlns) {
      case "encrypt":
        return handleEncrypt(network, connection, iq);
      case "usync":
        return connection.reply(iq, [usyncAnswer(network, iq)]);
      case "w:g2":
        return handleGroups(network, connection, iq);
      case "md":
        return handleMd(network, connection, iq);
      case "w:m":
        return connection.reply(iq, [
          {
            tag: "media_conn",
            attrs: { auth: network.mediaHost.auth, ttl: "300", auth_ttl: "21600", max_buckets: "12" },
            content: [{ tag: "host", attrs: { hostname: network.mediaHost.hostname, maxContentLengthBytes: "104857600" } }],
          },
        ]);
      case "abt":
        return connection.reply(iq, [{ tag: "props", attrs: { protocol: "1" } }]);
      case "blocklist":
        return connection.reply(iq, iq.attrs.type === "get" ? [{ tag: "list", attrs: {} }] : undefined);
      case "privacy":
        if (iq.attrs.type === "get" && child(iq, "privacy")) {
          const categories = ["last", "online", "profile", "status", "groupadd", "readreceipts", "calladd", "messages"];
          return connection.reply(iq, [
            {
              tag: "privacy",
              attrs: {},
              content: categories.map((name) => ({
                tag: "category",
                attrs: { name, value: name === "readreceipts" ? "all" : name === "calladd" ? "all" : "contacts" },
              })),
            },
          ]);
        }
        // A companion issuing its privacy (trusted-contact) token to contacts, which Baileys does
        // after a 1:1 send; announced so tests can see how often a client repeats it.
        const tokens = iq.attrs.type === "set" ? child(iq, "tokens") : undefined;
        if (tokens && account) network.emit("privacy-token", { phone: account.phone, jids: children(tokens, "token").map((t) => t.attrs.jid!) });
        return connection.reply(iq);
      case "w:sync:app:state": {
        // No app-state patches are kept: every collection is empty at its requested version.
        const sync = child(iq, "sync");
        return connection.reply(iq, [
          {
            tag: "sync",
            attrs: {},
            content: children(sync, "collection").map((c) => ({ tag: "collection", attrs: { name: c.attrs.name!, version: c.attrs.version ?? "0" } })),
          },
        ]);
      }
      case "w:profile:picture":
        return handleProfilePicture(network, connection, iq, account);
      case "status": {
        const status = child(iq, "status");
        if (account && status) account.state.about = bytes(status)?.toString() ?? "";
        return connection.reply(iq);
      }
      default:
        network.emit("unhandled-iq", { node: iq });
        return connection.reply(iq);
    }
  } catch (error) {
    const code = (error as { code?: number }).code ?? 500;
    connection.replyError(iq, code, (error as Error).message);
  }
}

function handleEncrypt(network: IqNetwork, connection: CompanionConnection, iq: BinaryNode) {
  const device = connection.device;
  if (iq.attrs.type === "get" && child(iq, "count")) {
    return connection.reply(iq, [{ tag: "count", attrs: { value: String(Object.keys(device?.state.preKeys ?? {}).length) } }]);
  }
  if (iq.attrs.type === "get" && child(iq, "digest")) {
    return connection.reply(iq, [{ tag: "digest", attrs: {} }]);
  }
  if (iq.attrs.type === "set" && child(iq, "list")) {
    if (device) {
      for (const key of children(child(iq, "list"), "key")) {
        device.state.preKeys[bytes(child(key, "id"))!.readUIntBE(0, 3)] = b64(bytes(child(key, "value"))!);
      }
      const skey = child(iq, "skey");
      if (skey) device.state.signedPreKey = signedKeyJson(skey);
    }
    connection.reply(iq);
    // The phone pushes history right after the new device published its keys.
    if (device) void network.router.sendInitialHistorySync(device).catch((error) => network.reportError(error, { connection }));
    return;
  }
  if (iq.attrs.type === "set" && child(iq, "rotate")) {
    const skey = child(child(iq, "rotate")!, "skey");
    if (device && skey) device.state.signedPreKey = signedKeyJson(skey);
    return connection.reply(iq);
  }
  if (iq.attrs.type === "get" && child(iq, "key")) {
    // Answered off the connection's stanza chain: the answer may wait for receipts that
    // arrive on this same connection (see session-setup.ts).
    void answerKeyRequest(network, connection, iq).catch((error) => {
      network.reportError(error, { connection });
      connection.replyError(iq, 500, "internal-server-error");
    });
    return;
  }
  return connection.reply(iq);
}

/** Prekey bundles for the requested devices; each answer consumes a one-time prekey. */
async function answerKeyRequest(network: IqNetwork, connection: CompanionConnection, iq: BinaryNode) {
  const requester = connection.device;
  const requested = children(child(iq, "key"), "user").map((user) => ({ jid: user.attrs.jid!, ref: network.devices.resolveDevice(user.attrs.jid!) }));
  if (requester) {
    await Promise.all(requested.filter((r) => r.ref?.device === 0).map((r) => network.sessionSetup.beforeBundle(r.ref!.account, requester)));
  }
  const users: BinaryNode[] = [];
  for (const { jid, ref } of requested) {
    if (!ref) continue;
    if (ref.device === 0) {
      const bundle = ref.account.endpoint.takeBundle();
      if (requester) network.sessionSetup.bundleHandedOut(ref.account, requester, bundle.preKey?.keyId);
      users.push(bundleNode(jid, bundle));
    } else {
      const companion = ref.account.companions.get(ref.device);
      if (companion) users.push(bundleNode(jid, companion.takeBundle()));
    }
  }
  connection.reply(iq, [{ tag: "list", attrs: {}, content: users }]);
}

function signedKeyJson(skey: BinaryNode) {
  return {
    keyId: bytes(child(skey, "id"))!.readUIntBE(0, 3),
    publicKey: b64(bytes(child(skey, "value"))!),
    signature: b64(bytes(child(skey, "signature"))!),
  };
}

function bundleNode(jid: string, bundle: PreKeyBundle): BinaryNode {
  const content: BinaryNode[] = [
    { tag: "registration", attrs: {}, content: encodeBigEndian(bundle.registrationId) },
    { tag: "type", attrs: {}, content: KEY_BUNDLE_TYPE },
    { tag: "identity", attrs: {}, content: bundle.identityKey },
    {
      tag: "skey",
      attrs: {},
      content: [
        { tag: "id", attrs: {}, content: encodeBigEndian(bundle.signedPreKey.keyId, 3) },
        { tag: "value", attrs: {}, content: bundle.signedPreKey.publicKey },
        { tag: "signature", attrs: {}, content: bundle.signedPreKey.signature },
      ],
    },
  ];
  if (bundle.preKey) {
    content.push({
      tag: "key",
      attrs: {},
      content: [
        { tag: "id", attrs: {}, content: encodeBigEndian(bundle.preKey.keyId, 3) },
        { tag: "value", attrs: {}, content: bundle.preKey.publicKey },
      ],
    });
  }
  return { tag: "user", attrs: { jid }, content };
}

/** usync: contact (is this number on WhatsApp), devices, lid, status and disappearing mode. */
function usyncAnswer(network: IqNetwork, iq: BinaryNode): BinaryNode {
  const usync = child(iq, "usync")!;
  const protocols = (child(usync, "query")?.content as BinaryNode[] | undefined)?.map((p) => p.tag) ?? [];
  const users: BinaryNode[] = [];
  for (const user of children(child(usync, "list"), "user")) {
    const contactNode = child(user, "contact");
    const phoneQuery = contactNode && bytes(contactNode)?.toString();
    const jid = user.attrs.jid ?? (phoneQuery ? `${normalizePhone(phoneQuery)}@s.whatsapp.net` : undefined);
    if (!jid) continue;
    const parsed = parseUserJid(jid);
    const account = network.devices.getAccount(jid);
    const content: BinaryNode[] = [];
    for (const protocol of protocols) {
      if (protocol === "contact") {
        content.push({ tag: "contact", attrs: { type: account ? "in" : "out" }, content: phoneQuery ? Buffer.from(phoneQuery) : undefined });
      } else if (protocol === "devices" && account) {
        content.push({
          tag: "devices",
          attrs: {},
          content: [
            {
              tag: "device-list",
              attrs: {},
              content: [
                { tag: "device", attrs: { id: "0" } },
                ...[...account.companions.values()].map((c) => ({ tag: "device", attrs: { id: String(c.deviceId), "key-index": String(c.state.keyIndex) } })),
              ],
            },
            { tag: "key-index-list", attrs: { ts: String(Math.floor(Date.now() / 1000)) } },
          ],
        });
      } else if (protocol === "lid" && account && parsed?.server === "s.whatsapp.net") {
        content.push({ tag: "lid", attrs: { val: account.lidJid } });
      } else if (protocol === "status" && account) {
        content.push({ tag: "status", attrs: { t: "0" }, content: Buffer.from(account.state.about) });
      } else if (protocol === "disappearing_mode" && account) {
        content.push({ tag: "disappearing_mode", attrs: { duration: "0", t: "0" } });
      }
    }
    users.push({ tag: "user", attrs: { jid: parsed ? `${parsed.user}@${parsed.server}` : jid }, content });
  }
  return {
    tag: "usync",
    attrs: { sid: usync.attrs.sid ?? "", index: "0", last: "true" },
    content: [
      { tag: "result", attrs: {} },
      { tag: "list", attrs: {}, content: users },
    ],
  };
}

function handleGroups(network: IqNetwork, connection: CompanionConnection, iq: BinaryNode) {
  const account = connection.device?.account;
  if (!account) return connection.replyError(iq, 401, "not-authorized");
  const to = iq.attrs.to!;
  const op = firstChild(iq);
  if (!op) return connection.reply(iq);
  if (to === "@g.us") {
    switch (op.tag) {
      case "participating":
        return connection.reply(iq, [
          { tag: "groups", attrs: {}, content: network.groupAdmin.groupsOf(account).map((g) => network.groupAdmin.groupNodeFor(g)) },
        ]);
      case "create": {
        const members = children(op, "participant").map((p) => p.attrs.jid!);
        const group = network.groupAdmin.createGroup(account, op.attrs.subject ?? "", members);
        return connection.reply(iq, [network.groupAdmin.groupNodeFor(group)]);
      }
      case "leave":
        for (const g of children(op, "group")) network.groupAdmin.leaveGroup(account, g.attrs.id!);
        return connection.reply(iq);
      case "invite": {
        const code = op.attrs.code!;
        if (iq.attrs.type === "get") {
          const group = network.groupAdmin.findByInviteCode(code);
          if (!group) return connection.replyError(iq, 406, "not-acceptable");
          return connection.reply(iq, [network.groupAdmin.groupNodeFor(group)]);
        }
        const group = network.groupAdmin.joinGroupByInvite(account, code);
        return connection.reply(iq, [{ tag: "group", attrs: { jid: group.id } }]);
      }
      default:
        return connection.reply(iq);
    }
  }
  const group = network.groupAdmin.groupOrThrow(to);
  switch (op.tag) {
    case "query":
      // Counted: WhatsApp rate-limits repeated metadata fetches, so tests check a client caches it.
      network.groupAdmin.countMetadataFetch(to);
      return connection.reply(iq, [network.groupAdmin.groupNodeFor(group)]);
    case "add":
    case "remove":
    case "promote":
    case "demote": {
      const results = network.groupAdmin.updateParticipants(
        account,
        to,
        op.tag,
        children(op, "participant").map((p) => p.attrs.jid!),
      );
      return connection.reply(iq, [
        {
          tag: op.tag,
          attrs: {},
          content: results.map((r) => ({ tag: "participant", attrs: { jid: r.jid, ...(r.error ? { error: r.error } : {}) } })),
        },
      ]);
    }
    case "subject":
      network.groupAdmin.setGroupSubject(account, to, bytes(op)?.toString() ?? "");
      return connection.reply(iq);
    case "description":
      network.groupAdmin.setGroupDescription(account, to, op.attrs.delete === "true" ? undefined : bytes(child(op, "body"))?.toString());
      return connection.reply(iq);
    case "announcement":
    case "not_announcement":
    case "locked":
    case "unlocked":
      network.groupAdmin.setGroupSetting(account, to, op.tag);
      return connection.reply(iq);
    case "membership_approval_mode":
      network.groupAdmin.setJoinApproval(account, to, child(op, "group_join")?.attrs.state === "on");
      return connection.reply(iq);
    case "membership_approval_requests":
      return connection.reply(iq, [
        {
          tag: "membership_approval_requests",
          attrs: {},
          content: network.groupAdmin.listJoinRequests(account, to).map((r) => ({
            tag: "membership_approval_request",
            attrs: { jid: r.account.pnJid, lid: r.account.lidJid, request_method: "invite_link", request_time: String(r.time) },
          })),
        },
      ]);
    case "membership_requests_action": {
      const action = firstChild(op);
      if (!action || (action.tag !== "approve" && action.tag !== "reject")) return connection.replyError(iq, 400, "bad-request");
      const results = network.groupAdmin.answerJoinRequests(
        account,
        to,
        action.tag,
        children(action, "participant").map((p) => p.attrs.jid!),
      );
      return connection.reply(iq, [
        {
          tag: "membership_requests_action",
          attrs: {},
          content: [
            {
              tag: action.tag,
              attrs: {},
              content: results.map((r) => ({ tag: "participant", attrs: { jid: r.jid, ...(r.error ? { error: r.error } : {}) } })),
            },
          ],
        },
      ]);
    }
    case "invite": {
      if (iq.attrs.type !== "set" && !group.participants.some((p) => p.phone === account.phone && p.role)) {
        return connection.replyError(iq, 401, "not-authorized");
      }
      const code = iq.attrs.type === "set" ? network.groupAdmin.revokeGroupInvite(account, to) : group.inviteCode;
      return connection.reply(iq, [{ tag: "invite", attrs: { code } }]);
    }
    default:
      return connection.reply(iq);
  }
}

async function handleMd(network: IqNetwork, connection: CompanionConnection, iq: BinaryNode) {
  const op = firstChild(iq);
  if (op?.tag === "remove-companion-device") {
    // Logout initiated by the companion itself.
    if (connection.device) network.linking.removeCompanion(connection.device);
    return connection.reply(iq);
  }
  if (op?.tag === "link_code_companion_reg") {
    if (op.attrs.stage === "companion_hello") return network.linking.onLinkCodeHello(connection, iq, op);
    if (op.attrs.stage === "companion_finish") {
      // Not awaited: pairing waits for the companion's answer to pair-success, which arrives
      // on this connection's stanza chain.
      void network.linking.onLinkCodeFinish(connection, iq, op).catch((error) => network.reportError(error, { connection }));
      return;
    }
  }
  return connection.reply(iq);
}

function handleProfilePicture(network: IqNetwork, connection: CompanionConnection, iq: BinaryNode, account: EmulatedAccount | undefined) {
  const target = iq.attrs.target;
  if (iq.attrs.type === "get" && target?.endsWith("@g.us")) {
    const group = network.groupAdmin.groupOrThrow(target);
    if (!group.picture) return connection.replyError(iq, 404, "item-not-found");
    const directPath = network.mediaHost.store(Buffer.from(group.picture, "base64"));
    return connection.reply(iq, [
      { tag: "picture", attrs: { id: group.pictureId!, type: "image", url: network.mediaHost.urlFor(directPath), direct_path: directPath } },
    ]);
  }
  if (iq.attrs.type === "get") {
    const owner = target ? network.devices.getAccount(target) : account;
    if (!owner?.state.picture) return connection.replyError(iq, 404, "item-not-found");
    const directPath = network.mediaHost.store(Buffer.from(owner.state.picture, "base64"));
    return connection.reply(iq, [
      { tag: "picture", attrs: { id: owner.state.pictureId!, type: "image", url: network.mediaHost.urlFor(directPath), direct_path: directPath } },
    ]);
  }
  const picture = child(iq, "picture");
  if (account && target?.endsWith("@g.us")) network.groupAdmin.setGroupPicture(account, target, bytes(picture));
  if (account && !target) network.presence.setProfilePicture(account, bytes(picture));
  return connection.reply(iq, picture ? [{ tag: "picture", attrs: { id: String(Math.floor(Date.now() / 1000)) } }] : undefined);
}
