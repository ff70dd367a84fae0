// GET /docs/assets/{file} – the API reference's renderer (Swagger UI, from npm) served from our own origin: no outside assets
import { readFile } from "node:fs/promises";
import path from "node:path";

// Only these files, by name: the path parameter never reaches the file system otherwise.
const FILES: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const type = FILES[file];
  if (!type) return Response.json({ error: "Not found" }, { status: 404 });
  const body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", file));
  return new Response(new Uint8Array(body), { headers: { "Content-Type": type, "Cache-Control": "public, max-age=86400" } });
}
