// The dashboard's words for the Recipient lists pages, in English and Indonesian.
// Keys are "lists.<name>"; the Indonesian table must have every English key (the type checks it).

export const en = {} as const;

export const id: Record<keyof typeof en, string> = {};
