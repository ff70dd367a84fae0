import "server-only";
// withAuth parses JSON bodies only; the media routes read multipart/form-data here, up to the file
// limit plus the form's framing (lib/api/read-capped-body.ts).
import { AppError } from "@/lib/errors/app-error";
import { stringProblem } from "@/lib/api/assert-clean-input";
import { readCappedBody } from "@/lib/api/read-capped-body";

/** Room for the form's other fields and the multipart framing around the file. */
export const MULTIPART_OVERHEAD_BYTES = 256 * 1024;

function tooLarge(maxFileBytes: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `file: larger than the limit of ${maxFileBytes} bytes`);
}

export async function readMultipartForm(req: Request, maxFileBytes: number): Promise<FormData> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) {
    throw new AppError("BAD_REQUEST", "Request body must be multipart/form-data (with a boundary)");
  }
  const bytes = await readCappedBody(req, maxFileBytes + MULTIPART_OVERHEAD_BYTES, () => tooLarge(maxFileBytes));
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "Request body is empty");
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "Request body is not valid multipart/form-data");
  }
}

/** The form as a plain object for a zod schema; a field given twice is an error naming it. */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  const fields: Record<string, FormDataEntryValue> = {};
  for (const [name, value] of form.entries()) {
    if (Object.hasOwn(fields, name)) throw new AppError("BAD_REQUEST", `${name}: only one value is allowed`);
    // Text fields get the same NUL / lone-surrogate check withAuth gives JSON bodies.
    const problem = stringProblem(name) ?? (typeof value === "string" ? stringProblem(value) : null);
    if (problem) throw new AppError("BAD_REQUEST", `${name}: ${problem}`);
    fields[name] = value;
  }
  return fields;
}
