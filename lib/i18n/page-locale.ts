import { headers } from "next/headers";
import { db } from "@/lib/server/runtime";
import { resolveLocale, translate, type Locale, type MessageKey, type MessageVars } from "./messages";

/** A server page's language: the account's choice, else the browser's. */
export async function pageLocale(userId: string): Promise<Locale> {
  const saved = await db().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return resolveLocale(saved?.locale, (await headers()).get("accept-language"));
}

/** `const t = await pageTranslator(caller.id); t("sessions.title")` in a server page. */
export async function pageTranslator(userId: string): Promise<(key: MessageKey, vars?: MessageVars) => string> {
  const locale = await pageLocale(userId);
  return (key, vars) => translate(locale, key, vars);
}

/** A signed-out page's language (sign-in, registration, 404): the browser's. */
export async function requestLocale(): Promise<Locale> {
  return resolveLocale(null, (await headers()).get("accept-language"));
}
