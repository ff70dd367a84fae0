// Whether a browser request comes from the gateway's own pages. Shared by withAuth (cookie-
// authenticated writes) and Socket.io (cookie-authenticated handshakes): the cookie is sent by the
// browser whoever the page is, so a request the cookie authenticates must prove where it came from.
import { env } from "@/lib/env";

type HeaderSource = { get(name: string): string | null };

/** The host the client addressed: the Host header, or the proxy's X-Forwarded-Host when trusted. */
function requestHost(headers: HeaderSource): string | null {
  const forwarded = env.TRUST_PROXY ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : null;
  return (forwarded || headers.get("host"))?.toLowerCase() ?? null;
}

function originOf(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `Origin` names this gateway (its Host, or AUTH_URL's origin), or, without `Origin`,
 * when `Sec-Fetch-Site` says same-origin or none (typed into the address bar). A request with
 * neither header is not from a browser (browsers send `Origin` with every non-GET request and on
 * every WebSocket handshake): curl with a cookie jar is allowed.
 */
export function isSameOriginRequest(headers: HeaderSource): boolean {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return false; // sandboxed iframes, data: URLs, some redirects
    const parsed = originOf(origin);
    if (!parsed) return false;
    if (env.AUTH_URL && originOf(env.AUTH_URL)?.origin === parsed.origin) return true;
    return parsed.host.toLowerCase() === requestHost(headers);
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none";
  return true;
}

/** Whether the request says it comes from a browser at all (multipart uploads need it: forms can post them). */
export function hasBrowserOriginHeaders(headers: HeaderSource): boolean {
  return headers.get("origin") !== null || headers.get("sec-fetch-site") !== null;
}
