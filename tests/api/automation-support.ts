// Helpers for the automation tests (tests/api/autoreplies.test.ts, schedules.test.ts): on top of
// the sandbox gateway (tests/support/sandbox.ts), a contact that writes to a session, and staff on that gateway.
import { expectOk, request } from "../support/api-client";
import { receivedBy, type Tenant } from "../support/sandbox";
import { waitFor } from "../support/wait";

/** The emulated contact `phone` sends `text` to the session; returns the message's WhatsApp id. */
export async function contactSays(base: string, tenant: Tenant, phone: string, sessionId: string, text: string): Promise<string> {
  const res = expectOk(
    await request("POST", `/api/sandbox/contacts/${phone}/messages`, { baseUrl: base, as: { apiKey: tenant.key }, json: { to: sessionId, text } }),
    "contact sends",
  );
  return res.body.messageId as string;
}

/** Waits until the contact has received `count` messages from the session, and returns them. */
export function waitForInbox(base: string, tenant: Tenant, phone: string, sessionId: string, count: number, timeoutMs = 30_000) {
  return waitFor(
    `${phone} to have ${count} message(s) from ${sessionId}`,
    async () => {
      const got = await receivedBy(base, tenant, phone, sessionId);
      return got.length >= count && got;
    },
    timeoutMs,
  );
}

/** A multipart POST (the Automation API's send form). */
export async function postForm(base: string, tenant: Tenant, path: string, form: FormData) {
  const res = await fetch(`${base}${path}`, { method: "POST", headers: { "X-API-Key": tenant.key }, body: form });
  const text = await res.text();
  return { status: res.status, body: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined, text };
}
