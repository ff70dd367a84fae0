import { describe, expect, it } from "vitest";
import { compactJson, shortJid, summarizeEvent } from "@/components/sessions/summarize-event";

describe("summarizeEvent", () => {
  it("names the sender of a 1:1 message even when Baileys leaves participant empty", () => {
    const data = { remoteJid: "15550100001@s.whatsapp.net", from: "", participant: "", pushName: "Echo Bot", type: "TEXT", text: "hi\nthere" };
    expect(summarizeEvent("message", data)).toBe("from Echo Bot (+15550100001): hi there");
  });

  it("marks non-text messages with their type", () => {
    expect(summarizeEvent("message", { remoteJid: "1@s.whatsapp.net", type: "IMAGE", text: "a cat" })).toBe("from +1: [image] a cat");
    expect(summarizeEvent("message.sent", { remoteJid: "2@s.whatsapp.net", type: "AUDIO", text: null })).toBe("to +2: [audio]");
  });

  it("describes status changes with their reason, and never prints a raw QR", () => {
    expect(summarizeEvent("connection.update", { status: "QR", reason: "waiting for the QR code to be scanned", qr: "2@secret" })).toBe(
      "QR – waiting for the QR code to be scanned",
    );
    expect(summarizeEvent("qr", { qr: "2@secret" })).toBe("new QR code to scan");
  });

  it("clips long text to one short line", () => {
    const summary = summarizeEvent("message", { remoteJid: "1@s.whatsapp.net", type: "TEXT", text: "x".repeat(500) });
    expect(summary.length).toBe(140);
    expect(summary.endsWith("…")).toBe(true);
  });

  it("falls back to compact JSON for events it does not know", () => {
    expect(summarizeEvent("something.new", { a: 1 })).toBe('{"a":1}');
  });
});

describe("shortJid and compactJson", () => {
  it("shortens user and group jids", () => {
    expect(shortJid("15550100001:3@s.whatsapp.net")).toBe("+15550100001");
    expect(shortJid("1203630@g.us")).toBe("group 1203630");
    expect(shortJid(null)).toBe("someone");
  });

  it("replaces bytes with their length", () => {
    expect(compactJson({ a: new Uint8Array(32), b: { type: "Buffer", data: [1, 2, 3] } })).toBe('{"a":"[32 bytes]","b":"[3 bytes]"}');
  });
});
