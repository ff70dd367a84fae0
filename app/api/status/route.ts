// GET /api/status – recent statuses of a session (posted by its contacts, and its own), newest first
import { withAuth } from "@/lib/api/with-auth";
import { listStatuses } from "@/lib/status/list-statuses";
import { listStatusesQuery } from "@/lib/status/status.schema";

export const GET = withAuth({ permission: "sessions.send", query: listStatusesQuery }, ({ caller, query }) => listStatuses(caller, query));
