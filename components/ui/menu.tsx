"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  "data-testid"?: string;
}

/**
 * A "⋯" button with a short list of actions, for places too narrow for a row of buttons (a session
 * card). Closes on a choice, Escape, or a click anywhere else; arrow keys move between the items.
 */
/** `placement`: "up" (default, a card's footer) or "down" (a table row near the top of a list). */
export function Menu({ label, items, placement = "up", ...rest }: { label: string; items: MenuItem[]; placement?: "up" | "down"; "data-testid"?: string }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const root = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    list.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Escape") {
      setOpen(false);
      root.current?.querySelector<HTMLElement>("button[aria-haspopup]")?.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(list.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === "ArrowDown" ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  }

  if (items.length === 0) return null;
  return (
    <div ref={root} className="relative" onKeyDown={onKeyDown}>
      <button
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!hydrated}
        onClick={() => setOpen((o) => !o)}
        data-testid={rest["data-testid"]}
        className="inline-flex size-8 items-center justify-center rounded-lg text-slate-500 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="size-4">
          <path d="M4 10a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm7.5 0a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0ZM19 10a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Z" />
        </svg>
      </button>
      {open && (
        <div
          ref={list}
          id={menuId}
          role="menu"
          aria-label={label}
          className={`absolute right-0 z-20 w-44 ${placement === "up" ? "bottom-full mb-1" : "top-full mt-1"} overflow-hidden rounded-lg border border-slate-200 bg-surface py-1 shadow-lg`}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid={item["data-testid"]}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
              className={`block w-full px-3 py-2 text-left text-sm hover:bg-slate-50 focus:bg-slate-100 focus:outline-none ${item.danger ? "text-red-700" : "text-slate-700"}`}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
