import type { Metadata } from "next";
import { WsTestPanel } from "@/components/ws-test/ws-test-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "WebSocket test · Wagate" };

/** Chatery's /ws-test: watch a session's live events, signed in. */
export default async function WsTestPage() {
  const caller = await requirePageCaller();
  const sessions = await listSessions(caller);
  return (
    <>
      <PageHeader title="WebSocket test" description="Subscribe to one of your sessions and watch its live events, in Wagate's or Chatery's format." />
      <WsTestPanel sessions={sessions.map((s) => ({ sessionId: s.sessionId, name: s.name }))} />
    </>
  );
}
