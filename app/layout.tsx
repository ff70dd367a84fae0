import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { ZodJitless } from "@/components/security/zod-jitless";
import { PREFERENCES_SCRIPT } from "@/components/shell/theme-script";
import { resolveLocale } from "@/lib/i18n/messages";
import "./globals.css";

export const metadata: Metadata = {
  title: "Wagate",
  description: "Self-hosted multi-tenant WhatsApp gateway",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { themeColor: "#1d4ed8", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry the nonce of its Content-Security-Policy
  // (proxy.ts), which a page prerendered at build time could not know — the preferences script
  // below included, or the policy would block it.
  const requestHeaders = await headers();
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  // The browser's language; the signed-in shell switches it to the account's choice on load.
  const lang = resolveLocale(null, requestHeaders.get("accept-language"));
  return (
    // The preferences script sets `class="dark"` / `data-sidebar` before React hydrates, so the
    // attributes on <html> legitimately differ from the server's.
    <html lang={lang} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PREFERENCES_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ZodJitless />
        {children}
      </body>
    </html>
  );
}
