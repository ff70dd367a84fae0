import "server-only";
// Called by every write that narrows what a user may see, after it committed: open Socket.io
// connections of those users are re-checked within moments, on every node (caller-change-bus.ts).
import { getRuntime } from "@/lib/server/runtime";

/** `userIds`: the users whose authority changed; an owner's id also covers its staff's sockets. */
export async function notifyCallerChanged(...userIds: Array<string | null | undefined>): Promise<void> {
  await getRuntime().callerChanges?.publish(userIds.filter((id): id is string => typeof id === "string"));
}
