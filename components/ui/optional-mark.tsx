"use client";

import { useT } from "@/components/shell/i18n";

/** " (optional)" after a label, in the viewer's language; its own client file so field.tsx stays importable by server pages. */
export function OptionalMark() {
  const t = useT();
  return <span className="font-normal text-slate-500"> {t("common.optional")}</span>;
}
