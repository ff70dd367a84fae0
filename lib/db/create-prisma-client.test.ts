import { describe, expect, it } from "vitest";
import { idleConnectionError, readConnectionLimit } from "@/lib/db/create-prisma-client";

describe("readConnectionLimit", () => {
  it("takes Prisma's connection_limit out of the URL", () => {
    expect(readConnectionLimit("postgresql://postgres@127.0.0.1:5555/postgres?sslmode=disable&connection_limit=1")).toEqual({
      connectionString: "postgresql://postgres@127.0.0.1:5555/postgres?sslmode=disable",
      connectionLimit: 1,
    });
  });

  it("leaves a URL without it untouched", () => {
    const url = "postgresql://root@127.0.0.1:5432/wagate?sslmode=disable";
    expect(readConnectionLimit(url)).toEqual({ connectionString: url, connectionLimit: null });
  });

  it("ignores a value that is not a positive integer", () => {
    for (const bad of ["0", "-1", "ten", ""]) {
      expect(readConnectionLimit(`postgresql://h/db?connection_limit=${bad}`).connectionLimit, bad).toBeNull();
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
