import type { PublicSession } from "@/lib/sessions/public-session";

/** A session as the API and the server components hand it to the dashboard. */
export type DashboardSession = PublicSession;
