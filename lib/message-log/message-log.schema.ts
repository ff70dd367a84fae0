import { z } from "zod";
import { timeZoneSchema } from "@/lib/users/users.schema";

export const MESSAGE_LOG_PERIODS = ["today", "24h", "7d", "30d", "all"] as const;
export const MESSAGE_LOG_STATUSES = ["PENDING", "SENT", "DELIVERED", "READ", "FAILED"] as const;
/** Page size of the JSON answer; the CSV export takes up to MESSAGE_LOG_CSV_LIMIT rows at once. */
export const MESSAGE_LOG_PAGE_SIZE = 50;
export const MESSAGE_LOG_CSV_LIMIT = 10_000;

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/**
 * GET /api/messages/log and the Logs page's URL: every filter optional. Empty strings (a form's
 * "Any" option) mean "not filtered", so the page's plain GET form needs no script.
 */
export const messageLogQuerySchema = z.strictObject({
  /** Words in the message text (case-insensitive). */
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(200).optional()),
  direction: z.preprocess(emptyAsUndefined, z.enum(["in", "out"]).optional()),
  status: z.preprocess(emptyAsUndefined, z.enum(MESSAGE_LOG_STATUSES).optional()),
  /** A session's public id. */
  sessionId: z.preprocess(emptyAsUndefined, z.string().trim().max(64).optional()),
  /** Part of the contact's number or chat id. */
  contact: z.preprocess(emptyAsUndefined, z.string().trim().max(100).optional()),
  period: z.preprocess(emptyAsUndefined, z.enum(MESSAGE_LOG_PERIODS).default("7d")),
  /** The viewer's time zone, for "today". */
  tz: z.preprocess(emptyAsUndefined, timeZoneSchema.optional()),
  page: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  format: z.preprocess(emptyAsUndefined, z.enum(["json", "csv"]).default("json")),
});
export type MessageLogQuery = z.output<typeof messageLogQuerySchema>;
