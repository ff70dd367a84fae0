/** The Socket.io room a session's events are sent to. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The room of those who may manage the session (they alone receive its QR codes). */
export const sessionManageRoom = (sessionId: string) => `session:${sessionId}:manage`;
