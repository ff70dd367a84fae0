// PATCH /api/users/me: time zone and language, the Account page's preferences.
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, expectOk, registerOwner, request } from "../support/api-client";

let owner: Actor;
beforeAll(async () => {
  owner = await registerOwner("prefs");
});

describe("PATCH /api/users/me: time zone and language", () => {
  it("saves both, returns them, and null goes back to the browser's", async () => {
    const saved = expectOk(
      await request("PATCH", "/api/users/me", { as: { cookie: owner.cookie }, json: { timeZone: "Asia/Jakarta", locale: "id" } }),
      "save",
    ).body;
    expect(saved).toMatchObject({ timeZone: "Asia/Jakarta", locale: "id" });
    expect(expectOk(await request("GET", "/api/users/me", { as: { apiKey: owner.apiKey } }), "me").body).toMatchObject({
      timeZone: "Asia/Jakarta",
      locale: "id",
    });
    const cleared = expectOk(await request("PATCH", "/api/users/me", { as: { cookie: owner.cookie }, json: { timeZone: null, locale: null } }), "clear").body;
    expect(cleared).toMatchObject({ timeZone: null, locale: null });
  });

  it.each([
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ locale: "fr" }, "locale"],
    [{ timeZone: 7 }, "timeZone"],
  ])("answers 400 naming the field for %j and changes nothing", async (json, field) => {
    await request("PATCH", "/api/users/me", { as: { cookie: owner.cookie }, json: { timeZone: "Europe/Berlin" } });
    const res = await request("PATCH", "/api/users/me", { as: { cookie: owner.cookie }, json });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(new RegExp(`^${field}\\b`));
    expect(res.body.issues).toEqual([expect.objectContaining({ path: field, message: expect.any(String) })]);
    expect(expectOk(await request("GET", "/api/users/me", { as: { cookie: owner.cookie } }), "me").body.timeZone).toBe("Europe/Berlin");
  });

  it("reports every bad field at once", async () => {
    const res = await request("PATCH", "/api/users/me", { as: { cookie: owner.cookie }, json: { name: "", timeZone: "Nowhere", locale: "xx" } });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["locale", "name", "timeZone"]);
  });

  it("answers 401 without credentials", async () => {
    expect((await request("PATCH", "/api/users/me", { as: null, json: { locale: "en" } })).status).toBe(401);
  });
});
