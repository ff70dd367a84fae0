// The dashboard's words for sign-in, registration and error pages, in English and Indonesian.
// Keys are "auth.<name>"; the Indonesian table must have every English key (the type checks it).

export const en = {} as const;

export const id: Record<keyof typeof en, string> = {};
