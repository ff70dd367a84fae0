import { AppShell } from "@/components/shell/app-shell";
import { navSectionsFor } from "@/components/shell/nav-items";
import { ToastProvider } from "@/components/ui/toast";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getRuntime } from "@/lib/server/runtime";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const caller = await requirePageCaller();
  return (
    <ToastProvider>
      <AppShell
        sections={navSectionsFor(caller.role)}
        user={{ name: caller.name, role: caller.role }}
        sandbox={getRuntime().sandbox !== null}
        signOutAction={signOutAction}
      >
        {children}
      </AppShell>
    </ToastProvider>
  );
}
