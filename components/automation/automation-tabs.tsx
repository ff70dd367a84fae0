import Link from "next/link";

const TABS = [
  { href: "/automation", label: "Auto-replies" },
  { href: "/automation/schedule", label: "Schedule" },
];

/** The two halves of the automation area, as links (each is its own page). */
export function AutomationTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Automation" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
            tab.href === current ? "border-blue-600 text-blue-700" : "border-transparent text-slate-600 hover:text-slate-900"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
