// Who is on the emulated network: accounts by phone number and by LID, and the device (the phone,
// device 0, or a linked companion) a jid names. Pure bookkeeping: no stanzas, no events.
import { EmulatedAccount, generateLid } from "./accounts";
import { normalizePhone, parseUserJid, type ParsedUserJid } from "./jids";

export interface DeviceRef {
  account: EmulatedAccount;
  device: number;
}

export class DeviceRegistry {
  private readonly byPhone = new Map<string, EmulatedAccount>();
  private readonly byLid = new Map<string, EmulatedAccount>();

  add(account: EmulatedAccount) {
    this.byPhone.set(account.phone, account);
    this.byLid.set(account.lid, account);
  }

  createAccount(phone: string, name?: string): EmulatedAccount {
    const digits = normalizePhone(phone);
    if (this.byPhone.has(digits)) throw new Error(`account ${digits} already exists`);
    let lid = generateLid();
    while (this.byLid.has(lid)) lid = generateLid();
    const account = EmulatedAccount.create(digits, name, lid);
    this.add(account);
    return account;
  }

  /** The account of exactly this phone number (a login names its account by number). */
  byPhoneNumber(digits: string): EmulatedAccount | undefined {
    return this.byPhone.get(digits);
  }

  /** The account a parsed user jid names, by LID or by phone number. */
  byUserJid(parsed: ParsedUserJid): EmulatedAccount | undefined {
    return parsed.server === "lid" ? this.byLid.get(parsed.user) : this.byPhone.get(parsed.user);
  }

  getAccount(phoneOrJid: string): EmulatedAccount | undefined {
    const parsed = parseUserJid(phoneOrJid);
    if (parsed?.server === "lid") return this.byLid.get(parsed.user);
    return this.byPhone.get(normalizePhone(phoneOrJid));
  }

  requireAccount(phoneOrJid: string): EmulatedAccount {
    const account = this.getAccount(phoneOrJid);
    if (!account) throw new Error(`no emulated account for ${phoneOrJid}`);
    return account;
  }

  listAccounts() {
    return [...this.byPhone.values()];
  }

  resolveDevice(jid: string): DeviceRef | undefined {
    const parsed = parseUserJid(jid);
    if (!parsed) return undefined;
    const account = this.byUserJid(parsed);
    if (!account) return undefined;
    if (parsed.device !== 0 && !account.companions.has(parsed.device)) return undefined;
    return { account, device: parsed.device };
  }

  /** Devices of an account that messages fan out to: the phone and every linked companion. */
  devicesOf(account: EmulatedAccount): DeviceRef[] {
    return [{ account, device: 0 }, ...[...account.companions.keys()].map((device) => ({ account, device }))];
  }
}
