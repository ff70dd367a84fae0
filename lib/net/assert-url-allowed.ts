import "server-only";
// The save-time check for every URL the server will fetch later (webhook targets, the profile-picture
// guard's fallback): http(s), no credentials, and no private, loopback or link-local target unless
// ALLOW_PRIVATE_NETWORK_URLS=true. safeFetch checks again at every fetch, since DNS may answer
// differently later; this check is so that a bad URL is refused when it is given, not silently later.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { isPrivateAddress } from "@/lib/net/is-private-address";

/**
 * `unresolvable: "accept"` lets a name that does not resolve (now) through: the address check is the
 * security part, and it runs again at every fetch; refusing a typo early is a courtesy for webhook
 * targets, which are tested at once, not for a fallback picture fetched some day later.
 */
export async function assertUrlAllowed(raw: string, field = "url", options: { unresolvable?: "refuse" | "accept" } = {}): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("BAD_REQUEST", `${field}: is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("BAD_REQUEST", `${field}: must be an http(s) URL`);
  if (url.username || url.password) throw new AppError("BAD_REQUEST", `${field}: credentials in URLs are not allowed`);
  if (env.ALLOW_PRIVATE_NETWORK_URLS) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A name that does not exist is a typo worth reporting now; a DNS hiccup is not the user's
      // fault, and every delivery checks the address again anyway.
      if ((code === "ENOTFOUND" || code === "ENODATA") && options.unresolvable !== "accept")
        throw new AppError("BAD_REQUEST", `${field}: ${host} does not resolve`);
      return;
    }
  }
  const blocked = addresses.find((a) => isPrivateAddress(a));
  if (blocked) {
    throw new AppError(
      "BAD_REQUEST",
      `${field}: ${host} is a private, loopback or link-local address (${blocked}); set ALLOW_PRIVATE_NETWORK_URLS=true to allow it`,
    );
  }
}
