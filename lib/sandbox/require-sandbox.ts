import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Sandbox } from "@/lib/sandbox/start-sandbox";
import { getRuntime } from "@/lib/server/runtime";

/** The sandbox endpoints do not exist outside sandbox mode. */
export function requireSandbox(): Sandbox {
  const { sandbox } = getRuntime();
  if (!sandbox) throw notFound("Endpoint (sandbox mode only)");
  return sandbox;
}
