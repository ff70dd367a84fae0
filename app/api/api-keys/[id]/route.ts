// PATCH /api/api-keys/{id} – rename a key or change its sessions, scopes or expiry
// DELETE /api/api-keys/{id} – revoke a key (its open sockets are disconnected)
import { withAuth } from "@/lib/api/with-auth";
import { apiKeyIdParams, updateApiKeySchema } from "@/lib/api-keys/api-keys.schema";
import { deleteApiKey } from "@/lib/api-keys/delete-api-key";
import { updateApiKey } from "@/lib/api-keys/update-api-key";

export const PATCH = withAuth({ permission: "apiKey.manage", params: apiKeyIdParams, body: updateApiKeySchema }, ({ caller, params, body }) =>
  updateApiKey(caller, params.id, body),
);
export const DELETE = withAuth({ permission: "apiKey.manage", params: apiKeyIdParams }, ({ caller, params }) => deleteApiKey(caller, params.id));
