// Inputs of the message-action endpoints, POST /api/chat/[sessionId]/[jid]/messages/[id]/[action]:
// react, edit, delete (for everyone) and forward, each a thin door onto the send shapes.
import { z } from "zod";

export const MESSAGE_ACTIONS = ["react", "edit", "delete", "forward"] as const;

export const messageActionParams = z.object({
  sessionId: z.string().trim().min(1, "is required").max(64),
  jid: z.string().trim().min(1, "is required").max(128),
  id: z.string().trim().min(1, "is required").max(128),
  action: z.enum(MESSAGE_ACTIONS),
});

/** One body for all four; which fields are required depends on the action (checked in the operation). */
export const messageActionBody = z.strictObject({
  /** react: the emoji; "" removes the reaction. */
  emoji: z.string().max(16).optional(),
  /** edit: the new text. */
  text: z.string().min(1, "text: must not be empty").max(65_536).optional(),
  /** forward: where to (phone number or JID). */
  to: z.string().trim().min(1).max(128).optional(),
});

export type MessageActionParams = z.infer<typeof messageActionParams>;
export type MessageActionBody = z.infer<typeof messageActionBody>;
