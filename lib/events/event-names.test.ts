import { describe, expect, it } from "vitest";
import { eventMatches, apiEventName } from "@/lib/events/event-names";

describe("eventMatches", () => {
  it("takes Ultimate WhatsApp Gateway names", () => {
    expect(eventMatches(["message.received"], "message")).toBe(true);
    expect(eventMatches(["message.status"], "message.update")).toBe(true);
    expect(eventMatches(["group.update"], "group.participants")).toBe(true);
    expect(eventMatches(["message.received"], "message.sent")).toBe(false);
  });
  it("takes Chatery names and aliases", () => {
    expect(eventMatches(["message"], "message")).toBe(true);
    expect(eventMatches(["message_ack"], "message.update")).toBe(true);
    expect(eventMatches(["connection.update"], "qr")).toBe(true);
  });
  it("takes everything with * or all, and prefix wildcards", () => {
    expect(eventMatches(["*"], "call")).toBe(true);
    expect(eventMatches(["all"], "presence.update")).toBe(true);
    expect(eventMatches(["chat.*"], "chat.delete")).toBe(true);
    expect(eventMatches(["chat.*"], "contact.update")).toBe(false);
  });
  it("wants nothing with no filters", () => {
    expect(eventMatches([], "message")).toBe(false);
  });
});

describe("apiEventName", () => {
  it("renames where Ultimate WhatsApp Gateway differs and keeps the rest", () => {
    expect(apiEventName("message")).toBe("message.received");
    expect(apiEventName("message.update")).toBe("message.status");
    expect(apiEventName("message.sent")).toBe("message.sent");
  });
});
