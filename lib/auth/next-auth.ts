import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { AppError } from "@/lib/errors/app-error";
import { newSessionCookieId, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, useSecureCookies } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/server/client-ip";
import { authenticateCredentials } from "@/lib/users/authenticate-credentials";
import { logoutSessionToken } from "@/lib/users/logout";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

// Lazy configuration: `next build` loads this module without the runtime's secrets.
export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // The same cookie the JSON login sets (lib/auth/session-cookie.ts), so both sign-ins are one.
  cookies: {
    sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure: useSecureCookies() } },
  },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const identifier = typeof credentials.identifier === "string" ? credentials.identifier : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        if (!identifier || !password) return null;
        try {
          const user = await authenticateCredentials(identifier, password, clientIp(request.headers));
          return { id: user.id, name: user.name, email: user.email, role: user.role, ver: user.sessionVersion };
        } catch (error) {
          if (error instanceof AppError && error.code === "RATE_LIMITED") throw new RateLimited();
          if (error instanceof AppError) return null;
          throw error;
        }
      },
    }),
  ],
  // Signing out ends the cookie server-side too (session version), like POST /api/auth/logout.
  events: {
    async signOut(message) {
      await logoutSessionToken("token" in message ? message.token : null);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        // The session version (lib/auth/session-cookie.ts): the same cookie rule as the JSON login.
        token.ver = (user as { ver?: number }).ver ?? 0;
        token.sid = newSessionCookieId();
      }
      return token;
    },
  },
}));
