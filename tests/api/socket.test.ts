// Socket.io on the gateway: who may connect, and which session rooms they may join.
import { type Socket, io } from "socket.io-client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Actor, type PublicSession, baseUrl, createSession, createStaff, createSuperadmin, registerOwner } from "../support/api-client";

type Ack = { ok: true; sessionId: string } | { ok: false; error: string };

const open: Socket[] = [];
afterEach(() => {
  while (open.length) open.pop()!.disconnect();
});

function socketWith(options: { auth?: Record<string, unknown>; extraHeaders?: Record<string, string> }): Socket {
  const socket = io(baseUrl(), { transports: ["websocket"], reconnection: false, forceNew: true, timeout: 10_000, ...options });
  open.push(socket);
  return socket;
}

/** Resolves with "connected", or with the server's refusal message. */
function outcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(`refused: ${error.message}`));
  });
}

async function connected(options: Parameters<typeof socketWith>[0]): Promise<Socket> {
  const socket = socketWith(options);
  const result = await outcome(socket);
  if (result !== "connected") throw new Error(`socket did not connect: ${result}`);
  return socket;
}

const ask = (socket: Socket, event: string, payload: unknown) => socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack>;

let owner: Actor;
let other: Actor;
let superadmin: Actor;
let assigned: Actor;
let unassigned: Actor;
let mine: PublicSession;
let theirs: PublicSession;
beforeAll(async () => {
  [owner, other, superadmin] = await Promise.all([registerOwner("sockown"), registerOwner("sockother"), createSuperadmin()]);
  [mine, theirs] = await Promise.all([createSession({ cookie: owner.cookie }, "Socket mine"), createSession({ cookie: other.cookie }, "Socket theirs")]);
  [assigned, unassigned] = await Promise.all([createStaff(owner, [mine.sessionId]), createStaff(owner)]);
});

describe("connecting", () => {
  it('is refused without credentials ("Not authenticated")', async () => {
    expect(await outcome(socketWith({}))).toBe("refused: Not authenticated");
  });

  it("is refused with a wrong API key", async () => {
    expect(await outcome(socketWith({ auth: { apiKey: "wag_notarealkey000000000000000000000" } }))).toMatch(/^refused: .*API key/);
  });

  it("works with an API key in auth.apiKey, in the X-API-Key header, or with the session cookie", async () => {
    expect(await outcome(socketWith({ auth: { apiKey: owner.apiKey } }))).toBe("connected");
    expect(await outcome(socketWith({ extraHeaders: { "X-API-Key": owner.apiKey } }))).toBe("connected");
    expect(await outcome(socketWith({ extraHeaders: { Cookie: owner.cookie } }))).toBe("connected");
  });
});

describe.each(["join-session", "subscribe"])("%s", (event) => {
  it("succeeds for the caller's own session, by sessionId or id, with or without the object wrapper", async () => {
    const socket = await connected({ auth: { apiKey: owner.apiKey } });
    expect(await ask(socket, event, { sessionId: mine.sessionId })).toEqual({ ok: true, sessionId: mine.sessionId });
    expect(await ask(socket, event, { sessionId: mine.id })).toEqual({ ok: true, sessionId: mine.sessionId });
    expect(await ask(socket, event, mine.sessionId)).toEqual({ ok: true, sessionId: mine.sessionId });
  });

  it('fails with "Session not found" for another tenant\'s session, and for one that does not exist', async () => {
    const socket = await connected({ auth: { apiKey: owner.apiKey } });
    expect(await ask(socket, event, { sessionId: theirs.sessionId })).toEqual({ ok: false, error: "Session not found" });
    expect(await ask(socket, event, { sessionId: theirs.id })).toEqual({ ok: false, error: "Session not found" });
    expect(await ask(socket, event, { sessionId: "nosuchsession" })).toEqual({ ok: false, error: "Session not found" });
  });

  it("lets a staff member into assigned sessions only", async () => {
    const staffSocket = await connected({ auth: { apiKey: assigned.apiKey } });
    expect(await ask(staffSocket, event, { sessionId: mine.sessionId })).toEqual({ ok: true, sessionId: mine.sessionId });
    expect(await ask(staffSocket, event, { sessionId: theirs.sessionId })).toEqual({ ok: false, error: "Session not found" });
    const loose = await connected({ extraHeaders: { Cookie: unassigned.cookie } });
    expect(await ask(loose, event, { sessionId: mine.sessionId })).toEqual({ ok: false, error: "Session not found" });
  });

  it("lets a superadmin into any tenant's session", async () => {
    const socket = await connected({ auth: { apiKey: superadmin.apiKey } });
    expect(await ask(socket, event, { sessionId: theirs.sessionId })).toEqual({ ok: true, sessionId: theirs.sessionId });
  });

  it("answers a missing sessionId with an error naming it", async () => {
    const socket = await connected({ auth: { apiKey: owner.apiKey } });
    for (const payload of [{}, null, { sessionId: 42 }, ""]) {
      expect(await ask(socket, event, payload), JSON.stringify(payload)).toEqual({ ok: false, error: expect.stringMatching(/^sessionId\b/) });
    }
  });
});
