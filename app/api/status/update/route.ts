// POST /api/status/update – post a status (TEXT with backgroundColor/font, IMAGE or VIDEO) to the session's contacts
import { withAuth } from "@/lib/api/with-auth";
import { postStatus } from "@/lib/status/post-status";
import { postStatusSchema } from "@/lib/status/status.schema";

export const POST = withAuth({ permission: "sessions.send", body: postStatusSchema }, ({ caller, body }) => postStatus(caller, body));
