// GET /api/sandbox/contacts/[phone]/groups – the groups the contact's phone is in (those with one of the caller's sessions)
// POST /api/sandbox/contacts/[phone]/groups – the contact creates, joins, leaves or administers a group, or writes in it
import { withAuth } from "@/lib/api/with-auth";
import { actAsContactInGroup, listContactGroups } from "@/lib/sandbox/contact-groups";
import { contactParams } from "@/lib/sandbox/sandbox.schema";
import { contactGroupActionSchema } from "@/lib/sandbox/sandbox-groups.schema";

export const GET = withAuth({ permission: "sessions.read", params: contactParams }, ({ caller, params }) => listContactGroups(caller, params.phone));

export const POST = withAuth({ permission: "sessions.send", params: contactParams, body: contactGroupActionSchema }, ({ caller, params, body }) =>
  actAsContactInGroup(caller, params.phone, body),
);
