// The dashboard's words in English and Indonesian. A small typed dictionary rather than next-intl:
// next-intl wants its plugin in next.config.mjs and its locale handling in proxy.ts, and the
// dashboard needs no locale in its URLs. Each area of the dashboard has its own table in
// `areas/<area>.ts` (keys "<area>.<name>"); the Indonesian table of each must have every English key
// (the type checks it), so a missing translation fails the build.
import * as shell from "./areas/shell";
import * as overview from "./areas/overview";
import * as common from "./areas/common";
import * as sessions from "./areas/sessions";
import * as chat from "./areas/chat";
import * as groups from "./areas/groups";
import * as campaigns from "./areas/campaigns";
import * as lists from "./areas/lists";
import * as automation from "./areas/automation";
import * as webhooks from "./areas/webhooks";
import * as keys from "./areas/keys";
import * as account from "./areas/account";
import * as users from "./areas/users";
import * as audit from "./areas/audit";
import * as logs from "./areas/logs";
import * as auth from "./areas/auth";

export const LOCALES = ["en", "id"] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  ...shell.en,
  ...overview.en,
  ...common.en,
  ...sessions.en,
  ...chat.en,
  ...groups.en,
  ...campaigns.en,
  ...lists.en,
  ...automation.en,
  ...webhooks.en,
  ...keys.en,
  ...account.en,
  ...users.en,
  ...audit.en,
  ...logs.en,
  ...auth.en,
};

export type MessageKey = keyof typeof en;

const id: Record<MessageKey, string> = {
  ...shell.id,
  ...overview.id,
  ...common.id,
  ...sessions.id,
  ...chat.id,
  ...groups.id,
  ...campaigns.id,
  ...lists.id,
  ...automation.id,
  ...webhooks.id,
  ...keys.id,
  ...account.id,
  ...users.id,
  ...audit.id,
  ...logs.id,
  ...auth.id,
};

const TABLES: Record<Locale, Record<MessageKey, string>> = { en, id };

/** Variables for a message: `"{count} sessions"` with `{ count: 3 }`. */
export type MessageVars = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const text = TABLES[locale][key] ?? en[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The account's choice, else the browser's first language we have, else English. */
export function resolveLocale(saved: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (saved === "en" || saved === "id") return saved;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0].trim().toLowerCase();
    if (tag === "id" || tag.startsWith("id-") || tag === "in") return "id";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}
