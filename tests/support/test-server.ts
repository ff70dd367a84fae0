// Gateways for the API tests: scripts/serve-test.mjs on a free port.
import { type TestServer, startTestServer } from "../../scripts/serve-test.mjs";

export type { TestServer };

/** A production gateway on its own fresh database and a free port; resolves once /api/health answers. */
export function startGateway(env: Record<string, string>): Promise<TestServer> {
  return startTestServer({ env });
}
