"use client";

import { useId } from "react";

/** Sandbox mode, said on every page; the explanation shows on hover and on keyboard focus. */
export function SandboxBadge() {
  // The shell shows it twice (sidebar and phone bar, one hidden by CSS): ids must stay unique.
  const explanationId = useId();
  return (
    <div className="group relative shrink-0">
      <button
        type="button"
        aria-describedby={explanationId}
        className="inline-flex items-center gap-1.5 rounded-full bg-amber-300 px-2.5 py-1 text-xs font-semibold tracking-wide text-amber-950 uppercase ring-1 ring-amber-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-amber-400 dark:text-black"
        data-testid="sandbox-badge"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="size-3.5">
          <path d="M7.5 2a.75.75 0 0 0 0 1.5h.25v4.07L3.6 14.5A2.25 2.25 0 0 0 5.53 18h8.94a2.25 2.25 0 0 0 1.93-3.5l-4.15-6.93V3.5h.25a.75.75 0 0 0 0-1.5h-5Zm1.75 1.5h1.5v4.28c0 .14.04.27.1.39L12.2 11H7.8l1.35-2.83a.75.75 0 0 0 .1-.39V3.5Z" />
        </svg>
        Sandbox
      </button>
      <div
        id={explanationId}
        role="tooltip"
        className="invisible absolute top-full left-0 z-40 mt-2 w-72 rounded-lg bg-slate-900 px-3 py-2.5 text-xs leading-relaxed font-normal text-slate-100 opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 max-lg:right-0 max-lg:left-auto"
      >
        <span className="block font-semibold">Sandbox mode</span>
        Sessions connect to an emulated WhatsApp network inside this gateway, not to WhatsApp. No real phone or contact is involved: the sandbox phone scans QR
        codes and the sandbox contacts send test messages.
      </div>
    </div>
  );
}
