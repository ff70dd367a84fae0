// GET /api/sandbox/contacts/[phone]/messages – what the contact received from the caller's sessions
// POST /api/sandbox/contacts/[phone]/messages – the contact sends a message to one of the caller's sessions
import { withAuth } from "@/lib/api/with-auth";
import { listContactMessages } from "@/lib/sandbox/list-contact-messages";
import { contactMessageSchema, contactParams } from "@/lib/sandbox/sandbox.schema";
import { sendAsContact } from "@/lib/sandbox/send-as-contact";

export const GET = withAuth({ permission: "sessions.read", params: contactParams }, ({ caller, params }) => listContactMessages(caller, params.phone));

export const POST = withAuth({ permission: "sessions.send", params: contactParams, body: contactMessageSchema }, ({ caller, params, body }) =>
  sendAsContact(caller, params.phone, body),
);
