import "server-only";
import { getRuntime } from "@/lib/server/runtime";

/** Wakes the send queue's lane of a session that has new sends. */
export function wakeSendQueue(sessionId: string): void {
  getRuntime()
    .workers.find((w) => w.name === "send-queue")
    ?.wake(sessionId);
}
