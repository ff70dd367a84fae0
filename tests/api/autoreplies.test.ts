// Issue 12: auto-replies with real Baileys against the emulated network. Emulated contacts write to
// a sandbox session; what the session answers is what the contact's phone receives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { samplePng } from "../fixtures/media-samples";
import { contactSays, postForm, waitForInbox } from "./automation-support";
import { ALICE, BOB, jidOf, pairedSession, registerTenant, send, staffOn, startSandboxGateway, storedMessage, type Tenant } from "../support/sandbox";
import { waitFor } from "../support/wait";

let gateway: TestServer;
let base: string;
let tenant: Tenant;
let session: Awaited<ReturnType<typeof pairedSession>>;

const as = () => ({ apiKey: tenant.key });
const api = (method: string, path: string, json?: unknown, who: Tenant = tenant) =>
  request(method, path, { baseUrl: base, as: { apiKey: who.key }, ...(json === undefined ? {} : { json }) });
const createRule = async (rule: Record<string, unknown>, who: Tenant = tenant) =>
  expectOk(await api("POST", "/api/autoreplies", rule, who), `create rule ${JSON.stringify(rule)}`).body;
const setAutoReply = async (sessionId: string, on: boolean) =>
  expectOk(await request("PATCH", `/api/sessions/${sessionId}/settings`, { baseUrl: base, as: as(), json: { config: { autoReplyEnabled: on } } }), "toggle");

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  tenant = await registerTenant(base);
  session = await pairedSession(base, tenant);
  await setAutoReply(session.sessionId, true);
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
});

describe("auto-replies", () => {
  it("answers each match type, fills placeholders, quotes, and leaves a non-matching message alone", { timeout: 120_000 }, async () => {
    const exact = await createRule({
      sessionId: session.sessionId,
      keyword: "!help",
      matchType: "exact",
      response: "Help for {{name}} ({{phone}})",
      cooldownSeconds: 0,
    });
    const contains = await createRule({
      sessionId: session.sessionId,
      keyword: "price",
      matchType: "CONTAINS",
      response: "Prices start at 10",
      cooldownSeconds: 0,
    });
    const regex = await createRule({ keyword: "^order\\s+#?(\\d+)$", matchType: "REGEX", response: "Noted: {{message}}", quote: true, cooldownSeconds: 0 });
    expect(regex.sessionId).toBeNull(); // all of the owner's sessions
    expect([exact.priority, contains.priority, regex.priority]).toEqual([...[exact.priority, contains.priority, regex.priority]].sort((a, b) => a - b));

    await contactSays(base, tenant, ALICE, session.sessionId, "  !HELP ");
    const [help] = await waitForInbox(base, tenant, ALICE, session.sessionId, 1);
    expect(help.text).toBe(`Help for Alice Example (${ALICE})`);

    // Nothing matches this one; the next one does, and replies go out in order, so when the
    // second reply is there the first message was looked at and got none.
    await contactSays(base, tenant, ALICE, session.sessionId, "just saying hello");
    await contactSays(base, tenant, ALICE, session.sessionId, "What is the PRICE?");
    const afterContains = await waitForInbox(base, tenant, ALICE, session.sessionId, 2);
    expect(afterContains.map((m) => m.text)).toEqual([help.text, "Prices start at 10"]);

    const orderId = await contactSays(base, tenant, ALICE, session.sessionId, "Order #42");
    const inbox = await waitForInbox(base, tenant, ALICE, session.sessionId, 3);
    expect(inbox).toHaveLength(3);
    const quoted = inbox[2];
    expect(quoted.text).toBe("Noted: Order #42");
    expect(quoted.message.extendedTextMessage.contextInfo.stanzaId).toBe(orderId);

    // Hit counts and the link between the reply, its rule and the message that triggered it.
    const rules = expectOk(await api("GET", `/api/autoreplies?sessionId=${session.sessionId}`), "list").body as Array<{
      id: string;
      hitCount: number;
      lastHitAt: string | null;
    }>;
    expect(rules.map((r) => [r.id, r.hitCount])).toEqual([
      [exact.id, 1],
      [contains.id, 1],
      [regex.id, 1],
    ]);
    const reply = await waitFor("the reply stored as sent", async () => {
      const m = await storedMessage(base, tenant, session.sessionId, jidOf(ALICE), quoted.id);
      return m && m.status !== "PENDING" && m;
    });
    expect(reply.quoteId).toBe(orderId);
    for (const rule of [exact, contains, regex]) expectOk(await api("DELETE", `/api/autoreplies/${rule.id}`), "delete");
  });

  it("answers with media: an uploaded picture with the reply as its caption", { timeout: 60_000 }, async () => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(await samplePng(24, 24))], { type: "image/png" }), "menu.png");
    const upload = await postForm(base, tenant, "/api/media", form);
    expect(upload.status, upload.text).toBeLessThan(300);
    const rule = await createRule({
      sessionId: session.sessionId,
      keyword: "menu",
      matchType: "EXACT",
      response: "Our menu, {{name}}",
      mediaId: upload.body.mediaId,
      mediaType: "image",
      cooldownSeconds: 0,
    });
    const phone = "15550100066";
    expectOk(await api("POST", "/api/sandbox/contacts", { phone, name: "Menu Reader" }), "contact", 201);
    await contactSays(base, tenant, phone, session.sessionId, "MENU");
    const [reply] = await waitForInbox(base, tenant, phone, session.sessionId, 1);
    expect(reply.kinds).toContain("imageMessage");
    expect(reply.message.imageMessage.caption).toBe("Our menu, Menu Reader");
    expectOk(await api("DELETE", `/api/autoreplies/${rule.id}`), "delete");
  });

  it("the session's autoReplyEnabled switches its rules off and on", { timeout: 120_000 }, async () => {
    const rule = await createRule({
      sessionId: session.sessionId,
      keyword: "toggle",
      matchType: "CONTAINS",
      response: "toggle answered: {{message}}",
      cooldownSeconds: 0,
    });
    await setAutoReply(session.sessionId, false);
    await contactSays(base, tenant, BOB, session.sessionId, "toggle one");
    // Off: the message is stored, but no reply follows it; on again, the next one is answered.
    await waitFor("Bob's message stored", async () => {
      const res = await request("GET", `/api/chat/${session.sessionId}/${encodeURIComponent(jidOf(BOB))}?limit=50`, { baseUrl: base, as: as() });
      return (res.body as Array<{ content: string }>).some((m) => m.content === "toggle one");
    });
    await setAutoReply(session.sessionId, true);
    await contactSays(base, tenant, BOB, session.sessionId, "toggle two");
    const inbox = await waitForInbox(base, tenant, BOB, session.sessionId, 1);
    expect(inbox.map((m) => m.text)).toEqual(["toggle answered: toggle two"]);
    expect(expectOk(await api("GET", `/api/autoreplies/${rule.id}`), "get").body.hitCount).toBe(1);
    expectOk(await api("DELETE", `/api/autoreplies/${rule.id}`), "delete");
  });

  it("the per-contact cooldown stops two auto-replying sessions from looping", { timeout: 180_000 }, async () => {
    const other = await pairedSession(base, tenant);
    await setAutoReply(other.sessionId, true);
    const ping = await createRule({ sessionId: session.sessionId, keyword: "ping", matchType: "CONTAINS", response: "pong", cooldownSeconds: 3600 });
    const pong = await createRule({ sessionId: other.sessionId, keyword: "pong", matchType: "CONTAINS", response: "ping", cooldownSeconds: 3600 });
    const marker = await createRule({ sessionId: session.sessionId, keyword: "marker", matchType: "EXACT", response: "marker seen", cooldownSeconds: 0 });

    // other → session: "ping"; session → other: "pong"; other → session: "ping" (cooldown: no answer).
    expectOk(await send(base, tenant, { sessionId: other.sessionId, jid: session.phone, message: { text: "ping" } }), "start the loop");
    await waitFor("both rules to have answered once", async () => {
      const [a, b] = await Promise.all([api("GET", `/api/autoreplies/${ping.id}`), api("GET", `/api/autoreplies/${pong.id}`)]);
      return a.body.hitCount === 1 && b.body.hitCount === 1;
    });
    const secondPing = await waitFor("the second ping stored by the first session", async () => {
      const res = await request("GET", `/api/chat/${session.sessionId}/${encodeURIComponent(jidOf(other.phone))}?limit=50`, { baseUrl: base, as: as() });
      const pings = (res.body as Array<{ content: string; fromMe: boolean }>).filter((m) => !m.fromMe && m.content === "ping");
      return pings.length >= 2;
    });
    expect(secondPing).toBe(true);
    // Messages of a session are answered in order: once "marker" is answered, the second ping was judged.
    expectOk(await send(base, tenant, { sessionId: other.sessionId, jid: session.phone, message: { text: "marker" } }), "marker");
    await waitFor("the marker answered", async () => (await api("GET", `/api/autoreplies/${marker.id}`)).body.hitCount === 1);
    expect((await api("GET", `/api/autoreplies/${ping.id}`)).body.hitCount).toBe(1);
    expect((await api("GET", `/api/autoreplies/${pong.id}`)).body.hitCount).toBe(1);
    for (const rule of [ping, pong, marker]) expectOk(await api("DELETE", `/api/autoreplies/${rule.id}`), "delete");
    await setAutoReply(other.sessionId, false);
  });

  it("an evil regex runs in linear time: the server keeps answering, and unsupported patterns are refused", { timeout: 120_000 }, async () => {
    const evil = await createRule({ sessionId: session.sessionId, keyword: "(a+)+$", matchType: "REGEX", response: "never" });
    const sentinel = await createRule({ sessionId: session.sessionId, keyword: "after-evil", matchType: "EXACT", response: "still alive", cooldownSeconds: 0 });
    const input = `${"a".repeat(60_000)}!`;
    const [tests, health] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => api("POST", "/api/autoreplies/test", { sessionId: session.sessionId, text: input }))),
      (async () => {
        const answers = [];
        for (let i = 0; i < 5; i++) answers.push((await request("GET", "/api/health", { baseUrl: base })).status);
        return answers;
      })(),
    ]);
    for (const t of tests) expect(expectOk(t, "tester").body.matched).toBe(false);
    expect(health).toEqual([200, 200, 200, 200, 200]);

    // The live path too: a contact sends the evil input; the message after it is still answered.
    const phone = "15550100077";
    expectOk(await request("POST", "/api/sandbox/contacts", { baseUrl: base, as: as(), json: { phone, name: "Evil Input" } }), "contact", 201);
    await contactSays(base, tenant, phone, session.sessionId, input);
    await contactSays(base, tenant, phone, session.sessionId, "after-evil");
    const inbox = await waitForInbox(base, tenant, phone, session.sessionId, 1);
    expect(inbox.map((m) => m.text)).toEqual(["still alive"]);
    expect((await api("GET", `/api/autoreplies/${evil.id}`)).body.hitCount).toBe(0);

    for (const [keyword, problem] of [
      ["(a)\\1", /keyword: .*RE2/],
      ["(?=a)b", /keyword: .*RE2/],
      ["a".repeat(201), /keyword: .*at most 200/],
    ] as const) {
      const res = await api("POST", "/api/autoreplies", { sessionId: session.sessionId, keyword, matchType: "REGEX", response: "x" });
      expect(res.status, keyword).toBe(400);
      expect(res.body.error).toMatch(problem);
    }
    const patched = await api("PATCH", `/api/autoreplies/${sentinel.id}`, { matchType: "REGEX", keyword: "(x)\\1" });
    expect(patched.status).toBe(400);
    expect(patched.body.error).toMatch(/^keyword: /);
    for (const rule of [evil, sentinel]) expectOk(await api("DELETE", `/api/autoreplies/${rule.id}`), "delete");
  });

  it("the tester names the first matching rule and renders its reply; bad input is a 400 naming the field", async () => {
    const low = await createRule({
      sessionId: session.sessionId,
      keyword: "hello",
      matchType: "CONTAINS",
      response: "Hi {{name}}, you said {{message}}",
      priority: 1,
    });
    const high = await createRule({ sessionId: session.sessionId, keyword: "hello", matchType: "CONTAINS", response: "second", priority: 2 });
    const groupsOnly = await createRule({ sessionId: session.sessionId, keyword: "group-only", matchType: "EXACT", response: "g", scope: "groups" });
    const res = expectOk(
      await api("POST", "/api/autoreplies/test", { sessionId: session.sessionId, text: "well HELLO there", name: "Ann", from: "6281234@s.whatsapp.net" }),
      "test",
    ).body;
    expect(res).toMatchObject({ matched: true, rule: { id: low.id }, reply: "Hi Ann, you said well HELLO there" });
    expectOk(await api("PATCH", `/api/autoreplies/${low.id}`, { enabled: false }), "disable");
    expect(expectOk(await api("POST", "/api/autoreplies/test", { sessionId: session.sessionId, text: "hello" }), "test").body.rule.id).toBe(high.id);
    expect(expectOk(await api("POST", "/api/autoreplies/test", { sessionId: session.sessionId, text: "group-only" }), "test").body.matched).toBe(false);
    expect(expectOk(await api("POST", "/api/autoreplies/test", { sessionId: session.sessionId, text: "group-only", isGroup: true }), "test").body.rule.id).toBe(
      groupsOnly.id,
    );

    for (const [body, field] of [
      [{ sessionId: session.sessionId, keyword: "x", matchType: "FUZZY", response: "r" }, "matchType"],
      [{ sessionId: session.sessionId, keyword: "x" }, "response"],
      [{ sessionId: session.sessionId, keyword: "", response: "r" }, "keyword"],
      [{ sessionId: session.sessionId, keyword: "x", response: "r", cooldownSeconds: -1 }, "cooldownSeconds"],
      [{ sessionId: session.sessionId, keyword: "x", mediaUrl: "https://example.com/a.jpg" }, "mediaType"],
      [{ sessionId: session.sessionId, keyword: "x", response: "r", scope: "everywhere" }, "scope"],
    ] as const) {
      const bad = await api("POST", "/api/autoreplies", body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error).toContain(field);
    }
    expect((await api("POST", "/api/autoreplies", { sessionId: "no-such-session", keyword: "x", response: "r" })).status).toBe(404);
    for (const [body, field] of [
      [{ priority: "first" }, "priority"],
      [{ enabled: "yes" }, "enabled"],
      [{ response: null }, "response"],
      [{ unknownField: 1 }, "unknownField"],
    ] as const) {
      const bad = await api("PATCH", `/api/autoreplies/${high.id}`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error).toContain(field);
    }
    const badTest = await api("POST", "/api/autoreplies/test", { text: "" });
    expect(badTest.status).toBe(400);
    expect(badTest.body.error).toContain("text");
    expect((await api("GET", "/api/autoreplies/no-such-id")).status).toBe(404);
    for (const rule of [low, high, groupsOnly]) expectOk(await api("DELETE", `/api/autoreplies/${rule.id}`), "delete");
  });

  it("answers from the session that received the message when another tenant's session has the same sessionId", { timeout: 120_000 }, async () => {
    // Public sessionIds are unique per owner only. The auto-replier once looked the session up by
    // the event's public id across tenants: a message to Mallory's "twin" was answered by the
    // first "twin" found — ours, created first — with our rules, from our number.
    const mallory = await registerTenant(base);
    const ours = await pairedSession(base, tenant, { sessionId: "twin" });
    const hers = await pairedSession(base, mallory, { sessionId: "twin" });
    expect(hers.id).not.toBe(ours.id);
    for (const [who, twin, reply] of [
      [tenant, ours, "from us"],
      [mallory, hers, "from mallory"],
    ] as const) {
      expectOk(await api("PATCH", `/api/sessions/${twin.id}/settings`, { config: { autoReplyEnabled: true } }, who), "toggle");
      await createRule({ sessionId: twin.id, keyword: "ping", response: reply, cooldownSeconds: 0 }, who);
    }

    await contactSays(base, mallory, ALICE, hers.sessionId, "ping");
    const toHer = await waitForInbox(base, mallory, ALICE, hers.sessionId, 1);
    expect(toHer.map((m) => m.text)).toEqual(["from mallory"]);
    await contactSays(base, tenant, ALICE, ours.sessionId, "ping");
    const toUs = await waitForInbox(base, tenant, ALICE, ours.sessionId, 1);
    expect(toUs.map((m) => m.text)).toEqual(["from us"]);
  });

  it("another tenant and unassigned staff get 404 on every endpoint; assigned staff work on their session only", async () => {
    const rule = await createRule({ sessionId: session.sessionId, keyword: "secret", response: "s" });
    const ownerWide = await createRule({ keyword: "owner-wide", response: "o" });
    const mallory = await registerTenant(base);
    const stranger = await staffOn(base, tenant, []);
    for (const who of [mallory, stranger]) {
      expect((await api("GET", `/api/autoreplies?sessionId=${session.sessionId}`, undefined, who)).status).toBe(404);
      expect((await api("POST", "/api/autoreplies", { sessionId: session.sessionId, keyword: "x", response: "r" }, who)).status).toBe(404);
      expect((await api("POST", "/api/autoreplies/test", { sessionId: session.sessionId, text: "secret" }, who)).status).toBe(404);
      for (const id of [rule.id, ownerWide.id]) {
        expect((await api("GET", `/api/autoreplies/${id}`, undefined, who)).status).toBe(404);
        expect((await api("PATCH", `/api/autoreplies/${id}`, { response: "hijacked" }, who)).status).toBe(404);
        expect((await api("DELETE", `/api/autoreplies/${id}`, undefined, who)).status).toBe(404);
      }
      const own = expectOk(await api("GET", "/api/autoreplies", undefined, who), "own list").body as Array<{ id: string }>;
      expect(own.map((r) => r.id)).not.toContain(rule.id);
    }
    const assigned = await staffOn(base, tenant, [session.sessionId]);
    expect(expectOk(await api("GET", `/api/autoreplies/${rule.id}`, undefined, assigned), "staff get").body.keyword).toBe("secret");
    // The owner-wide rule applies to the staff's session (listed) but is the owner's to change.
    const listed = expectOk(await api("GET", `/api/autoreplies?sessionId=${session.sessionId}`, undefined, assigned), "staff list").body as Array<{
      id: string;
    }>;
    expect(listed.map((r) => r.id)).toEqual(expect.arrayContaining([rule.id, ownerWide.id]));
    expect((await api("PATCH", `/api/autoreplies/${ownerWide.id}`, { response: "x" }, assigned)).status).toBe(404);
    expect((await api("POST", "/api/autoreplies", { keyword: "x", response: "r" }, assigned)).status).toBe(400);
    expect(expectOk(await api("GET", `/api/autoreplies/${rule.id}`), "unchanged").body.response).toBe("s");
    for (const r of [rule, ownerWide]) expectOk(await api("DELETE", `/api/autoreplies/${r.id}`), "delete");
  });
});
