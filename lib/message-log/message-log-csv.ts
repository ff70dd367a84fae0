import type { MessageLogPage } from "@/lib/message-log/list-message-log";

const COLUMNS = ["time", "session", "session_id", "direction", "status", "contact", "contact_name", "type", "text", "failure"] as const;

/**
 * One CSV cell: quoted when needed, and a leading = + - @ (or tab/CR) neutralised with a quote mark
 * so a spreadsheet never runs a contact's message as a formula.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The log as CSV (RFC 4180, CRLF line ends), UTC ISO times so any tool can read them. */
export function messageLogCsv(log: MessageLogPage): string {
  const lines = [COLUMNS.join(",")];
  for (const m of log.messages) {
    lines.push(
      [m.createdAt.toISOString(), m.sessionName, m.sessionId, m.direction, m.status, m.remoteJid, m.pushName, m.type, m.content, m.failureReason]
        .map((v) => csvCell(v))
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
