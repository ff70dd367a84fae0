import { describe, expect, it } from "vitest";
import { describeZodError } from "@/lib/api/error-response";
import { messageContentSchema, sendBodySchema, sendMessageSchema } from "@/lib/messages/messages.schema";

const base = { sessionId: "abc123", jid: "628123456789" };
const errorOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  return describeZodError(result.error as Parameters<typeof describeZodError>[0]);
};

describe("message content", () => {
  it.each([
    [{ text: "hi" }, { kind: "text", text: "hi" }],
    [
      { image: { url: "https://example.com/a.jpg" }, caption: "look" },
      { kind: "media", mediaType: "image", ref: { url: "https://example.com/a.jpg" }, caption: "look" },
    ],
    [
      { document: { mediaId: "m1" }, fileName: "a.pdf", mimetype: "application/pdf" },
      { kind: "media", mediaType: "document", ref: { mediaId: "m1" }, fileName: "a.pdf", mimetype: "application/pdf" },
    ],
    [
      { audio: { mediaId: "m2" }, ptt: true },
      { kind: "media", mediaType: "audio", ref: { mediaId: "m2" }, ptt: true },
    ],
    [{ location: { degreesLatitude: 1, degreesLongitude: 2 } }, { kind: "location", location: { degreesLatitude: 1, degreesLongitude: 2 } }],
    [{ contact: { name: "Jo", phone: "+1 555" } }, { kind: "contact", name: "Jo", phone: "+1 555" }],
    [{ poll: { name: "Q", values: ["a", "b"] } }, { kind: "poll", name: "Q", values: ["a", "b"] }],
    [{ react: { key: "ID1", text: "👍" } }, { kind: "react", key: "ID1", text: "👍" }],
    [{ react: { key: { id: "ID1", fromMe: true }, text: "" } }, { kind: "react", key: { id: "ID1", fromMe: true }, text: "" }],
    [
      { edit: "ID1", text: "fixed" },
      { kind: "edit", targetId: "ID1", text: "fixed" },
    ],
    [{ delete: "ID1" }, { kind: "delete", targetId: "ID1" }],
  ])("reads %j", (input, output) => {
    expect(messageContentSchema.parse(input)).toMatchObject(output);
  });

  it.each([
    [{}, "must contain one of: text, image, video, audio, document, sticker, location, contacts, contact, poll, react, edit, delete"],
    [{ text: "a", poll: { name: "q", values: ["a", "b"] } }, "has both text and poll: send one kind per message"],
    [{ image: { url: "ftp://x/y.jpg" } }, "image.url: must be an http(s) URL"],
    [{ image: { url: "https://x/y.jpg", mediaId: "m" } }, "image: must have exactly one of url or mediaId"],
    [{ text: "x", fileName: "a.pdf" }, "fileName: only goes with document"],
    [{ image: { mediaId: "m" }, ptt: true }, "ptt: only goes with audio"],
    [{ poll: { name: "q", values: ["a", "a"] } }, "poll.values: must not repeat an option"],
    [{ poll: { name: "q", values: ["a", "b"], selectableCount: 3 } }, "poll.selectableCount: must not exceed the number of options"],
    [{ poll: { name: "q", values: Array.from({ length: 13 }, (_, i) => `o${i}`) } }, "poll.values: must have at most 12 options"],
    [{ react: { key: 5, text: "x" } }, "react.key: Invalid input: expected string, received number"],
    [{ react: { key: { fromMe: true }, text: "x" } }, "react.key: id: Invalid input: expected string, received undefined"],
    [{ text: "x", surprise: 1 }, "Unknown field: surprise"],
  ])("refuses %j naming the field", (input, message) => {
    expect(errorOf(messageContentSchema, input)).toBe(message);
  });
});

describe("send body", () => {
  it("is one send or an array of sends", () => {
    expect(sendBodySchema.parse({ ...base, message: { text: "x" } })).toMatchObject({ ...base, message: { kind: "text" } });
    expect(
      sendBodySchema.parse([
        { ...base, message: { text: "x" } },
        { ...base, message: { delete: "ID" } },
      ]),
    ).toHaveLength(2);
  });

  it("names the field inside the branch the input was meant for", () => {
    expect(errorOf(sendBodySchema, { ...base, message: { text: 5 } })).toBe("message.text: Invalid input: expected string, received number");
    expect(
      errorOf(sendBodySchema, [
        { ...base, message: { text: "ok" } },
        { ...base, jid: "" },
      ]),
    ).toBe("1.jid: is required");
    expect(errorOf(sendBodySchema, [])).toBe("must not be empty");
    expect(
      errorOf(
        sendBodySchema,
        Array.from({ length: 101 }, () => ({ ...base, message: { text: "x" } })),
      ),
    ).toBe("must have at most 100 items");
  });

  it("takes typingTime up to a minute, replyTo (null is none) and wait", () => {
    expect(sendMessageSchema.parse({ ...base, message: { text: "x" }, typingTime: 2000, replyTo: null, wait: false })).toMatchObject({
      typingTime: 2000,
      replyTo: null,
      wait: false,
    });
    expect(errorOf(sendMessageSchema, { ...base, message: { text: "x" }, typingTime: 60_001 })).toBe("typingTime: must be at most 60000 ms");
  });
});
