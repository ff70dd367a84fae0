"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { NavItem } from "@/components/shell/nav-items";
import { ROLE_LABELS } from "@/components/shell/role-labels";
import { Logo } from "@/components/ui/logo";

interface TopBarProps {
  nav: NavItem[];
  user: { name: string; role: string };
  /** WA_MODE=sandbox: said on every page, so nobody mistakes the emulated network for WhatsApp. */
  sandbox: boolean;
  signOutAction: () => Promise<void>;
}

function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The signed-in header: links inline from the md breakpoint up, behind a menu button below it. */
export function TopBar({ nav, user, sandbox, signOutAction }: TopBarProps) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  // Following a link closes the phone menu.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <header className="sticky top-0 z-30 bg-blue-700 text-white shadow-sm" data-testid="top-bar">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6 sm:px-6 lg:px-8">
        <Link href="/sessions" className="shrink-0 rounded-md focus-visible:outline-2 focus-visible:outline-white" aria-label="Wagate home">
          <Logo tone="light" />
        </Link>
        {sandbox && <SandboxBadge />}

        <nav aria-label="Main" className="hidden flex-1 items-center gap-1 md:flex">
          {nav.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={isActive(pathname, item.href) ? "page" : undefined}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-blue-100 transition-colors hover:bg-white/10 hover:text-white aria-[current=page]:bg-white/15 aria-[current=page]:text-white"
            >
              {item.label}
            </Link>
          ))}
        </nav>

        <div className="ml-auto hidden items-center gap-3 md:flex">
          <UserChip user={user} />
          <form action={signOutAction}>
            <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-blue-100 ring-1 ring-white/30 hover:bg-white/10 hover:text-white">
              Sign out
            </button>
          </form>
        </div>

        <button
          type="button"
          className="ml-auto inline-flex size-10 items-center justify-center rounded-md text-blue-100 hover:bg-white/10 hover:text-white md:hidden"
          aria-expanded={menuOpen}
          aria-controls="mobile-menu"
          aria-label={menuOpen ? "Close menu" : "Open menu"}
          onClick={() => setMenuOpen((open) => !open)}
          data-testid="menu-button"
        >
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className="size-6" aria-hidden>
            {menuOpen ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
        </button>
      </div>

      {menuOpen && (
        <div id="mobile-menu" className="border-t border-white/10 bg-blue-700 px-4 pt-2 pb-4 md:hidden">
          <nav aria-label="Main" className="flex flex-col gap-1">
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={isActive(pathname, item.href) ? "page" : undefined}
                className="rounded-md px-3 py-2 text-base font-medium text-blue-100 hover:bg-white/10 hover:text-white aria-[current=page]:bg-white/15 aria-[current=page]:text-white"
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="mt-3 flex items-center justify-between gap-3 border-t border-white/10 pt-3">
            <UserChip user={user} />
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-white ring-1 ring-white/30 hover:bg-white/10">
                Sign out
              </button>
            </form>
          </div>
        </div>
      )}
    </header>
  );
}

function UserChip({ user }: { user: TopBarProps["user"] }) {
  return (
    <div className="flex min-w-0 items-center gap-2" data-testid="current-user">
      <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-white/15 text-sm font-semibold">
        {user.name.trim().charAt(0).toUpperCase() || "?"}
      </span>
      <span className="min-w-0 leading-tight">
        <span className="block truncate text-sm font-medium text-white">{user.name}</span>
        <span className="block text-xs text-blue-200">{ROLE_LABELS[user.role] ?? user.role}</span>
      </span>
    </div>
  );
}

function SandboxBadge() {
  return (
    <div className="group relative shrink-0">
      <button
        type="button"
        aria-describedby="sandbox-explanation"
        className="inline-flex items-center gap-1.5 rounded-full bg-amber-300 px-2.5 py-1 text-xs font-semibold tracking-wide text-amber-950 uppercase ring-1 ring-amber-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        data-testid="sandbox-badge"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="size-3.5">
          <path d="M7.5 2a.75.75 0 0 0 0 1.5h.25v4.07L3.6 14.5A2.25 2.25 0 0 0 5.53 18h8.94a2.25 2.25 0 0 0 1.93-3.5l-4.15-6.93V3.5h.25a.75.75 0 0 0 0-1.5h-5Zm1.75 1.5h1.5v4.28c0 .14.04.27.1.39L12.2 11H7.8l1.35-2.83a.75.75 0 0 0 .1-.39V3.5Z" />
        </svg>
        Sandbox
      </button>
      <div
        id="sandbox-explanation"
        role="tooltip"
        className="invisible absolute top-full left-1/2 z-40 mt-2 w-72 -translate-x-1/2 rounded-lg bg-slate-900 px-3 py-2.5 text-xs leading-relaxed font-normal text-slate-100 opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100"
      >
        <span className="block font-semibold text-white">Sandbox mode</span>
        Sessions connect to an emulated WhatsApp network inside this gateway, not to WhatsApp. No real phone or
        contact is involved: the sandbox phone scans QR codes and the sandbox contacts send test messages.
      </div>
    </div>
  );
}
