const TONES = {
  error: "border-red-200 bg-red-50 text-red-800",
  info: "border-blue-200 bg-blue-50 text-blue-800",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
} as const;

/** An inline message; errors are announced to screen readers as they appear. */
export function Alert({ tone = "error", children, ...rest }: { tone?: keyof typeof TONES; children: React.ReactNode } & React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-3 py-2 text-sm ${TONES[tone]}`} {...rest}>
      {children}
    </div>
  );
}
