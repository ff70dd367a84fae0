import type { MessageType } from "@/components/chat/chat-types";

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 1.7, strokeLinecap: "round", strokeLinejoin: "round" } as const;

const PATHS: Partial<Record<MessageType, React.ReactNode>> = {
  IMAGE: (
    <>
      <rect x="3" y="6" width="18" height="13" rx="2" />
      <path d="M8.5 6 10 4h4l1.5 2" />
      <circle cx="12" cy="12.5" r="3.2" />
    </>
  ),
  VIDEO: (
    <>
      <rect x="3" y="6" width="13" height="12" rx="2" />
      <path d="m16 10.5 5-3v9l-5-3" />
    </>
  ),
  AUDIO: (
    <>
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21" />
    </>
  ),
  DOCUMENT: (
    <>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Z" />
      <path d="M14 3v5h5" />
    </>
  ),
  STICKER: (
    <>
      <path d="M20 12a8 8 0 1 1-8-8h8v8Z" />
      <path d="M9 14.5a4 4 0 0 0 6 0M9.5 10h.01M14.5 10h.01" />
    </>
  ),
  LOCATION: (
    <>
      <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11Z" />
      <circle cx="12" cy="10" r="2.3" />
    </>
  ),
  CONTACT: (
    <>
      <circle cx="12" cy="8.5" r="3.5" />
      <path d="M5 20a7 7 0 0 1 14 0" />
    </>
  ),
  POLL: <path d="M6 20V11M12 20V4M18 20v-6" />,
};

/** A small glyph for a message that is not plain text (previews, quotes); nothing for text. */
export function MessageKindIcon({ type, className = "size-4" }: { type: MessageType; className?: string }) {
  const paths = PATHS[type];
  if (!paths) return null;
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={`shrink-0 ${className}`} {...stroke}>
      {paths}
    </svg>
  );
}
