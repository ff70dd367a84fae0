// The dashboard's Content-Security-Policy (proxy.ts sends it with every page). Scripts run only with
// this request's nonce — Next.js puts it on its own scripts when it finds it in the request's CSP
// header — and 'strict-dynamic' lets those load the page's chunks; no inline script, no eval (dev
// needs eval for React's debugging), no plugin, no framing, no foreign form target.

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Nonce too: Next.js inlines a few <style> tags and tags them with the nonce.
    `style-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-inline'" : ""}`,
    // QR codes are data: URLs; chat media previews are blob: URLs.
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    // Same-origin fetches and Socket.io's WebSocket ('self' covers ws: and wss: to this host).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every page. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
