// GET /api/api-keys – the caller's named keys, masked, with scopes, expiry and last use
// POST /api/api-keys – a new named key (optionally restricted to sessions and scopes), shown once
import { withAuth } from "@/lib/api/with-auth";
import { createNamedApiKeySchema } from "@/lib/api-keys/api-keys.schema";
import { createNamedApiKey } from "@/lib/api-keys/create-named-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";

export const GET = withAuth({ permission: "apiKey.manage" }, ({ caller }) => listApiKeys(caller));
export const POST = withAuth({ permission: "apiKey.manage", body: createNamedApiKeySchema }, async ({ caller, body }) =>
  Response.json(await createNamedApiKey(caller, body), { status: 201 }),
);
