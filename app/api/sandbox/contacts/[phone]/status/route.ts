// POST /api/sandbox/contacts/[phone]/status – the contact posts a text status that the caller's sessions see
import { withAuth } from "@/lib/api/with-auth";
import { postStatusAsContact } from "@/lib/sandbox/contact-groups";
import { contactParams } from "@/lib/sandbox/sandbox.schema";
import { contactStatusSchema } from "@/lib/sandbox/sandbox-groups.schema";

export const POST = withAuth({ permission: "sessions.send", params: contactParams, body: contactStatusSchema }, ({ caller, params, body }) =>
  postStatusAsContact(caller, params.phone, body.text),
);
