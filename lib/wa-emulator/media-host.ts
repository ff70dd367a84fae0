// The loopback HTTPS host Baileys uploads media to and downloads it from. Baileys builds
// both URLs as https://{host}{path}, so it has to be TLS; the certificate is generated at
// start and handed to clients through fetchAgent (uploads) and a dispatcher (downloads).
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { TlsCertificate } from "./tls-certificate";

export class MediaHost {
  private server?: Server;
  readonly blobs = new Map<string, Buffer>();
  readonly auth = randomBytes(16).toString("base64url");

  constructor(private readonly certificate: TlsCertificate) {}

  /** Listens on `port` when it is free (a restarted emulator keeps its media URLs), else on any. */
  async listen(host: string, port = 0): Promise<string> {
    this.server = createServer({ cert: this.certificate.certPem, key: this.certificate.keyPem }, (req, res) => {
      const url = new URL(req.url ?? "/", "https://media");
      if (req.method === "POST" && url.pathname.startsWith("/mms/")) {
        if (url.searchParams.get("auth") !== this.auth) {
          res.writeHead(401).end("{}");
          return;
        }
        const chunks: Buffer[] = [];
        req.on("data", (chunk) => chunks.push(chunk));
        req.on("end", () => {
          const directPath = this.store(Buffer.concat(chunks));
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ url: this.urlFor(directPath), direct_path: directPath }));
        });
        return;
      }
      const blob = req.method === "GET" ? this.blobs.get(url.pathname) : undefined;
      if (!blob) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": blob.length });
      res.end(blob);
    });
    const server = this.server;
    const listenOn = (p: number) =>
      new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(p, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
    await listenOn(port).catch((error) => {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw error;
      return listenOn(0);
    });
    this.hostname = `${host}:${(server.address() as AddressInfo).port}`;
    return this.hostname;
  }

  hostname = "";

  store(body: Buffer): string {
    const directPath = `/v/t62.7118-24/emulator-${randomBytes(12).toString("hex")}.enc`;
    this.blobs.set(directPath, body);
    return directPath;
  }

  urlFor(directPath: string) {
    return `https://${this.hostname}${directPath}`;
  }

  async close() {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
