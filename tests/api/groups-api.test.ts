// Issue 11, groups through the whole gateway: real Baileys against the emulated network. The
// session creates and administers groups with emulated contacts, who see each change on their
// phones; each change comes back as an event; a non-admin's change is refused as a clean 403;
// an invite link brings a contact in; Chatery's and the Automation API's doors answer in their shapes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { samplePng } from "../fixtures/media-samples";
import { expectOk, request, type ApiResponse } from "../support/api-client";
import { ALICE, BOB, jidOf, pairedSession, registerTenant, send, staffOn, startSandboxGateway, type Tenant } from "../support/sandbox";
import { waitFor } from "../support/wait";

const CAROL = "15550100004";
const ERIN = "15550100005";

let gateway: TestServer;
let base: string;
let owner: Tenant;
let other: Tenant;
let staffAssigned: Tenant;
let staffUnassigned: Tenant;
let session: { id: string; sessionId: string; phone: string };
let imageServer: http.Server;
let imageUrl: string;

const as = (t: Tenant) => ({ apiKey: t.key });
const api = (method: string, path: string, t: Tenant | null, json?: unknown): Promise<ApiResponse> =>
  request(method, path, { baseUrl: base, as: t ? as(t) : null, ...(json !== undefined ? { json } : {}) });
const groupPath = (jid: string, rest = "") => `/api/groups/${session.sessionId}/${encodeURIComponent(jid)}${rest}`;

/** The groups an emulated contact's phone is in (as that phone sees them). */
async function contactGroups(phone: string): Promise<any[]> {
  return expectOk(await api("GET", `/api/sandbox/contacts/${phone}/groups`, owner), `${phone}'s groups`).body;
}
const contactAct = async (phone: string, body: Record<string, unknown>) => api("POST", `/api/sandbox/contacts/${phone}/groups`, owner, body);

async function storedGroup(jid: string) {
  const res = await api("GET", groupPath(jid), owner);
  return res.status === 200 ? res.body : null;
}

async function events(name: string, predicate: (data: any) => boolean) {
  const res = expectOk(await api("GET", `/api/sessions/${session.sessionId}/events`, owner), "events");
  return (res.body as Array<{ event: string; data: any }>).filter((e) => e.event === name && predicate(e.data));
}

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  owner = await registerTenant(base);
  other = await registerTenant(base);
  session = await pairedSession(base, owner);
  staffAssigned = await staffOn(base, owner, [session.sessionId]);
  staffUnassigned = await staffOn(base, owner, []);
  expectOk(await api("POST", "/api/sandbox/contacts", owner, { phone: CAROL, name: "Carol Example" }), "carol", 201);
  expectOk(await api("POST", "/api/sandbox/contacts", owner, { phone: ERIN, name: "Erin Example" }), "erin", 201);
  const png = await samplePng(64, 64);
  imageServer = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "image/png" }).end(png));
  await new Promise<void>((resolve) => imageServer.listen(0, "127.0.0.1", resolve));
  imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/icon.png`;
});
afterAll(async () => {
  if (process.env.GATEWAY_OUTPUT) console.log(gateway?.output());
  imageServer?.close();
  await gateway?.stop();
});

let teamJid: string;

describe("a group the session creates and administers", () => {
  it("creates a group with two contacts, who see it; it is listed from the store", async () => {
    const created = expectOk(
      await api("POST", "/api/groups/create", owner, { sessionId: session.sessionId, subject: "Team", participants: [ALICE, jidOf(BOB)] }),
      "create",
    );
    expect(created.body).toEqual({ success: true, group: { id: expect.stringMatching(/@g\.us$/), subject: "Team" } });
    teamJid = created.body.group.id;
    for (const phone of [ALICE, BOB]) {
      const seen = (await contactGroups(phone)).find((g) => g.jid === teamJid);
      expect(seen?.subject).toBe("Team");
      expect(seen.participants.map((p: any) => p.phone).sort()).toEqual([ALICE, BOB, session.phone].sort());
    }
    const list = expectOk(await api("GET", `/api/groups?sessionId=${session.sessionId}`, owner), "list").body;
    const team = list.find((g: any) => g.jid === teamJid);
    expect(team).toMatchObject({ sessionId: session.sessionId, subject: "Team", ownerJid: jidOf(session.phone), announce: false, restrict: false });
    expect(team.participants).toContainEqual({ id: jidOf(session.phone), phone: session.phone, lid: expect.stringMatching(/@lid$/), admin: "superadmin" });
    expect(team.participants).toContainEqual({ id: jidOf(ALICE), phone: ALICE, lid: expect.stringMatching(/@lid$/), admin: null });
    // Without sessionId: the caller's first connected session.
    expect(expectOk(await api("GET", "/api/groups", owner), "list without sessionId").body.map((g: any) => g.jid)).toContain(teamJid);
    expect(expectOk(await api("GET", "/api/groups?search=tea", owner), "search").body.map((g: any) => g.jid)).toContain(teamJid);
    expect(expectOk(await api("GET", "/api/groups?search=nothing-like-it", owner), "search miss").body).toEqual([]);
  });

  it("adds, promotes, demotes and removes: each reaches the members' phones and comes back as an event", async () => {
    const add = expectOk(await api("POST", groupPath(teamJid, "/participants/add"), owner, { participants: [CAROL] }), "add");
    expect(add.body).toEqual({
      success: true,
      action: "add",
      groupJid: teamJid,
      results: [{ jid: jidOf(CAROL), status: "200", success: true, message: "ok" }],
    });
    await waitFor("Carol to see the group", async () => (await contactGroups(CAROL)).some((g) => g.jid === teamJid));
    await waitFor("the add event", async () => (await events("group.participants", (d) => d.jid === teamJid && d.action === "add")).length > 0);

    expectOk(await api("POST", groupPath(teamJid, "/participants/promote"), owner, { participants: [jidOf(ALICE)] }), "promote");
    await waitFor(
      "Alice to be admin on Bob's phone",
      async () => (await contactGroups(BOB)).find((g) => g.jid === teamJid)?.participants.find((p: any) => p.phone === ALICE)?.role === "admin",
    );
    const [promoted] = await waitFor("the promote event", async () => {
      const found = await events("group.participants", (d) => d.jid === teamJid && d.action === "promote");
      return found.length ? found : null;
    });
    expect(promoted.data.author).toBe(jidOf(session.phone));
    await waitFor("Alice stored as admin", async () => (await storedGroup(teamJid))?.participants.find((p: any) => p.phone === ALICE)?.admin === "admin");

    expectOk(await api("POST", groupPath(teamJid, "/participants/demote"), owner, { participants: [ALICE] }), "demote");
    await waitFor("Alice stored as member again", async () => (await storedGroup(teamJid))?.participants.find((p: any) => p.phone === ALICE)?.admin === null);

    expectOk(await api("POST", groupPath(teamJid, "/participants/remove"), owner, { participants: [CAROL] }), "remove");
    await waitFor("Carol to lose the group", async () => !(await contactGroups(CAROL)).some((g) => g.jid === teamJid));
    await waitFor("Carol gone from the store", async () => !(await storedGroup(teamJid))?.participants.some((p: any) => p.phone === CAROL));

    // WhatsApp's own per-participant codes: someone not in the group cannot be removed.
    const missing = expectOk(await api("POST", groupPath(teamJid, "/participants/remove"), owner, { participants: [CAROL] }), "remove again");
    expect(missing.body.results).toEqual([{ jid: jidOf(CAROL), status: "404", success: false, message: expect.any(String) }]);
    expect(missing.body.success).toBe(false);
  });

  it("changes subject, description, settings and picture; the members' phones show them", async () => {
    expectOk(await api("POST", groupPath(teamJid, "/subject"), owner, { subject: "Team Renamed" }), "subject");
    expectOk(await api("POST", groupPath(teamJid, "/description"), owner, { description: "what we do" }), "description");
    expectOk(await api("POST", groupPath(teamJid, "/settings"), owner, { setting: "announcement" }), "announcement");
    expectOk(await api("POST", groupPath(teamJid, "/settings"), owner, { setting: "locked" }), "locked");
    expectOk(await api("POST", groupPath(teamJid, "/picture"), owner, { url: imageUrl }), "picture");
    const onAlice = (await contactGroups(ALICE)).find((g) => g.jid === teamJid);
    expect(onAlice).toMatchObject({ subject: "Team Renamed", description: "what we do", announce: true, locked: true, hasPicture: true });
    expect(await storedGroup(teamJid)).toMatchObject({ subject: "Team Renamed", description: "what we do", announce: true, restrict: true });
    await waitFor("the subject event", async () => (await events("group.update", (d) => d.jid === teamJid && d.subject === "Team Renamed")).length > 0);
    expectOk(await api("POST", groupPath(teamJid, "/settings"), owner, { setting: "not_announcement" }), "not_announcement");
    expect((await contactGroups(BOB)).find((g) => g.jid === teamJid).announce).toBe(false);
  });

  it("reads and revokes the invite code; the link brings a contact in", async () => {
    const first = expectOk(await api("GET", groupPath(teamJid, "/invite-code"), owner), "invite code").body;
    const onAlice = (await contactGroups(ALICE)).find((g) => g.jid === teamJid);
    expect(first).toEqual({ groupJid: teamJid, inviteCode: onAlice.inviteCode, inviteLink: `https://chat.whatsapp.com/${onAlice.inviteCode}` });
    const revoked = expectOk(await api("POST", groupPath(teamJid, "/invite-code/revoke"), owner), "revoke").body;
    expect(revoked.inviteCode).not.toBe(first.inviteCode);
    expect((await contactAct(CAROL, { op: "join", inviteCode: first.inviteLink })).status).toBe(404);
    expectOk(await contactAct(CAROL, { op: "join", inviteCode: revoked.inviteLink }), "join");
    await waitFor("Carol stored as a member", async () => (await storedGroup(teamJid))?.participants.some((p: any) => p.phone === CAROL));
    expect((await storedGroup(teamJid)).inviteCode).toBe(revoked.inviteCode);
  });
});

describe("join requests", () => {
  it("with approval on, an invite link makes a request that an admin rejects or approves", async () => {
    expectOk(await api("POST", groupPath(teamJid, "/join-approval"), owner, { enabled: true }), "approval on");
    const { inviteLink } = expectOk(await api("GET", groupPath(teamJid, "/invite-code"), owner), "invite").body;
    const requests = async () => expectOk(await api("GET", groupPath(teamJid, "/join-requests"), owner), "requests").body as any[];

    expectOk(await contactAct(ERIN, { op: "join", inviteCode: inviteLink }), "erin asks");
    expect(await requests()).toEqual([
      { id: jidOf(ERIN), phone: ERIN, lid: expect.stringMatching(/@lid$/), requestMethod: "invite_link", requestedAt: expect.any(String) },
    ]);
    expect((await contactGroups(ERIN)).some((g) => g.jid === teamJid)).toBe(false);
    const rejected = expectOk(await api("POST", groupPath(teamJid, "/join-requests/reject"), owner, { participants: [ERIN] }), "reject").body;
    expect(rejected.results).toEqual([{ jid: jidOf(ERIN), status: "200", success: true }]);
    expect(await requests()).toEqual([]);
    expect((await contactGroups(ERIN)).some((g) => g.jid === teamJid)).toBe(false);

    expectOk(await contactAct(ERIN, { op: "join", inviteCode: inviteLink }), "erin asks again");
    expectOk(await api("POST", groupPath(teamJid, "/join-requests/approve"), owner, { participants: [jidOf(ERIN)] }), "approve");
    expect((await contactGroups(ERIN)).some((g) => g.jid === teamJid)).toBe(true);
    await waitFor("Erin stored as a member", async () => (await storedGroup(teamJid))?.participants.some((p: any) => p.phone === ERIN));
    const again = expectOk(await api("POST", groupPath(teamJid, "/join-requests/approve"), owner, { participants: [ERIN] }), "approve again").body;
    expect(again.results).toEqual([{ jid: jidOf(ERIN), status: "404", success: false }]);
    expectOk(await api("POST", groupPath(teamJid, "/join-approval"), owner, { enabled: false }), "approval off");
  });
});

describe("a group where the session is not an admin", () => {
  let aliceGroup: string;

  beforeAll(async () => {
    aliceGroup = expectOk(await contactAct(ALICE, { op: "create", subject: "Alice's club", members: [session.phone, BOB] }), "alice creates").body.jid;
    await waitFor("Alice's group stored", async () => (await storedGroup(aliceGroup))?.participants.length === 3);
  });

  it("refuses admin actions with WhatsApp's refusal as a clean 403", async () => {
    for (const [path, body] of [
      ["/participants/add", { participants: [CAROL] }],
      ["/participants/promote", { participants: [BOB] }],
      ["/settings", { setting: "announcement" }],
    ] as const) {
      const res = await api("POST", groupPath(aliceGroup, path), owner, body);
      expect(res.status, path).toBe(403);
      expect(res.body.error).toMatch(/only group admins/);
    }
    expect((await api("GET", groupPath(aliceGroup, "/join-requests"), owner)).status).toBe(403);
    const code = await api("GET", groupPath(aliceGroup, "/invite-code"), owner);
    expect(code.status).toBe(403);
    expect(code.body).toEqual({ error: expect.stringMatching(/WhatsApp refused/) });
  });

  it("refuses a send into an announcement-only group with the reason, until the session is admin", async () => {
    expectOk(await contactAct(ALICE, { op: "setting", group: aliceGroup, setting: "announcement" }), "announcement");
    await waitFor("announce stored", async () => (await storedGroup(aliceGroup))?.announce === true);
    const refused = await send(base, owner, { sessionId: session.sessionId, jid: aliceGroup, message: { text: "may I?" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/only admins may send.*announcement/);

    expectOk(await contactAct(ALICE, { op: "promote", group: aliceGroup, participants: [session.phone] }), "promote the session");
    await waitFor(
      "the session stored as admin",
      async () => (await storedGroup(aliceGroup))?.participants.find((p: any) => p.phone === session.phone)?.admin === "admin",
    );
    expectOk(await send(base, owner, { sessionId: session.sessionId, jid: aliceGroup, message: { text: "now I may" } }), "send as admin");
  });

  it("leaves, and joins again by invite link", async () => {
    const code = (await contactGroups(ALICE)).find((g) => g.jid === aliceGroup).inviteCode;
    expectOk(await api("POST", groupPath(aliceGroup, "/leave"), owner), "leave");
    expect((await storedGroup(aliceGroup)).left).toBe(true);
    expect((await contactGroups(ALICE)).some((g) => g.jid === aliceGroup)).toBe(false); // no session of ours in it any more
    const list = expectOk(await api("GET", `/api/groups?sessionId=${session.sessionId}`, owner), "list").body;
    expect(list.map((g: any) => g.jid)).not.toContain(aliceGroup);

    const joined = expectOk(
      await api("POST", "/api/groups/join", owner, { sessionId: session.sessionId, inviteCode: `https://chat.whatsapp.com/${code}` }),
      "join",
    );
    expect(joined.body).toEqual({ success: true, groupJid: aliceGroup });
    expect((await contactGroups(ALICE)).find((g) => g.jid === aliceGroup).participants.map((p: any) => p.phone)).toContain(session.phone);
    expect((await storedGroup(aliceGroup)).left).toBe(false);
    expect((await api("POST", "/api/groups/join", owner, { sessionId: session.sessionId, inviteCode: "AAAAAAAAAAAAAAAAAAAAAA" })).status).toBe(400);
  });
});

describe("Chatery's and the Automation API's doors", () => {
  const chatery = (path: string, t: Tenant, json: Record<string, unknown>) => api("POST", `/api/whatsapp/groups${path}`, t, json);

  it("lists, reads and administers in Chatery's envelope", async () => {
    const list = expectOk(await chatery("", owner, { sessionId: session.sessionId }), "chatery list").body;
    expect(list).toMatchObject({ success: true, message: expect.any(String), data: { count: expect.any(Number) } });
    expect(list.data.groups).toContainEqual({ id: teamJid, subject: "Team Renamed", participantsCount: expect.any(Number), creation: expect.any(Number) });
    const meta = expectOk(await chatery("/metadata", owner, { sessionId: session.sessionId, groupId: teamJid }), "metadata").body.data;
    expect(meta).toMatchObject({ id: teamJid, subject: "Team Renamed", description: "what we do", size: meta.participants.length });
    expect(meta.participants).toContainEqual({ id: jidOf(ALICE), lid: expect.stringMatching(/@lid$/), admin: null });

    const created = expectOk(
      await chatery("/create", owner, { sessionId: session.sessionId, name: "Chatery group", participants: [BOB] }),
      "chatery create",
    ).body;
    expect(created).toMatchObject({ success: true, data: { id: expect.stringMatching(/@g\.us$/), subject: "Chatery group" } });
    const gid = created.data.id;
    expect((await contactGroups(BOB)).some((g) => g.jid === gid)).toBe(true);
    expectOk(await chatery("/participants/add", owner, { sessionId: session.sessionId, groupId: gid, participants: [ALICE] }), "chatery add");
    expectOk(await chatery("/subject", owner, { sessionId: session.sessionId, groupId: gid, subject: "Chatery renamed" }), "chatery subject");
    expectOk(await chatery("/description", owner, { sessionId: session.sessionId, groupId: gid, description: "desc" }), "chatery description");
    expectOk(await chatery("/settings", owner, { sessionId: session.sessionId, groupId: gid, setting: "locked" }), "chatery settings");
    expectOk(await chatery("/picture", owner, { sessionId: session.sessionId, groupId: gid, imageUrl }), "chatery picture");
    const invite = expectOk(await chatery("/invite-code", owner, { sessionId: session.sessionId, groupId: gid }), "chatery invite").body.data;
    expect(invite).toEqual({ groupId: gid, inviteCode: expect.any(String), inviteLink: expect.stringMatching(/^https:\/\/chat\.whatsapp\.com\//) });
    const revoked = expectOk(await chatery("/revoke-invite", owner, { sessionId: session.sessionId, groupId: gid }), "chatery revoke").body.data;
    expect(revoked.inviteCode).not.toBe(invite.inviteCode);
    expect((await contactGroups(BOB)).find((g) => g.jid === gid)).toMatchObject({
      subject: "Chatery renamed",
      description: "desc",
      locked: true,
      hasPicture: true,
    });
    expectOk(await chatery("/leave", owner, { sessionId: session.sessionId, groupId: gid }), "chatery leave");
    expectOk(await chatery("/join", owner, { sessionId: session.sessionId, inviteCode: revoked.inviteLink }), "chatery join");

    const refused = await chatery("/participants/add", owner, { sessionId: session.sessionId, groupId: teamJid, participants: ["not a number"] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ success: false, message: expect.stringMatching(/participants\[0\]/) });
  });

  it("Automation API: GET /api/whatsapp/groups lists the default session's groups", async () => {
    const groups = expectOk(await api("GET", "/api/whatsapp/groups", owner), "automation groups").body;
    const team = groups.find((g: any) => g.id === teamJid);
    expect(team).toEqual({ id: teamJid, name: "Team Renamed", participants: expect.arrayContaining([`+${ALICE}`, `+${session.phone}`]) });
  });
});

describe("bad input and who may do what", () => {
  it("names the bad field (400)", async () => {
    const cases: Array<[string, string, unknown, RegExp]> = [
      ["POST", "/api/groups/create", { sessionId: session.sessionId, subject: "", participants: [ALICE] }, /subject/],
      ["POST", "/api/groups/create", { sessionId: session.sessionId, subject: "x".repeat(101), participants: [ALICE] }, /subject/],
      ["POST", "/api/groups/create", { sessionId: session.sessionId, subject: "ok", participants: [] }, /participant/],
      ["POST", "/api/groups/create", { sessionId: session.sessionId, subject: "ok", participants: ["120363000000000000@g.us"] }, /participants\[0\]/],
      ["POST", groupPath(teamJid, "/participants/kick"), { participants: [ALICE] }, /action/],
      ["POST", groupPath(teamJid, "/settings"), { setting: "everyone" }, /setting/],
      ["POST", groupPath(teamJid, "/join-requests/maybe"), { participants: [ALICE] }, /action/],
      ["POST", groupPath(teamJid, "/join-approval"), { enabled: "yes" }, /enabled/],
      ["POST", groupPath(teamJid, "/picture"), { url: "ftp://example.com/a.png" }, /url/],
      ["POST", groupPath(teamJid, "/subject"), { subject: "" }, /subject/],
      ["GET", `/api/groups/${session.sessionId}/not-a-group`, undefined, /groupJid/],
      ["POST", "/api/groups/join", { sessionId: session.sessionId, inviteCode: "no spaces allowed" }, /inviteCode/],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await api(method, path, owner, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error).toMatch(field);
    }
  });

  it("staff read and send but may not administer; unassigned staff and other tenants get 404", async () => {
    expectOk(await api("GET", `/api/groups?sessionId=${session.sessionId}`, staffAssigned), "staff lists");
    expectOk(await api("GET", groupPath(teamJid), staffAssigned), "staff reads");
    expect((await api("POST", groupPath(teamJid, "/subject"), staffAssigned, { subject: "staff" })).status).toBe(403);

    const reads: Array<[string, string]> = [
      ["GET", `/api/groups?sessionId=${session.sessionId}`],
      ["GET", groupPath(teamJid)],
    ];
    const writes: Array<[string, string, unknown]> = [
      ["POST", "/api/groups/create", { sessionId: session.sessionId, subject: "x", participants: [ALICE] }],
      ["POST", "/api/groups/join", { sessionId: session.sessionId, inviteCode: "AAAAAAAAAAAAAAAAAAAAAA" }],
      ["POST", groupPath(teamJid, "/participants/add"), { participants: [ALICE] }],
      ["POST", groupPath(teamJid, "/subject"), { subject: "x" }],
      ["POST", groupPath(teamJid, "/description"), { description: "x" }],
      ["POST", groupPath(teamJid, "/settings"), { setting: "locked" }],
      ["POST", groupPath(teamJid, "/picture"), { url: imageUrl }],
      ["POST", groupPath(teamJid, "/leave"), undefined],
      ["GET", groupPath(teamJid, "/invite-code"), undefined],
      ["POST", groupPath(teamJid, "/invite-code/revoke"), undefined],
      ["GET", groupPath(teamJid, "/join-requests"), undefined],
      ["POST", groupPath(teamJid, "/join-requests/approve"), { participants: [ALICE] }],
      ["POST", groupPath(teamJid, "/join-approval"), { enabled: true }],
    ];
    for (const [method, path] of reads) {
      expect((await api(method, path, other)).status, `other tenant ${method} ${path}`).toBe(404);
      expect((await api(method, path, staffUnassigned)).status, `unassigned staff ${method} ${path}`).toBe(404);
    }
    for (const [method, path, body] of writes) {
      expect((await api(method, path, other, body)).status, `other tenant ${method} ${path}`).toBe(404);
      // groups.manage is an owner's permission: staff are refused before any session is looked at.
      expect((await api(method, path, staffUnassigned, body)).status, `unassigned staff ${method} ${path}`).toBe(403);
    }
    for (const path of ["", "/metadata", "/invite-code"]) {
      const res = await chatery(path, other, { sessionId: session.sessionId, groupId: teamJid });
      expect(res.status, `chatery ${path}`).toBe(404);
      expect(res.body.success).toBe(false);
    }
    // The other tenant's default session is their own: our groups are not in it.
    expect(expectOk(await api("GET", "/api/whatsapp/groups", other), "other's groups").body).toEqual([]);
    expect((await api("GET", "/api/groups", null)).status).toBe(401);
  });

  const chatery = (path: string, t: Tenant, json: Record<string, unknown>) => api("POST", `/api/whatsapp/groups${path}`, t, json);
});
