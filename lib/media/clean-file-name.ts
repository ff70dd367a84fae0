// File names come from clients (multipart uploads, URLs, WhatsApp documents): keep only the last
// path segment, without control or bidi-override characters, and of a sensible length.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanFileName(name: string | null | undefined): string | null {
  if (!name) return null;
  const last = name.split(/[\\/]/).pop() ?? "";
  const cleaned = last.replace(UNSAFE, "").replace(/\s+/g, " ").trim();
  if (!cleaned || cleaned === "." || cleaned === "..") return null;
  // Cut by code points, not UTF-16 units, so a surrogate pair is never split.
  return Array.from(cleaned).slice(0, 200).join("");
}
