import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { getLiveState } from "@/lib/sessions/get-live-state";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { qrDataUrl, qrPng } from "@/lib/sessions/qr-data-url";

export async function getSessionQr(caller: Caller, idOrSessionId: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const live = await getLiveState(session);
  return { qr: await qrDataUrl(live.qr), status: live.status };
}

export async function getSessionQrImage(caller: Caller, idOrSessionId: string): Promise<Buffer> {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const { qr, status } = await getLiveState(session);
  if (!qr) throw new AppError("NOT_FOUND", `No QR code: the session is ${status}; connect it first`);
  return qrPng(qr);
}
