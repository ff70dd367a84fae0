// Bare Baileys sockets against the emulator, with in-memory auth state and an event log
// tests can await instead of sleeping.
import makeWASocket, {
  BufferJSON,
  initAuthCreds,
  WA_CERT_DETAILS,
  type AuthenticationCreds,
  type AuthenticationState,
  type BaileysEventMap,
  type SignalDataTypeMap,
  type UserFacingSocketConfig,
  type WASocket,
} from "@whiskeysockets/baileys";
import pino from "pino";
import type { WaEmulator } from "@/lib/wa-emulator/emulator";
import { withSharedTransactionStorage } from "@/lib/whatsapp/shared-transaction-storage";

export interface MemoryAuth {
  state: AuthenticationState;
  /** Every key write takes this long, like a database-backed store (0: instant). */
  writeLatencyMs: number;
  /** JSON snapshot, the way an app would persist it. */
  save(): string;
}

export function memoryAuth(saved?: string): MemoryAuth {
  const parsed = saved ? JSON.parse(saved, BufferJSON.reviver) : undefined;
  const creds: AuthenticationCreds = parsed?.creds ?? initAuthCreds();
  const data: Record<string, Record<string, unknown>> = parsed?.keys ?? {};
  const auth: MemoryAuth = {
    writeLatencyMs: 0,
    state: {
      creds,
      keys: {
        async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
          const bucket = data[type] ?? {};
          return Object.fromEntries(ids.filter((id) => bucket[id] !== undefined).map((id) => [id, bucket[id]])) as {
            [id: string]: SignalDataTypeMap[T];
          };
        },
        async set(update) {
          if (auth.writeLatencyMs) await new Promise((resolve) => setTimeout(resolve, auth.writeLatencyMs));
          for (const [type, entries] of Object.entries(update)) {
            const bucket = (data[type] ??= {});
            for (const [id, value] of Object.entries(entries ?? {})) {
              if (value === null || value === undefined) delete bucket[id];
              else bucket[id] = value;
            }
          }
        },
      },
    },
    save: () => JSON.stringify({ creds, keys: data }, BufferJSON.replacer),
  };
  return auth;
}

type EventName = keyof BaileysEventMap;

const RECORDED: EventName[] = [
  "connection.update",
  "creds.update",
  "messages.upsert",
  "messages.update",
  "messages.reaction",
  "message-receipt.update",
  "group-participants.update",
  "groups.update",
  "groups.upsert",
  "presence.update",
  "contacts.update",
  "messaging-history.set",
];

/** Everything a socket emitted, plus a way to await the next (or a past) matching event. */
export class EventLog {
  readonly events: Array<{ name: EventName; data: any }> = [];
  private waiters: Array<{ name: EventName; predicate: (data: any) => boolean; resolve: (data: any) => void }> = [];

  constructor(sock: WASocket) {
    for (const name of RECORDED) {
      sock.ev.on(name, (data: any) => {
        this.events.push({ name, data });
        this.waiters = this.waiters.filter((w) => {
          if (w.name !== name || !w.predicate(data)) return true;
          w.resolve(data);
          return false;
        });
      });
    }
  }

  /** Resolves with the first matching event, looking at past events first. */
  waitFor<K extends EventName>(name: K, predicate: (data: BaileysEventMap[K]) => boolean = () => true, timeoutMs = 20_000): Promise<BaileysEventMap[K]> {
    const past = this.events.find((e) => e.name === name && predicate(e.data));
    if (past) return Promise.resolve(past.data);
    return this.waitForNext(name, predicate, timeoutMs);
  }

  /** Like waitFor but ignores what already happened. */
  waitForNext<K extends EventName>(name: K, predicate: (data: BaileysEventMap[K]) => boolean = () => true, timeoutMs = 20_000): Promise<BaileysEventMap[K]> {
    return new Promise((resolve, reject) => {
      const waiter = { name, predicate: predicate as (data: any) => boolean, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${name}`));
      }, timeoutMs);
      waiter.resolve = (data: any) => {
        clearTimeout(timer);
        resolve(data);
      };
      this.waiters.push(waiter);
    });
  }

  /** A message upserted (type notify) that matches. */
  waitForMessage(predicate: (msg: any) => boolean, timeoutMs?: number) {
    return this.waitFor("messages.upsert", (u) => u.messages.some(predicate), timeoutMs).then((u) => u.messages.find(predicate)!);
  }

  /**
   * Resolves once message `id` reached `status`. Baileys reports it as a messages.update, or,
   * when the receipt lands in the same event buffer as the sent message's own upsert, as the
   * status of that upserted message: both count.
   */
  waitForStatus(id: string, status: number, timeoutMs = 20_000): Promise<void> {
    const inUpsert = (u: any) => u.messages.some((m: any) => m.key.id === id && (m.status ?? 0) >= status);
    const inUpdate = (us: any[]) => us.some((u) => u.key.id === id && (u.update.status ?? 0) >= status);
    return Promise.race([this.waitFor("messages.upsert", inUpsert, timeoutMs), this.waitFor("messages.update", inUpdate, timeoutMs)]).then(() => undefined);
  }

  waitForClose(timeoutMs?: number) {
    return this.waitFor("connection.update", (u) => u.connection === "close", timeoutMs).then(
      (u) => (u.lastDisconnect?.error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode,
    );
  }
}

export interface Client {
  sock: WASocket;
  log: EventLog;
  auth: MemoryAuth;
}

/** Baileys' decryption failures in this test file (its logger reports them at error level). */
const baileysDecryptFailures: string[] = [];
const DECRYPT_FAILURE = /decrypt|sender key distribution/i;
const logLevel = process.env.EMULATOR_TEST_LOG;
const logger = pino(
  { level: logLevel ?? "error" },
  {
    write(line: string) {
      const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
      if (entry.level >= 50 && DECRYPT_FAILURE.test(entry.msg ?? "")) {
        baileysDecryptFailures.push(`baileys: ${entry.msg}${entry.err?.message ? `: ${entry.err.message}` : ""}`);
      }
      if (logLevel) process.stdout.write(line);
    },
  },
);

/**
 * Starts collecting what went wrong on either side of the network: the emulator's error reports
 * (an emulated phone failed to decrypt, a frame failed to parse) and Baileys' decryption
 * failures. The returned function hands over (and forgets) what was collected so far.
 */
export function trackFailures(emulator: WaEmulator): () => string[] {
  const reports: string[] = [];
  emulator.on("error-report", (report: { error: unknown; phone?: string; from?: string }) => {
    reports.push(`emulator${report.phone ? ` (${report.phone} from ${report.from})` : ""}: ${String(report.error)}`);
  });
  return () => [...reports.splice(0), ...baileysDecryptFailures.splice(0)];
}

export function connect(emulator: WaEmulator, auth: MemoryAuth, config: Partial<UserFacingSocketConfig> = {}): Client {
  emulator.trustInBaileys(WA_CERT_DETAILS);
  // As the gateway does: one AsyncLocalStorage for all sockets' key stores, so that the many
  // sockets of a test file do not slow every later promise of its process.
  const sock = withSharedTransactionStorage(() =>
    makeWASocket({
      auth: auth.state,
      waWebSocketUrl: emulator.wsUrl,
      fetchAgent: emulator.fetchAgent,
      logger,
      markOnlineOnConnect: false,
      ...config,
    }),
  );
  return { sock, log: new EventLog(sock), auth };
}

/** Waits until the socket is open and, on a first login, the initial history sync is done. */
export async function waitUntilReady(client: Client) {
  await client.log.waitFor("connection.update", (u) => u.connection === "open");
  await client.log.waitFor("connection.update", (u) => u.receivedPendingNotifications === true);
  if (!client.auth.state.creds.accountSyncCounter) {
    await client.log.waitFor("creds.update", (u) => (u.accountSyncCounter ?? 0) > 0);
  }
}

/** Pairs a fresh Baileys client to `phone` through the QR flow and returns it ready to use. */
export async function pairClient(emulator: WaEmulator, phone: string, config: Partial<UserFacingSocketConfig> = {}): Promise<Client> {
  const auth = memoryAuth();
  const first = connect(emulator, auth, config);
  const { qr } = await first.log.waitFor("connection.update", (u) => !!u.qr);
  await emulator.scanQr(qr!, { phone });
  const code = await first.log.waitForClose();
  if (code !== 515) throw new Error(`expected restart (515) after pairing, got ${code}`);
  const client = connect(emulator, auth, config);
  await waitUntilReady(client);
  return client;
}

export function close(...clients: Array<Client | undefined>) {
  for (const client of clients) client?.sock.end(undefined);
}

export const textOf = (msg: any): string | undefined => msg?.message?.conversation ?? msg?.message?.extendedTextMessage?.text ?? undefined;
