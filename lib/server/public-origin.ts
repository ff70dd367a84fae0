import { env } from "@/lib/env";

/**
 * The origin a client reached us at (for links we hand out, e.g. the Automation API's qrCodeUrl):
 * the Host header it sent, and behind a trusted proxy its X-Forwarded-Proto/Host.
 */
export function publicOrigin(req: { headers: { get(name: string): string | null }; nextUrl: { protocol: string; host: string } }): string {
  const forwardedHost = env.TRUST_PROXY ? req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : null;
  const forwardedProto = env.TRUST_PROXY ? req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : null;
  const host = forwardedHost || req.headers.get("host") || req.nextUrl.host;
  const proto = forwardedProto || req.nextUrl.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
