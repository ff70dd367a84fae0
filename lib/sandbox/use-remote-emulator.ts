// Sandbox with the emulator in another process (SANDBOX_EMULATOR_URL): several gateway nodes of a
// test or benchmark must talk to ONE emulated network, as real nodes talk to one WhatsApp. Only the
// sessions' connections are wired; the sandbox pages and API (contacts, scanning) need the emulator
// in-process and answer as outside sandbox mode.
import { WA_CERT_DETAILS, type SocketConfig } from "@whiskeysockets/baileys";

export interface RemoteEmulator {
  socketOptions(): Partial<SocketConfig>;
}

/** `root` is "<public key, base64>:<serial>" of the emulator's Noise root (what it prints at start). */
export function useRemoteEmulator(wsUrl: string, root: string): RemoteEmulator {
  const [publicKey, serial] = root.split(":");
  // Only in a process started in sandbox mode: Baileys trusts the emulator's Noise root.
  const certDetails = WA_CERT_DETAILS as { PUBLIC_KEY: Uint8Array; SERIAL: number };
  certDetails.PUBLIC_KEY = Buffer.from(publicKey, "base64");
  certDetails.SERIAL = Number(serial);
  return { socketOptions: () => ({ waWebSocketUrl: wsUrl }) };
}
