"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { NavIcon } from "@/components/shell/nav-icon";
import { isActiveHref, type NavSection } from "@/components/shell/nav-items";
import { SandboxBadge } from "@/components/shell/sandbox-badge";
import { SIDEBAR_KEY } from "@/components/shell/theme-script";
import { LocaleProvider, useT } from "@/components/shell/i18n";
import { ThemeSwitch } from "@/components/shell/theme-switch";
import type { Locale, MessageKey } from "@/lib/i18n/messages";
import { Logo } from "@/components/ui/logo";

const ROLE_KEYS = { SUPERADMIN: "users.role.SUPERADMIN", OWNER: "users.role.OWNER", STAFF: "users.role.STAFF" } as const satisfies Record<string, MessageKey>;

interface AppShellProps {
  sections: NavSection[];
  user: { name: string; role: string };
  /** WA_MODE=sandbox: said on every page, so nobody mistakes the emulated network for WhatsApp. */
  sandbox: boolean;
  signOutAction: () => Promise<void>;
  /** The account's saved time zone and language (null: the browser's), applied to <html>. */
  preferences?: { timeZone: string | null; locale: string | null };
  /** The language the shell is shown in (the account's, else the browser's). */
  locale?: Locale;
  children: React.ReactNode;
}

/**
 * The signed-in frame: a sidebar from the lg breakpoint up (collapsible to icons, remembered per
 * device), a top bar with a menu button below it that opens the same navigation as a drawer. The
 * drawer is a native modal <dialog>: the browser makes the page behind it inert, keeps focus inside
 * and closes it on Escape.
 */
export function AppShell({ locale = "en", ...props }: AppShellProps) {
  return (
    <LocaleProvider locale={locale}>
      <Shell locale={locale} {...props} />
    </LocaleProvider>
  );
}

function Shell({ sections, user, sandbox, signOutAction, preferences, locale, children }: AppShellProps) {
  const t = useT();
  const pathname = usePathname();
  const drawer = useRef<HTMLDialogElement>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  // The preferences script has already applied the saved state to <html>; mirror it for aria-expanded.
  useEffect(() => setCollapsed(document.documentElement.dataset.sidebar === "collapsed"), []);
  // Dates and numbers (LocalTime, Intl) read the language and zone from <html>.
  useEffect(() => {
    const html = document.documentElement;
    if (locale) html.lang = locale;
    if (preferences?.timeZone) html.dataset.timeZone = preferences.timeZone;
    else delete html.dataset.timeZone;
  }, [locale, preferences?.timeZone]);
  // Following a link closes the drawer.
  useEffect(() => setDrawerOpen(false), [pathname]);
  useEffect(() => {
    const dialog = drawer.current;
    if (!dialog) return;
    if (drawerOpen && !dialog.open) dialog.showModal();
    if (!drawerOpen && dialog.open) dialog.close();
  }, [drawerOpen]);

  function toggleCollapsed() {
    const next = !collapsed;
    setCollapsed(next);
    if (next) document.documentElement.dataset.sidebar = "collapsed";
    else delete document.documentElement.dataset.sidebar;
    try {
      if (next) localStorage.setItem(SIDEBAR_KEY, "collapsed");
      else localStorage.removeItem(SIDEBAR_KEY);
    } catch {
      // Storage refused: the choice lasts for this page only.
    }
  }

  return (
    <div className="min-h-screen lg:flex" data-testid="app-shell">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-blue-600 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("shell.skip")}
      </a>

      <aside
        aria-label="Sidebar"
        className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r border-slate-200 bg-surface transition-[width] lg:flex lg:collapsed:w-16"
        data-testid="sidebar"
      >
        <div className="flex h-14 items-center gap-2 border-b border-slate-200 px-3">
          <Link
            href="/overview"
            className="min-w-0 shrink rounded-md focus-visible:outline-2 focus-visible:outline-blue-600 collapsed:hidden"
            aria-label="Wagate home"
          >
            <Logo tone="dark" />
          </Link>
          <button
            type="button"
            onClick={toggleCollapsed}
            aria-expanded={!collapsed}
            aria-controls="sidebar-nav"
            aria-label={collapsed ? t("shell.expand") : t("shell.collapse")}
            title={collapsed ? t("shell.expand") : t("shell.collapse")}
            className="ml-auto inline-flex size-9 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 collapsed:mx-auto"
            data-testid="collapse-sidebar"
          >
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" className="size-5" aria-hidden>
              <path d="M4 5h16v14H4zM9 5v14" />
              <path d={collapsed ? "m13 10 2 2-2 2" : "m16 10-2 2 2 2"} />
            </svg>
          </button>
        </div>
        {sandbox && (
          <div className="px-3 pt-3 collapsed:hidden">
            <SandboxBadge />
          </div>
        )}
        <SidebarNav id="sidebar-nav" sections={sections} pathname={pathname} />
        <AccountPanel user={user} signOutAction={signOutAction} />
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-surface px-4 lg:hidden" data-testid="phone-bar">
          <button
            type="button"
            className="-ml-2 inline-flex size-10 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
            aria-expanded={drawerOpen}
            aria-controls="nav-drawer"
            aria-label={t("shell.openMenu")}
            onClick={() => setDrawerOpen(true)}
            data-testid="menu-button"
          >
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className="size-6" aria-hidden>
              <path d="M4 7h16M4 12h16M4 17h16" />
            </svg>
          </button>
          <Link href="/overview" className="rounded-md focus-visible:outline-2 focus-visible:outline-blue-600" aria-label="Wagate home">
            <Logo tone="dark" />
          </Link>
          {sandbox && (
            <div className="ml-auto">
              <SandboxBadge />
            </div>
          )}
        </header>

        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-8 lg:px-8">
          {children}
        </main>
      </div>

      <dialog
        ref={drawer}
        id="nav-drawer"
        aria-label={t("shell.menu")}
        onClose={() => setDrawerOpen(false)}
        onClick={(event) => {
          // A click on the backdrop lands on the <dialog> element itself.
          if (event.target === drawer.current) setDrawerOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-surface p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/50 lg:hidden"
        data-testid="nav-drawer"
      >
        {drawerOpen && (
          <div className="flex h-full flex-col">
            <div className="flex h-14 items-center justify-between border-b border-slate-200 px-3">
              <Logo tone="dark" />
              <button
                type="button"
                onClick={() => setDrawerOpen(false)}
                aria-label={t("shell.closeMenu")}
                className="inline-flex size-10 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
                data-testid="close-menu"
              >
                <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className="size-6" aria-hidden>
                  <path d="M6 6l12 12M18 6 6 18" />
                </svg>
              </button>
            </div>
            <SidebarNav sections={sections} pathname={pathname} inDrawer />
            <AccountPanel user={user} signOutAction={signOutAction} inDrawer />
          </div>
        )}
      </dialog>
    </div>
  );
}

function SidebarNav({ id, sections, pathname, inDrawer = false }: { id?: string; sections: NavSection[]; pathname: string; inDrawer?: boolean }) {
  // In the drawer the labels always show; in the sidebar they shrink to icons when collapsed
  // (the label stays as the link's accessible name, and as a tooltip).
  const hideWhenCollapsed = inDrawer ? "" : "collapsed:sr-only";
  return (
    <nav id={id} aria-label="Main" className="flex-1 overflow-y-auto px-2 py-3">
      {sections.map((section) => (
        <div key={section.label} className="mb-4 last:mb-0">
          <h2 className={`px-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase ${hideWhenCollapsed}`}>{section.label}</h2>
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const active = !item.external && isActiveHref(pathname, item.href);
              const className =
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-700" +
                (inDrawer ? "" : " collapsed:justify-center collapsed:px-0");
              const body = (
                <>
                  <NavIcon name={item.icon} className="size-5 shrink-0" />
                  <span className={hideWhenCollapsed}>{item.label}</span>
                </>
              );
              return (
                <li key={item.href}>
                  {item.external ? (
                    // The API reference is a page of its own, outside the shell: a plain link.
                    <a href={item.href} className={className} title={item.label}>
                      {body}
                    </a>
                  ) : (
                    <Link href={item.href} aria-current={active ? "page" : undefined} className={className} title={item.label}>
                      {body}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function AccountPanel({ user, signOutAction, inDrawer = false }: { user: AppShellProps["user"]; signOutAction: () => Promise<void>; inDrawer?: boolean }) {
  const t = useT();
  const hide = inDrawer ? "" : "collapsed:hidden";
  return (
    <div className="border-t border-slate-200 p-3" data-testid="account-menu">
      <Link
        href="/account"
        className={`flex min-w-0 items-center gap-2 rounded-md p-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 ${inDrawer ? "" : "collapsed:justify-center"}`}
        data-testid="current-user"
        title={t("shell.account")}
      >
        <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-blue-600 text-sm font-semibold text-white">
          {user.name.trim().charAt(0).toUpperCase() || "?"}
        </span>
        <span className={`min-w-0 leading-tight ${inDrawer ? "" : "collapsed:sr-only"}`}>
          <span className="block truncate text-sm font-medium text-slate-900">{user.name}</span>
          <span className="block text-xs text-slate-500">{user.role in ROLE_KEYS ? t(ROLE_KEYS[user.role as keyof typeof ROLE_KEYS]) : user.role}</span>
        </span>
      </Link>
      <div className={`mt-2 flex flex-wrap items-center justify-between gap-2 ${hide}`}>
        <ThemeSwitch />
        <form action={signOutAction}>
          <button
            type="submit"
            className="rounded-md px-3 whitespace-nowrap py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            {t("shell.signOut")}
          </button>
        </form>
      </div>
    </div>
  );
}
