import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatPageHeader } from "@/components/chat/chat-page-header";
import { ChatView } from "@/components/chat/chat-view";
import { Alert } from "@/components/ui/alert";
import { AppError } from "@/lib/errors/app-error";
import { optionalPageCaller, requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { translate } from "@/lib/i18n/messages";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

// The tab's title in the viewer's language too (the unread count goes in front of it).
export async function generateMetadata(): Promise<Metadata> {
  const caller = await optionalPageCaller();
  const t = caller ? await pageTranslator(caller.id) : (key: "chat.title") => translate("en", key);
  return { title: `${t("chat.title")} · Wagate` };
}

export default async function SessionChatsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageCaller();
  // Another tenant's session (or, for staff, one not assigned to them) is a 404, as on the session page.
  const row = await getSessionOrThrow(caller, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const status = getRuntime().sessions.live(row)?.status ?? row.status;
  // Reading and sending are one permission in the API (sessions.send); without it there is nothing to show.
  const canSend = hasPermission(caller.role, "sessions.send");
  const t = await pageTranslator(caller.id);

  return (
    // The page fills the window below the top bar (h-14) and the main area's padding, so the thread
    // scrolls inside its pane and the composer stays in view.
    <div className="flex h-[calc(100dvh-6.5rem)] min-h-[32rem] flex-col gap-3 sm:h-[calc(100dvh-7.5rem)]">
      {canSend ? (
        <ChatView session={{ sessionId: row.sessionId, name: row.name, status, phoneNumber: row.phoneNumber }} />
      ) : (
        <>
          <ChatPageHeader sessionId={row.sessionId} name={row.name} status={status} />
          <Alert tone="info" data-testid="chat-read-only">
            {t("chat.readOnly")}
          </Alert>
        </>
      )}
    </div>
  );
}
