import { describe, expect, it } from "vitest";
import { pooledRandomBytes } from "@/lib/server/pooled-random-bytes";

describe("pooledRandomBytes", () => {
  it("hands out the requested number of bytes, and never the same bytes twice across blocks", () => {
    const seen = new Set<string>();
    // 12-byte draws over several 4 KiB blocks: a repeated draw would mean a block was reused.
    for (let i = 0; i < 2_000; i++) {
      const bytes = pooledRandomBytes(12);
      expect(bytes.length).toBe(12);
      const hex = bytes.toString("hex");
      expect(seen.has(hex)).toBe(false);
      seen.add(hex);
    }
  });

  it("a draw kept by its caller is not overwritten by later draws", () => {
    const kept = pooledRandomBytes(16);
    const copy = Buffer.from(kept);
    for (let i = 0; i < 1_000; i++) pooledRandomBytes(16);
    expect(kept.equals(copy)).toBe(true);
  });

  it("large draws come straight from crypto.randomBytes", () => {
    expect(pooledRandomBytes(2_000).length).toBe(2_000);
    expect(pooledRandomBytes(2_000).equals(pooledRandomBytes(2_000))).toBe(false);
  });
});
