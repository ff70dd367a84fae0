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
// How the dashboard says each action: lib/i18n/areas/audit.ts ("audit.action.<action>"), in each language.
