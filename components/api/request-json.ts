// The dashboard's one way to call the JSON API from the browser: same-origin, cookie-authenticated,
// and every failure surfaces as an ApiError carrying the API's own `{ error }` text (and, for a 400,
// the per-field `issues` a form shows next to its fields: components/ui/form-errors.ts).
import { ApiError } from "@/components/ui/form-errors";
import type { FieldIssue } from "@/lib/api/zod-issues";

export async function requestJson<T = unknown>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new Error("Could not reach the gateway. Check your connection and try again.");
  }
  const data = (await response.json().catch(() => null)) as (T & { error?: string; issues?: FieldIssue[] }) | null;
  if (!response.ok) {
    throw new ApiError(data?.error ?? `Request failed (${response.status})`, response.status, Array.isArray(data?.issues) ? data.issues : []);
  }
  return data as T;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong";
}
