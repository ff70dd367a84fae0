import "server-only";
// A request's body, read up to a limit: the one way a route reads a body (JSON in
// lib/api/read-json-body.ts, multipart in lib/media/read-multipart-form.ts), so no client can make
// the gateway hold more than the limit in memory. A declared Content-Length over it is refused
// before a byte is read; a body that passes it (chunked, or a client that lies) is cut off there.
import { AppError } from "@/lib/errors/app-error";

/** The body's bytes (empty when there is none); `tooLarge` is the error past `maxBytes`. */
export async function readCappedBody(req: Request, maxBytes: number, tooLarge: () => AppError): Promise<Buffer<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) {
    // No body, or one the server read already (routes served directly; lib/api/eager-body.ts).
    const bytes = Buffer.from(await req.arrayBuffer());
    if (bytes.length > maxBytes) throw tooLarge();
    return bytes;
  }
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
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}
