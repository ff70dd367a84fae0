import { sentence } from "@/components/ui/form-errors";
import { OptionalMark } from "@/components/ui/optional-mark";
import { useId, type InputHTMLAttributes, type SelectHTMLAttributes } from "react";

export const inputClasses =
  "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-blue-600 disabled:bg-slate-50 disabled:text-slate-500";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  /** The field's problem in plain language (components/ui/form-errors.ts); shown under it and announced. */
  error?: string;
}

/** A labelled text input; the label is tied to the input so tests and screen readers find it by name. */
export function Field({ label, hint, error, id, className = "", ...rest }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
        {!rest.required && rest.type !== "checkbox" && <OptionalMark />}
      </label>
      <input
        id={inputId}
        className={`mt-1 ${inputClasses} ${error ? "ring-red-500" : ""}`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
      {error && (
        <p id={`${inputId}-error`} className="mt-1 text-xs font-medium text-red-700" data-testid="field-error">
          {sentence(error)}
        </p>
      )}
      {hint && (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
}

export function SelectField({ label, id, className = "", children, ...rest }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={className}>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={selectId} className={`mt-1 ${inputClasses}`} {...rest}>
        {children}
      </select>
    </div>
  );
}
