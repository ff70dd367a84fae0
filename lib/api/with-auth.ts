import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/api/error-response";
import { resolveCaller, type Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import type { Permission } from "@/lib/auth/permissions";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

interface Options<P, Q, B> {
  /** The permission the route needs; `null` for a public route (the caller may still be known). */
  permission: Permission | null;
  params?: P;
  query?: Q;
  body?: B;
}

interface Context<P, Q, B, C> {
  req: NextRequest;
  caller: C;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Request body is not valid JSON");
  }
}

/**
 * The one way a route handles a request: resolve the caller (API key or session cookie), check the
 * permission, parse path parameters, query and body with zod, run the handler, and map any error
 * to `{ "error": "..." }`. A handler's plain return value is sent as JSON with status 200.
 */
export function withAuth<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  Perm extends Permission | null = Permission,
>(
  options: Options<P, Q, B> & { permission: Perm },
  handler: (ctx: Context<P, Q, B, Perm extends null ? Caller | null : Caller>) => Promise<unknown>,
) {
  return async (req: NextRequest, route: RouteContext): Promise<Response> => {
    try {
      const caller = await resolveCaller({ headers: req.headers });
      if (options.permission !== null) {
        if (!caller) throw new AppError("UNAUTHORIZED", "Not authenticated");
        if (!callerCan(caller, options.permission)) {
          throw new AppError("FORBIDDEN", "You are not allowed to do this");
        }
      }
      const rawParams = route?.params ? await route.params : {};
      const params = options.params ? options.params.parse(rawParams) : undefined;
      const query = options.query ? options.query.parse(Object.fromEntries(req.nextUrl.searchParams)) : undefined;
      const body = options.body ? options.body.parse(await readJson(req)) : undefined;
      const result = await handler({
        req,
        caller: caller as Perm extends null ? Caller | null : Caller,
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as Out<B>,
      });
      return result instanceof Response ? result : Response.json(result ?? { success: true });
    } catch (error) {
      return errorResponse(error, { method: req.method, path: req.nextUrl.pathname });
    }
  };
}
