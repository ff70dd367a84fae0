// GET /api/user/api-key – the caller's key, masked (Ultimate WhatsApp Gateway)
// POST /api/user/api-key – a new key, shown once; the old one stops working
// DELETE /api/user/api-key – revoke the key
import { withAuth } from "@/lib/api/with-auth";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getApiKey } from "@/lib/api-keys/get-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export const GET = withAuth({ permission: "apiKey.manage" }, ({ caller }) => getApiKey(caller));
export const POST = withAuth({ permission: "apiKey.manage" }, ({ caller }) => createApiKey(caller));
export const DELETE = withAuth({ permission: "apiKey.manage" }, ({ caller }) => revokeApiKey(caller));
