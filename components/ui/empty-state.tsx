export function EmptyState({
  title,
  description,
  action,
  ...rest
}: { title: string; description: React.ReactNode; action?: React.ReactNode } & React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div className="rounded-xl border-2 border-dashed border-slate-200 bg-surface px-6 py-12 text-center" {...rest}>
      <div aria-hidden className="mx-auto mb-3 grid size-12 place-items-center rounded-full bg-blue-50 text-blue-700">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="size-6">
          <path d="M4 5h16v10H8l-4 4V5Z" strokeLinejoin="round" />
        </svg>
      </div>
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      <p className="mx-auto mt-1 max-w-sm text-sm text-slate-500">{description}</p>
      {action && <div className="mt-5 flex justify-center">{action}</div>}
    </div>
  );
}
