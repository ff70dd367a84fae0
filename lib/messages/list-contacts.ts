import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** The session's contacts (Chatery's /contacts), searchable by name, push name or number. */
export async function listContacts(caller: Caller, input: { sessionId: string; limit?: number; offset?: number; search?: string }) {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const search = input.search?.trim();
  const where: Prisma.ContactWhereInput = {
    sessionId: session.id,
    ownerId: session.ownerId,
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: "insensitive" } },
            { notify: { contains: search, mode: "insensitive" } },
            { verifiedName: { contains: search, mode: "insensitive" } },
            { jid: { contains: search } },
          ],
        }
      : {}),
  };
  const [total, contacts] = await Promise.all([
    db().contact.count({ where }),
    db().contact.findMany({
      where,
      orderBy: [{ name: { sort: "asc", nulls: "last" } }, { notify: { sort: "asc", nulls: "last" } }, { jid: "asc" }],
      take: input.limit ?? 100,
      skip: input.offset ?? 0,
    }),
  ]);
  return {
    total,
    contacts: contacts.map((c) => ({ jid: c.jid, lid: c.lid, name: c.name, notify: c.notify, verifiedName: c.verifiedName, profilePic: c.imgUrl })),
  };
}
