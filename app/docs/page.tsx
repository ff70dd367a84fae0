import { headers } from "next/headers";
import { SwaggerMount } from "@/components/docs/swagger-mount";
import { API_CATALOGUE } from "@/lib/openapi/api-catalogue";

export const metadata = { title: "Wagate API" };
export const dynamic = "force-dynamic";

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-800",
  post: "bg-blue-100 text-blue-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

/**
 * The interactive API reference: Swagger UI (npm swagger-ui-dist, pinned, served from our origin by
 * /docs/assets) rendering /api/openapi.json, tagged per reference system. The scripts carry the
 * request's CSP nonce when the proxy sets one. Below it, a plain index for readers without scripts.
 */
export default async function DocsPage() {
  const tags = [...new Set(API_CATALOGUE.map((e) => e.tag))];
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <main className="mx-auto max-w-5xl p-6">
      <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
      <script src="/docs/assets/swagger-ui-bundle.js" nonce={nonce} defer />
      <h1 className="text-2xl font-semibold text-blue-900">Wagate API</h1>
      <p className="mt-2 text-sm text-slate-600">
        Authenticate with <code>X-API-Key: wag_…</code>, <code>Authorization: Bearer wag_…</code> or the dashboard cookie. Errors are{" "}
        <code>{'{ "error": "..." }'}</code>. Machine-readable:{" "}
        <a className="text-blue-700 underline" href="/api/openapi.json">
          /api/openapi.json
        </a>
        .
      </p>
      <SwaggerMount id="api-reference" />
      <details className="mt-8">
        <summary className="cursor-pointer text-lg font-semibold text-slate-800">Endpoint index</summary>
        {tags.map((tag) => (
          <section key={tag} className="mt-8">
            <h2 className="text-lg font-semibold text-slate-800">{tag}</h2>
            <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-surface">
              {API_CATALOGUE.filter((e) => e.tag === tag).map((e) => (
                <li key={`${e.method} ${e.path}`} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:gap-3">
                  <span className={`w-16 rounded px-2 py-0.5 text-center text-xs font-bold uppercase ${METHOD_COLOURS[e.method]}`}>{e.method}</span>
                  <code className="text-sm font-medium">{e.path}</code>
                  <span className="text-sm text-slate-600 sm:ml-auto sm:text-right">
                    {e.summary}
                    <span className="block text-xs text-slate-500">
                      {e.permission ? `needs ${e.permission}` : "public"} · {e.returns}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </details>
    </main>
  );
}
