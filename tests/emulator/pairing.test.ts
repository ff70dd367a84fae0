import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { close, connect, memoryAuth, trackFailures, waitUntilReady, type Client } from "./helpers";

const CODE_PHONE = "15550001112";

describe("pairing and login", () => {
  let emulator: WaEmulator;
  let failures: () => string[];
  const clients: Client[] = [];

  beforeAll(async () => {
    emulator = await startWaEmulator();
    failures = trackFailures(emulator);
    emulator.createAccount({ phone: "15550001111", name: "Gateway Owner" });
    emulator.createAccount({ phone: CODE_PHONE, name: "Code Owner" });
  });
  afterEach(() => expect(failures()).toEqual([]));
  afterAll(async () => {
    close(...clients);
    await emulator.stop();
  });

  it("pairs by QR, restarts with 515 and logs in with the stored creds", async () => {
    const auth = memoryAuth();
    const first = connect(emulator, auth);
    clients.push(first);
    const { qr } = await first.log.waitFor("connection.update", (u) => !!u.qr);
    expect(qr).toMatch(/^https:\/\/wa\.me\/settings\/linked_devices#/);

    const paired = await emulator.scanQr(qr!, { phone: "15550001111" });
    expect(await first.log.waitForClose()).toBe(515);
    expect(auth.state.creds.me?.id).toBe(paired.jid);
    expect(auth.state.creds.me?.lid).toBe(paired.lid);
    await first.log.waitFor("connection.update", (u) => u.isNewLogin === true);

    const second = connect(emulator, auth);
    clients.push(second);
    await waitUntilReady(second);
    expect(emulator.getAccount("15550001111")!.devices).toEqual([{ id: paired.deviceId, jid: paired.jid, online: true }]);

    // A reconnect with the same creds opens without waiting for history again.
    second.sock.end(undefined);
    await second.log.waitForClose();
    const third = connect(emulator, auth);
    clients.push(third);
    await third.log.waitFor("connection.update", (u) => u.connection === "open");
  });

  it("pairs by code: the owner types the code the companion shows into the phone", async () => {
    const auth = memoryAuth();
    const first = connect(emulator, auth);
    clients.push(first);
    // The socket is connected and unpaired once it shows a QR; a code can be asked for instead.
    await first.log.waitFor("connection.update", (u) => !!u.qr);
    const requested = emulator.waitFor("pairing-code-requested", (e) => e.phone === CODE_PHONE);
    const code = await first.sock.requestPairingCode(CODE_PHONE);
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await requested;

    const paired = emulator.waitFor("paired", (e) => e.phone === CODE_PHONE);
    emulator.enterPairingCode(`+${CODE_PHONE}`, `${code.slice(0, 4)}-${code.slice(4)}`);
    expect(await first.log.waitForClose()).toBe(515);
    const { jid } = await paired;
    expect(auth.state.creds.me?.id).toBe(jid);
    expect(auth.state.creds.registered).toBe(true);

    const second = connect(emulator, auth);
    clients.push(second);
    await waitUntilReady(second);
    expect(second.log.events.some((e) => e.name === "connection.update" && e.data.qr)).toBe(false);
    expect(emulator.getAccount(CODE_PHONE)!.devices).toEqual([{ id: 1, jid, online: true }]);
  });

  it("rejects credentials the network does not know with 401", async () => {
    const stranger = memoryAuth();
    stranger.state.creds.me = { id: "15559999999:3@s.whatsapp.net", name: "nobody" };
    const client = connect(emulator, stranger);
    clients.push(client);
    expect(await client.log.waitForClose()).toBe(401);
  });
});
