// The dashboard's words for the API keys page and the WebSocket test page, in English and Indonesian.
// Keys are "keys.<name>"; the Indonesian table must have every English key (the type checks it).

export const en = {} as const;

export const id: Record<keyof typeof en, string> = {};
