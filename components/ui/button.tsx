"use client";

import type { ButtonHTMLAttributes } from "react";
import { buttonClasses, type ButtonVariant, type SIZES } from "@/components/ui/button-classes";
import { useHydrated } from "@/components/ui/use-hydrated";

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: keyof typeof SIZES;
  /** Shows a busy label and blocks double submits while a request is in flight. */
  pending?: boolean;
}

export function Button({ variant = "primary", size = "md", pending = false, className = "", disabled, children, type = "button", ...rest }: ButtonProps) {
  // A plain button does nothing until React runs; disabled until then, a click is never silently lost.
  const hydrated = useHydrated();
  const inert = type === "button" && !hydrated;
  return (
    <button type={type} className={buttonClasses(variant, size, className)} disabled={disabled || pending || inert} aria-busy={pending || undefined} {...rest}>
      {pending && <Spinner />}
      {children}
    </button>
  );
}

function Spinner() {
  return <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />;
}
