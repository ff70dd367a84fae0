// The Groups, Campaigns, Recipient lists and Automation words: each Indonesian text keeps the
// English one's {placeholders} (a lost {count} would show a sentence without its number), and is
// not the English text left in place (the type only checks that the key exists).
import { describe, expect, it } from "vitest";
import * as automation from "./automation";
import * as campaigns from "./campaigns";
import * as groups from "./groups";
import * as lists from "./lists";

const AREAS = { groups, campaigns, lists, automation };
// Words that are the same in both languages (names of things, abbreviations, symbols).
const SAME_IN_BOTH = new Set([
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
