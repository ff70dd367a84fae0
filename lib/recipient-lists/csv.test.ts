import { describe, expect, it } from "vitest";
import { CsvReader, csvLine } from "@/lib/recipient-lists/csv";

function readAll(text: string, chunk: number) {
  const reader = new CsvReader();
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += chunk) rows.push(...reader.push(text.slice(i, i + chunk)));
  return [...rows, ...reader.end()];
}

describe("CsvReader", () => {
  const text = '\ufeffnumber,name,note\r\n15550100002,"Doe, Jane","said ""hi""\nthen left"\r\n\r\n15550100003,Bob,\n15550100004,Cy,last';
  const expected = [
    ["number", "name", "note"],
    ["15550100002", "Doe, Jane", 'said "hi"\nthen left'],
    ["15550100003", "Bob", ""],
    ["15550100004", "Cy", "last"],
  ];
  it("reads quoted fields, escaped quotes, CRLF and blank lines, whatever the chunk size", () => {
    for (const chunk of [1, 2, 3, 7, 1000]) expect(readAll(text, chunk)).toEqual(expected);
  });
  it("guesses a semicolon delimiter from the header", () => {
    expect(readAll("phone;name\n1555;A", 100)).toEqual([
      ["phone", "name"],
      ["1555", "A"],
    ]);
  });
});

describe("csvLine", () => {
  it("quotes what needs it and defuses formulas", () => {
    expect(csvLine(["1555", 'a "b"', "=SUM(A1)", null])).toBe('1555,"a ""b""",\'=SUM(A1),\r\n');
  });
});
