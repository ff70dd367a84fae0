// Inputs of the webhook API, one schema per input, shared by the routes, the dashboard and the
// OpenAPI document. Ultimate WhatsApp Gateway's `/api/webhooks` is the contract; Chatery's per-session lists and
// Clevio / Campaign API's single per-session URL are other doors onto the same Webhook rows.
import { z } from "zod";
import { isKnownEventFilter, knownEventFilters } from "@/lib/events/event-names";

export const WEBHOOK_ORIGINS = ["API", "SESSION", "SESSION_URL"] as const;
export type WebhookOrigin = (typeof WEBHOOK_ORIGINS)[number];

/** How a webhook's payload is shaped: ours, or Clevio's (lib/compat/clevio/to-clevio-webhook-payload.ts). */
export const WEBHOOK_FORMATS = ["default", "clevio"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED", "DEAD"] as const;

/** Ultimate WhatsApp Gateway's event names, accepted as filters beside the internal (Chatery) ones. */
export const API_EVENT_NAMES = [
  "message.received",
  "message.sent",
  "message.status",
  "connection.update",
  "group.update",
  "contact.update",
  "status.update",
  "*",
] as const;

export const webhookUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048, "must be at most 2048 characters");

/** Filters: internal names, Ultimate WhatsApp Gateway / Chatery names, `*`/`all`, or `prefix.*`. */
export const webhookEventsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(64, "must be at most 64 characters")
      .regex(/^(\*|[a-z][a-z0-9_.-]*(\.\*)?)$/i, "must be an event name, `*`, `all` or `prefix.*`")
      // A misspelt name would silently match nothing: refuse it and say what exists.
      .refine(isKnownEventFilter, {
        error: (issue) => `unknown event "${String(issue.input)}"; valid names: ${knownEventFilters().join(", ")}, or a prefix such as message.*`,
      }),
  )
  .min(1, "must name at least one event")
  .max(50, "must name at most 50 events")
  .transform((events) => [...new Set(events)]);

export const webhookSecretSchema = z.string().min(8, "must be at least 8 characters").max(256, "must be at most 256 characters");

const webhookNameSchema = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** A session given by its public sessionId (or internal id); null = all of the owner's sessions. */
const webhookSessionSchema = z.string().trim().min(1).max(64).nullable();

/** POST /api/webhooks (Ultimate WhatsApp Gateway). An absent `secret` gets a generated one; `null` means unsigned. */
export const createWebhookSchema = z.strictObject({
  name: webhookNameSchema,
  url: webhookUrlSchema,
  secret: webhookSecretSchema.nullable().optional(),
  sessionId: webhookSessionSchema.optional(),
  events: webhookEventsSchema,
  isActive: z.boolean().optional(),
  /** The answer to a message.received delivery may carry a reply (Clevio). */
  replyEnabled: z.boolean().optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** PATCH /api/webhooks/[id] (Ultimate WhatsApp Gateway): every field optional. */
export const updateWebhookSchema = z.strictObject({
  name: webhookNameSchema.optional(),
  url: webhookUrlSchema.optional(),
  secret: webhookSecretSchema.nullable().optional(),
  sessionId: webhookSessionSchema.optional(),
  events: webhookEventsSchema.optional(),
  isActive: z.boolean().optional(),
  replyEnabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookIdParams = z.object({ id: z.string().trim().min(1).max(64) });
export const webhookDeliveryParams = z.object({ id: z.string().trim().min(1).max(64), deliveryId: z.string().trim().min(1).max(64) });

/** GET /api/webhooks/[id]/deliveries: newest first, `cursor` = the last delivery id of the previous page. */
export const listDeliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  cursor: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;

/** POST /api/webhooks/[id]/replay: every delivery of the webhook in that state goes again. */
export const replayDeliveriesSchema = z.strictObject({ status: z.enum(["DEAD", "FAILED"]) });

/** One entry of Chatery's per-session list (connect body, POST /api/sessions/[id]/webhooks). */
export const sessionWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  /** Chatery names; absent means every event (`all`). */
  events: webhookEventsSchema.optional(),
});
export type SessionWebhookInput = z.infer<typeof sessionWebhookSchema>;

export const sessionWebhookListSchema = z.array(sessionWebhookSchema).max(20, "at most 20 webhooks per session");

/** DELETE /api/sessions/[id]/webhooks (Chatery). */
export const removeSessionWebhookSchema = z.strictObject({ url: webhookUrlSchema });

/**
 * PUT /api/sessions/[id]/webhook: Clevio / Campaign API's one URL per session. Clevio calls the field
 * `webhookUrl`, Campaign API `url`; either is accepted. Defaults: incoming messages only, replies on.
 */
export const sessionWebhookUrlSchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    webhookUrl: webhookUrlSchema.optional(),
    events: webhookEventsSchema.optional(),
    replyEnabled: z.boolean().optional(),
    /** "clevio": Clevio's payload (from, to, body, type, …) instead of ours. */
    format: z.enum(WEBHOOK_FORMATS).optional(),
  })
  .refine((v) => v.url !== undefined || v.webhookUrl !== undefined, { message: "is required", path: ["url"] })
  .transform(({ url, webhookUrl, ...rest }) => ({ url: (url ?? webhookUrl)!, ...rest }));
export type SessionWebhookUrlInput = z.infer<typeof sessionWebhookUrlSchema>;
