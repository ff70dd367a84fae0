import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionActions } from "@/components/sessions/session-actions";
import { SessionDetails } from "@/components/sessions/session-details";
import { SessionSettingsForm } from "@/components/sessions/session-settings-form";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { AppError } from "@/lib/api/app-error";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
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
  // The same shape GET /api/sessions/[id] answers: the stored row with the live status on top.
  const session = await toPublicSession(row, getRuntime().sessions.live(row));
  const canManage = hasPermission(caller.role, "sessions.manage");

  return (
    <div className="space-y-6">
      <div>
        <Link href="/sessions" className="text-sm font-medium text-blue-700 hover:underline">
          ← All sessions
        </Link>
        <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex min-w-0 flex-wrap items-center gap-3">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900" data-testid="session-name">
              {session.name}
            </h1>
            <SessionStatusBadge status={session.status} />
          </div>
          {canManage && <SessionActions session={{ sessionId: session.sessionId, name: session.name }} afterDelete="list" />}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <SessionDetails session={session} />
        </div>
        <div className="lg:col-span-3">
          <SessionSettingsForm sessionId={session.sessionId} config={session.config} canManage={canManage} />
        </div>
      </div>
    </div>
  );
}
