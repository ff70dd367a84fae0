import { z } from "zod";

/** An IANA time zone the runtime knows ("Asia/Jakarta", "UTC"). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "must be a time zone such as Asia/Jakarta");

/** GET /api/overview: "today" and the chart's days and hours are counted in this zone. */
export const overviewQuerySchema = z.strictObject({
  tz: timeZoneSchema.optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
