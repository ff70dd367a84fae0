import { describe, expect, it } from "vitest";
import { nextFirings } from "@/lib/schedules/cron-schedule";
import { resolveSendTime } from "@/lib/schedules/resolve-send-time";

describe("resolveSendTime", () => {
  it("takes a time with an offset as it is", () => {
    expect(resolveSendTime("2026-01-15T09:00:00Z", "Asia/Jakarta", "sendAt").toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(resolveSendTime("2026-01-15T09:00:00+07:00", "UTC", "sendAt").toISOString()).toBe("2026-01-15T02:00:00.000Z");
  });

  it("reads a wall-clock time in the zone, across daylight saving", () => {
    expect(resolveSendTime("2026-01-15T09:00:00", "Asia/Jakarta", "sendAt").toISOString()).toBe("2026-01-15T02:00:00.000Z");
    expect(resolveSendTime("2026-01-15T09:00", "America/New_York", "sendAt").toISOString()).toBe("2026-01-15T14:00:00.000Z");
    expect(resolveSendTime("2026-07-15T09:00:00", "America/New_York", "sendAt").toISOString()).toBe("2026-07-15T13:00:00.000Z");
    expect(resolveSendTime("2026-07-15T09:00:00", "Europe/Berlin", "sendAt").toISOString()).toBe("2026-07-15T07:00:00.000Z");
  });

  it("names the field for what it cannot read", () => {
    expect(() => resolveSendTime("next tuesday", "UTC", "sendAt")).toThrow(/^sendAt: /);
    expect(() => resolveSendTime("2026-02-30T09:00:00", "UTC", "scheduledTime")).toThrow(/^scheduledTime: .*not a valid date/);
  });
});

describe("nextFirings", () => {
  it("gives the next firings in the schedule's zone and stops at the end", () => {
    const from = new Date("2026-01-15T00:00:00Z");
    expect(nextFirings("0 9 * * *", "Asia/Jakarta", null, from, 2).map((d) => d.toISOString())).toEqual([
      "2026-01-15T02:00:00.000Z",
      "2026-01-16T02:00:00.000Z",
    ]);
    expect(nextFirings("*/2 * * * * *", "UTC", new Date("2026-01-15T00:00:05Z"), from, 5).map((d) => d.toISOString())).toEqual([
      "2026-01-15T00:00:02.000Z",
      "2026-01-15T00:00:04.000Z",
    ]);
  });
});
