import "server-only";
// A request's JSON body, read up to a limit. Every JSON route reads its body here (withAuth, the
// Automation API's send), so no client can make the gateway hold more than the limit in memory:
// a declared Content-Length over it is refused before reading, and a body that passes it (chunked,
// or a client that lies) is cut off there. Multipart uploads have their own limit
// (lib/media/read-multipart-form.ts).
import { AppError } from "@/lib/errors/app-error";
import { parseJsonBody } from "@/lib/api/assert-clean-input";

/**
 * The largest JSON body any route takes: a batch of 100 sends of 65,536-character texts, or a sandbox
 * contact's 20,000,000 characters of base64 media, fits with room to spare.
 */
export const JSON_BODY_MAX_BYTES = 32 * 1024 * 1024;

function tooLarge(maxBytes: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than the limit of ${maxBytes} bytes`);
}

/** The body parsed as JSON ({} when empty), with withAuth's guards (depth, NUL, lone surrogates). */
export async function readJsonBody(req: Request, maxBytes = JSON_BODY_MAX_BYTES): Promise<unknown> {
  return parseJsonBody(await readBodyText(req, maxBytes));
}

async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch {
      // The client went away mid-body: nobody is left to answer, and it is not the gateway's failure.
      throw new AppError("BAD_REQUEST", "Request body was cut off before its end");
    }
    if (read.done) break;
    total += read.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(read.value);
  }
  // As Request.text() decodes: UTF-8, a leading BOM dropped, malformed bytes replaced.
  return new TextDecoder().decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}
