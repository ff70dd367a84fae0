// The chat view's icons, drawn inline so nothing is fetched. Decorative: callers give the text.
type IconProps = { className?: string };

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 1.8, strokeLinecap: "round", strokeLinejoin: "round" } as const;

export function ClockIcon({ className = "size-3.5" }: IconProps) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className={className} {...stroke} strokeWidth={1.5}>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.8V8l2.2 1.4" />
    </svg>
  );
}

export function CheckIcon({ className = "h-3.5 w-4" }: IconProps) {
  return (
    <svg viewBox="0 0 16 12" aria-hidden className={className} {...stroke} strokeWidth={1.6}>
      <path d="m2.5 6.5 3 3 6-7" />
    </svg>
  );
}

export function DoubleCheckIcon({ className = "h-3.5 w-5" }: IconProps) {
  return (
    <svg viewBox="0 0 20 12" aria-hidden className={className} {...stroke} strokeWidth={1.6}>
      <path d="m1.5 6.5 3 3 6-7" />
      <path d="m8 8.5 1 1 6-7" />
    </svg>
  );
}

export function AlertIcon({ className = "size-3.5" }: IconProps) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className={className} {...stroke} strokeWidth={1.6}>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M8 4.8v3.6M8 11h.01" />
    </svg>
  );
}

export function ReplyIcon({ className = "size-4" }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={className} {...stroke}>
      <path d="M8 5 3.5 9.5 8 14" />
      <path d="M3.5 9.5H12a4.5 4.5 0 0 1 4.5 4.5v1" />
    </svg>
  );
}

export function PaperclipIcon({ className = "size-5" }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={className} {...stroke}>
      <path d="m20 11.5-7.8 7.8a5 5 0 0 1-7.1-7.1l8.1-8.1a3.3 3.3 0 0 1 4.7 4.7l-8.1 8.1a1.7 1.7 0 0 1-2.4-2.4l7.4-7.4" />
    </svg>
  );
}

export function SendIcon({ className = "size-5" }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={className} {...stroke}>
      <path d="M4 12 20 4l-5.5 16-3-6.5L4 12Z" />
      <path d="m11.5 13.5 3.5-3.5" />
    </svg>
  );
}

export function CloseIcon({ className = "size-4" }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={className} {...stroke}>
      <path d="m5 5 10 10M15 5 5 15" />
    </svg>
  );
}

export function BackIcon({ className = "size-5" }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={className} {...stroke}>
      <path d="M12.5 4.5 7 10l5.5 5.5" />
    </svg>
  );
}

export function SearchIcon({ className = "size-4" }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={className} {...stroke}>
      <circle cx="9" cy="9" r="5.5" />
      <path d="m13.2 13.2 3.3 3.3" />
    </svg>
  );
}

export function PlusIcon({ className = "size-4" }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={className} {...stroke}>
      <path d="M10 4.5v11M4.5 10h11" />
    </svg>
  );
}

export function DocumentIcon({ className = "size-8" }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={className} {...stroke} strokeWidth={1.5}>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Z" />
      <path d="M14 3v5h5M9 13h6M9 17h4" />
    </svg>
  );
}

export function PinIcon({ className = "size-5" }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={className} {...stroke} strokeWidth={1.6}>
      <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11Z" />
      <circle cx="12" cy="10" r="2.3" />
    </svg>
  );
}

export function ChatBubblesIcon({ className = "size-6" }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={className} {...stroke}>
      <path d="M4 5h12v8H8l-4 3V5Z" />
      <path d="M16 9h4v10l-3-2.5h-6V13" />
    </svg>
  );
}

export function BellIcon({ className = "size-4" }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={className} {...stroke}>
      <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 1.5 5.5h-13S5 12 5 8Z" />
      <path d="M8.5 16.5a1.7 1.7 0 0 0 3 0" />
    </svg>
  );
}
