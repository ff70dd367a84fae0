// DEPRECATED, kept only so that branches written against it still compile: a deliberate exception
// to "no barrel files". Everything here now lives in tests/support/sandbox.ts,
// tests/support/webhook-receiver.ts and tests/support/wait.ts; import from there. The two functions
// below keep this file's old signatures on top of the shared ones. The lead deletes this file after
// the merge.
import { pairedSession as pairSandboxSession, waitForSessionStatus, type Tenant } from "../support/sandbox";

export { contactSends, registerTenant, type Tenant } from "../support/sandbox";
export { messageTexts, startReceiver, verifyWebhook, type Answer, type Received, type Receiver } from "../support/webhook-receiver";
export { until } from "../support/wait";

/** Old signature: the API key rather than the tenant. */
export function waitForStatus(baseUrl: string, key: string, sessionId: string, status: string, timeoutMs = 30_000) {
  return waitForSessionStatus(baseUrl, { key }, sessionId, status, timeoutMs);
}

/** Old signature: the connect body as the third argument; answers the public sessionId only. */
export async function pairedSession(baseUrl: string, tenant: Pick<Tenant, "key">, connectBody: Record<string, unknown> = {}): Promise<string> {
  return (await pairSandboxSession(baseUrl, tenant, { connect: connectBody, name: "Webhooks" })).sessionId;
}
