"use client";

import Link from "next/link";
import { useT } from "@/components/shell/i18n";
import { buttonClasses } from "@/components/ui/button-classes";

/** The 404 body, shared by the signed-in shell and the bare root not-found page (each gives the language). */
export function NotFoundPanel() {
  const t = useT();
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid="not-found">
      <p className="text-sm font-semibold text-blue-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t("auth.notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-slate-500">{t("auth.notFoundDescription")}</p>
      <div className="mt-6 flex justify-center">
        <Link href="/sessions" className={buttonClasses("primary")}>
          {t("auth.backToSessions")}
        </Link>
      </div>
    </div>
  );
}
