// Clevio's request bodies (its paths live under /api/clevio/… so they cannot collide with pages).
import { z } from "zod";
import { sessionIdField } from "@/lib/messages/messages.schema";
import { webhookUrlSchema } from "@/lib/webhooks/webhooks.schema";

export const clevioLoginSchema = z.strictObject({
  username: z.string().trim().min(1, "is required").max(254),
  password: z.string().min(1, "is required").max(200),
});

export const clevioSessionParams = z.object({ sessionId: sessionIdField });

/** POST /sessions: creates the session, or updates its webhook URL when it exists. */
export const clevioUpsertSessionSchema = z.strictObject({
  sessionId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,32}$/, "must be 3–32 characters: letters, digits, underscore or dash"),
  webhookUrl: webhookUrlSchema.optional(),
});

export const clevioWebhookSchema = z.strictObject({ webhookUrl: webhookUrlSchema });
