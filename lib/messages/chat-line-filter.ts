import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Edits and deletes we sent are queue rows (type OTHER with a payload) but not chat lines, just as
 * WhatsApp's own protocol messages are not stored as lines: listings leave them out.
 */
export const CHAT_LINES: Prisma.MessageWhereInput = { NOT: { type: "OTHER", fromMe: true, payload: { not: Prisma.DbNull } } };
