// POST /api/autoreplies/test – which rule would answer a sample message, and the reply it would send (nothing is sent)
import { withAuth } from "@/lib/api/with-auth";
import { testAutoReplySchema } from "@/lib/autoreplies/autoreplies.schema";
import { testAutoReply } from "@/lib/autoreplies/test-autoreply";

export const POST = withAuth({ permission: "automation.manage", body: testAutoReplySchema }, ({ caller, body }) => testAutoReply(caller, body));
