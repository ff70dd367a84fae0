import { describe, expect, it } from "vitest";
import { toClevioWebhookPayload } from "@/lib/compat/clevio/to-clevio-webhook-payload";

describe("Clevio's webhook payload", () => {
  it("a text from a contact", () => {
    const data = {
      id: "ABC",
      remoteJid: "628111@s.whatsapp.net",
      from: "628111@s.whatsapp.net",
      fromMe: false,
      type: "TEXT",
      text: "Hello",
      timestamp: 1753078922,
      message: { conversation: "Hello" },
    };
    expect(toClevioWebhookPayload(data, { sessionId: "628999", phoneNumber: "628999" })).toEqual({
      sessionId: "628999",
      from: "628111@c.us",
      to: "628999@c.us",
      body: "Hello",
      type: "chat",
      timestamp: 1753078922,
      group: false,
    });
  });

  it("an image in a group, with filename, mimetype and caption (and media when given)", () => {
    const data = {
      remoteJid: "123-456@g.us",
      participant: "628111@s.whatsapp.net",
      fromMe: false,
      type: "IMAGE",
      text: "look",
      timestamp: 5,
      message: { imageMessage: { mimetype: "image/jpeg", caption: "look" } },
    };
    expect(toClevioWebhookPayload(data, { sessionId: "s" }, { base64: "AAAA" })).toMatchObject({
      from: "123-456@g.us",
      author: "628111@c.us",
      group: true,
      type: "image",
      media: "AAAA",
      filename: null,
      mimetype: "image/jpeg",
      caption: "look",
    });
  });
});
