"use client";

import Link from "next/link";
import { useT } from "@/components/shell/i18n";
import type { MessageKey } from "@/lib/i18n/messages";

const TABS: Array<{ href: string; label: MessageKey }> = [
  { href: "/automation", label: "automation.tabAutoReplies" },
  { href: "/automation/schedule", label: "automation.tabSchedule" },
];

/** The two halves of the automation area, as links (each is its own page). */
export function AutomationTabs({ current }: { current: string }) {
  const t = useT();
  return (
    <nav aria-label={t("automation.title")} className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
            tab.href === current ? "border-blue-600 text-blue-700" : "border-transparent text-slate-600 hover:text-slate-900"
          }`}
        >
          {t(tab.label)}
        </Link>
      ))}
    </nav>
  );
}
