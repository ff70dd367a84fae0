// How a recipient list looks in answers (the Campaign API's shape).
export interface RecipientListRecord {
  id: string;
  name: string;
  description: string | null;
  tags: string[];
  usageCount: number;
  lastUsed: Date | null;
  createdAt: Date;
  updatedAt: Date;
  _count: { entries: number };
}

export const RECIPIENT_LIST_SELECT = {
  id: true,
  name: true,
  description: true,
  tags: true,
  usageCount: true,
  lastUsed: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { entries: true } },
} as const;

export function publicRecipientList(l: RecipientListRecord) {
  return {
    id: l.id,
    name: l.name,
    description: l.description,
    tags: l.tags,
    recipientCount: l._count.entries,
    usageCount: l.usageCount,
    lastUsed: l.lastUsed,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

export interface EntryRecord {
  phone: string;
  jid: string;
  name: string | null;
  fields: unknown;
}

/** An entry as the Campaign API writes recipients: `{ number, name, …fields }`. */
export function publicEntry(e: EntryRecord) {
  return { number: e.jid.split("@")[0], ...(e.name ? { name: e.name } : {}), ...((e.fields as Record<string, unknown>) ?? {}) };
}
