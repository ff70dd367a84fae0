import "server-only";
// The sandbox's tenant boundary for emulated phone numbers. Every number a tenant pairs as or adds
// as a contact is recorded as theirs (sandbox_phones); a number of another tenant — or one nobody
// is known to own — can never be paired as, so no tenant can link a second session to another
// tenant's emulated account and read or forge its messages. The shared demo contacts belong to
// nobody: everyone sees and talks to them, nobody pairs as them.
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { SANDBOX_CONTACTS } from "@/lib/sandbox/sandbox-contacts";
import { db } from "@/lib/server/runtime";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

const DEMO_PHONES = new Set(SANDBOX_CONTACTS.map((c) => c.phone));

export const isDemoPhone = (phone: string) => DEMO_PHONES.has(phone);

const notYours = (phone: string) =>
  new AppError("CONFLICT", `phone: ${phone} is not one of your sandbox numbers; choose a new number, or leave phone out to use the session's own`);

/**
 * Records `phone` as `tenantId`'s, or confirms it already is. `mayExist`: the emulated account may
 * already exist without a record (a session's own derived number, made before records were kept).
 */
export async function claimSandboxPhone(tenantId: string, phone: string, accountExists: boolean, mayExist = false): Promise<void> {
  if (isDemoPhone(phone)) throw notYours(phone);
  const row = await db().sandboxPhone.findUnique({ where: { phone }, select: { ownerId: true } });
  if (row) {
    if (row.ownerId !== tenantId) throw notYours(phone);
    return;
  }
  // An account nobody is recorded to own cannot be proven to be the caller's.
  if (accountExists && !mayExist) throw notYours(phone);
  try {
    await db().sandboxPhone.create({ data: { phone, ownerId: tenantId } });
  } catch (error) {
    // Another tenant claimed it at the same moment.
    if (isUniqueViolation(error)) throw notYours(phone);
    throw error;
  }
}

/** The numbers the caller may see as contacts: its tenant's own (all of them for a SUPERADMIN). */
export async function ownSandboxPhones(caller: Caller): Promise<Set<string> | "all"> {
  if (caller.role === "SUPERADMIN") return "all";
  const rows = await db().sandboxPhone.findMany({ where: { ownerId: caller.tenantId }, select: { phone: true } });
  return new Set(rows.map((r) => r.phone));
}

/** 404 unless the caller may use this contact: a demo contact or one of its tenant's numbers. */
export async function assertSandboxContactVisible(caller: Caller, phone: string): Promise<void> {
  if (isDemoPhone(phone) || caller.role === "SUPERADMIN") return;
  const row = await db().sandboxPhone.findUnique({ where: { phone }, select: { ownerId: true } });
  if (row?.ownerId !== caller.tenantId) throw notFound("Sandbox contact");
}
