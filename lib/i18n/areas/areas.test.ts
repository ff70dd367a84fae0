// Every area's words: each Indonesian text keeps the English one's {placeholders} (a lost {count}
// would show a sentence without its number; some pages split a sentence on them to put a code
// sample or a name in its place), and is not the English text left in place (the type only checks
// that the key exists).
import { describe, expect, it } from "vitest";
import * as account from "./account";
import * as audit from "./audit";
import * as auth from "./auth";
import * as automation from "./automation";
import * as campaigns from "./campaigns";
import * as chat from "./chat";
import * as common from "./common";
import * as groups from "./groups";
import * as keys from "./keys";
import * as lists from "./lists";
import * as logs from "./logs";
import * as overview from "./overview";
import * as sessions from "./sessions";
import * as shell from "./shell";
import * as users from "./users";
import * as webhooks from "./webhooks";

const AREAS = { shell, overview, common, sessions, chat, groups, campaigns, lists, automation, webhooks, keys, account, users, audit, logs, auth };
// Words that are the same in both languages (loanwords, names of things, abbreviations, symbols).
const SAME_IN_BOTH = new Set([
  "shell.menu",
  "overview.status",
  "chat.kind.VIDEO",
  "chat.kind.AUDIO",
  "chat.via.api",
  "sessions.status",
  "webhooks.status",
  "logs.status",
  "common.status",
  "webhooks.url",
  "webhooks.origin.API",
  "users.role.SUPERADMIN",
  "users.email",
  "auth.email",
  "groups.admin",
  "groups.fontSans",
  "groups.fontSerif",
  "groups.kindVideo",
  "campaigns.status",
  "campaigns.varySpintax",
  "lists.tag",
  "lists.usedTimes",
  "automation.media",
]);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(AREAS))("the %s area", (_name, area) => {
  const keys = Object.keys(area.en) as Array<keyof typeof area.en>;

  it("keeps every placeholder in Indonesian", () => {
    const lost = keys.filter((k) => placeholders(area.en[k]).join() !== placeholders((area.id as Record<string, string>)[k]).join());
    expect(lost).toEqual([]);
  });

  it("translates every text that differs between the languages", () => {
    const untranslated = keys.filter((k) => area.en[k] === (area.id as Record<string, string>)[k] && !SAME_IN_BOTH.has(k));
    expect(untranslated).toEqual([]);
  });
});
