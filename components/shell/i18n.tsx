"use client";

import { createContext, useCallback, useContext } from "react";
import { translate, type Locale, type MessageKey, type MessageVars } from "@/lib/i18n/messages";

const LocaleContext = createContext<Locale>("en");

/** Set once by the dashboard shell from the account's language (or the browser's). */
export function LocaleProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** `const t = useT(); t("nav.sessions")`, `t("sessions.count", { count })`. */
export function useT(): (key: MessageKey, vars?: MessageVars) => string {
  const locale = useContext(LocaleContext);
  // Stable while the language is: a component may list `t` in an effect's or callback's dependencies.
  return useCallback((key: MessageKey, vars?: MessageVars) => translate(locale, key, vars), [locale]);
}

/** The viewer's language, e.g. for `Intl` number and date formats. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}
