// The emulator in its own process for benchmarks, so that its memory is not counted as the
// gateway's. Speaks over the fork IPC channel: { scan: { qr, phone } } → { scanned } .
import { startWaEmulator } from "../../lib/wa-emulator/emulator";

const emulator = await startWaEmulator();
const trust: { PUBLIC_KEY?: Uint8Array; SERIAL?: number } = {};
emulator.trustInBaileys(trust as never);
process.send!({ ready: { wsUrl: emulator.wsUrl, publicKey: Buffer.from(trust.PUBLIC_KEY!).toString("base64"), serial: trust.SERIAL } });
process.on("message", async (msg: { scan?: { qr: string; phone: string; id: number } }) => {
  if (!msg.scan) return;
  try {
    if (!emulator.getAccount(msg.scan.phone)) emulator.createAccount({ phone: msg.scan.phone });
    await emulator.scanQr(msg.scan.qr, { phone: msg.scan.phone });
    process.send!({ scanned: msg.scan.id });
  } catch (error) {
    process.send!({ failed: msg.scan.id, error: String(error) });
  }
});
