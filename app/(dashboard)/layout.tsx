import { headers } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { LocaleProvider } from "@/components/shell/i18n";
import { navSectionsFor } from "@/components/shell/nav-items";
import { ToastProvider } from "@/components/ui/toast";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { resolveLocale } from "@/lib/i18n/messages";
import { db, getRuntime } from "@/lib/server/runtime";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const caller = await requirePageCaller();
  const preferences = await db().user.findUnique({ where: { id: caller.id }, select: { timeZone: true, locale: true } });
  const locale = resolveLocale(preferences?.locale, (await headers()).get("accept-language"));
  // The toasts sit outside the shell (they outlive page changes) but speak its language.
  return (
    <LocaleProvider locale={locale}>
      <ToastProvider>
        <AppShell
          sections={navSectionsFor(caller.role, locale)}
          locale={locale}
          user={{ name: caller.name, role: caller.role }}
          sandbox={getRuntime().sandbox !== null}
          signOutAction={signOutAction}
          preferences={{ timeZone: preferences?.timeZone ?? null, locale: preferences?.locale ?? null }}
        >
          {children}
        </AppShell>
      </ToastProvider>
    </LocaleProvider>
  );
}
