"use client";
// Chooses a webhook's event filters: everything, Ultimate WhatsApp Gateway's names, or the gateway's own (Chatery)
// event names. Both kinds work as filters (lib/events/event-names.ts maps them).
import { INTERNAL_EVENTS } from "@/lib/events/event-names";
import { API_EVENT_NAMES } from "@/lib/webhooks/webhooks.schema";

const API_NAMES = API_EVENT_NAMES.filter((e) => e !== "*");

export function EventsPicker({ value, onChange }: { value: string[]; onChange: (events: string[]) => void }) {
  const all = value.includes("*") || value.includes("all");
  const toggle = (event: string) => onChange(value.includes(event) ? value.filter((e) => e !== event) : [...value.filter((e) => e !== "*" && e !== "all"), event]);
  const group = (title: string, events: readonly string[]) => (
    <fieldset className="min-w-0">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
      <div className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        {events.map((event) => (
          <label key={event} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="size-4 rounded border-slate-300" checked={all || value.includes(event)} disabled={all} onChange={() => toggle(event)} />
            <code className="text-xs">{event}</code>
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <div className="space-y-3" data-testid="events-picker">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" className="size-4 rounded border-slate-300" checked={all} onChange={() => onChange(all ? [] : ["*"])} />
        All events (<code className="text-xs">*</code>)
      </label>
      {group("Ultimate WhatsApp Gateway names", API_NAMES)}
      {group("Gateway events (Chatery names)", INTERNAL_EVENTS)}
    </div>
  );
}
