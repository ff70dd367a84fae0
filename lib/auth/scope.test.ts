import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope, userScope } from "@/lib/auth/scope";

const caller = (role: string, extra: Partial<Caller> = {}): Caller =>
  ({ id: "u1", role, name: "n", email: "e@x.io", username: "u", ownerId: null, tenantId: "u1", via: "cookie", ...extra }) as Caller;

describe("sessionScope", () => {
  it("reaches every session for a SUPERADMIN", () => {
    expect(sessionScope(caller("SUPERADMIN"))).toEqual({});
  });

  it("reaches an OWNER's own sessions", () => {
    expect(sessionScope(caller("OWNER"))).toEqual({ ownerId: "u1" });
  });

  it("reaches a STAFF member's assigned sessions within their owner's tenant", () => {
    expect(sessionScope(caller("STAFF", { id: "s1", ownerId: "o1", tenantId: "o1" }))).toEqual({
      ownerId: "o1",
      assignments: { some: { userId: "s1" } },
    });
  });

  it("reaches nothing for an unknown role", () => {
    expect(sessionScope(caller("ADMIN"))).toEqual({ id: "__none__" });
  });
});

describe("userScope", () => {
  it("reaches every user for a SUPERADMIN, an OWNER's own staff only, nothing for anyone else", () => {
    expect(userScope(caller("SUPERADMIN"))).toEqual({});
    expect(userScope(caller("OWNER"))).toEqual({ ownerId: "u1", role: "STAFF" });
    expect(userScope(caller("STAFF", { ownerId: "o1", tenantId: "o1" }))).toEqual({ id: "__none__" });
    expect(userScope(caller("ADMIN"))).toEqual({ id: "__none__" });
  });
});
