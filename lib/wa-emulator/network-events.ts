// What every part of the emulated network shares: the event channel tests and the sandbox listen
// on, the error report, and the clock and message ids stanzas carry.
import type { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import type { CompanionConnection } from "./companion-connection";

/** The network's event emitter, as the parts see it: they announce, only the emulator listens. */
export type NetworkEvents = Pick<EventEmitter, "emit">;

export interface ErrorContext {
  connection?: CompanionConnection;
  phone?: string;
  from?: string;
  messageId?: string;
}

/** Something the network could not do: a phone failed to decrypt, a frame failed to parse. */
export type ReportError = (error: unknown, context?: ErrorContext) => void;

export const now = () => Math.floor(Date.now() / 1000);
export const newMessageId = () => `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;
