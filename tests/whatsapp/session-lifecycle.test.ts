// Issue 4: sessions paired once stay connected through restarts, drops, outages, logouts,
// conflicts and silent connections — real Baileys, the local emulator, a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, waitUntil, type Harness } from "../support/whatsapp-harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const history = async (row: { id: string }) =>
  h.database.db.sessionStatusEvent.findMany({
    where: { sessionId: row.id },
    orderBy: { createdAt: "asc" },
    select: { status: true, reason: true, createdAt: true },
  });

describe("pairing and credentials", () => {
  it("pairs by QR, stores the phone number and encrypts every credential row", async () => {
    const row = await h.createSession("pairing");
    await h.pair(row, "15551110001");

    const stored = await h.database.db.whatsappSession.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.status).toBe("CONNECTED");
    expect(stored.phoneNumber).toBe("15551110001");
    expect(stored.pairedAt).toBeInstanceOf(Date);

    const entries = await h.database.db.waAuthEntry.findMany({ where: { sessionId: row.id } });
    expect(entries.some((e) => e.category === "creds")).toBe(true);
    expect(entries.some((e) => e.category === "pre-key")).toBe(true);
    for (const entry of entries) {
      const text = Buffer.from(entry.data).toString("utf8");
      // Sealed rows start with the format byte and contain no JSON of Baileys' state.
      expect(entry.data[0]).toBe(1);
      expect(text).not.toMatch(/noiseKey|signedIdentityKey|"private"|"public"|registrationId/);
      expect(() => JSON.parse(text)).toThrow();
    }

    const statuses = (await history(row)).map((e) => e.status);
    expect(statuses).toEqual(["CONNECTING", "QR", "CONNECTING", "CONNECTED"]);
  });

  it("a second connect during the pairing handshake waits with it instead of breaking it", async () => {
    const row = await h.createSession("double-connect");
    const live = await h.manager.connect(row);
    h.emulator.createAccount({ phone: "15551110010" });
    await h.emulator.scanQr(live.qr!, { phone: "15551110010" });
    // Right after the scan WhatsApp asks for a restart: the session is CONNECTING again.
    await waitUntil(
      () => h.manager.get(row.id)?.status !== "QR",
      10_000,
      () => "the post-scan restart",
    );
    const again = await h.manager.connect(row);
    expect(["CONNECTING", "CONNECTED"]).toContain(again.status);
    await h.waitForStatus(row, "CONNECTED");
    const stored = await h.database.db.whatsappSession.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.phoneNumber).toBe("15551110010");
  });

  it("pairs by an 8-character code typed into the phone instead of a QR", async () => {
    const row = await h.createSession("pairing-code");
    h.emulator.createAccount({ phone: "15551110011" });
    const requested = h.emulator.waitFor("pairing-code-requested", (e: { phone: string }) => e.phone === "15551110011");
    const code = await h.manager.requestPairingCode(row, "15551110011");
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await requested; // the phone shows the "enter code" prompt once WhatsApp has the request
    h.emulator.enterPairingCode("15551110011", code);
    await h.waitForStatus(row, "CONNECTED");
    const stored = await h.database.db.whatsappSession.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.phoneNumber).toBe("15551110011");
  });

  it("comes back CONNECTED after a process restart without showing a QR", async () => {
    const row = await h.createSession("restart");
    await h.pair(row, "15551110002");
    await h.manager.shutdown(); // what SIGTERM does: close without logging out

    const before = h.recorded.length;
    const restarted = h.newManager();
    const restored = await restarted.restoreAll();
    expect(restored).toBeGreaterThanOrEqual(1);
    await waitUntil(
      () => restarted.get(row.id)?.status === "CONNECTED",
      20_000,
      () => "restored session",
    );
    const qrAfterRestart = h.recorded.slice(before).filter((e) => e.sessionId === row.sessionId && e.event === "qr");
    expect(qrAfterRestart).toEqual([]);
    h.manager = restarted;
  });
});

describe("self-healing", () => {
  it("reconnects a dropped connection with backoff and records why", async () => {
    const row = await h.createSession("drop");
    await h.pair(row, "15551110003");
    expect(h.emulator.fault("15551110003", "drop")).toBe(1);
    await waitUntil(
      () => h.manager.get(row.id)?.status === "CONNECTING",
      10_000,
      () => "reconnecting",
    );
    await h.waitForStatus(row, "CONNECTED");
    const reasons = (await history(row)).map((e) => e.reason ?? "");
    expect(reasons.some((r) => /reconnecting in .* \(attempt 1\)/.test(r))).toBe(true);
    expect(h.manager.get(row.id)?.reconnectAttempts).toBe(0); // reset once healthy again
  });

  it("refuses a server whose certificate chain WhatsApp's root did not sign, and logs in once it is real again", async () => {
    const row = await h.createSession("impostor");
    await h.pair(row, "15551110012");
    // A man in the middle answers the next logins; the dropped session reconnects into it.
    h.emulator.impersonateServer(true);
    try {
      expect(h.emulator.fault("15551110012", "drop")).toBe(1);
      await waitUntil(
        async () => (await history(row)).filter((e) => /reconnecting in/.test(e.reason ?? "")).length >= 2,
        20_000,
        () => "refused logins",
      );
      expect(h.manager.get(row.id)?.status).toBe("CONNECTING");
      const stored = await h.database.db.whatsappSession.findUniqueOrThrow({ where: { id: row.id } });
      expect(stored.lastError).toMatch(/certificate signature invalid/);
    } finally {
      h.emulator.impersonateServer(false);
    }
    await h.waitForStatus(row, "CONNECTED");
  });

  it("keeps trying with growing delays while WhatsApp is down, then recovers", async () => {
    const row = await h.createSession("outage");
    await h.pair(row, "15551110004");
    await h.stopEmulator();
    const attemptsSoFar = async () => (await history(row)).filter((e) => /reconnecting in/.test(e.reason ?? ""));
    try {
      await waitUntil(
        async () => (await attemptsSoFar()).length >= 4,
        30_000,
        () => "4 reconnect attempts",
      );
    } finally {
      await h.restartEmulator();
    }
    const attempts = await attemptsSoFar();
    // Each scheduled delay is at least half the exponential step (200, 400, 800, 1600 ms, max 2000).
    const delays = attempts.map((e) => Number(/reconnecting in ([\d.]+) s/.exec(e.reason!)![1]) * 1000);
    expect(delays[0]).toBeGreaterThanOrEqual(100);
    expect(delays[3]).toBeGreaterThanOrEqual(800);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2000);
    expect(attempts.map((e) => /attempt (\d+)/.exec(e.reason!)![1]).slice(0, 4)).toEqual(["1", "2", "3", "4"]);
    await h.waitForStatus(row, "CONNECTED", 30_000);
  });

  it("marks a session that stops answering as ZOMBIE and restarts it", async () => {
    const row = await h.createSession("zombie");
    await h.pair(row, "15551110005");
    const session = h.manager.get(row.id)!;
    h.emulator.fault("15551110005", "stall-iq");
    expect(await session.probe(500)).toBe(false);
    await session.markZombieAndRestart();
    await h.waitForStatus(row, "CONNECTED");
    const statuses = (await history(row)).map((e) => e.status);
    expect(statuses).toContain("ZOMBIE");
    expect(statuses.at(-1)).toBe("CONNECTED");
    expect(await h.manager.get(row.id)!.probe(2000)).toBe(true);
  });

  it("the watchdog finds a silent session on its own", async () => {
    const watchdogged = h.newManager({ watchdogIntervalMs: 300, watchdogTimeoutMs: 300 });
    const row = await h.createSession("watchdog");
    const live = await watchdogged.connect(row);
    h.emulator.createAccount({ phone: "15551110006" });
    await h.emulator.scanQr(live.qr!, { phone: "15551110006" });
    await waitUntil(
      () => watchdogged.get(row.id)?.status === "CONNECTED",
      20_000,
      () => "connected",
    );
    watchdogged.startWatchdog();
    h.emulator.fault("15551110006", "stall-iq");
    await waitUntil(
      async () => (await history(row)).some((e) => e.status === "ZOMBIE"),
      10_000,
      () => "ZOMBIE in history",
    );
    await waitUntil(
      () => watchdogged.get(row.id)?.status === "CONNECTED",
      20_000,
      () => "connected again",
    );
    await watchdogged.shutdown();
  });
});

describe("terminal states", () => {
  it("a logout from the phone wipes the credentials and sets LOGGED_OUT", async () => {
    const row = await h.createSession("logout");
    await h.pair(row, "15551110007");
    h.emulator.fault("15551110007", "logout");
    await h.waitForStatus(row, "LOGGED_OUT");
    expect(await h.database.db.waAuthEntry.count({ where: { sessionId: row.id } })).toBe(0);
    const stored = await h.database.db.whatsappSession.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.status).toBe("LOGGED_OUT");
    expect(stored.autoConnect).toBe(false);
    expect(h.recorded.some((e) => e.sessionId === row.sessionId && e.event === "logged.out")).toBe(true);
  });

  it("a conflict stops the session instead of fighting the other client", async () => {
    const row = await h.createSession("conflict");
    await h.pair(row, "15551110008");
    h.emulator.fault("15551110008", "conflict");
    await h.waitForStatus(row, "DISCONNECTED");
    const stored = await h.database.db.whatsappSession.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.statusReason).toMatch(/conflict/);
    // Stays down: no reconnect is scheduled.
    await new Promise((r) => setTimeout(r, 1000));
    expect(h.manager.get(row.id)?.status).toBe("DISCONNECTED");
    // Credentials are kept: a person can reconnect it.
    expect(await h.database.db.waAuthEntry.count({ where: { sessionId: row.id, category: "creds" } })).toBe(1);
  });

  it("logging out through the gateway unlinks the device on the phone", async () => {
    const row = await h.createSession("user-logout");
    await h.pair(row, "15551110009");
    await h.manager.logout(row);
    expect(h.manager.get(row.id)?.status).toBe("LOGGED_OUT");
    expect(await h.database.db.waAuthEntry.count({ where: { sessionId: row.id } })).toBe(0);
    await waitUntil(
      () => (h.emulator.getAccount("15551110009")?.devices.length ?? 1) === 0,
      10_000,
      () => "device removed on the phone",
    );
  });
});
