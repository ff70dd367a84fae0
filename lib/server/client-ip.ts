import { env } from "@/lib/env";

/**
 * server.ts writes the socket's address into this header (replacing whatever a client sent), so
 * route handlers can rate-limit by address without trusting a forgeable header.
 */
export const CLIENT_IP_HEADER = "x-wagate-client-ip";

export function clientIp(headers: { get(name: string): string | null }): string {
  if (env.TRUST_PROXY) {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
