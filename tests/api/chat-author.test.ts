// Issue 15, who sent a message: GET /api/chat/[sessionId]/[jid] names the author of each of our own
// sends (the staff member signed in to the dashboard, the owner of the API key used) and how it was
// sent; messages that came in from WhatsApp have no author.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { type Actor, createStaff, expectOk, registerOwner, request, useGateway } from "../support/api-client";
import { ALICE, type PairedSession, contactSends, jidOf, pairedSession, startSandboxGateway, storedMessage } from "../support/sandbox";
import { waitFor } from "../support/wait";
import { waitForCampaign } from "./campaigns-support";

let gateway: TestServer;
let base: string;
let owner: Actor;
let session: PairedSession;

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  useGateway(base);
  owner = await registerOwner("author", base);
  session = await pairedSession(base, { key: owner.apiKey });
});
afterAll(async () => {
  await gateway?.stop();
});

const tenant = () => ({ key: owner.apiKey });

it("names the API key's owner for a send made with the key", async () => {
  const res = expectOk(
    await request("POST", "/api/chat/send", {
      baseUrl: base,
      as: { apiKey: owner.apiKey },
      json: { sessionId: session.sessionId, jid: ALICE, message: { text: "by key" } },
    }),
    "send with key",
  );
  const stored = await storedMessage(base, tenant(), session.sessionId, jidOf(ALICE), res.body.messageId);
  expect(stored.sentBy).toEqual({ id: owner.id, name: owner.name, via: "api" });
});

// The key's caller is cached (issue 10, lib/api-keys/api-key-cache.ts): a rename must drop it.
it("names the key's owner by their new name once they renamed themselves", async () => {
  const renamed = await registerOwner("renamed", base);
  const paired = await pairedSession(base, { key: renamed.apiKey });
  const sendWithKey = async (text: string) =>
    expectOk(
      await request("POST", "/api/chat/send", {
        baseUrl: base,
        as: { apiKey: renamed.apiKey },
        json: { sessionId: paired.sessionId, jid: ALICE, message: { text } },
      }),
      `send ${text}`,
    ).body.messageId as string;
  const before = await sendWithKey("before the rename");
  expectOk(await request("PATCH", "/api/users/me", { baseUrl: base, as: { cookie: renamed.cookie }, json: { name: "Renamed Owner" } }), "rename");
  const after = await sendWithKey("after the rename");
  const key = { key: renamed.apiKey };
  expect((await storedMessage(base, key, paired.sessionId, jidOf(ALICE), before)).sentBy).toEqual({ id: renamed.id, name: renamed.name, via: "api" });
  expect((await storedMessage(base, key, paired.sessionId, jidOf(ALICE), after)).sentBy).toEqual({ id: renamed.id, name: "Renamed Owner", via: "api" });
});

it("names the staff member who sent from the dashboard (cookie)", async () => {
  const staff = await createStaff(owner, [session.sessionId], "writer");
  const res = expectOk(
    await request("POST", "/api/chat/send", {
      baseUrl: base,
      as: { cookie: staff.cookie },
      // The dashboard's own origin: cookie writes from elsewhere are refused (CSRF).
      headers: { Origin: base },
      json: { sessionId: session.sessionId, jid: ALICE, message: { text: "by staff" } },
    }),
    "send with staff cookie",
  );
  const stored = await storedMessage(base, tenant(), session.sessionId, jidOf(ALICE), res.body.messageId);
  expect(stored.sentBy).toEqual({ id: staff.id, name: staff.name, via: "dashboard" });
  expect(staff.name).not.toBe(owner.name);
});

it("names the owner for a campaign's send, marked as a campaign", async () => {
  const created = expectOk(
    await request("POST", "/api/campaigns", {
      baseUrl: base,
      as: { apiKey: owner.apiKey },
      json: {
        name: "Author check",
        sessionId: session.sessionId,
        message: { text: "campaign hello" },
        recipients: [{ number: ALICE, name: "Alice" }],
        start: true,
      },
    }),
    "create campaign",
    201,
  ).body;
  await waitForCampaign(base, { id: owner.id, cookie: owner.cookie, key: owner.apiKey }, created.id, "completed");
  const sent = await waitFor("the campaign's message in the chat", async () => {
    const res = expectOk(
      await request("GET", `/api/chat/${session.sessionId}/${encodeURIComponent(jidOf(ALICE))}?limit=50`, { baseUrl: base, as: { apiKey: owner.apiKey } }),
      "chat",
    );
    return (res.body as Array<{ fromMe: boolean; content: string; sentBy: unknown }>).find((m) => m.fromMe && m.content === "campaign hello");
  });
  // Not the campaign worker's stand-in caller name: the owner's own.
  expect(sent.sentBy).toEqual({ id: owner.id, name: owner.name, via: "campaign" });
});

it("gives no author to a message a contact sent", async () => {
  await contactSends(base, tenant(), session.sessionId, "from Alice");
  const incoming = await waitFor("Alice's message stored", async () => {
    const res = expectOk(
      await request("GET", `/api/chat/${session.sessionId}/${encodeURIComponent(jidOf(ALICE))}?limit=50`, { baseUrl: base, as: { apiKey: owner.apiKey } }),
      "chat",
    );
    return (res.body as Array<{ fromMe: boolean; content: string; sentBy: unknown }>).find((m) => !m.fromMe && m.content === "from Alice");
  });
  expect(incoming.sentBy).toBeNull();
});

it("names the owner for an auto-reply, marked as automation", async () => {
  // Rules answer only on sessions whose auto-replies are switched on.
  expectOk(
    await request("PATCH", `/api/sessions/${session.sessionId}/settings`, {
      baseUrl: base,
      as: { apiKey: owner.apiKey },
      json: { config: { autoReplyEnabled: true } },
    }),
    "switch auto-replies on",
  );
  expectOk(
    await request("POST", "/api/autoreplies", {
      baseUrl: base,
      as: { apiKey: owner.apiKey },
      json: { sessionId: session.sessionId, keyword: "author ping", response: "author pong", matchType: "EXACT" },
    }),
    "create auto-reply",
  );
  await contactSends(base, tenant(), session.sessionId, "author ping");
  const reply = await waitFor("the auto-reply in the chat", async () => {
    const res = expectOk(
      await request("GET", `/api/chat/${session.sessionId}/${encodeURIComponent(jidOf(ALICE))}?limit=50`, { baseUrl: base, as: { apiKey: owner.apiKey } }),
      "chat",
    );
    return (res.body as Array<{ fromMe: boolean; content: string; sentBy: unknown }>).find((m) => m.fromMe && m.content === "author pong");
  });
  expect(reply.sentBy).toEqual({ id: owner.id, name: owner.name, via: "automation" });
});
