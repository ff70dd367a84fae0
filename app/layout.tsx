import type { Metadata, Viewport } from "next";
import { PREFERENCES_SCRIPT } from "@/components/shell/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: "Wagate",
  description: "Self-hosted multi-tenant WhatsApp gateway",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { themeColor: "#1d4ed8", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The preferences script sets `class="dark"` / `data-sidebar` before React hydrates, so the
    // attributes on <html> legitimately differ from the server's.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: PREFERENCES_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
