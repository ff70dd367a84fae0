// lib/auth/scope.ts says who reaches which session twice: as a Prisma filter (sessionScope, every
// list and write) and as SQL (sessionScopeSql, the raw look-up every send starts with). On a real
// database with two tenants, staff with and without assignments and key-restricted callers, both
// must reach exactly the same sessions — a drift between them would be a tenant leak.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope, sessionScopeSql } from "@/lib/auth/scope";
import { direct } from "@/lib/db/direct-sql";
import { createMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;

const caller = (role: string, id: string, extra: Partial<Caller> = {}): Caller =>
  ({ id, role, name: id, email: `${id}@x.io`, username: id, ownerId: null, tenantId: id, via: "apiKey", ...extra }) as Caller;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const db = database.db;
  const user = (id: string, role: "SUPERADMIN" | "OWNER" | "STAFF", ownerId: string | null = null) =>
    db.user.create({ data: { id, name: id, email: `${id}@x.io`, username: id, passwordHash: "x", role, ownerId } });
  await user("admin", "SUPERADMIN");
  await user("alice", "OWNER");
  await user("bob", "OWNER");
  await user("alice-staff", "STAFF", "alice");
  await user("idle-staff", "STAFF", "alice");
  await user("bob-staff", "STAFF", "bob");
  for (const [id, ownerId] of [
    ["a1", "alice"],
    ["a2", "alice"],
    ["b1", "bob"],
    ["b2", "bob"],
  ])
    await db.whatsappSession.create({ data: { id, sessionId: `shop-${id}`, name: id, ownerId } });
  await db.sessionAssignment.create({ data: { sessionId: "a2", userId: "alice-staff", ownerId: "alice" } });
  await db.sessionAssignment.create({ data: { sessionId: "b1", userId: "bob-staff", ownerId: "bob" } });
  // An assignment across tenants (never made by the API): the tenant condition still excludes it.
  await db.sessionAssignment.create({ data: { sessionId: "b2", userId: "alice-staff", ownerId: "bob" } });
});
afterAll(async () => {
  await database?.drop();
});

describe("sessionScopeSql", () => {
  const callers: Array<[string, Caller, string[]]> = [
    ["a superadmin", caller("SUPERADMIN", "admin"), ["a1", "a2", "b1", "b2"]],
    ["an owner", caller("OWNER", "alice"), ["a1", "a2"]],
    ["the other owner", caller("OWNER", "bob"), ["b1", "b2"]],
    ["staff with an assignment", caller("STAFF", "alice-staff", { ownerId: "alice", tenantId: "alice" }), ["a2"]],
    ["staff without one", caller("STAFF", "idle-staff", { ownerId: "alice", tenantId: "alice" }), []],
    ["an owner's key restricted to one session", caller("OWNER", "alice", { key: { sessionIds: ["a1", "b1"] } as Caller["key"] }), ["a1"]],
    ["a superadmin's key restricted to two", caller("SUPERADMIN", "admin", { key: { sessionIds: ["a2", "b2"] } as Caller["key"] }), ["a2", "b2"]],
    ["an unknown role", caller("ADMIN", "alice"), []],
  ];

  for (const [who, c, expected] of callers) {
    it(`reaches what sessionScope reaches for ${who}`, async () => {
      const viaPrisma = (await database.db.whatsappSession.findMany({ where: sessionScope(c), select: { id: true } })).map((r) => r.id).sort();
      const viaSql = (await direct(database.db).$queryRaw<Array<{ id: string }>>`SELECT s.id FROM whatsapp_sessions s WHERE ${sessionScopeSql(c)}`)
        .map((r) => r.id)
        .sort();
      expect(viaPrisma).toEqual(expected);
      expect(viaSql).toEqual(expected);
    });
  }
});
