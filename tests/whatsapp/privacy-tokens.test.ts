// After a 1:1 send Baileys issues the session's privacy (trusted-contact) token to the contact, once
// per time bucket, and stores when it did (Signal-key category "tctoken"). It does so without
// waiting, inside the send's key-store transaction, so the stored time used to be lost with that
// already committed transaction and every send issued the token again: one extra IQ to WhatsApp per
// message (lib/whatsapp/shared-transaction-storage.ts). Real Baileys, the emulator, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, waitUntil, type Harness } from "../support/whatsapp-harness";

let h: Harness;
const CONTACT = "15552230000";
const OWN_PHONE = "15552230001";
const issued: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  h.emulator.createAccount({ phone: CONTACT, name: "Tina Token" });
  h.emulator.on("privacy-token", (e: { phone: string }) => issued.push(e.phone));
});
afterAll(async () => {
  await h?.close();
});

const tcTokenRows = async (sessionId: string) => h.database.db.waAuthEntry.count({ where: { sessionId, category: "tctoken", key: { not: "__index" } } });

describe("privacy tokens", () => {
  it("a session issues its token to a contact once, not on every send, and still once after a restart", async () => {
    const row = await h.createSession("tokens");
    await h.pair(row, OWN_PHONE);
    const send = async (text: string) => {
      const sock = h.manager.get(row.id)!.socket!;
      const sent = await sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text });
      await waitUntil(
        () => h.emulator.received(CONTACT).some((m) => m.id === sent!.key.id),
        15_000,
        () => `the contact to receive "${text}"`,
      );
    };

    await send("first");
    await waitUntil(
      async () => issued.length === 1 && (await tcTokenRows(row.id)) > 0,
      15_000,
      () => `the first token issued and its time stored (issued ${issued.length})`,
    );
    for (let i = 0; i < 4; i++) await send(`more ${i}`);
    // The last send's issuance, had there been one, is fire-and-forget: give it time to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(issued).toEqual([OWN_PHONE]);

    // The time of issue is in PostgreSQL, so a restarted session does not issue again either.
    await h.manager.shutdown();
    h.manager = h.newManager();
    await h.manager.restoreAll();
    await h.waitForStatus(row, "CONNECTED");
    await send("after restart");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(issued).toEqual([OWN_PHONE]);
  });
});
