// Rooms are named by the session's internal id: public sessionIds are unique per owner only, so two
// tenants' "shop" sessions must never share a room.
//
// A socket that asked for Chatery's payloads (handshake `auth: { format: "chatery" }` or the query
// `?format=chatery`) joins the same rooms under a "chatery|" prefix, so each event is shaped once
// per format and our default payloads stay as they are.

export const SOCKET_FORMATS = ["default", "chatery"] as const;
export type SocketFormat = (typeof SOCKET_FORMATS)[number];

const prefix = (format: SocketFormat) => (format === "chatery" ? "chatery|" : "");

/** The Socket.io room a session's events are sent to. */
export const sessionRoom = (sessionDbId: string, format: SocketFormat = "default") => `${prefix(format)}session:${sessionDbId}`;

/** The room of those who may manage the session (they alone receive its QR codes). */
export const sessionManageRoom = (sessionDbId: string, format: SocketFormat = "default") => `${prefix(format)}session:${sessionDbId}:manage`;

/** A room name's session id (internal), whichever format; null for other rooms. */
export function roomSessionId(room: string): string | null {
  return room.match(/^(?:chatery\|)?session:([^:]+)(?::manage)?$/)?.[1] ?? null;
}

/** A tenant's webhook managers: they receive `webhook.delivery` after each delivery attempt. */
export const tenantManageRoom = (ownerId: string) => `tenant:${ownerId}:manage`;

/** Superadmins, who see every tenant's webhooks. */
export const ALL_TENANTS_MANAGE_ROOM = "tenants:manage";
