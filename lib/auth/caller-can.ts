// The one permission check for a resolved caller: the role's permission (lib/auth/permissions.ts)
// narrowed by the scopes of the API key the request came with (lib/api-keys/key-scopes.ts).
import type { Caller } from "@/lib/auth/caller";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { keyAllows } from "@/lib/api-keys/key-scopes";

export function callerCan(caller: Pick<Caller, "role" | "key">, permission: Permission): boolean {
  return hasPermission(caller.role, permission) && keyAllows(caller.key, permission);
}
