"use client";

import { useT } from "@/components/shell/i18n";
import { Button } from "@/components/ui/button";

/** What a page shows when loading it failed unexpectedly; the details stay in the server log. */
export function ErrorPanel({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid="error-panel">
      <p className="text-sm font-semibold text-blue-700">{t("auth.error")}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t("auth.errorTitle")}</h1>
      <p className="mt-2 text-sm text-slate-500">{t("auth.errorDescription")}</p>
      <div className="mt-6 flex justify-center">
        <Button onClick={onRetry}>{t("common.tryAgain")}</Button>
      </div>
    </div>
  );
}
