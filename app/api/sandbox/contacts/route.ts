// GET /api/sandbox/contacts – the emulated contacts the caller may use: the demo ones and its own (sandbox mode only)
// POST /api/sandbox/contacts – add one ({ phone, name, echo? })
import { withAuth } from "@/lib/api/with-auth";
import { createSandboxContact } from "@/lib/sandbox/create-sandbox-contact";
import { listSandboxContacts } from "@/lib/sandbox/list-sandbox-contacts";
import { createContactSchema } from "@/lib/sandbox/sandbox.schema";

export const GET = withAuth({ permission: "sessions.read" }, ({ caller }) => listSandboxContacts(caller));

export const POST = withAuth({ permission: "sessions.manage", body: createContactSchema }, async ({ caller, body }) =>
  Response.json(await createSandboxContact(caller, body), { status: 201 }),
);
