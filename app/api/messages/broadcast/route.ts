// POST /api/messages/broadcast – send one text to many recipients in the background (a campaign; default gap 10–20 s)
import { withAuth } from "@/lib/api/with-auth";
import { broadcastSchema } from "@/lib/campaigns/campaigns.schema";
import { startBroadcast } from "@/lib/campaigns/start-broadcast";

export const POST = withAuth({ permission: "sessions.send", body: broadcastSchema }, ({ caller, body }) => startBroadcast(caller, body));
