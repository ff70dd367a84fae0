import { z } from "zod";
import { API_CATALOGUE } from "@/lib/openapi/api-catalogue";

const errorSchema = { type: "object", properties: { error: { type: "string" } }, required: ["error"] };

/** A multipart body's fields: "file" is a binary part, the others text; "name?" is optional. */
function multipartSchema(fields: string[]) {
  const names = fields.map((f) => f.replace(/\?$/, ""));
  return {
    type: "object",
    properties: Object.fromEntries(names.map((name) => [name, name === "file" ? { type: "string", format: "binary" } : { type: "string" }])),
    required: fields.filter((f) => !f.endsWith("?")),
  };
}

/** OpenAPI 3.1 for the catalogue; request bodies are the routes' own zod schemas as JSON Schema. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of API_CATALOGUE) {
    const params = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const responses: Record<string, unknown> = { "200": { description: endpoint.returns } };
    if (endpoint.body || endpoint.multipart)
      responses["400"] = { description: "Invalid input; the message names the field", content: { "application/json": { schema: errorSchema } } };
    if (endpoint.permission) {
      responses["401"] = { description: "Not authenticated", content: { "application/json": { schema: errorSchema } } };
      responses["403"] = { description: "Authenticated but not allowed", content: { "application/json": { schema: errorSchema } } };
    }
    if (params.length) responses["404"] = { description: "Not found (or another tenant's)", content: { "application/json": { schema: errorSchema } } };
    (paths[endpoint.path] ??= {})[endpoint.method] = {
      tags: [endpoint.tag],
      summary: endpoint.summary,
      ...(endpoint.permission ? { "x-permission": endpoint.permission } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(endpoint.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: z.toJSONSchema(endpoint.body, { io: "input", unrepresentable: "any" }) } },
            },
          }
        : {}),
      ...(endpoint.multipart ? { requestBody: { required: true, content: { "multipart/form-data": { schema: multipartSchema(endpoint.multipart) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Wagate API",
      version: "0.1.0",
      description: 'Self-hosted multi-tenant WhatsApp gateway. Errors are { "error": "..." } with the status codes of Ultimate WhatsApp Gateway.',
    },
    components: {
      securitySchemes: {
        apiKey: { type: "apiKey", in: "header", name: "X-API-Key" },
        bearer: { type: "http", scheme: "bearer", description: "Authorization: Bearer wag_…" },
        cookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
    security: [{ apiKey: [] }, { bearer: [] }, { cookie: [] }],
    paths,
  };
}
