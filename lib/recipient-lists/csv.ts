// A small streaming CSV reader and writer (RFC 4180: quoted fields, "" inside quotes, CRLF or LF),
// enough for recipient lists; the reader takes text in chunks of any size. Pure.

export class CsvReader {
  private field = "";
  private row: string[] = [];
  private quoted = false;
  /** A quote just closed a quoted field: the next char is a quote (escaped) or a separator. */
  private afterQuote = false;
  private started = false;
  private delimiter: string | null;
  private pendingCR = false;

  constructor(delimiter?: string) {
    this.delimiter = delimiter ?? null;
  }

  /** Feeds text; returns the rows completed by it. */
  push(text: string): string[][] {
    const rows: string[][] = [];
    if (this.delimiter === null) {
      // Guessed from the header line: `;` (spreadsheets in many locales) or `,`.
      const firstLine = text.split(/\r?\n/)[0];
      this.delimiter =
        (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (!this.started && ch === "\ufeff") continue; // byte-order mark
      this.started = true;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (ch === "\n") continue;
      }
      if (this.quoted) {
        if (ch === '"') {
          this.quoted = false;
          this.afterQuote = true;
        } else this.field += ch;
        continue;
      }
      if (this.afterQuote && ch === '"') {
        this.field += '"';
        this.quoted = true;
        this.afterQuote = false;
        continue;
      }
      this.afterQuote = false;
      if (ch === '"' && this.field === "") this.quoted = true;
      else if (ch === this.delimiter) this.endField();
      else if (ch === "\n" || ch === "\r") {
        this.pendingCR = ch === "\r";
        const row = this.endRow();
        if (row) rows.push(row);
      } else this.field += ch;
    }
    return rows;
  }

  /** The last row, when the text did not end with a line break. */
  end(): string[][] {
    const row = this.endRow();
    return row ? [row] : [];
  }

  private endField() {
    this.row.push(this.field);
    this.field = "";
  }

  private endRow(): string[] | null {
    this.endField();
    const row = this.row;
    this.row = [];
    this.afterQuote = false;
    return row.length === 1 && row[0].trim() === "" ? null : row;
  }
}

/** One CSV cell: quoted when needed; a leading =, +, -, @ is defused so spreadsheets do not run it. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
