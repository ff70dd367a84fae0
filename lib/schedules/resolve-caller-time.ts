import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { isTimeZone, resolveSendTime, serverTimeZone } from "@/lib/schedules/resolve-send-time";
import { db } from "@/lib/server/runtime";

/** A little slack for clocks and request time: "now" given by a client is not "in the past". */
const PAST_TOLERANCE_MS = 5_000;

/** The zone a caller's wall-clock times are read in: `explicit`, else their profile's, else the server's. */
export async function callerTimeZone(caller: Caller, explicit?: string, field = "timeZone"): Promise<string> {
  if (explicit) {
    if (!isTimeZone(explicit)) throw new AppError("BAD_REQUEST", `${field}: '${explicit}' is not a known time zone (use an IANA name such as Asia/Jakarta)`);
    return explicit;
  }
  const user = await db().user.findUnique({ where: { id: caller.id }, select: { timeZone: true } });
  return user?.timeZone && isTimeZone(user.timeZone) ? user.timeZone : serverTimeZone();
}

/** `value` as an instant that must not be in the past (400 naming `field`). */
export async function resolveFutureTime(caller: Caller, value: string, field: string, zone?: string): Promise<Date> {
  const at = resolveSendTime(value, zone ?? (await callerTimeZone(caller)), field);
  if (at.getTime() < Date.now() - PAST_TOLERANCE_MS) throw new AppError("BAD_REQUEST", `${field}: ${at.toISOString()} is in the past`);
  return at;
}
