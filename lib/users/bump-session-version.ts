import "server-only";
// Ends every dashboard session (cookie) of a user at once: cookies carry the version they were
// issued with, and resolveCaller refuses any other. Open Socket.io connections made with those
// cookies are re-checked and disconnected too. API keys are not affected (revoke them separately).
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";

/** Returns the new version, for a cookie re-issued to the browser that asked (e.g. a password change). */
export async function bumpSessionVersion(userId: string): Promise<number> {
  const { sessionVersion } = await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  await notifyCallerChanged(userId);
  return sessionVersion;
}
