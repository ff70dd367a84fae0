import pino from "pino";
import { describe, expect, it } from "vitest";
import { silenceLibsignalConsole } from "@/lib/whatsapp/silence-libsignal-console";

// Shaped like libsignal's own class (src/session_record.js): what its console lines print.
class SessionEntry {
  currentRatchet = {
    ephemeralKeyPair: { pubKey: Buffer.from("public-key-bytes"), privKey: Buffer.from("PRIVATE-KEY-BYTES") },
    rootKey: Buffer.from("ROOT-KEY"),
  };
  indexInfo = { baseKey: Buffer.from("base") };
}

function setup() {
  const written: string[] = [];
  const sink = { log: (...a: unknown[]) => written.push(a.map(String).join(" ")) } as Record<string, (...a: unknown[]) => void>;
  const target = { log: sink.log, info: sink.log, warn: sink.log, error: sink.log, debug: sink.log, trace: sink.log } as unknown as Console;
  const logged: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => logged.push(line) });
  silenceLibsignalConsole(logger, target);
  return { target, written, logged };
}

describe("silenceLibsignalConsole", () => {
  it("holds back libsignal's session lines at every console method and logs only their words", () => {
    const { target, written, logged } = setup();
    target.info("Closing session:", new SessionEntry());
    target.info("Opening session:", new SessionEntry());
    target.warn("Session already closed", new SessionEntry());
    target.info("Removing old closed session:", new SessionEntry());
    target.log(new SessionEntry());
    target.error("Session error:Error: Bad MAC", "stack");
    expect(written).toEqual([]);
    const all = logged.join("\n");
    expect(all).toContain("Closing session");
    expect(all).not.toMatch(/PRIVATE-KEY|ROOT-KEY|privKey|SessionEntry/);
  });

  it("lets every other console call through untouched", () => {
    const { target, written } = setup();
    target.info("server listening", { port: 1 });
    target.error("something else failed");
    expect(written).toEqual(["server listening [object Object]", "something else failed"]);
  });
});
