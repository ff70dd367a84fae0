// Sandbox mode (WA_MODE=sandbox): the gateway's sessions talk to an in-process emulated WhatsApp
// network instead of WhatsApp, so everything can be tried without a phone. The emulator's state is
// kept in DATA_DIR, so sessions paired in the sandbox survive restarts like real ones.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WA_CERT_DETAILS } from "@whiskeysockets/baileys";
import type { SocketConfig } from "@whiskeysockets/baileys";
import { SANDBOX_CONTACTS } from "@/lib/sandbox/sandbox-contacts";
import { startWaEmulator, type EmulatorState, type WaEmulator } from "@/lib/wa-emulator/emulator";

export interface Sandbox {
  emulator: WaEmulator;
  socketOptions(): Partial<SocketConfig>;
  save(): void;
  stop(): Promise<void>;
}

export async function startSandbox(dataDir: string, port: number): Promise<Sandbox> {
  const file = path.resolve(dataDir, "sandbox", "emulator-state.json");
  const state: EmulatorState | undefined = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
  const emulator = await startWaEmulator({ port, state });
  // Only in this process, started in sandbox mode: Baileys trusts the emulator's Noise root.
  emulator.trustInBaileys(WA_CERT_DETAILS);
  for (const contact of SANDBOX_CONTACTS) {
    if (!emulator.getAccount(contact.phone)) {
      emulator.createAccount({ phone: contact.phone, name: contact.name });
      emulator.setBehaviour(contact.phone, { echo: contact.echo, deliveryReceipts: true, readReceipts: true });
    }
  }
  const save = () => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(emulator.saveState()));
    renameSync(`${file}.tmp`, file);
  };
  // Pairings must survive a restart, so they are saved at once. The emulated phones' Signal state
  // moves with every message, so message traffic is saved too, at most every second: a crash loses
  // at most that second, not every conversation since the last pairing.
  emulator.on("paired", () => save());
  emulator.on("registration", () => save());
  let pending: NodeJS.Timeout | null = null;
  const saveSoon = () => {
    pending ??= setTimeout(() => {
      pending = null;
      save();
    }, 1000);
    pending.unref();
  };
  emulator.on("message", saveSoon);
  emulator.on("receipt", saveSoon);
  return {
    emulator,
    socketOptions: () => ({ waWebSocketUrl: emulator.wsUrl, fetchAgent: emulator.fetchAgent }),
    save,
    async stop() {
      if (pending) clearTimeout(pending);
      save();
      await emulator.stop();
    },
  };
}
