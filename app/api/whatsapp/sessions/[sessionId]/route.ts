// DELETE /api/whatsapp/sessions/{sessionId} – log out and delete the session (Chatery)
import { chaterySessionParams } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { deleteSession } from "@/lib/sessions/delete-session";

export const DELETE = withChateryEnvelope({ permission: "sessions.manage", params: chaterySessionParams }, "Session deleted", async ({ caller, params }) => {
  await deleteSession(caller, params.sessionId);
  return { sessionId: params.sessionId };
});
