"use client";

import { useEffect, useState } from "react";
import { useT } from "@/components/shell/i18n";
import { applyThemeChoice, readThemeChoice, type ThemeChoice } from "@/components/shell/theme-script";

/** System / Light / Dark. "System" keeps following the OS setting, also when it changes while open. */
export function ThemeSwitch() {
  const t = useT();
  const [choice, setChoice] = useState<ThemeChoice>("system");
  useEffect(() => setChoice(readThemeChoice()), []);
  useEffect(() => {
    if (choice !== "system") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => applyThemeChoice("system");
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, [choice]);

  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-600">
      <span>{t("shell.theme")}</span>
      <select
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          setChoice(next);
          applyThemeChoice(next);
        }}
        className="rounded-md border-0 bg-surface py-1 pr-7 pl-2 text-xs text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-blue-600"
        data-testid="theme-switch"
      >
        <option value="system">{t("shell.theme.system")}</option>
        <option value="light">{t("shell.theme.light")}</option>
        <option value="dark">{t("shell.theme.dark")}</option>
      </select>
    </label>
  );
}
