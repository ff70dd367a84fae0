// The three ids every piece of the hot path needs to know which session (and tenant) it works for:
// the outbox, the message store, the send queue, the session manager. One type for all of them
// (issue 18: it used to be `SessionRef` in managed-session.ts and `EventSession` in event-outbox.ts).
export interface SessionRef {
  /** Internal id (foreign key of every table). */
  id: string;
  /** Public id (URLs, events, rooms). */
  sessionId: string;
  ownerId: string;
}
