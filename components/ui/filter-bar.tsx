import { buttonClasses } from "@/components/ui/button-classes";
import { inputClasses } from "@/components/ui/field";

/** One field of a filter bar: a free-text search box or a choice from a list. */
export type FilterField =
  | {
      kind: "text";
      name: string;
      label: string;
      defaultValue?: string;
      placeholder?: string;
      inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
      /** The search box takes the room the other fields leave. */
      wide?: boolean;
    }
  | { kind: "select"; name: string; label: string; defaultValue?: string; options: readonly (readonly [value: string, text: string])[] };

type FilterBarProps = {
  /** Prefix of the fields' ids, so two bars on one page never share an id. */
  idPrefix: string;
  /** The search landmark's name, e.g. "Filter users". */
  label: string;
  fields: FilterField[];
  submitLabel: string;
  /** A link that drops every filter (the page's own path). */
  clear?: { href: string; label: string };
  /** Hidden inputs that ride along, e.g. the viewer's time zone. */
  children?: React.ReactNode;
} & Omit<React.FormHTMLAttributes<HTMLFormElement>, "children" | "method" | "role">;

/**
 * The Logs, Audit log and Users pages filter the same way: a plain GET form, so the filters live in
 * the URL, a link can open a filtered list and the back button works. No hooks: it renders in server
 * and client components alike, and every text comes translated from the page.
 */
export function FilterBar({ idPrefix, label, fields, submitLabel, clear, children, ...rest }: FilterBarProps) {
  const labelClasses = "block text-xs font-medium text-slate-700";
  return (
    <form
      method="get"
      role="search"
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm"
      {...rest}
    >
      {children}
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        return (
          <div key={field.name} className={field.kind === "text" && field.wide ? "min-w-48 flex-1" : "min-w-32"}>
            <label htmlFor={id} className={labelClasses}>
              {field.label}
            </label>
            {field.kind === "text" ? (
              <input
                id={id}
                name={field.name}
                type={field.wide ? "search" : "text"}
                defaultValue={field.defaultValue ?? ""}
                placeholder={field.placeholder}
                inputMode={field.inputMode}
                className={`mt-1 ${inputClasses}`}
              />
            ) : (
              <select id={id} name={field.name} defaultValue={field.defaultValue ?? ""} className={`mt-1 ${inputClasses}`}>
                {field.options.map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      })}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses("primary", "sm")} data-testid="apply-filters">
          {submitLabel}
        </button>
        {clear && (
          <a href={clear.href} className={buttonClasses("ghost", "sm")}>
            {clear.label}
          </a>
        )}
      </div>
    </form>
  );
}
