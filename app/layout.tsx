import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { ZodJitless } from "@/components/security/zod-jitless";
import { PREFERENCES_SCRIPT } from "@/components/shell/theme-script";
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
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The preferences script sets `class="dark"` / `data-sidebar` before React hydrates, so the
    // attributes on <html> legitimately differ from the server's.
    <html lang="en" suppressHydrationWarning>
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
