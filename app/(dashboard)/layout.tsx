import { navItemsFor } from "@/components/shell/nav-items";
import { TopBar } from "@/components/shell/top-bar";
import { ToastProvider } from "@/components/ui/toast";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getRuntime } from "@/lib/server/runtime";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const caller = await requirePageCaller();
  return (
    <ToastProvider>
      <div className="flex min-h-screen flex-col">
        <TopBar
          nav={navItemsFor(caller.role)}
          user={{ name: caller.name, role: caller.role }}
          sandbox={getRuntime().sandbox !== null}
          signOutAction={signOutAction}
        />
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8 lg:px-8">{children}</main>
      </div>
    </ToastProvider>
  );
}
