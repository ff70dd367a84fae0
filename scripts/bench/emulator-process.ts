// The emulator in its own process for benchmarks and the cluster test, so that its memory is not
// counted as the gateway's and several gateway nodes can share one emulated network. Speaks over
// the fork IPC channel. At start it sends { ready: { wsUrl, publicKey, serial } } (a node trusts it
// with SANDBOX_EMULATOR_URL=wsUrl, SANDBOX_EMULATOR_ROOT=publicKey:serial). Requests:
//   { scan: { qr, phone, id } }              → { scanned: id } | { failed: id, error }
//   { call: { id, op, args } } with op one of
//     "createContact" [phone]                 a contact that never answers, with receipts
//     "pairingCode"   [phone, code]           the phone types the code (creating the account first)
//     "received"      [phone]                 → what that account's phone received: [{ id, from }] (from: the sender's phone)
//     "simultaneous"  []                      → the most logins each companion device had at once
//     "contactSends"  [from, to, text]        the phone `from` sends a text to the account `to` → its id
//     "receipts"      [phone, id]             → the receipts that came back for a message `phone` sent: ["delivery", "read"…]
//     "groupsOf"      [phone]                 → the groups that account is in: [{ jid, subject, picture (set or not) }]
//   → { answer: id, result } | { answer: id, error }
import pino from "pino";
import { startWaEmulator } from "../../lib/wa-emulator/emulator";
import { silenceLibsignalConsole } from "../../lib/whatsapp/silence-libsignal-console";

// The emulated phones run libsignal too, which prints whole Signal sessions (keys) to the console.
silenceLibsignalConsole(pino({ level: "silent" }));

const emulator = await startWaEmulator();
const trust: { PUBLIC_KEY?: Uint8Array; SERIAL?: number } = {};
emulator.trustInBaileys(trust as never);

const ops: Record<string, (...args: string[]) => unknown> = {
  createContact(phone) {
    if (!emulator.getAccount(phone)) emulator.createAccount({ phone, name: `Contact ${phone}` });
    emulator.setBehaviour(phone, { echo: false, deliveryReceipts: true, readReceipts: false });
    return true;
  },
  pairingCode(phone, code) {
    if (!emulator.getAccount(phone)) emulator.createAccount({ phone });
    emulator.enterPairingCode(phone, code);
    return true;
  },
  received: (phone) => emulator.received(phone).map((m) => ({ id: m.id, from: m.fromPhone })),
  /** The contact `phone` sends a text to the account `to` (a paired session's number); → its message id. */
  simultaneous: () => emulator.mostSimultaneousConnections(),
  contactSends: async (from, to, text) => ((await emulator.sendMessage(from, to, { text })) as { id?: string } | undefined)?.id ?? null,
  receipts: (phone, id) =>
    emulator
      .sent(phone)
      .find((m) => m.id === id)
      ?.receipts.map((r) => r.type) ?? [],
  groupsOf: (phone) => emulator.participatingGroups(phone).map((g) => ({ jid: g.jid, subject: g.subject, picture: Boolean(g.picture) })),
};

process.send!({ ready: { wsUrl: emulator.wsUrl, publicKey: Buffer.from(trust.PUBLIC_KEY!).toString("base64"), serial: trust.SERIAL } });
process.on("message", async (msg: { scan?: { qr: string; phone: string; id: number }; call?: { id: number; op: string; args: string[] } }) => {
  if (msg.call) {
    const { id, op, args } = msg.call;
    try {
      const fn = ops[op];
      if (!fn) throw new Error(`unknown op ${op}`);
      process.send!({ answer: id, result: await fn(...args) });
    } catch (error) {
      process.send!({ answer: id, error: String(error) });
    }
    return;
  }
  if (!msg.scan) return;
  try {
    if (!emulator.getAccount(msg.scan.phone)) emulator.createAccount({ phone: msg.scan.phone });
    await emulator.scanQr(msg.scan.qr, { phone: msg.scan.phone });
    process.send!({ scanned: msg.scan.id });
  } catch (error) {
    process.send!({ failed: msg.scan.id, error: String(error) });
  }
});
