// The dashboard's words for the Groups page and status composer, in English and Indonesian.
// Keys are "groups.<name>"; the Indonesian table must have every English key (the type checks it).

export const en = {} as const;

export const id: Record<keyof typeof en, string> = {};
