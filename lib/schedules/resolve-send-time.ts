// Times given by clients: an ISO 8601 instant with an offset (2026-01-15T09:00:00Z, …+07:00) is
// taken as it is; one without (the Ultimate WhatsApp Gateway's "2026-01-15T09:00:00") is a wall-clock time in the
// user's time zone (their profile's, else the server's), so "9 o'clock" means nine where they are.
import { AppError } from "@/lib/errors/app-error";

const WITH_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Whether Intl knows the zone (IANA names such as Asia/Jakarta, and UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at instant `t`, in ms. */
function offsetAt(t: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** Reads `value` (field `field`) as an instant; wall-clock times are read in `zone`. */
export function resolveSendTime(value: string, zone: string, field: string): Date {
  const text = value.trim();
  if (WITH_OFFSET.test(text) && text.includes("T")) {
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) throw new AppError("BAD_REQUEST", `${field}: '${text}' is not an ISO 8601 time`);
    return date;
  }
  const m = WALL_TIME.exec(text);
  if (!m) throw new AppError("BAD_REQUEST", `${field}: '${text}' is not an ISO 8601 time (e.g. 2026-01-15T09:00:00 or 2026-01-15T09:00:00+07:00)`);
  const [y, mo, d, h = "0", mi = "0", s = "0", ms = "0"] = m.slice(1);
  const guess = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, "0"));
  const check = new Date(guess);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
    throw new AppError("BAD_REQUEST", `${field}: '${text}' is not a valid date and time`);
  }
  // Two passes: the offset at the guessed instant may differ from the one at the answer (DST).
  let t = guess - offsetAt(guess, zone);
  const second = guess - offsetAt(t, zone);
  if (second !== t) t = second;
  return new Date(t);
}
