// The dashboard's words for the Automation pages (auto-replies and schedules), in English and Indonesian.
// Keys are "automation.<name>"; the Indonesian table must have every English key (the type checks it).

export const en = {} as const;

export const id: Record<keyof typeof en, string> = {};
