import { describe, expect, it } from "vitest";
import { isConflictAbort, retryOnConflict } from "@/lib/db/retry-on-conflict";

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code, severity: "ERROR" });
const prismaError = (code: string, meta?: object) => Object.assign(new Error(`prisma ${code}`), { code, name: "PrismaClientKnownRequestError", meta });
/** A raw statement's failure through Prisma's driver adapter: P2010 with PostgreSQL's code inside. */
const rawQueryError = (originalCode: string, kind = "postgres") => prismaError("P2010", { driverAdapterError: { cause: { kind, originalCode } } });

describe("retryOnConflict", () => {
  it("recognises deadlock and serialization aborts from pg and Prisma, nothing else", () => {
    expect(isConflictAbort(pgError("40P01"))).toBe(true);
    expect(isConflictAbort(pgError("40001"))).toBe(true);
    expect(isConflictAbort(prismaError("P2034"))).toBe(true);
    expect(isConflictAbort(pgError("23505"))).toBe(false);
    expect(isConflictAbort(rawQueryError("40P01", "TransactionWriteConflict"))).toBe(true);
    expect(isConflictAbort(rawQueryError("40001"))).toBe(true);
    expect(isConflictAbort(prismaError("P2002"))).toBe(false);
    expect(isConflictAbort(rawQueryError("23505"))).toBe(false);
    expect(isConflictAbort(prismaError("P2010"))).toBe(false);
    expect(isConflictAbort(Object.assign(new Error("no severity"), { code: "40P01" }))).toBe(false);
    expect(isConflictAbort(null)).toBe(false);
  });

  it("tries a deadlocked write again and returns its result", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw pgError("40P01");
      return "deleted";
    });
    expect(result).toBe("deleted");
    expect(calls).toBe(3);
  });

  it("gives up after the attempts, and does not retry other errors", async () => {
    let calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls++;
        throw prismaError("P2034");
      }, 2),
    ).rejects.toThrow("prisma P2034");
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls++;
        throw pgError("23505");
      }),
    ).rejects.toThrow("pg 23505");
    expect(calls).toBe(1);
  });
});
