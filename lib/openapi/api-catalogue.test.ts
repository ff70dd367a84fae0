// The catalogue is written by hand beside the routes, so it can drift from them: an entry listed
// twice (the later one silently wins in the document), or a permission label the route does not
// check (issue 14: webhook routes were labelled sessions.manage while they check webhooks.manage).
// These checks read the route files themselves, so a route changed without its entry fails here.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_CATALOGUE } from "@/lib/openapi/api-catalogue";

const API_DIR = path.join(process.cwd(), "app", "api");

/** Every route.ts under app/api, with its URL path (folders `[x]` as `{}`). */
function routeFiles(dir = API_DIR): Array<{ file: string; url: string }> {
  const out: Array<{ file: string; url: string }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(full));
    else if (entry.name === "route.ts") {
      const rel = path.relative(path.join(process.cwd(), "app"), path.dirname(full)).split(path.sep);
      out.push({ file: full, url: "/" + rel.map((seg) => (seg.startsWith("[") ? "{}" : seg)).join("/") });
    }
  }
  return out;
}

/** The permission each method's withAuth checks, where the file says it literally. */
function checkedPermissions(source: string): Map<string, string | null> {
  const found = new Map<string, string | null>();
  for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = withAuth\(\s*\{([\s\S]{0,400}?)\}/g)) {
    const permission = /permission:\s*(?:"([^"]+)"|(null))/.exec(m[2]);
    if (permission) found.set(m[1].toLowerCase(), permission[1] ?? null);
  }
  return found;
}

const shape = (p: string) => p.replace(/\{[^}]+\}/g, "{}");

describe("the OpenAPI catalogue", () => {
  it("lists each method and path once", () => {
    const seen = new Map<string, number>();
    for (const e of API_CATALOGUE) seen.set(`${e.method} ${e.path}`, (seen.get(`${e.method} ${e.path}`) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });

  it("labels each route with the permission its withAuth checks", () => {
    const byShape = new Map(API_CATALOGUE.map((e) => [`${e.method} ${shape(e.path)}`, e]));
    const wrong: string[] = [];
    let compared = 0;
    for (const { file, url } of routeFiles()) {
      for (const [method, permission] of checkedPermissions(readFileSync(file, "utf8"))) {
        const entry = byShape.get(`${method} ${url}`);
        if (!entry) continue; // entries missing altogether are the endpoint-fixtures suite's concern
        compared++;
        if ((entry.permission ?? null) !== permission) wrong.push(`${method.toUpperCase()} ${entry.path}: catalogue ${entry.permission}, route ${permission}`);
      }
    }
    expect(wrong).toEqual([]);
    // The parser found the routes (a change of style must not make this test pass vacuously).
    expect(compared).toBeGreaterThan(100);
  });

  it("never shows the word seed", () => {
    expect(API_CATALOGUE.filter((e) => /\bseeds? 0\d\d/i.test(`${e.summary} ${e.returns}`)).map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });
});
