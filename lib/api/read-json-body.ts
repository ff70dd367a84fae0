import "server-only";
// A request's JSON body, read up to a limit (lib/api/read-capped-body.ts). Every JSON route reads its
// body here (withAuth, the Automation API's send).
import { parseJsonBody } from "@/lib/api/assert-clean-input";
import { readCappedBody } from "@/lib/api/read-capped-body";
import { AppError } from "@/lib/errors/app-error";

/**
 * The largest JSON body any route takes: a batch of 100 sends of 65,536-character texts, or a sandbox
 * contact's 20,000,000 characters of base64 media, fits with room to spare.
 */
export const JSON_BODY_MAX_BYTES = 32 * 1024 * 1024;

/** The body parsed as JSON ({} when empty), with withAuth's guards (depth, NUL, lone surrogates). */
export async function readJsonBody(req: Request, maxBytes = JSON_BODY_MAX_BYTES): Promise<unknown> {
  const bytes = await readCappedBody(req, maxBytes, () => new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than the limit of ${maxBytes} bytes`));
  // As Request.text() decodes: UTF-8, a leading BOM dropped, malformed bytes replaced.
  return parseJsonBody(new TextDecoder().decode(bytes));
}
