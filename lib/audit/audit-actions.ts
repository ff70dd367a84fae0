// The audit log's actions, in a module without server-only imports: the schema and the page's
// filter use the list too.
export const AUDIT_ACTIONS = [
  "signed_in",
  "api_key.created",
  "api_key.revoked",
  "session.created",
  "session.deleted",
  "session.logged_out",
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "user.created",
  "user.updated",
  "user.deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How the dashboard says each action. */
export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  signed_in: "Signed in",
  "api_key.created": "Created an API key",
  "api_key.revoked": "Revoked an API key",
  "session.created": "Created a session",
  "session.deleted": "Deleted a session",
  "session.logged_out": "Logged a session out",
  "webhook.created": "Added a webhook",
  "webhook.updated": "Changed a webhook",
  "webhook.deleted": "Deleted a webhook",
  "user.created": "Created a user",
  "user.updated": "Changed a user",
  "user.deleted": "Deleted a user",
};
