"use client";

import { useEffect, useRef } from "react";
import { useT } from "@/components/shell/i18n";
import { FilterBar } from "@/components/ui/filter-bar";
import { MESSAGE_LOG_PERIODS, MESSAGE_LOG_STATUSES, type MessageLogQuery } from "@/lib/message-log/message-log.schema";

/**
 * The shared filter bar (a GET form: a link from the Overview's figures opens a filtered log and the
 * back button works), plus the viewer's time zone riding along for "Today".
 */
export function MessageLogFilters({ query, sessions }: { query: MessageLogQuery; sessions: { sessionId: string; name: string }[] }) {
  const t = useT();
  const tz = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (tz.current) tz.current.value = document.documentElement.dataset.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  }, []);
  const any = ["", t("common.any")] as const;
  return (
    <FilterBar
      idPrefix="log"
      label={t("logs.filterLabel")}
      submitLabel={t("common.applyFilters")}
      clear={{ href: "/logs", label: t("common.clearFilters") }}
      data-testid="log-filters"
      fields={[
        { kind: "text", name: "q", label: t("logs.text"), defaultValue: query.q, placeholder: t("logs.textPlaceholder"), wide: true },
        { kind: "text", name: "contact", label: t("logs.contact"), defaultValue: query.contact, placeholder: t("logs.contactPlaceholder"), inputMode: "tel" },
        {
          kind: "select",
          name: "sessionId",
          label: t("logs.session"),
          defaultValue: query.sessionId,
          options: [any, ...sessions.map((s) => [s.sessionId, s.name] as const)],
        },
        {
          kind: "select",
          name: "direction",
          label: t("logs.direction"),
          defaultValue: query.direction,
          options: [any, ["in", t("logs.received")], ["out", t("logs.sent")]],
        },
        {
          kind: "select",
          name: "status",
          label: t("logs.status"),
          defaultValue: query.status,
          options: [any, ...MESSAGE_LOG_STATUSES.map((s) => [s, t(`logs.status.${s}`)] as const)],
        },
        {
          kind: "select",
          name: "period",
          label: t("logs.period"),
          defaultValue: query.period,
          options: MESSAGE_LOG_PERIODS.map((p) => [p, t(`logs.period.${p}`)] as const),
        },
      ]}
    >
      <input ref={tz} type="hidden" name="tz" defaultValue={query.tz ?? ""} />
    </FilterBar>
  );
}
