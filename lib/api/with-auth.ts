import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { assertCleanInput } from "@/lib/api/assert-clean-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { errorResponse } from "@/lib/api/error-response";
import { hasBrowserOriginHeaders, isSameOriginRequest } from "@/lib/api/is-same-origin-request";
import { resolveCaller, type Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import { formFields, readMultipartForm } from "@/lib/media/read-multipart-form";
import type { Permission } from "@/lib/auth/permissions";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A multipart/form-data body: read up to `maxFileBytes` (plus framing) and parsed by `schema`. */
export interface FormSpec<F> {
  schema: F;
  /** A function when it comes from lib/env.ts: the environment is read per request, not at import (the build imports routes). */
  maxFileBytes: number | (() => number);
}

interface Options<P, Q, B, F> {
  /** The permission the route needs; `null` for a public route (the caller may still be known). */
  permission: Permission | null;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A multipart/form-data body (uploads). Cookie-authenticated callers must then prove a
   * same-origin browser page sent it: a foreign page's form can post multipart. With a FormSpec the
   * wrapper reads and parses the form (the handler gets `form`); `true` is for a route whose
   * compatibility format reads the body itself.
   */
  form?: true | FormSpec<F>;
  /**
   * The route reads a text/csv body itself (the recipient-list import). A cookie caller's same-origin
   * page may send it: text/csv is not a type a foreign page can send without a CORS preflight.
   */
  csv?: true;
}

interface Context<P, Q, B, C, F = undefined> {
  req: NextRequest;
  caller: C;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  form: Out<F>;
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;
const CSV_TYPE = /^text\/csv\s*(;|$)/i;

/**
 * CSRF: the browser sends the session cookie with any page's request, so a cookie-authenticated
 * write must come from our own pages. A foreign Origin (or Sec-Fetch-Site) is refused, and the body
 * must be JSON — a type a foreign page cannot send without a CORS preflight we never grant — or,
 * for upload routes, multipart from a request that carries browser origin headers naming us.
 * No body and no Content-Type is fine (a bodiless POST). API keys are not sent by browsers on
 * their own, so API-key requests are not checked.
 */
function assertNotCrossSite(req: NextRequest, caller: Caller | null, form: boolean, csv = false) {
  if (!caller || caller.via !== "cookie" || !WRITE_METHODS.has(req.method)) return;
  if (!isSameOriginRequest(req.headers)) {
    throw new AppError("FORBIDDEN", "Cross-site request refused: a cookie-authenticated write must come from this gateway's own pages");
  }
  const type = req.headers.get("content-type");
  if (type === null || JSON_TYPE.test(type) || (csv && CSV_TYPE.test(type))) return;
  if (form && MULTIPART_TYPE.test(type) && hasBrowserOriginHeaders(req.headers)) return;
  throw new AppError(
    "FORBIDDEN",
    form
      ? "Cross-site request refused: a cookie-authenticated upload must be multipart/form-data sent by this gateway's pages (with Origin)"
      : "Cross-site request refused: a cookie-authenticated write must be sent as Content-Type: application/json",
  );
}

/** Path parameters and the query as zod will see them, after the NUL / lone-surrogate check. */
function cleanRecord<T>(value: T, root: string): T {
  assertCleanInput(value, root);
  return value;
}

/**
 * The one way a route handles a request: resolve the caller (API key or session cookie), check the
 * permission, refuse cross-site cookie writes, refuse NUL bytes, lone surrogates and over-deep JSON
 * anywhere in the input, parse path parameters, query and body (JSON or multipart form) with zod, run the handler, and map any error
 * to `{ "error": "..." }`. A handler's plain return value is sent as JSON with status 200.
 */
export function withAuth<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  Perm extends Permission | null = Permission,
  F extends Schema | undefined = undefined,
>(options: Options<P, Q, B, F> & { permission: Perm }, handler: (ctx: Context<P, Q, B, Perm extends null ? Caller | null : Caller, F>) => Promise<unknown>) {
  return async (req: NextRequest, route: RouteContext): Promise<Response> => {
    try {
      const caller = await resolveCaller({ headers: req.headers });
      if (options.permission !== null) {
        if (!caller) throw new AppError("UNAUTHORIZED", "Not authenticated");
        if (!callerCan(caller, options.permission)) {
          throw new AppError("FORBIDDEN", "You are not allowed to do this");
        }
      }
      assertNotCrossSite(req, caller, options.form !== undefined, options.csv === true);
      const rawParams = cleanRecord(route?.params ? await route.params : {}, "path");
      const rawQuery = cleanRecord(Object.fromEntries(req.nextUrl.searchParams), "query");
      const params = options.params ? options.params.parse(rawParams) : undefined;
      const query = options.query ? options.query.parse(rawQuery) : undefined;
      const body = options.body ? options.body.parse(await readJsonBody(req)) : undefined;
      const formSpec = typeof options.form === "object" ? options.form : undefined;
      const form = formSpec?.schema
        ? formSpec.schema.parse(
            formFields(await readMultipartForm(req, typeof formSpec.maxFileBytes === "function" ? formSpec.maxFileBytes() : formSpec.maxFileBytes)),
          )
        : undefined;
      const result = await handler({
        req,
        caller: caller as Perm extends null ? Caller | null : Caller,
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as Out<B>,
        form: form as Out<F>,
      });
      return result instanceof Response ? result : Response.json(result ?? { success: true });
    } catch (error) {
      return errorResponse(error, { method: req.method, path: req.nextUrl.pathname });
    }
  };
}
