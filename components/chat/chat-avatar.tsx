import { initialsOf } from "@/components/chat/chat-format";

const TINTS = [
  "bg-blue-100 text-blue-800",
  "bg-emerald-100 text-emerald-800",
  "bg-amber-100 text-amber-800",
  "bg-violet-100 text-violet-800",
  "bg-rose-100 text-rose-800",
  "bg-cyan-100 text-cyan-800",
];

/**
 * Initials on a tint picked from the JID, so a contact keeps its colour. Profile pictures are
 * WhatsApp CDN URLs: the dashboard does not load them, so a page never calls out to a third party.
 */
export function ChatAvatar({ jid, title, className = "size-11 text-sm" }: { jid: string; title: string; className?: string }) {
  let hash = 0;
  for (const char of jid) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (
    <span aria-hidden className={`grid shrink-0 place-items-center rounded-full font-semibold ${TINTS[hash % TINTS.length]} ${className}`}>
      {initialsOf(title)}
    </span>
  );
}
