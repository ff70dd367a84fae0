import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { optOutScope } from "@/lib/opt-outs/opt-out-scope";

/** Removes an entry (by id, or by the number it holds): the number may receive campaigns again. */
export async function removeOptOut(caller: Caller, idOrPhone: string) {
  const digits = idOrPhone.replace(/[^\d]/g, "");
  const { count } = await db().optOut.deleteMany({
    where: { AND: [optOutScope(caller), { OR: [{ id: idOrPhone }, ...(digits.length >= 7 ? [{ jid: `${digits}@s.whatsapp.net` }] : [])] }] },
  });
  if (count === 0) throw notFound("Opt-out");
  return { success: true };
}
