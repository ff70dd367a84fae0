import { describe, expect, it } from "vitest";
import { createSessionSchema, updateSessionSettingsSchema } from "@/lib/sessions/sessions.schema";

describe("updateSessionSettingsSchema", () => {
  it("accepts Ultimate WhatsApp Gateway's settings body", () => {
    const body = {
      config: {
        autoReplyEnabled: true,
        ppGuardEnabled: true,
        ppGuardFallbackUrl: "https://example.com/default-avatar.jpg",
        readReceipts: true,
        antiDelete: false,
        ghostMode: false,
      },
    };
    expect(updateSessionSettingsSchema.parse(body)).toEqual(body);
  });

  it("refuses unknown keys and wrong types, naming config.x", () => {
    const unknown = updateSessionSettingsSchema.safeParse({ config: { autoReply: true } });
    expect(unknown.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", path: ["config"], keys: ["autoReply"] });
    const wrongType = updateSessionSettingsSchema.safeParse({ config: { readReceipts: "true" } });
    expect(wrongType.error?.issues[0].path).toEqual(["config", "readReceipts"]);
    const notHttp = updateSessionSettingsSchema.safeParse({ config: { ppGuardFallbackUrl: "javascript:alert(1)" } });
    expect(notHttp.error?.issues[0].path).toEqual(["config", "ppGuardFallbackUrl"]);
  });
});

describe("createSessionSchema", () => {
  it("trims the name and checks a custom sessionId", () => {
    expect(createSessionSchema.parse({ name: "  WA  " })).toEqual({ name: "WA" });
    expect(createSessionSchema.safeParse({ name: "WA", sessionId: "a b" }).success).toBe(false);
    expect(createSessionSchema.parse({ name: "WA", sessionId: "sales-01" })).toEqual({ name: "WA", sessionId: "sales-01" });
  });
});
