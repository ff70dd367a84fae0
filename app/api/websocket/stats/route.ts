// GET /api/websocket/stats – Socket.io clients per session room (Chatery)
import { withAuth } from "@/lib/api/with-auth";
import { getWebsocketStats } from "@/lib/sessions/get-websocket-stats";

export const GET = withAuth({ permission: "sessions.read" }, ({ caller }) => getWebsocketStats(caller));
