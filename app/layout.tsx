import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { ZodJitless } from "@/components/security/zod-jitless";
import "./globals.css";

export const metadata: Metadata = {
  title: "Wagate",
  description: "Self-hosted multi-tenant WhatsApp gateway",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { themeColor: "#1d4ed8", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry the nonce of its Content-Security-Policy
  // (proxy.ts), which a page prerendered at build time could not know.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ZodJitless />
        {children}
      </body>
    </html>
  );
}
