import { z } from "zod";
import { sessionWebhookListSchema } from "@/lib/webhooks/webhooks.schema";

/** A session in a path: its short public sessionId (Ultimate WhatsApp Gateway) or its internal id. */
export const sessionIdParams = z.object({ id: z.string().trim().min(1).max(64) });

export const sessionNameSchema = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

const RESERVED_SESSION_IDS = new Set(["send", "presence", "check-number", "profile-picture", "mark-read"]);

export const createSessionSchema = z.strictObject({
  name: sessionNameSchema,
  /** Optional custom public id (Chatery names its sessions); generated when absent. */
  sessionId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,32}$/, "must be 3–32 characters: letters, digits, underscore or dash")
    // Names of fixed routes beside /api/chat/[sessionId]: such a session could not be listed.
    .refine((v) => !RESERVED_SESSION_IDS.has(v.toLowerCase()), "is a reserved name")
    .optional(),
});
export type CreateSessionInput = z.infer<typeof createSessionSchema>;

export const renameSessionSchema = z.strictObject({ name: sessionNameSchema });

/** Ultimate WhatsApp Gateway's session toggles. Unknown keys are rejected so that a typo is not silently ignored. */
export const sessionConfigSchema = z.strictObject({
  autoReplyEnabled: z.boolean().optional(),
  ppGuardEnabled: z.boolean().optional(),
  ppGuardFallbackUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .nullable()
    .optional(),
  readReceipts: z.boolean().optional(),
  antiDelete: z.boolean().optional(),
  ghostMode: z.boolean().optional(),
  /** Save incoming media under DATA_DIR (Chatery's auto-save). */
  autoSaveMedia: z.boolean().optional(),
  /** Per-session send pacing; unset fields use the PACING_* defaults. `enabled: false` turns it off. */
  pacing: z
    .strictObject({
      enabled: z.boolean().optional(),
      minGapMs: z.number().int().min(0).max(600_000).optional(),
      jitterMs: z.number().int().min(0).max(600_000).optional(),
      maxPerMinute: z.number().int().min(1).max(1000).optional(),
    })
    .optional(),
});
export type SessionConfig = z.infer<typeof sessionConfigSchema>;

export const updateSessionSettingsSchema = z.strictObject({ config: sessionConfigSchema });

export const DEFAULT_SESSION_CONFIG: Required<SessionConfig> = {
  autoReplyEnabled: false,
  ppGuardEnabled: false,
  ppGuardFallbackUrl: null,
  readReceipts: false,
  antiDelete: false,
  ghostMode: false,
  autoSaveMedia: true,
  pacing: {},
};

/**
 * POST /api/sessions/[id]/connect: optional metadata (Chatery), kept with the session and sent with
 * its events, and optional Chatery `webhooks`, which replace the session's Chatery-style webhooks.
 */
export const connectSessionSchema = z.strictObject({
  metadata: z.record(z.string(), z.unknown()).optional(),
  webhooks: sessionWebhookListSchema.optional(),
});

export const pairingCodeSchema = z.strictObject({
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s()+-]/g, ""))
    .pipe(z.string().regex(/^\d{7,15}$/, "must be a phone number in international format (7–15 digits)")),
});

/** Chatery's lower-case status names. */
export const CHATERY_STATUS: Record<string, string> = {
  DISCONNECTED: "disconnected",
  CONNECTING: "connecting",
  QR: "qr_ready",
  CONNECTED: "connected",
  ZOMBIE: "connecting",
  LOGGED_OUT: "disconnected",
};
