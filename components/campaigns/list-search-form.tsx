// The search bar of the bulk-sending list pages (campaigns, recipient lists): a plain GET form, so
// a filtered list lives in the URL and can be linked and reloaded; one shape for both pages. Each
// field is a text box or a select, with a label for screen readers; the pages pass their strings.
import { buttonClasses } from "@/components/ui/button-classes";

const INPUT = "h-10 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300";

export type ListSearchField = { id: string; name: string; label: string; defaultValue?: string } & (
  { kind: "text"; placeholder: string; className?: string } | { kind: "select"; options: Array<{ value: string; label: string }> }
);

export function ListSearchForm({ fields, submitLabel }: { fields: ListSearchField[]; submitLabel: string }) {
  return (
    <form className="mb-4 flex flex-wrap gap-2" role="search">
      {fields.map((field) => (
        <span key={field.id} className="contents">
          <label className="sr-only" htmlFor={field.id}>
            {field.label}
          </label>
          {field.kind === "text" ? (
            <input
              id={field.id}
              name={field.name}
              defaultValue={field.defaultValue ?? ""}
              placeholder={field.placeholder}
              className={field.className ? `${INPUT} ${field.className}` : INPUT}
            />
          ) : (
            <select id={field.id} name={field.name} defaultValue={field.defaultValue ?? ""} className={INPUT}>
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </span>
      ))}
      <button className={buttonClasses("secondary")} type="submit">
        {submitLabel}
      </button>
    </form>
  );
}

/** The search params a submitted form gave, without its empty fields: an empty field means "any", not a value to check. */
export function filledSearchParams(params: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined && entry[1] !== ""));
}
