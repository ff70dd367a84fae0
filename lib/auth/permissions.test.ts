import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, hasPermission } from "@/lib/auth/permissions";

describe("hasPermission", () => {
  it("gives a SUPERADMIN every permission", () => {
    for (const p of PERMISSIONS) expect(hasPermission("SUPERADMIN", p), p).toBe(true);
  });

  it("gives an OWNER everything about their own tenant, nothing process-wide", () => {
    // metrics.read (GET /metrics) describes the whole process, every tenant's traffic included.
    for (const p of PERMISSIONS.filter((p) => p !== "metrics.read")) expect(hasPermission("OWNER", p), p).toBe(true);
    expect(hasPermission("OWNER", "metrics.read")).toBe(false);
    expect(hasPermission("SUPERADMIN", "metrics.read")).toBe(true);
  });

  it("lets STAFF read and use sessions and automate them, but not create, manage or administer users", () => {
    // automation.manage reaches only the sessions assigned to them (lib/auth/scope.ts).
    expect(PERMISSIONS.filter((p) => hasPermission("STAFF", p))).toEqual([
      "profile.read",
      "apiKey.manage",
      "sessions.read",
      "sessions.send",
      "automation.manage",
    ]);
    for (const p of [
      "sessions.create",
      "sessions.manage",
      "users.read",
      "users.write",
      "groups.manage",
      "webhooks.manage",
      "audit.read",
      "metrics.read",
    ] as const) {
      expect(hasPermission("STAFF", p), p).toBe(false);
    }
  });

  it.each(["ADMIN", "", "owner", "Superadmin", "constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "gives the unknown role %j nothing (and does not throw)",
    (role) => {
      for (const p of PERMISSIONS) expect(hasPermission(role, p), `${role} / ${p}`).toBe(false);
    },
  );

  it("only grants permissions that exist", () => {
    for (const [role, granted] of Object.entries(ROLE_PERMISSIONS)) {
      for (const p of granted) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
    }
  });
});
