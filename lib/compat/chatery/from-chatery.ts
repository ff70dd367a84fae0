// Chatery's send bodies as our one send input, so its endpoints are thin adapters over
// enqueueSend. Pure.
import type { z } from "zod";
import type {
  chaterySendAudioSchema,
  chaterySendButtonSchema,
  chaterySendContactSchema,
  chaterySendDocumentSchema,
  chaterySendImageSchema,
  chaterySendLocationSchema,
  chaterySendPollSchema,
  chaterySendTextSchema,
} from "@/lib/compat/chatery/chatery.schema";
import type { SendInput } from "@/lib/messages/messages.schema";

type Common = { sessionId: string; chatId: string; typingTime?: number; replyTo?: string | null };
const common = (body: Common) => ({
  sessionId: body.sessionId,
  jid: body.chatId,
  ...(body.typingTime ? { typingTime: body.typingTime } : {}),
  ...(body.replyTo ? { replyTo: body.replyTo } : {}),
});

export const fromChatery = {
  text: (b: z.output<typeof chaterySendTextSchema>): SendInput => ({ ...common(b), message: { kind: "text", text: b.message } }),
  image: (b: z.output<typeof chaterySendImageSchema>): SendInput => ({
    ...common(b),
    message: { kind: "media", mediaType: "image", ref: { url: b.imageUrl }, caption: b.caption },
  }),
  document: (b: z.output<typeof chaterySendDocumentSchema>): SendInput => ({
    ...common(b),
    message: { kind: "media", mediaType: "document", ref: { url: b.documentUrl }, fileName: b.filename, mimetype: b.mimetype, caption: b.caption },
  }),
  audio: (b: z.output<typeof chaterySendAudioSchema>): SendInput => ({
    ...common(b),
    // Chatery: OGG/Opus only; a voice note must say so for WhatsApp to play it as one.
    message: { kind: "media", mediaType: "audio", ref: { url: b.audioUrl }, ptt: b.ptt ?? false, ...(b.ptt ? { mimetype: "audio/ogg; codecs=opus" } : {}) },
  }),
  location: (b: z.output<typeof chaterySendLocationSchema>): SendInput => ({
    ...common(b),
    message: { kind: "location", location: { degreesLatitude: b.latitude, degreesLongitude: b.longitude, ...(b.name ? { name: b.name } : {}) } },
  }),
  contact: (b: z.output<typeof chaterySendContactSchema>): SendInput => ({
    ...common(b),
    message: { kind: "contact", name: b.contactName, phone: b.contactPhone },
  }),
  poll: (b: z.output<typeof chaterySendPollSchema>): SendInput => ({
    ...common(b),
    message: { kind: "poll", name: b.question, values: b.options, ...(b.selectableCount !== undefined ? { selectableCount: b.selectableCount } : {}) },
  }),
  /**
   * WhatsApp retired buttons for linked devices; instead of Chatery's poll stand-in we send what
   * every client shows: the text, the choices as numbered lines, then the footer.
   */
  button: (b: z.output<typeof chaterySendButtonSchema>): SendInput => ({
    ...common(b),
    message: { kind: "text", text: [b.text, b.buttons.map((label, i) => `${i + 1}. ${label}`).join("\n"), b.footer].filter(Boolean).join("\n\n") },
  }),
};
