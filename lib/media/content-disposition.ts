// A Content-Disposition header that is safe whatever the file is called: an ASCII-only `filename`
// for old clients (quotes, backslashes and anything non-printable replaced) and the exact name,
// percent-encoded, in `filename*` (RFC 6266 / RFC 8187).
/** `attachment; filename="report_.pdf"; filename*=UTF-8''report%E2%80%93.pdf` */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
