import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { resolveCaller, type Caller } from "@/lib/auth/caller";

/** The signed-in user for a dashboard page; anyone else is sent to /login. */
export async function requirePageCaller(): Promise<Caller> {
  const caller = await resolveCaller({ headers: await headers() }).catch(() => null);
  if (!caller) redirect("/login");
  return caller;
}

export async function optionalPageCaller(): Promise<Caller | null> {
  return resolveCaller({ headers: await headers() }).catch(() => null);
}
