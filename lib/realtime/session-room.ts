/** The Socket.io room a session's events are sent to. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The room of those who may manage the session (they alone receive its QR codes). */
export const sessionManageRoom = (sessionId: string) => `session:${sessionId}:manage`;

/** A tenant's webhook managers: they receive `webhook.delivery` after each delivery attempt. */
export const tenantManageRoom = (ownerId: string) => `tenant:${ownerId}:manage`;

/** Superadmins, who see every tenant's webhooks. */
export const ALL_TENANTS_MANAGE_ROOM = "tenants:manage";
