// Gateways for the API tests: scripts/serve-test.mjs on a free port.
import { createServer } from "node:net";
import { type TestServer, startTestServer } from "../../scripts/serve-test.mjs";

export type { TestServer };

/** A production gateway on its own fresh database; resolves once /api/health answers. */
export async function startGateway(env: Record<string, string>): Promise<TestServer> {
  return startTestServer({ port: await freePort(), env });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
