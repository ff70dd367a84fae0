"use client";

import { useEffect, useRef } from "react";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button-classes";
import { MESSAGE_LOG_STATUSES, type MessageLogQuery } from "@/lib/message-log/message-log.schema";

const PERIODS = [
  ["today", "Today"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
  ["all", "All time"],
] as const;

/**
 * A plain GET form: the filters live in the URL, so a link (the Overview's figures) opens a filtered
 * log and the back button works. The viewer's time zone rides along for "Today".
 */
export function MessageLogFilters({ query, sessions }: { query: MessageLogQuery; sessions: { sessionId: string; name: string }[] }) {
  const tz = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (tz.current) tz.current.value = document.documentElement.dataset.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  }, []);
  const label = "block text-xs font-medium text-slate-700";
  return (
    <form
      method="get"
      className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-7"
      data-testid="log-filters"
      role="search"
      aria-label="Filter messages"
    >
      <input ref={tz} type="hidden" name="tz" defaultValue={query.tz ?? ""} />
      <div className="col-span-2 sm:col-span-3 lg:col-span-2">
        <label htmlFor="log-q" className={label}>
          Text
        </label>
        <input id="log-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Words in the message" className={`mt-1 ${inputClasses}`} />
      </div>
      <div>
        <label htmlFor="log-contact" className={label}>
          Contact
        </label>
        <input id="log-contact" name="contact" defaultValue={query.contact ?? ""} placeholder="Number" inputMode="tel" className={`mt-1 ${inputClasses}`} />
      </div>
      <div>
        <label htmlFor="log-session" className={label}>
          Session
        </label>
        <select id="log-session" name="sessionId" defaultValue={query.sessionId ?? ""} className={`mt-1 ${inputClasses}`}>
          <option value="">Any</option>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="log-direction" className={label}>
          Direction
        </label>
        <select id="log-direction" name="direction" defaultValue={query.direction ?? ""} className={`mt-1 ${inputClasses}`}>
          <option value="">Any</option>
          <option value="in">Received</option>
          <option value="out">Sent</option>
        </select>
      </div>
      <div>
        <label htmlFor="log-status" className={label}>
          Status
        </label>
        <select id="log-status" name="status" defaultValue={query.status ?? ""} className={`mt-1 ${inputClasses}`}>
          <option value="">Any</option>
          {MESSAGE_LOG_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.charAt(0) + s.slice(1).toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="log-period" className={label}>
          Period
        </label>
        <select id="log-period" name="period" defaultValue={query.period} className={`mt-1 ${inputClasses}`}>
          {PERIODS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-3 lg:col-span-7">
        <button type="submit" className={buttonClasses("primary", "sm")} data-testid="apply-filters">
          Apply filters
        </button>
        <a href="/logs" className={buttonClasses("ghost", "sm")}>
          Clear
        </a>
      </div>
    </form>
  );
}
