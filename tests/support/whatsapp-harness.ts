// The gateway's WhatsApp side, in-process, against the local emulator: a real PostgreSQL (or the
// embedded one), the real SessionManager and real Baileys sockets. A test can stop and start the
// emulator (WhatsApp "down") or build a second manager on the same database (a process restart).
import { randomBytes } from "node:crypto";
import pino from "pino";
import { WA_CERT_DETAILS } from "@whiskeysockets/baileys";
import { EventOutbox, type RecordedEvent } from "@/lib/events/event-outbox";
import { createCredentialsCipher } from "@/lib/whatsapp/credentials-cipher";
import { SessionManager } from "@/lib/whatsapp/session-manager";
import type { SessionRow } from "@/lib/whatsapp/session-manager";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { createMigratedTestDatabase, type TestDatabase } from "./test-database";
import { until } from "./wait";

export const APP_SECRET = randomBytes(32).toString("hex");

export interface Harness {
  database: TestDatabase;
  emulator: WaEmulator;
  events: EventOutbox;
  recorded: RecordedEvent[];
  manager: SessionManager;
  newManager(options?: { watchdogIntervalMs?: number; watchdogTimeoutMs?: number }): SessionManager;
  createSession(name?: string): Promise<SessionRow>;
  /** WhatsApp goes away: the emulator stops (its state is kept for `restartEmulator`). */
  stopEmulator(): Promise<void>;
  restartEmulator(): Promise<void>;
  pair(row: SessionRow, phone: string): Promise<void>;
  waitForStatus(row: SessionRow, status: string, timeoutMs?: number): Promise<void>;
  waitForEvent(predicate: (e: RecordedEvent) => boolean, timeoutMs?: number): Promise<RecordedEvent>;
  close(): Promise<void>;
}

export async function startHarness(options: { watchdogIntervalMs?: number; watchdogTimeoutMs?: number } = {}): Promise<Harness> {
  const database = await createMigratedTestDatabase();
  let emulator = await startWaEmulator();
  emulator.trustInBaileys(WA_CERT_DETAILS);
  let savedState: ReturnType<WaEmulator["saveState"]> | null = null;
  const port = Number(new URL(emulator.wsUrl).port);
  const events = new EventOutbox(database.db, () => null);
  const recorded: RecordedEvent[] = [];
  events.subscribe((e) => recorded.push(e));
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const managers: SessionManager[] = [];

  const newManager = (o: { watchdogIntervalMs?: number; watchdogTimeoutMs?: number } = options) => {
    const manager = new SessionManager(
      {
        db: database.connect(),
        cipher: createCredentialsCipher(APP_SECRET),
        outbox: events,
        logger,
        baileysLogger: logger,
        backoff: { initialMs: 200, maxMs: 2000 },
        socketOptions: () => ({ waWebSocketUrl: emulator.wsUrl, fetchAgent: emulator.fetchAgent, connectTimeoutMs: 5000 }),
        connectWaitMs: 8000,
        fetchBytes: async () => Buffer.alloc(0),
      },
      { intervalMs: o.watchdogIntervalMs ?? 60_000, timeoutMs: o.watchdogTimeoutMs ?? 20_000 },
    );
    managers.push(manager);
    return manager;
  };

  const harness: Harness = {
    database,
    get emulator() {
      return emulator;
    },
    events,
    recorded,
    manager: newManager(),
    newManager,
    async createSession(name = "test") {
      const suffix = randomBytes(4).toString("hex");
      const owner = await database.db.user.create({
        data: { name, email: `${suffix}@t.local`, username: `u${suffix}`, passwordHash: "x", role: "OWNER" },
      });
      return database.db.whatsappSession.create({
        data: { name, sessionId: `s${suffix}`, ownerId: owner.id },
        select: { id: true, sessionId: true, ownerId: true, config: true, status: true, statusReason: true, statusChangedAt: true },
      });
    },
    async stopEmulator() {
      savedState = JSON.parse(JSON.stringify(emulator.saveState()));
      await emulator.stop();
    },
    async restartEmulator() {
      emulator = await startWaEmulator({ state: savedState ?? undefined, port });
      emulator.trustInBaileys(WA_CERT_DETAILS);
    },
    async pair(row, phone) {
      const manager = harness.manager;
      const live = await manager.connect(row);
      if (live.status !== "QR" || !live.qr) throw new Error(`expected a QR, got ${live.status}`);
      if (!emulator.getAccount(phone)) emulator.createAccount({ phone, name: `Account ${phone}` });
      await emulator.scanQr(live.qr, { phone });
      await harness.waitForStatus(row, "CONNECTED");
    },
    waitForStatus(row, status, timeoutMs = 20_000) {
      const current = () =>
        managers
          .map((m) => m.get(row.id)?.status)
          .filter(Boolean)
          .at(-1);
      return waitUntil(
        () => current() === status,
        timeoutMs,
        () => `session ${row.sessionId} to be ${status} (is ${current()})`,
      );
    },
    async waitForEvent(predicate, timeoutMs = 20_000) {
      let found: RecordedEvent | undefined;
      await waitUntil(
        () => Boolean((found = recorded.find(predicate))),
        timeoutMs,
        () => "event",
      );
      return found!;
    },
    async close() {
      for (const m of managers) await m.shutdown().catch(() => {});
      await emulator.stop().catch(() => {});
      await database.drop();
    },
  };
  return harness;
}

/** Waits until `condition` holds (in-process state, so it is polled often). */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
  await until(condition, Boolean, what, timeoutMs, 50);
}
