"use client";

import { ErrorPanel } from "@/components/shell/error-panel";

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorPanel onRetry={reset} />;
}
