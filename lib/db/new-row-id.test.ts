import { describe, expect, it } from "vitest";
import { newRowId } from "@/lib/db/new-row-id";

describe("newRowId", () => {
  it("sorts in the order the ids were made, also within one millisecond, with the prefix and cuid's length", () => {
    const ids = Array.from({ length: 2000 }, () => newRowId("e"));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^e[0-9a-z]{8}[0-9a-z]{4}[0-9a-f]{12}$/);
    expect(newRowId()).toMatch(/^c[0-9a-z]{24}$/);
  });
});
