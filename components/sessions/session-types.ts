import type { getSessionStatus } from "@/lib/sessions/get-session-status";
import type { PublicSession } from "@/lib/sessions/public-session";

/**
 * A server value as the dashboard receives it: a server component hands Dates over as Dates, the JSON
 * API as ISO strings, so a client component accepts both.
 */
type Received<T> = T extends Date ? Date | string : T extends Array<infer U> ? Received<U>[] : T extends object ? { [K in keyof T]: Received<T[K]> } : T;

/** A session as the API and the server components hand it to the dashboard. */
export type DashboardSession = Received<PublicSession>;

/** GET /api/sessions/[id]/status. */
export type SessionStatusDetails = Received<Awaited<ReturnType<typeof getSessionStatus>>>;

export type StatusHistoryEntry = SessionStatusDetails["history"][number];
