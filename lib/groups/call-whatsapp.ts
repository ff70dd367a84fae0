import "server-only";
// A group operation is a request to WhatsApp; WhatsApp's refusal must reach the caller as what it
// is (not an admin: 403; no such group or invite: 404/400; rate-overlimit: 429), never as a 500.
import { AppError } from "@/lib/errors/app-error";

interface WhatsappError {
  message?: string;
  data?: unknown;
  output?: { statusCode?: number };
}

/** WhatsApp's error code from a failed iq (Baileys puts it in Boom's `data`). */
function whatsappCode(error: WhatsappError): number | undefined {
  if (typeof error.data === "number") return error.data;
  const status = error.output?.statusCode;
  return status && status !== 500 ? status : undefined;
}

export async function callWhatsApp<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = (error ?? {}) as WhatsappError;
    const code = whatsappCode(e);
    const text = e.message && e.message !== "Unknown error" ? ` (${e.message})` : "";
    switch (code) {
      case 401:
      case 403:
        throw new AppError("FORBIDDEN", `WhatsApp refused to ${what}: only group admins may do this, or the session is not a member${text}`);
      case 404:
        throw new AppError("NOT_FOUND", `WhatsApp refused to ${what}: group or participant not found${text}`);
      case 406:
      case 400:
        throw new AppError("BAD_REQUEST", `WhatsApp refused to ${what}: the request was not accepted${text}`);
      case 409:
        throw new AppError("CONFLICT", `WhatsApp refused to ${what}: already done${text}`);
      case 410:
        throw new AppError("NOT_FOUND", `WhatsApp refused to ${what}: the invite code was revoked${text}`);
      case 429:
        throw new AppError("RATE_LIMITED", `WhatsApp refused to ${what}: rate limit reached, try again later`);
      default:
        throw new AppError("UNAVAILABLE", `WhatsApp could not ${what}${code ? ` (code ${code})` : ""}${text}`);
    }
  }
}
