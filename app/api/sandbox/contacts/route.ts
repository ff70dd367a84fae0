// GET /api/sandbox/contacts – the emulated contacts (sandbox mode only)
// POST /api/sandbox/contacts – add one ({ phone, name, echo? })
import { withAuth } from "@/lib/api/with-auth";
import { createSandboxContact } from "@/lib/sandbox/create-sandbox-contact";
import { listSandboxContacts } from "@/lib/sandbox/list-sandbox-contacts";
import { createContactSchema } from "@/lib/sandbox/sandbox.schema";

export const GET = withAuth({ permission: "sessions.read" }, async () => listSandboxContacts());

export const POST = withAuth({ permission: "sessions.manage", body: createContactSchema }, async ({ body }) =>
  Response.json(createSandboxContact(body), { status: 201 }),
);
