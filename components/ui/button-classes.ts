// Button looks, shared by <Button> and by links that should look like buttons (server components too).
// Dark-mode hover behind white text: blue-500/red-500 are under 4.5:1 (axe flagged a just-clicked
// button, the pointer still over it) and dark mode remaps the 700 shades to pale tints (globals.css),
// so the hover is the light theme's 700 shade written out.
const VARIANTS = {
  primary: "bg-blue-600 text-white shadow-sm hover:bg-blue-700 dark:hover:bg-[oklch(48.8%_0.243_264.376)] focus-visible:outline-blue-600",
  secondary: "bg-surface text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-blue-600",
  danger: "bg-red-600 text-white shadow-sm hover:bg-red-700 dark:hover:bg-[oklch(50.5%_0.213_27.518)] focus-visible:outline-red-600",
  ghost: "text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-blue-600",
} as const;

export const SIZES = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClasses(variant: ButtonVariant = "primary", size: keyof typeof SIZES = "md", extra = "") {
  return [
    "inline-flex items-center justify-center gap-2 rounded-lg font-medium whitespace-nowrap transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60",
    VARIANTS[variant],
    SIZES[size],
    extra,
  ].join(" ");
}
