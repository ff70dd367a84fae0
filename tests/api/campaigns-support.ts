// Helpers for the campaign tests (tests/api/campaigns-*.test.ts): emulated contacts to send to, and
// waiting for a campaign's state, all over HTTP as a client would.
import { expectOk, request } from "../support/api-client";
import { type Tenant } from "../support/sandbox";
import { waitFor } from "../support/wait";

export interface Contact {
  phone: string;
  name: string;
  company: string;
}

let serial = 0;
/** `n` new emulated contacts on the gateway (numbers unique per test file via `prefix`, 4 digits). */
export async function createContacts(base: string, tenant: Tenant, n: number, prefix: string): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for (let i = 0; i < n; i++) {
    const k = serial++;
    const contact = { phone: `1555${prefix}${String(k).padStart(4, "0")}`, name: `Person ${k}`, company: `Company ${k}` };
    expectOk(
      await request("POST", "/api/sandbox/contacts", { baseUrl: base, as: { apiKey: tenant.key }, json: { phone: contact.phone, name: contact.name } }),
      `contact ${contact.phone}`,
      201,
    );
    contacts.push(contact);
  }
  return contacts;
}

export async function getCampaign(base: string, tenant: Tenant, id: string) {
  return expectOk(await request("GET", `/api/campaigns/${id}`, { baseUrl: base, as: { apiKey: tenant.key } }), `campaign ${id}`).body;
}

export function waitForCampaign(base: string, tenant: Tenant, id: string, status: string, timeoutMs = 120_000) {
  return waitFor(
    `campaign ${id} to be ${status}`,
    async () => {
      const c = await getCampaign(base, tenant, id);
      return c.status === status ? c : false;
    },
    timeoutMs,
  );
}

export async function campaignRecipients(base: string, tenant: Tenant, id: string, query = "") {
  return expectOk(await request("GET", `/api/campaigns/${id}/recipients${query}`, { baseUrl: base, as: { apiKey: tenant.key } }), `recipients of ${id}`).body;
}
