import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { normalizePhone } from "@/lib/campaigns/prepare-recipients";
import { db } from "@/lib/server/runtime";
import { publicOptOut } from "@/lib/opt-outs/public-opt-out";
import type { AddOptOutInput } from "@/lib/opt-outs/opt-outs.schema";

/** Adds a number to the caller's tenant's opt-out list (again is fine: the first entry stays). */
export async function addOptOut(caller: Caller, input: AddOptOutInput) {
  const normalized = normalizePhone(input.phone);
  if ("error" in normalized) throw new AppError("BAD_REQUEST", `phone: '${input.phone.slice(0, 64)}' ${normalized.error}`);
  const row = await db().optOut.upsert({
    where: { ownerId_jid: { ownerId: caller.tenantId, jid: normalized.jid } },
    create: { ownerId: caller.tenantId, jid: normalized.jid, reason: input.reason ?? null, source: caller.via === "apiKey" ? "api" : "manual" },
    update: {},
  });
  return publicOptOut(row);
}
