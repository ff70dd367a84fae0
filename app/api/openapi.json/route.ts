// GET /api/openapi.json – the OpenAPI document, generated from the routes' zod schemas
import { withAuth } from "@/lib/api/with-auth";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const GET = withAuth({ permission: null }, async () => buildOpenApiDocument());
