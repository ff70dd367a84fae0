import { describe, expect, it } from "vitest";
import { DEFAULT_STATEMENT_CACHE_SIZE, idleConnectionError, readPoolSettings } from "@/lib/db/create-prisma-client";

describe("readPoolSettings", () => {
  it("takes Prisma's connection_limit and statement_cache_size out of the URL", () => {
    expect(readPoolSettings("postgresql://postgres@127.0.0.1:5555/postgres?sslmode=disable&connection_limit=1&statement_cache_size=0")).toEqual({
      connectionString: "postgresql://postgres@127.0.0.1:5555/postgres?sslmode=disable",
      connectionLimit: 1,
      statementCacheSize: 0,
    });
    expect(readPoolSettings("postgresql://h/db?statement_cache_size=250").statementCacheSize).toBe(250);
  });

  it("leaves a URL without them untouched, with Prisma's default statement cache", () => {
    const url = "postgresql://root@127.0.0.1:5432/wagate?sslmode=disable";
    expect(readPoolSettings(url)).toEqual({ connectionString: url, connectionLimit: null, statementCacheSize: DEFAULT_STATEMENT_CACHE_SIZE });
  });

  it("prepares nothing behind PgBouncer (Prisma's pgbouncer=true), whatever the cache size says", () => {
    expect(readPoolSettings("postgresql://h/db?pgbouncer=true&statement_cache_size=50")).toEqual({
      connectionString: "postgresql://h/db",
      connectionLimit: null,
      statementCacheSize: 0,
    });
    expect(readPoolSettings("postgresql://h/db?pgbouncer=false").statementCacheSize).toBe(DEFAULT_STATEMENT_CACHE_SIZE);
  });

  it("ignores a value that is not a positive integer (a cache size may be 0)", () => {
    for (const bad of ["0", "-1", "ten", ""]) {
      expect(readPoolSettings(`postgresql://h/db?connection_limit=${bad}`).connectionLimit, bad).toBeNull();
    }
    for (const bad of ["-1", "ten", ""]) {
      expect(readPoolSettings(`postgresql://h/db?statement_cache_size=${bad}`).statementCacheSize, bad).toBe(DEFAULT_STATEMENT_CACHE_SIZE);
    }
  });
});

describe("idleConnectionError", () => {
  it("keeps the error's kind, message and SQLSTATE, not the client pg-pool hangs on it", () => {
    const error = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      client: { connectionParameters: { user: "root", host: "db" }, _queryQueue: [] },
    });
    expect(idleConnectionError(error)).toEqual({ type: "Error", message: "terminating connection due to administrator command", code: "57P01" });
    expect(JSON.stringify(idleConnectionError(error))).not.toContain("connectionParameters");
    expect(idleConnectionError(new TypeError("boom"))).toEqual({ type: "TypeError", message: "boom" });
  });
});
