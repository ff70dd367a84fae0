import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { SESSION_SELECT, toPublicSession } from "@/lib/sessions/public-session";
import type { CreateSessionInput } from "@/lib/sessions/sessions.schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Six lower-case letters and digits, like Ultimate WhatsApp Gateway's "57xx1x" (36^6 ≈ 2·10^9 ids). */
function generateSessionId(): string {
  return Array.from(randomBytes(6), (b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** A new session owned by the caller; it starts DISCONNECTED until it is connected. */
export async function createSession(caller: Caller, input: CreateSessionInput) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const sessionId = input.sessionId ?? generateSessionId();
    try {
      const row = await db().whatsappSession.create({
        data: { sessionId, name: input.name, ownerId: caller.id },
        select: SESSION_SELECT,
      });
      await recordAudit({ actor: caller, ownerId: row.ownerId, action: "session.created", target: { type: "session", id: row.sessionId, name: row.name } });
      return toPublicSession(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Unique per owner: this can only be one of the caller's own sessions, never another tenant's.
      if (input.sessionId) throw new AppError("CONFLICT", `sessionId: you already have a session ${input.sessionId}`);
    }
  }
  throw new Error("could not find a free session id");
}
