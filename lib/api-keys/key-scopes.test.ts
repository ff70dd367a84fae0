import { describe, expect, it } from "vitest";
import { keyAllows, toKeyRestriction } from "@/lib/api-keys/key-scopes";
import { callerCan } from "@/lib/auth/caller-can";

const key = (scopes: string[], sessionRestricted = false, sessionIds: string[] = []) => toKeyRestriction({ id: "k", scopes, sessionRestricted, sessionIds });

describe("key scopes", () => {
  it("an unrestricted key is its user", () => {
    expect(key([])).toBeNull();
    expect(keyAllows(null, "apiKey.manage")).toBe(true);
  });

  it("scopes map to permissions and never add to the role", () => {
    const read = key(["read"]);
    expect(keyAllows(read, "sessions.read")).toBe(true);
    expect(keyAllows(read, "sessions.send")).toBe(false);
    expect(keyAllows(key(["send"]), "sessions.send")).toBe(true);
    expect(keyAllows(key(["send"]), "sessions.read")).toBe(false);
    expect(keyAllows(key(["webhooks"]), "webhooks.manage")).toBe(true);
    expect(keyAllows(key(["webhooks"]), "sessions.manage")).toBe(false);
    // Staff asking for "sessions" still cannot manage sessions.
    expect(callerCan({ role: "STAFF", key: key(["sessions"]) }, "sessions.manage")).toBe(false);
    expect(callerCan({ role: "OWNER", key: key(["sessions"]) }, "sessions.manage")).toBe(true);
  });

  it("a restricted key never manages keys or users; a session-bound key never creates sessions", () => {
    for (const k of [key(["read", "send", "sessions", "webhooks"]), key([], true, ["s1"])]) {
      expect(keyAllows(k, "apiKey.manage")).toBe(false);
      expect(keyAllows(k, "users.write")).toBe(false);
    }
    expect(keyAllows(key([], true, ["s1"]), "sessions.create")).toBe(false);
    expect(keyAllows(key([], true, ["s1"]), "sessions.manage")).toBe(true);
  });

  it("an unknown stored scope does not widen the key, and an emptied session list reaches nothing", () => {
    expect(key(["everything"])).toEqual({ keyId: "k", scopes: [], sessionIds: null });
    expect(keyAllows(key(["everything"]), "sessions.read")).toBe(false);
    expect(key([], true, [])).toEqual({ keyId: "k", scopes: null, sessionIds: [] });
  });
});
