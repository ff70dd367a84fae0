// What each role may do. Code checks permissions, never role names; a role missing here gets
// nothing. Which *rows* a permission reaches is decided by the scopes in lib/auth/scope.ts.
export const PERMISSIONS = [
  "profile.read",
  "apiKey.manage",
  "sessions.read", // list and open sessions the caller may see
  "sessions.send", // send and read messages through them
  "sessions.create",
  "sessions.manage", // settings, connect/restart/logout, rename, delete
  "users.read",
  "users.write", // SUPERADMIN: any user; OWNER: their own staff
  "automation.manage", // auto-reply rules and schedules (STAFF: on their assigned sessions)
  "groups.manage", // create, join, leave and administer groups (staff may read and send to them)
  "metrics.read", // GET /metrics: SUPERADMIN only
  "audit.read", // the audit log: SUPERADMIN all; OWNER their tenant's
  "webhooks.manage", // webhooks of the sessions the caller manages (split from sessions.manage so a key can be scoped to it)
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type RoleName = "SUPERADMIN" | "OWNER" | "STAFF";

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  SUPERADMIN: PERMISSIONS,
  OWNER: [
    "profile.read",
    "apiKey.manage",
    "sessions.read",
    "sessions.send",
    "sessions.create",
    "sessions.manage",
    "users.read",
    "users.write",
    "automation.manage",
    "groups.manage",
    "audit.read",
    "webhooks.manage",
  ],
  STAFF: ["profile.read", "apiKey.manage", "sessions.read", "sessions.send", "automation.manage"],
};

export function hasPermission(role: string, permission: Permission): boolean {
  // Own keys only: a role named like an Object.prototype member ("constructor") must get nothing, not throw.
  if (!Object.hasOwn(ROLE_PERMISSIONS, role)) return false;
  return ROLE_PERMISSIONS[role as RoleName].includes(permission);
}
