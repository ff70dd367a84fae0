// PUT /api/sandbox/contacts/[phone]/addressing – whether the emulated contact's 1:1 messages come addressed by LID
import { withAuth } from "@/lib/api/with-auth";
import { contactParams } from "@/lib/sandbox/sandbox.schema";
import { contactAddressingSchema } from "@/lib/sandbox/sandbox-groups.schema";
import { setContactAddressing } from "@/lib/sandbox/set-contact-addressing";

export const PUT = withAuth({ permission: "sessions.manage", params: contactParams, body: contactAddressingSchema }, ({ caller, params, body }) =>
  setContactAddressing(caller, params.phone, body.lid),
);
