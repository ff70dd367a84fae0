"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/components/shell/i18n";
import { inputClasses } from "@/components/ui/field";

/** Switches the page to another session (?session=…). */
export function SessionPicker({ sessions, current }: { sessions: Array<{ sessionId: string; name: string }>; current: string }) {
  const router = useRouter();
  const t = useT();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span>{t("groups.session")}</span>
      <select
        className={`${inputClasses} w-auto`}
        value={current}
        data-testid="groups-session-picker"
        onChange={(e) => router.push(`/groups?session=${encodeURIComponent(e.target.value)}`)}
      >
        {sessions.map((s) => (
          <option key={s.sessionId} value={s.sessionId}>
            {s.name} ({s.sessionId})
          </option>
        ))}
      </select>
    </label>
  );
}
