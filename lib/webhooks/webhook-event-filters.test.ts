import { describe, expect, it } from "vitest";
import { webhookEventsSchema } from "@/lib/webhooks/webhooks.schema";

describe("webhook event filters", () => {
  it("accept internal names, seed 001 / seed 003 aliases, *, all and prefixes that match something", () => {
    const ok = ["message", "message.received", "messages.upsert", "connection.update", "*", "all", "message.*", "group.*"];
    expect(webhookEventsSchema.parse(ok)).toEqual(ok);
  });

  it("refuse an unknown name, listing the valid ones", () => {
    const result = webhookEventsSchema.safeParse(["message", "bogus.event"]);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path).toEqual([1]);
    expect(issue.message).toMatch(/^unknown event "bogus\.event"; valid names: /);
    for (const name of ["message.received", "connection.update", "messages.upsert", "all"]) expect(issue.message).toContain(` ${name},`);
  });

  it("refuse a prefix that no event has", () => {
    expect(webhookEventsSchema.safeParse(["bogus.*"]).success).toBe(false);
  });
});
