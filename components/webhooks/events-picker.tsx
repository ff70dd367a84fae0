"use client";
// Chooses a webhook's event filters: everything, or events grouped under plain headings, each name
// once. The primary API's names are shown where it has its own (message.received rather than the
// internal "message"); the internal twin still counts as chosen (lib/events/event-names.ts matches
// both). Groups come from the event names' prefixes, so events other features add to
// INTERNAL_EVENTS (campaign.*, …) appear under their heading without touching this file.
import { useT } from "@/components/shell/i18n";
import { INTERNAL_EVENTS } from "@/lib/events/event-names";
import type { MessageKey } from "@/lib/i18n/messages";
import { API_EVENT_NAMES } from "@/lib/webhooks/webhooks.schema";

/** Internal names shown under the primary API's name instead. */
const SHOWN_AS: Record<string, string> = { message: "message.received", "message.update": "message.status" };
const TWINS: Record<string, string[]> = Object.entries(SHOWN_AS).reduce<Record<string, string[]>>((acc, [internal, shown]) => {
  (acc[shown] ??= []).push(internal);
  return acc;
}, {});

const EVENT_NAMES = [...new Set([...API_EVENT_NAMES.filter((e) => e !== "*"), ...INTERNAL_EVENTS.filter((e) => !(e in SHOWN_AS))])];

const HEADINGS = [
  { title: "webhooks.group.messages", test: (e: string) => e.startsWith("message") },
  { title: "webhooks.group.connection", test: (e: string) => e === "connection.update" || e === "qr" || e === "logged.out" },
  { title: "webhooks.group.groups", test: (e: string) => e.startsWith("group") },
  { title: "webhooks.group.campaigns", test: (e: string) => e.startsWith("campaign") },
  { title: "webhooks.group.other", test: () => true },
] satisfies { title: MessageKey; test: (e: string) => boolean }[];

function grouped(): { title: MessageKey; events: string[] }[] {
  const left = new Set(EVENT_NAMES);
  return HEADINGS.map(({ title, test }) => {
    const events = [...left].filter(test);
    events.forEach((e) => left.delete(e));
    return { title, events };
  }).filter((g) => g.events.length > 0);
}

export function EventsPicker({ value, onChange }: { value: string[]; onChange: (events: string[]) => void }) {
  const t = useT();
  const all = value.includes("*") || value.includes("all");
  const names = (event: string) => [event, ...(TWINS[event] ?? [])];
  const chosen = (event: string) => names(event).some((n) => value.includes(n));
  const toggle = (event: string) => {
    const rest = value.filter((e) => e !== "*" && e !== "all" && !names(event).includes(e));
    onChange(chosen(event) ? rest : [...rest, event]);
  };
  return (
    <div className="space-y-3" data-testid="events-picker">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" className="size-4 rounded border-slate-300" checked={all} onChange={() => onChange(all ? [] : ["*"])} />
        {t("webhooks.allEvents")} (<code className="text-xs">*</code>)
      </label>
      {grouped().map((group) => (
        <fieldset key={group.title} className="min-w-0">
          <legend className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t(group.title)}</legend>
          <div className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
            {group.events.map((event) => (
              <label key={event} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="size-4 rounded border-slate-300"
                  checked={all || chosen(event)}
                  disabled={all}
                  onChange={() => toggle(event)}
                />
                <code className="text-xs">{event}</code>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
