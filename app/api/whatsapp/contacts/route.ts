// POST /api/whatsapp/contacts – seed 003: the session's contacts, with search and paging
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { listContacts } from "@/lib/messages/list-contacts";
import { seed003ContactsSchema } from "@/lib/messages/messages.schema";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003ContactsSchema }, "Contacts retrieved", async ({ caller, body }) => {
  const limit = body.limit ?? 100;
  const offset = body.offset ?? 0;
  const { total, contacts } = await listContacts(caller, { ...body, limit, offset });
  return { total, limit, offset, contacts };
});
