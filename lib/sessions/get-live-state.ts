import "server-only";
// A session's live state as the API answers it. Several nodes (issue 16): only the node running a
// session knows its QR code; the others store its status, which the holder keeps current. So a
// session waiting for its QR scan (stored status QR) that runs on another node is asked of that
// node (lib/cluster/ask-holder.ts); any other stored status is the answer as it is, without a
// round trip between nodes (a list of many sessions must not wait on each of them).
import { askHolder, runsHere } from "@/lib/cluster/ask-holder";
import { getRuntime } from "@/lib/server/runtime";
import type { LiveState } from "@/lib/whatsapp/managed-session";
import type { SessionRow } from "@/lib/whatsapp/session-manager";

/** `known`: the state an operation just got (connect, restart), completed with the holder's QR code. */
export async function getLiveState(row: SessionRow, known?: LiveState): Promise<LiveState> {
  const here = known ?? getRuntime().sessions.live(row);
  if (here.status !== "QR" || here.qr || runsHere(row)) return here;
  const held = await askHolder(row, "live").catch(() => undefined);
  return held ? { ...held, since: new Date(held.since) } : here;
}
