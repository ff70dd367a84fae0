import { z } from "zod";
import { timeZoneSchema } from "@/lib/users/users.schema";

/** GET /api/overview: "today" and the chart's days and hours are counted in this zone. */
export const overviewQuerySchema = z.strictObject({
  tz: timeZoneSchema.optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
