// libsignal (Baileys' Signal implementation, and the sandbox's emulated phones) writes to the global
// console, and some of its lines print a whole SessionEntry — ratchet private keys, root and chain
// keys: `Closing session: SessionEntry {… privKey …}`. None of that may reach stdout or stderr at any
// log level. A CommonJS module's `console` is the process's one, so its calls cannot be redirected
// per module: the console is wrapped once, before the first session is created. A call that is one
// of libsignal's messages, or carries a libsignal session object, goes to the logger at debug level
// as its words only (never the objects); every other call passes through untouched.
import type { Logger } from "pino";

/** The messages libsignal 6 writes (src/session_record.js, session_builder.js, session_cipher.js, …). */
const LIBSIGNAL_MESSAGE =
  /^(Closing session|Opening session|Removing old closed session|Session already closed|Session already open|Migrating session to|Closing open session in favor|Decrypted message with closed session|Failed to decrypt message with any known session|Session error:|Unhandled bucket type|V1 session storage migration error|WARNING: Expected pubkey)/;

const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/** A libsignal session (or record) object, whatever message it comes with. */
function isSignalSession(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const name = (value as object).constructor?.name;
  if (name === "SessionEntry" || name === "SessionRecord") return true;
  return "currentRatchet" in value || "indexInfo" in value || ("privKey" in value && "pubKey" in value);
}

const holder = globalThis as unknown as { __wagateLibsignalConsole?: boolean };

/**
 * Installs the filter on `target` (the process console by default) once per process. `logger`
 * receives the words of what was held back, at debug level, tagged `module: "libsignal"`.
 */
export function silenceLibsignalConsole(logger: Logger, target: Console = console): void {
  if (target === console) {
    if (holder.__wagateLibsignalConsole) return;
    holder.__wagateLibsignalConsole = true;
  }
  const log = logger.child({ module: "libsignal" });
  for (const method of METHODS) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => {
      const first = args[0];
      const fromLibsignal = (typeof first === "string" && LIBSIGNAL_MESSAGE.test(first)) || args.some(isSignalSession);
      if (!fromLibsignal) return original(...args);
      // Only the leading words: "Session error:" + e carries the error text but never key bytes;
      // everything after a colon of a session line would be the object.
      const words = typeof first === "string" ? first.split(/[:\n]/)[0].slice(0, 200) : "libsignal session object";
      log.debug(words);
    };
  }
}
