// The endpoints the app declares, read from the route files themselves, so that suites which must
// cover every endpoint (the authorization matrix, the fuzz suite, the OpenAPI check) notice a new
// one. There are no excuses: every endpoint needs its entry in tests/support/endpoint-fixtures.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const API_ROOT = path.resolve(__dirname, "../../app/api");

/**
 * "METHOD /api/path/:id" for every handler exported by a route.ts under app/api, except next-auth's
 * own endpoints and the JSON 404 catch-all (which answers every method alike).
 */
export function declaredEndpoints(): string[] {
  const declared: string[] = [];
  for (const file of readdirSync(API_ROOT, { recursive: true }) as string[]) {
    if (path.basename(file) !== "route.ts") continue;
    const route = `/api/${path.dirname(file).split(path.sep).join("/")}`;
    if (route === "/api/auth/[...nextauth]" || route === "/api/[...path]") continue;
    const source = readFileSync(path.join(API_ROOT, file), "utf8");
    const methods = [...source.matchAll(/export (?:const|\{) ?(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    if (methods.length === 0) throw new Error(`${file}: no exported handler found; teach declaredEndpoints its export style`);
    for (const method of methods) declared.push(`${method} ${route.replace(/\[[^\]]+\]/g, ":id")}`);
  }
  return declared.sort();
}
