/** The Socket.io room a session's events are sent to. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
