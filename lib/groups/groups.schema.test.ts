import { describe, expect, it } from "vitest";
import { createGroupSchema, groupJid, inviteCode } from "@/lib/groups/groups.schema";
import { participantRow } from "@/lib/groups/handle-group-events";

describe("group inputs", () => {
  it("takes an invite code or its chat.whatsapp.com link", () => {
    expect(inviteCode.parse("AbCdEfGhIjKlMn")).toBe("AbCdEfGhIjKlMn");
    expect(inviteCode.parse("https://chat.whatsapp.com/AbCdEfGhIjKlMn")).toBe("AbCdEfGhIjKlMn");
    expect(inviteCode.parse("https://chat.whatsapp.com/AbCdEfGhIjKlMn?utm=x")).toBe("AbCdEfGhIjKlMn");
    expect(inviteCode.safeParse("https://evil.example/AbCdEf").success).toBe(false);
    expect(inviteCode.safeParse("has spaces in it").success).toBe(false);
  });

  it("accepts group JIDs only", () => {
    expect(groupJid.safeParse("120363014587327510@g.us").success).toBe(true);
    expect(groupJid.safeParse("6281234-1600000000@g.us").success).toBe(true);
    expect(groupJid.safeParse("6281234@s.whatsapp.net").success).toBe(false);
  });

  it("limits the subject to 1–100 characters and needs a participant", () => {
    const base = { sessionId: "s1", participants: ["628123"] };
    expect(createGroupSchema.safeParse({ ...base, subject: "" }).success).toBe(false);
    expect(createGroupSchema.safeParse({ ...base, subject: "x".repeat(101) }).success).toBe(false);
    expect(createGroupSchema.safeParse({ ...base, subject: "ok", participants: [] }).success).toBe(false);
    expect(createGroupSchema.safeParse({ ...base, subject: "ok" }).success).toBe(true);
  });
});

describe("participantRow", () => {
  it("keeps the phone-number JID as the id whenever it is known, with the LID beside it", () => {
    expect(participantRow({ id: "1555@s.whatsapp.net", lid: "999@lid", admin: "admin" })).toEqual({
      jid: "1555@s.whatsapp.net",
      phoneJid: "1555@s.whatsapp.net",
      lid: "999@lid",
      admin: "admin",
    });
    expect(participantRow({ id: "999@lid", phoneNumber: "1555@s.whatsapp.net", admin: null })).toEqual({
      jid: "1555@s.whatsapp.net",
      phoneJid: "1555@s.whatsapp.net",
      lid: "999@lid",
      admin: null,
    });
    expect(participantRow({ id: "999@lid" })).toEqual({ jid: "999@lid", phoneJid: null, lid: "999@lid", admin: null });
  });
});
