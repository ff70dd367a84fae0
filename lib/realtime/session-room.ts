// Rooms are named by the session's internal id: public sessionIds are unique per owner only, so two
// tenants' "shop" sessions must never share a room.

/** The Socket.io room a session's events are sent to. */
export const sessionRoom = (sessionDbId: string) => `session:${sessionDbId}`;

/** The room of those who may manage the session (they alone receive its QR codes). */
export const sessionManageRoom = (sessionDbId: string) => `session:${sessionDbId}:manage`;
