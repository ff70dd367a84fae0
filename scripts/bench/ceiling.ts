// The "ceiling" of issue 10: what bare Baileys does on this machine against the same emulator, with
// nothing durable — in-memory auth state, no database, no queue, no outbox. The gateway's figures
// are divided by these (scripts/bench/compare.ts); that ratio is the figure we track.
//   npx tsx scripts/bench/ceiling.ts [messages=500] [sessions=10]
// Prints one JSON line: { outbound: { messages, seconds, perSecond, cpuMsPerMessage }, inbound: … }.
//
// What it does, kept as close as it can be to what the gateway does in the sandbox:
// - the emulator runs in this process (the sandbox runs it in the gateway's), same contacts'
//   behaviour (delivery and read receipts);
// - outbound: `messages` texts over `sessions` sockets to two contacts, 16 in flight, timed until
//   WhatsApp (the emulator) acknowledged every one. Not until sendMessage resolved: it resolves
//   once the message is written to the socket, and 16 chains of sendMessage calls never let the
//   event loop read the emulator's side, so the timing ended before the emulator had received any
//   of them (measured: 0 of 1,000), and its work, the acks and the receipts fell outside it. The
//   gateway's run has that work inside its time (its event loop serves HTTP throughout);
// - inbound: contacts send `messages` texts to one session through a small HTTP endpoint of this
//   process (the gateway's sandbox API), 8 in flight; each upserted message is POSTed as JSON to a
//   loopback receiver (a webhook, unsigned); timed until the receiver has them all;
// - stack traces without source maps. tsx turns Node's source maps on, and Baileys takes a stack
//   trace (`new Error().stack`) twice for every frame it sends (promiseTimeout, delayCancellable):
//   mapped through the emulator's and the script's source maps that was ~9 % of the outbound phase.
//   Bare Baileys in production runs compiled JavaScript without them, and the gateway, also under
//   tsx, formats stacks with Next.js's own Error.prepareStackTrace, which maps nothing.
//
// CEILING_DURABLE=<PostgreSQL URL>: the "durable floor" instead (scripts/bench/durable-floor.ts):
// the same sockets and timing, plus the least a gateway must write to keep what it accepted: a
// send's row before Baileys sees it and its status at the ack and each receipt, a received
// message's row before its webhook and a mark after it, Signal keys and credentials. A sent
// message counts once its SENT is committed (the gateway's outbound clock), a received one once
// the receiver has it.
import { createServer } from "node:http";
import makeWASocket, {
  Browsers,
  DisconnectReason,
  WA_CERT_DETAILS,
  initAuthCreds,
  type AuthenticationCreds,
  type SignalDataSet,
  type SignalDataTypeMap,
  type WASocket,
} from "@whiskeysockets/baileys";
import pino from "pino";
import { startWaEmulator } from "../../lib/wa-emulator/emulator";
import { benchApi } from "./bench-client";
import { openDurableFloor } from "./durable-floor";

/** proto.WebMessageInfo.Status: SERVER_ACK (WhatsApp has it), READ (a contact's read receipt). */
const SERVER_ACK = 2;
const READ = 4;
const [messages = 500, sessionCount = 10] = process.argv.slice(2).map(Number).filter(Boolean);
const CONTACTS = ["15550100002", "15550100003"];
const logger = pino({ level: "silent" });

process.setSourceMapsEnabled(false); // after tsx has loaded this script (see above)
const floor = process.env.CEILING_DURABLE ? await openDurableFloor(process.env.CEILING_DURABLE) : null;
/** A write of the durable floor failed: the run's figures would be wrong (or it would wait forever). */
const fail = (error: unknown) => {
  console.error("durable floor: a write failed", error);
  process.exit(1);
};
const emulator = await startWaEmulator();
emulator.trustInBaileys(WA_CERT_DETAILS);
for (const phone of CONTACTS) {
  emulator.createAccount({ phone, name: `Contact ${phone}` });
  emulator.setBehaviour(phone, { echo: false, deliveryReceipts: true, readReceipts: true });
}

/** Baileys' auth state in a plain object: what an in-memory gateway keeps. */
function memoryAuth() {
  const creds: AuthenticationCreds = initAuthCreds();
  const store = new Map<string, unknown>();
  const keys = {
    async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const out: Record<string, SignalDataTypeMap[T]> = {};
      for (const id of ids) {
        const value = store.get(`${type}:${id}`);
        if (value !== undefined) out[id] = value as SignalDataTypeMap[T];
      }
      return out;
    },
    async set(data: SignalDataSet) {
      for (const [type, entries] of Object.entries(data)) {
        for (const [id, value] of Object.entries(entries ?? {})) {
          if (value === null || value === undefined) store.delete(`${type}:${id}`);
          else store.set(`${type}:${id}`, value);
        }
      }
    },
  };
  return { creds, keys };
}

/** A bare socket paired with the emulated phone `phone`; reconnects once after pairing (515). */
function pairedSocket(phone: string, session: number): Promise<WASocket> {
  emulator.createAccount({ phone, name: `Session ${phone}` });
  const auth = floor ? floor.writeThrough(session, memoryAuth()) : memoryAuth();
  return new Promise((resolve, reject) => {
    const connect = () => {
      const sock = makeWASocket({
        auth,
        logger,
        browser: Browsers.ubuntu("Ceiling"),
        markOnlineOnConnect: false,
        syncFullHistory: false,
        generateHighQualityLinkPreview: false,
        waWebSocketUrl: emulator.wsUrl,
        fetchAgent: emulator.fetchAgent,
      });
      sock.ev.on("creds.update", (update) => {
        Object.assign(auth.creds, update);
        floor?.saveCreds(session, auth.creds).catch(fail);
      });
      sock.ev.on("connection.update", (update) => {
        if (update.qr) emulator.scanQr(update.qr, { phone }).catch(reject);
        if (update.connection === "open") resolve(sock);
        if (update.connection === "close") {
          const code = (update.lastDisconnect?.error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode;
          if (code === DisconnectReason.restartRequired) connect();
          else reject(new Error(`socket of ${phone} closed (${code})`));
        }
      });
    };
    connect();
  });
}

const sockets: WASocket[] = [];
for (let i = 0; i < sessionCount; i++) sockets.push(await pairedSocket(`1555020${String(i).padStart(4, "0")}`, i));
const jid = (phone: string) => `${phone}@s.whatsapp.net`;

// Warm-up: Signal sessions both ways exist before timing starts, as in the gateway's benchmark.
for (const sock of sockets) for (const phone of CONTACTS) await sock.sendMessage(jid(phone), { text: "warm-up" });
const sessionOf = new Map(sockets.map((sock, i) => [sock, i]));

async function outbound() {
  // WhatsApp's ack of each message (<ack class="message" id=…>): Baileys emits no event for it,
  // its socket's frame emitter does.
  const idOf = (i: number) => `CEILING${String(i).padStart(8, "0")}`;
  const unacked = new Set(Array.from({ length: messages }, (_, i) => idOf(i)));
  let allAcked: () => void = () => {};
  const acked = new Promise<void>((resolve) => (allAcked = resolve));
  const done = (id: string) => {
    if (unacked.delete(id) && unacked.size === 0) allAcked();
  };
  // The durable floor's message is done once its SENT is committed.
  const sessionOfId = (id: string) => Number(id.slice("CEILING".length)) % sockets.length;
  const onAck = (node: { attrs: { id?: string } }) => {
    const id = node.attrs.id;
    if (!id || !unacked.has(id)) return;
    if (floor)
      floor
        .status(sessionOfId(id), id, SERVER_ACK)
        .then(() => done(id))
        .catch(fail);
    else done(id);
  };
  for (const sock of sockets) sock.ws.on("CB:ack,class:message", onAck);
  // The contacts' read receipts, which end the outbound work (waited for untimed, below).
  const unread = new Set(unacked);
  const onUpdate = (updates: Array<{ key: { id?: string | null }; update: { status?: number | null } }>) => {
    for (const u of updates) {
      if (!u.key.id || !unread.has(u.key.id)) continue;
      if (floor && typeof u.update.status === "number") floor.status(sessionOfId(u.key.id), u.key.id, u.update.status).catch(fail);
      if (u.update.status === READ) unread.delete(u.key.id);
    }
  };
  // A receipt that came while Baileys buffered its events is folded into the upsert of our own
  // message (its status) instead of an update of its own.
  const onUpsert = ({ messages: upserted }: { messages: Array<{ key: { id?: string | null; fromMe?: boolean | null }; status?: number | null }> }) =>
    onUpdate(
      upserted.filter((m) => m.key.fromMe && typeof m.status === "number" && m.status > SERVER_ACK).map((m) => ({ key: m.key, update: { status: m.status } })),
    );
  for (const sock of sockets) {
    sock.ev.on("messages.update", onUpdate);
    sock.ev.on("messages.upsert", onUpsert);
  }
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < messages) {
        const i = next++;
        await floor?.accept(i % sockets.length, idOf(i), `ceiling ${i}`);
        await sockets[i % sockets.length].sendMessage(jid(CONTACTS[i % CONTACTS.length]), { text: `ceiling ${i}` }, { messageId: idOf(i) });
      }
    }),
  );
  await acked;
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // Before the inbound phase, the receipts of these sends are in (up to 30 s), so that it times
  // receiving alone: the gateway's run waits for them too. Without this the emulator's backlog and
  // the receipts ran into the inbound phase's time.
  const until = Date.now() + 30_000;
  while (unread.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  for (const sock of sockets) {
    sock.ws.off("CB:ack,class:message", onAck);
    sock.ev.off("messages.update", onUpdate);
    sock.ev.off("messages.upsert", onUpsert);
  }
  return { messages, seconds, perSecond: messages / seconds, cpuMsPerMessage: (used.user + used.system) / 1000 / messages };
}

async function inbound() {
  const target = sockets[0];
  const targetPhone = target.user!.id.split(":")[0].split("@")[0];
  // The "webhook": a loopback receiver counting what it gets.
  let received = 0;
  let allIn: () => void = () => {};
  const done = new Promise<void>((resolve) => (allIn = resolve));
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.end("ok");
      if (++received >= messages) allIn();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  // Posted through node:http with kept-alive connections, as the gateway posts its webhooks.
  const hook = benchApi(`http://127.0.0.1:${(receiver.address() as { port: number }).port}`);
  target.ev.on("messages.upsert", ({ messages: upserted, type }) => {
    if (type !== "notify") return;
    for (const m of upserted) {
      if (m.key.fromMe || !m.message) continue;
      if (!floor) {
        void hook("POST", "/hook", { event: "message", data: m }).catch(() => undefined);
        continue;
      }
      const session = sessionOf.get(target)!;
      void floor
        .receive(session, m.key.id!, m)
        .then(() => hook("POST", "/hook", { event: "message", data: m }))
        .then(() => floor.delivered(session, m.key.id!))
        .catch(fail);
    }
  });
  // The "sandbox API": contacts send through HTTP, as they do into the gateway.
  const api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const { from, text } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { from: string; text: string };
      await emulator.sendMessage(from, targetPhone, { text });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  // The contacts' client: the same as the gateway's benchmark uses (scripts/bench/bench-client.ts),
  // here in the ceiling's own process and so in its CPU.
  const contacts = benchApi(`http://127.0.0.1:${(api.address() as { port: number }).port}`);

  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < messages) {
        const i = next++;
        await contacts("POST", "/send", { from: CONTACTS[i % CONTACTS.length], text: `inbound ${i}` });
      }
    }),
  );
  await done;
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  receiver.close();
  api.close();
  return { messages, seconds, perSecond: messages / seconds, cpuMsPerMessage: (used.user + used.system) / 1000 / messages };
}

const result = { outbound: await outbound(), inbound: await inbound() };
console.log(JSON.stringify(result));
for (const sock of sockets) sock.end(undefined);
await emulator.stop();
await floor?.close();
process.exit(0);
