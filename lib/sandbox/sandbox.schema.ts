import { z } from "zod";

const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s()+-]/g, ""))
  .pipe(z.string().regex(/^\d{7,15}$/, "must be a phone number in international format (7–15 digits)"));

export const scanSchema = z.strictObject({ phone: phone.optional() });
export const sandboxSessionParams = z.object({ sessionId: z.string().trim().min(1).max(64) });
export const contactParams = z.object({ phone });
export const createContactSchema = z.strictObject({
  phone,
  name: z.string().trim().min(1).max(100),
  echo: z.boolean().optional(),
});
export type CreateContactInput = z.infer<typeof createContactSchema>;
export const faultSchema = z.strictObject({ kind: z.enum(["drop", "logout", "conflict", "restart", "stall-iq"]) });

const base64 = z
  .string()
  .min(1)
  .max(20_000_000)
  .regex(/^[A-Za-z0-9+/=\s]+$/, "must be base64");
const media = { mimetype: z.string().max(100).optional(), caption: z.string().max(4096).optional(), fileName: z.string().max(255).optional() };

/** What an emulated contact sends to a session: `to` is a session's sessionId or phone number. */
export const contactMessageSchema = z.union([
  z.strictObject({ to: z.string().min(1).max(64), text: z.string().min(1).max(65_536) }),
  z.strictObject({ to: z.string().min(1).max(64), image: base64, ...media }),
  z.strictObject({ to: z.string().min(1).max(64), video: base64, ...media }),
  z.strictObject({ to: z.string().min(1).max(64), audio: base64, ptt: z.boolean().optional(), ...media }),
  z.strictObject({ to: z.string().min(1).max(64), document: base64, ...media }),
  z.strictObject({ to: z.string().min(1).max(64), sticker: base64 }),
  z.strictObject({
    to: z.string().min(1).max(64),
    location: z.strictObject({
      degreesLatitude: z.number().min(-90).max(90),
      degreesLongitude: z.number().min(-180).max(180),
      name: z.string().max(200).optional(),
    }),
  }),
  // A reaction to a message of the chat (the contact's own unless `fromContact` is false) and an
  // edit of one of the contact's own messages: tests of event order send every kind.
  z.strictObject({
    to: z.string().min(1).max(64),
    react: z.strictObject({ id: z.string().min(1).max(128), text: z.string().max(32), fromContact: z.boolean().optional() }),
  }),
  z.strictObject({ to: z.string().min(1).max(64), edit: z.strictObject({ id: z.string().min(1).max(128), text: z.string().min(1).max(65_536) }) }),
]);
export type ContactMessageInput = z.infer<typeof contactMessageSchema>;
