// POST /api/whatsapp/contacts – Chatery: the session's contacts, with search and paging
import { chateryContactsSchema } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { listContacts } from "@/lib/messages/list-contacts";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chateryContactsSchema }, "Contacts retrieved", async ({ caller, body }) => {
  const limit = body.limit ?? 100;
  const offset = body.offset ?? 0;
  const { total, contacts } = await listContacts(caller, { ...body, limit, offset });
  return { total, limit, offset, contacts };
});
