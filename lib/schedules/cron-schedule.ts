// Recurring schedules' cron expressions, read by croner (5 fields, or 6 with seconds first), in
// the schedule's time zone, ending at its optional end.
import { Cron } from "croner";
import { AppError } from "@/lib/errors/app-error";

export const MAX_CRON_LENGTH = 120;

function build(expression: string, timeZone: string, endAt: Date | null): Cron {
  if (expression.length > MAX_CRON_LENGTH) throw new AppError("BAD_REQUEST", `cron: must be at most ${MAX_CRON_LENGTH} characters`);
  try {
    return new Cron(expression, { timezone: timeZone, paused: true, ...(endAt ? { stopAt: endAt } : {}) });
  } catch (error) {
    throw new AppError("BAD_REQUEST", `cron: '${expression}' is not a cron expression (${(error as Error).message})`);
  }
}

/** Throws a 400 naming `cron` unless the expression parses and fires at least once after `from`. */
export function assertCron(expression: string, timeZone: string, endAt: Date | null, from: Date): void {
  if (!build(expression, timeZone, endAt).nextRun(from)) throw new AppError("BAD_REQUEST", "cron: never fires before endAt");
}

/** The next firing strictly after `after`, or null when the schedule has ended. */
export function nextFiring(expression: string, timeZone: string, endAt: Date | null, after: Date): Date | null {
  try {
    return build(expression, timeZone, endAt).nextRun(after);
  } catch {
    return null;
  }
}

/** The next `count` firings after `after`. */
export function nextFirings(expression: string, timeZone: string, endAt: Date | null, after: Date, count: number): Date[] {
  try {
    return build(expression, timeZone, endAt).nextRuns(count, after);
  } catch {
    return [];
  }
}
