// The dashboard's words for the Sessions pages, in English and Indonesian.
// Keys are "sessions.<name>"; the Indonesian table must have every English key (the type checks it).

export const en = {} as const;

export const id: Record<keyof typeof en, string> = {};
