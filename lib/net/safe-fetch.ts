// The only way the server fetches a URL a user gave it (media URLs, profile-picture fallbacks,
// webhook targets). http(s) only; every hop's host is resolved and refused when any address is
// private, loopback or link-local (unless ALLOW_PRIVATE_NETWORK_URLS=true); the connection goes to
// the address that was checked, so DNS cannot answer differently the second time; redirects are
// followed by hand and checked again; the body is capped and the whole fetch has a deadline.
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors/app-error";
import { isPrivateAddress } from "@/lib/net/is-private-address";

export interface SafeFetchOptions {
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
  maxRedirects?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Extra TLS trust (the sandbox's media host). */
  ca?: string;
}

export interface SafeFetchResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  url: string;
}

async function resolveChecked(hostname: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new AppError("BAD_REQUEST", `url: ${hostname} does not resolve`);
  if (!allowPrivate) {
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) throw new AppError("BAD_REQUEST", `url: ${hostname} resolves to a private or loopback address (${blocked.address}), which is not allowed`);
  }
  return addresses[0];
}

export async function safeFetch(rawUrl: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const deadline = Date.now() + options.timeoutMs;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new AppError("BAD_REQUEST", "url: is not a valid URL");
  }
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("BAD_REQUEST", "url: only http and https URLs are allowed");
    if (url.username || url.password) throw new AppError("BAD_REQUEST", "url: credentials in URLs are not allowed");
    const target = await resolveChecked(url.hostname, options.allowPrivate);
    const pinned: LookupFunction = (_host, opts, callback) => {
      if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [target]);
      else callback(null, target.address, target.family);
    };
    const result = await requestOnce(url, options, pinned, deadline);
    const location = result.headers.location;
    if (result.status >= 300 && result.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    return { ...result, url: url.toString() };
  }
  throw new AppError("BAD_REQUEST", "url: too many redirects");
}

function requestOnce(url: URL, options: SafeFetchOptions, lookupFn: LookupFunction, deadline: number): Promise<Omit<SafeFetchResult, "url">> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new AppError("BAD_REQUEST", "url: timed out"));
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: options.method ?? "GET",
        headers: options.headers,
        lookup: lookupFn,
        timeout: remaining,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        const declared = Number(res.headers["content-length"] ?? 0);
        if (declared > options.maxBytes) {
          res.destroy();
          return reject(new AppError("PAYLOAD_TOO_LARGE", `url: the file is larger than ${options.maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            res.destroy();
            reject(new AppError("PAYLOAD_TOO_LARGE", `url: the file is larger than ${options.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new AppError("BAD_REQUEST", "url: timed out")), remaining);
    req.on("close", () => clearTimeout(timer));
    req.on("timeout", () => req.destroy(new AppError("BAD_REQUEST", "url: timed out")));
    req.on("error", (error) =>
      reject(error instanceof AppError ? error : new AppError("BAD_REQUEST", `url: could not be fetched (${(error as Error).message})`)),
    );
    if (options.body) req.write(options.body);
    req.end();
  });
}
