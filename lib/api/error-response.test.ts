import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { describeZodError as DescribeZodError, errorResponse as ErrorResponse } from "@/lib/api/error-response";

let describeZodError: typeof DescribeZodError;
let errorResponse: typeof ErrorResponse;
beforeAll(async () => {
  // The logger reads LOG_LEVEL when first imported; keep the deliberate 500 below out of the output.
  vi.stubEnv("LOG_LEVEL", "silent");
  ({ describeZodError, errorResponse } = await import("@/lib/api/error-response"));
});

const zodError = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a validation error");
  return result.error;
};

describe("describeZodError", () => {
  const schema = z.strictObject({
    name: z.string().min(1, "is required"),
    config: z.strictObject({ readReceipts: z.boolean().optional() }).optional(),
    list: z.array(z.string()).optional(),
  });

  it("names the field, with its path", () => {
    expect(describeZodError(zodError(schema, { name: "" }))).toBe("name: is required");
    expect(describeZodError(zodError(schema, { name: "x", config: { readReceipts: "yes" } }))).toMatch(/^config\.readReceipts: /);
    expect(describeZodError(zodError(schema, { name: "x", list: ["a", 2] }))).toMatch(/^list\.1: /);
    expect(describeZodError(zodError(schema, {}))).toMatch(/^name: /);
  });

  it("names unknown fields, nested ones with their path", () => {
    expect(describeZodError(zodError(schema, { name: "x", role: "SUPERADMIN" }))).toBe("Unknown field: role");
    expect(describeZodError(zodError(schema, { name: "x", a: 1, b: 2 }))).toBe("Unknown fields: a, b");
    expect(describeZodError(zodError(schema, { name: "x", config: { ghost: true } }))).toBe("Unknown field: config.ghost");
  });

  it("describes a problem with the whole input without a path", () => {
    expect(describeZodError(zodError(schema, []))).toMatch(/expected object/);
  });
});

describe("errorResponse", () => {
  it("maps an AppError to its status, message and headers", async () => {
    const res = errorResponse(new AppError("RATE_LIMITED", "Too many", { "Retry-After": "30" }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toEqual({ error: "Too many" });
    const missing = errorResponse(notFound("Session"));
    expect([missing.status, await missing.json()]).toEqual([404, { error: "Session not found" }]);
  });

  it("maps a ZodError to 400 naming the field", async () => {
    const res = errorResponse(zodError(z.object({ email: z.string() }), {}));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^email: /);
  });

  it("answers anything else with a generic 500 that leaks nothing", async () => {
    const res = errorResponse(new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2"));
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: "Internal server error" });
  });
});

describe("errorResponse for database errors", () => {
  const prismaError = (code: string) => Object.assign(new Error("db"), { name: "PrismaClientKnownRequestError", code });

  it("answers a unique-constraint race or a serialization abort with 409, a too-long value with 400", async () => {
    for (const [code, status] of [
      ["P2002", 409],
      ["P2034", 409],
      ["P2000", 400],
    ] as const) {
      const res = errorResponse(prismaError(code));
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
  });

  it("maps pg's own errors (a statement sent on the pool directly) by their SQLSTATE", async () => {
    const pgError = (code: string) => Object.assign(new Error("db"), { name: "error", severity: "ERROR", code });
    for (const [code, status] of [
      ["23505", 409],
      ["40001", 409],
      ["40P01", 409],
      ["22001", 400],
      ["23503", 500],
    ] as const) {
      const res = errorResponse(pgError(code));
      expect(res.status, code).toBe(status);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
  });

  it("keeps other database errors, and look-alikes that are not Prisma's, a 500", () => {
    expect(errorResponse(prismaError("P1001")).status).toBe(500);
    expect(errorResponse(Object.assign(new Error("x"), { code: "P2002" })).status).toBe(500);
    expect(errorResponse(Object.assign(new Error("x"), { code: "23505" })).status).toBe(500);
  });
});
