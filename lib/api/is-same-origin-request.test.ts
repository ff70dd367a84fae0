import { beforeAll, describe, expect, it, vi } from "vitest";
import type { isSameOriginRequest as IsSameOrigin } from "@/lib/api/is-same-origin-request";

let isSameOriginRequest: typeof IsSameOrigin;
beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "x".repeat(32));
  vi.stubEnv("APP_SECRET", "y".repeat(32));
  vi.stubEnv("AUTH_URL", "https://wa.example.com");
  vi.stubEnv("TRUST_PROXY", "false");
  ({ isSameOriginRequest } = await import("@/lib/api/is-same-origin-request"));
});

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });

describe("isSameOriginRequest", () => {
  it("accepts an Origin naming the Host the request was sent to, or AUTH_URL's origin", () => {
    expect(isSameOriginRequest(headers({ host: "localhost:3030", origin: "http://localhost:3030" }))).toBe(true);
    expect(isSameOriginRequest(headers({ host: "10.0.0.5:3030", origin: "https://wa.example.com" }))).toBe(true);
  });

  it("refuses a foreign Origin, another port, Origin: null and garbage", () => {
    for (const origin of ["https://evil.example", "http://localhost:3031", "null", "not a url"]) {
      expect(isSameOriginRequest(headers({ host: "localhost:3030", origin })), origin).toBe(false);
    }
  });

  it("ignores X-Forwarded-Host unless TRUST_PROXY", () => {
    expect(isSameOriginRequest(headers({ host: "internal:3030", "x-forwarded-host": "evil.example", origin: "https://evil.example" }))).toBe(false);
  });

  it("without Origin, goes by Sec-Fetch-Site; with neither header it is not a browser", () => {
    expect(isSameOriginRequest(headers({ host: "h", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(headers({ host: "h", "sec-fetch-site": "none" }))).toBe(true);
    expect(isSameOriginRequest(headers({ host: "h", "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "h", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "h" }))).toBe(true);
  });
});
