import { DisconnectReason } from "@whiskeysockets/baileys";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { close, connect, pairClient, trackFailures, waitUntilReady, type Client } from "./helpers";

describe("faults", () => {
  let emulator: WaEmulator;
  let failures: () => string[];
  const clients: Client[] = [];
  const track = (client: Client) => (clients.push(client), client);

  beforeAll(async () => {
    emulator = await startWaEmulator();
    failures = trackFailures(emulator);
  });
  afterEach(() => expect(failures()).toEqual([]));
  afterAll(async () => {
    close(...clients);
    await emulator.stop();
  });

  async function paired(phone: string) {
    emulator.createAccount({ phone });
    return track(await pairClient(emulator, phone));
  }

  it("drop: the socket vanishes and the client reports connectionClosed, then reconnects", async () => {
    const client = await paired("15550003001");
    expect(emulator.fault("15550003001", "drop")).toBe(1);
    expect(await client.log.waitForClose()).toBe(DisconnectReason.connectionClosed);
    const again = track(connect(emulator, client.auth));
    await waitUntilReady(again);
  });

  it("logout: 401 and the device is gone, so its creds are refused afterwards", async () => {
    const client = await paired("15550003002");
    emulator.fault(client.auth.state.creds.me!.id, "logout");
    expect(await client.log.waitForClose()).toBe(DisconnectReason.loggedOut);
    expect(emulator.getAccount("15550003002")!.devices).toEqual([]);
    const again = track(connect(emulator, client.auth));
    expect(await again.log.waitForClose()).toBe(DisconnectReason.loggedOut);
  });

  it("conflict: 440 connection replaced", async () => {
    const client = await paired("15550003003");
    emulator.fault("15550003003", "conflict");
    expect(await client.log.waitForClose()).toBe(DisconnectReason.connectionReplaced);
  });

  it("a second login of the same device replaces the first (440)", async () => {
    const client = await paired("15550003004");
    const second = track(connect(emulator, client.auth));
    expect(await client.log.waitForClose()).toBe(DisconnectReason.connectionReplaced);
    await waitUntilReady(second);
  });

  it("restart: 515 and the client can log straight back in", async () => {
    const client = await paired("15550003005");
    emulator.fault("15550003005", "restart");
    expect(await client.log.waitForClose()).toBe(DisconnectReason.restartRequired);
    await waitUntilReady(track(connect(emulator, client.auth)));
  });

  it("stall-iq: queries go unanswered until they time out", async () => {
    emulator.createAccount({ phone: "15550003006" });
    const client = track(await pairClient(emulator, "15550003006", { defaultQueryTimeoutMs: 1_000 }));
    emulator.fault("15550003006", "stall-iq");
    // Baileys turns a query timeout into an empty answer rather than an error.
    await expect(client.sock.onWhatsApp("15550003005")).resolves.toBeUndefined();
  });
});
