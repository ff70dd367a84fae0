// Next.js proxy (the former middleware): gives every page its Content-Security-Policy with a fresh
// script nonce. API answers, static files and Socket.io get their headers in server.ts
// (lib/server/harden-http.ts); the other security headers are set there for every answer.
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/server/content-security-policy";

/**
 * Clevio documents its login at POST /login with a JSON body, where our dashboard's sign-in page
 * lives. Browsers post that page's form as a server action (a Next-Action header, form or text
 * body), never as JSON, so a JSON POST without Next-Action is a Clevio client: it is answered by
 * POST /api/login (Clevio's door) and the page keeps working.
 */
function isClevioJsonLogin(request: NextRequest): boolean {
  if (request.method !== "POST" || request.nextUrl.pathname !== "/login" || request.headers.has("next-action")) return false;
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json";
}

export function proxy(request: NextRequest) {
  if (isClevioJsonLogin(request)) return NextResponse.rewrite(new URL("/api/login", request.url));
  const nonce = newNonce();
  // Next.js is inlined with its build mode: no env read needed (and none allowed outside lib/env).
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|api$|_next/static|_next/image|socket\\.io).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
