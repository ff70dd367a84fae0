import { describe, expect, it } from "vitest";
import { describeMessage, isProtocolOnly, unwrapMessage } from "@/lib/whatsapp/describe-message";

describe("describeMessage", () => {
  it("reads plain and extended text, with the quoted id", () => {
    expect(describeMessage({ conversation: "hi" })).toMatchObject({ type: "TEXT", content: "hi", quoteId: null });
    expect(describeMessage({ extendedTextMessage: { text: "re", contextInfo: { stanzaId: "ABC" } } })).toMatchObject({
      type: "TEXT",
      content: "re",
      quoteId: "ABC",
    });
  });
  it("classifies media with their captions", () => {
    expect(describeMessage({ imageMessage: { caption: "look" } })).toMatchObject({ type: "IMAGE", content: "look", hasMedia: true });
    expect(describeMessage({ documentMessage: { fileName: "a.pdf" } })).toMatchObject({ type: "DOCUMENT", content: "a.pdf" });
    expect(describeMessage({ audioMessage: { ptt: true } })).toMatchObject({ type: "AUDIO", hasMedia: true });
  });
  it("reads locations, contacts, polls and reactions", () => {
    expect(describeMessage({ locationMessage: { degreesLatitude: 1.5, degreesLongitude: 2, name: "Here" } }).content).toBe("Here 1.5,2");
    expect(describeMessage({ contactMessage: { displayName: "Ada" } })).toMatchObject({ type: "CONTACT", content: "Ada" });
    expect(describeMessage({ pollCreationMessageV3: { name: "Lunch?" } })).toMatchObject({ type: "POLL", content: "Lunch?" });
    expect(describeMessage({ reactionMessage: { text: "👍", key: { id: "K1" } } })).toMatchObject({ type: "REACTION", content: "👍", quoteId: "K1" });
  });
  it("sees through ephemeral and view-once wrappers", () => {
    expect(unwrapMessage({ ephemeralMessage: { message: { viewOnceMessage: { message: { conversation: "x" } } } } })).toEqual({ conversation: "x" });
  });
  it("marks protocol-only messages", () => {
    expect(isProtocolOnly({ protocolMessage: { type: 0 } })).toBe(true);
    expect(isProtocolOnly({ conversation: "x" })).toBe(false);
  });
});
