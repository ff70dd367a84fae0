import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SessionView } from "@/components/sessions/session-view";
import { AppError } from "@/lib/errors/app-error";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { getSessionStatus } from "@/lib/sessions/get-session-status";
import { toPublicSession } from "@/lib/sessions/public-session";
import { getRuntime } from "@/lib/server/runtime";

export const metadata: Metadata = { title: "Session · Wagate" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageCaller();
  // Another tenant's session is answered exactly like one that does not exist.
  const row = await getSessionOrThrow(caller, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // The same shapes GET /api/sessions/[id] and GET /api/sessions/[id]/status answer.
  const [session, details] = await Promise.all([toPublicSession(row, getRuntime().sessions.live(row)), getSessionStatus(caller, row.id)]);

  return (
    <SessionView
      // The QR image is fetched by the connect dialog, for callers allowed to see it; not sent along.
      session={{ ...session, qr: null }}
      details={details}
      canManage={hasPermission(caller.role, "sessions.manage")}
      canSend={hasPermission(caller.role, "sessions.send")}
      sandbox={getRuntime().sandbox !== null}
    />
  );
}
