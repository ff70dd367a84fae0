/**
 * Wagate's mark: a chat bubble with a gateway arrow, drawn inline so nothing is fetched. On a blue
 * background the colours swap, so the mark stays visible.
 */
export function LogoMark({ className = "size-7", inverted = false }: { className?: string; inverted?: boolean }) {
  const tile = inverted ? "#ffffff" : "#2563eb";
  const bubble = inverted ? "#2563eb" : "#ffffff";
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={className}>
      <rect width="32" height="32" rx="8" fill={tile} />
      <path d="M8 9.5h16a1.5 1.5 0 0 1 1.5 1.5v9a1.5 1.5 0 0 1-1.5 1.5H14l-5 4v-4H8A1.5 1.5 0 0 1 6.5 20v-9A1.5 1.5 0 0 1 8 9.5Z" fill={bubble} />
      <path d="M12 15.5h7m-2.5-2.5 2.5 2.5-2.5 2.5" stroke={tile} strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" fill="none" />
    </svg>
  );
}

export function Logo({ tone = "dark" }: { tone?: "dark" | "light" }) {
  return (
    <span className="inline-flex items-center gap-2">
      <LogoMark inverted={tone === "light"} />
      <span className={`text-lg font-semibold tracking-tight ${tone === "light" ? "text-white" : "text-slate-900"}`}>Wagate</span>
    </span>
  );
}
