"use client";

import { createContext, useContext } from "react";
import { translate, type Locale, type MessageKey } from "@/lib/i18n/messages";

const LocaleContext = createContext<Locale>("en");

/** Set once by the dashboard shell from the account's language (or the browser's). */
export function LocaleProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** `const t = useT(); t("nav.sessions")`. */
export function useT(): (key: MessageKey) => string {
  const locale = useContext(LocaleContext);
  return (key) => translate(locale, key);
}
