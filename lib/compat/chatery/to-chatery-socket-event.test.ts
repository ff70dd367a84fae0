import { describe, expect, it } from "vitest";
import { toChaterySocketEvent } from "@/lib/compat/chatery/to-chatery-socket-event";

const meta = { sessionId: "mysession", timestamp: "2024-01-15T10:30:00.000Z" };

describe("Chatery's Socket.io payloads", () => {
  it("nests messages, updates and chats as its catalogue documents", async () => {
    const message = { id: "ABC123", from: "628123456789@s.whatsapp.net", text: "Hello!", message: { conversation: "Hello!" } };
    expect(await toChaterySocketEvent("message", message, meta, null)).toEqual({ ...meta, message });
    expect(await toChaterySocketEvent("message.update", { id: "A", status: "READ" }, meta, null)).toEqual({ ...meta, update: { id: "A", status: "READ" } });
    expect(await toChaterySocketEvent("chat.upsert", { chats: [{ id: "x" }] }, meta, null)).toEqual({ ...meta, chats: [{ id: "x" }] });
  });

  it("lowercase statuses with phoneNumber and name; QR as a data URL in qrCode", async () => {
    expect(await toChaterySocketEvent("connection.update", { status: "CONNECTED" }, meta, { phoneNumber: "628123456789", name: "John Doe" })).toEqual({
      ...meta,
      status: "connected",
      phoneNumber: "628123456789",
      name: "John Doe",
    });
    expect(await toChaterySocketEvent("connection.update", { status: "QR" }, meta, null)).toEqual({ ...meta, status: "qr_ready" });
    const qr = await toChaterySocketEvent("qr", { qr: "2@abc" }, meta, null);
    expect(qr.qrCode).toMatch(/^data:image\/png;base64,/);
  });
});
