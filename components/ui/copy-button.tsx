"use client";

import { useState } from "react";
import { useT } from "@/components/shell/i18n";
import { Button } from "@/components/ui/button";

/**
 * Copies text to the clipboard. The Clipboard API only exists on secure origins, and a self-hosted
 * gateway is often reached over plain http on a LAN, so the old selection-based copy is the fallback.
 */
export function CopyButton({ text, label, ...rest }: { text: string; label?: string; "data-testid"?: string }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = legacyCopy(text);
    }
    setState(ok ? "copied" : "failed");
    setTimeout(() => setState("idle"), 2000);
  }

  return (
    <Button variant="secondary" onClick={copy} data-testid={rest["data-testid"]} aria-live="polite">
      {state === "copied" ? t("common.copied") : state === "failed" ? t("common.copyFailed") : (label ?? t("common.copy"))}
    </Button>
  );
}

function legacyCopy(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
