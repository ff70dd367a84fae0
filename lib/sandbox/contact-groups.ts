import "server-only";
// An emulated contact's groups, as its phone sees them, and what it does in them. Only groups with
// one of the caller's paired sessions in them are visible (the sandbox's tenant boundary), and a
// contact may only add the caller's sessions or other emulated contacts.
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import type { ContactGroupAction } from "@/lib/sandbox/sandbox-groups.schema";
import { visibleSessionPhones } from "@/lib/sandbox/visible-session-phones";
import type { WaEmulator } from "@/lib/wa-emulator/emulator";

const digits = (phoneOrJid: string) => phoneOrJid.split("@")[0].split(":")[0].replace(/\D/g, "");

async function contactContext(caller: Caller, contactPhone: string) {
  const { emulator } = requireSandbox();
  const contact = emulator.getAccount(contactPhone);
  // Accounts with linked devices are sessions' phones, not emulated contacts.
  if (!contact || contact.devices.length > 0) throw notFound("Sandbox contact");
  const phones = await visibleSessionPhones(caller);
  return { emulator, contact, phones };
}

function visibleGroup(emulator: WaEmulator, phones: Map<string, string>, jid: string) {
  const group = emulator.groupMetadata(jid);
  if (!group || !group.participants.some((p) => phones.has(p.phone))) throw notFound("Group");
  return group;
}

export async function listContactGroups(caller: Caller, contactPhone: string) {
  const { emulator, contact, phones } = await contactContext(caller, contactPhone);
  return emulator
    .participatingGroups(contact.phone)
    .filter((g) => g.participants.some((p) => phones.has(p.phone)))
    .map(({ picture, ...g }) => ({ ...g, hasPicture: Boolean(picture), pictureBytes: picture ? Buffer.from(picture, "base64").length : 0 }));
}

/** A person the contact may put in a group: another emulated contact or one of the caller's sessions. */
function allowedMember(emulator: WaEmulator, phones: Map<string, string>, phoneOrJid: string) {
  const account = emulator.getAccount(phoneOrJid.endsWith("@lid") ? phoneOrJid : digits(phoneOrJid));
  if (!account || (account.devices.length > 0 && !phones.has(account.phone))) {
    throw new AppError("BAD_REQUEST", `participants: '${phoneOrJid}' is neither a sandbox contact nor one of your sessions`);
  }
  return account.phone;
}

export async function actAsContactInGroup(caller: Caller, contactPhone: string, action: ContactGroupAction) {
  const { emulator, contact, phones } = await contactContext(caller, contactPhone);
  try {
    switch (action.op) {
      case "create": {
        const members = action.members.map((m) => allowedMember(emulator, phones, m));
        if (!members.some((m) => phones.has(m))) throw new AppError("BAD_REQUEST", "members: must include one of your sessions");
        return { jid: emulator.createGroup(contact.phone, action.subject, members) };
      }
      case "join": {
        const code = action.inviteCode.replace(/^https?:\/\/chat\.whatsapp\.com\//i, "");
        // Only into groups with one of the caller's sessions: another tenant's code opens nothing here.
        const target = emulator.groupByInviteCode(code);
        if (!target) throw new AppError("NOT_FOUND", "invalid invite code");
        visibleGroup(emulator, phones, target.jid);
        if (target.participants.some((p) => p.phone === contact.phone)) return { jid: target.jid };
        return { jid: emulator.joinGroupViaInvite(contact.phone, code) };
      }
      case "send": {
        visibleGroup(emulator, phones, action.group);
        const sent = await emulator.sendMessage(contact.phone, action.group, { text: action.text });
        return { jid: action.group, messageId: (sent as { id?: string }).id ?? null };
      }
      default:
        break;
    }
    visibleGroup(emulator, phones, action.group);
    switch (action.op) {
      case "leave":
        emulator.leaveGroup(contact.phone, action.group);
        break;
      case "subject":
        emulator.setGroupSubject(contact.phone, action.group, action.subject);
        break;
      case "setting":
        emulator.setGroupSetting(contact.phone, action.group, action.setting);
        break;
      default: {
        const members = action.participants.map((m) => allowedMember(emulator, phones, m));
        return { jid: action.group, results: emulator.updateGroupParticipants(contact.phone, action.group, action.op, members) };
      }
    }
    return { jid: action.group };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: number }).code;
    if (code === 403) throw new AppError("FORBIDDEN", `WhatsApp refused: ${(error as Error).message}`);
    if (code === 404 || code === 406) throw new AppError("NOT_FOUND", (error as Error).message);
    throw error;
  }
}

/** The contact posts a text status, seen by the caller's sessions. */
export async function postStatusAsContact(caller: Caller, contactPhone: string, text: string) {
  const { emulator, contact, phones } = await contactContext(caller, contactPhone);
  const sent = await emulator.postStatus(contact.phone, { text }, [...phones.keys()]);
  return { messageId: (sent as { id?: string }).id ?? null };
}
