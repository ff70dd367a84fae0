import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_KEY_PREFIX, generateApiKey, hashApiKey, maskApiKey } from "@/lib/api-keys/api-key-format";

describe("API key format", () => {
  it("generates wag_ keys of 32 url-safe characters, all different", () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    for (const key of keys) expect(key).toMatch(/^wag_[A-Za-z0-9_-]{32}$/);
    expect(new Set(keys).size).toBe(keys.length);
    expect(API_KEY_PREFIX).toBe("wag_");
  });

  it("hashes with SHA-256 (hex), deterministically, never returning the key", () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toBe(createHash("sha256").update(key).digest("hex"));
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).not.toContain(key.slice(4));
    expect(hashApiKey(key)).not.toBe(hashApiKey(generateApiKey()));
  });

  it("masks as wag_…last4", () => {
    expect(maskApiKey("Ab9_")).toBe("wag_…Ab9_");
  });
});
