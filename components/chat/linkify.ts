// Finds web links in a message's text so the chat view can make them clickable. Only http(s) links
// (and bare "www." ones, given https) become links: anything else (javascript:, data:, a lookalike
// scheme) stays text, so a message can never run script when clicked.

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// A run of URL characters after http(s):// or www.; trailing punctuation is trimmed below.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let raw = match[0];
    // "(see https://x.test/a)" — keep a closing bracket only when the link itself opened one.
    const trailing = raw.match(TRAILING)?.[0] ?? "";
    if (trailing) raw = raw.slice(0, raw.length - trailing.length);
    const href = safeHref(raw);
    const start = match.index ?? 0;
    if (!href) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts.length > 0 ? parts : [{ kind: "text", text }];
}

function safeHref(raw: string): string | null {
  try {
    const url = new URL(/^www\./i.test(raw) ? `https://${raw}` : raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
