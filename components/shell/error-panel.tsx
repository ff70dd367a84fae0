"use client";

import { Button } from "@/components/ui/button";

/** What a page shows when loading it failed unexpectedly; the details stay in the server log. */
export function ErrorPanel({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid="error-panel">
      <p className="text-sm font-semibold text-blue-700">Error</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-500">The page could not be loaded. Try again in a moment.</p>
      <div className="mt-6 flex justify-center">
        <Button onClick={onRetry}>Try again</Button>
      </div>
    </div>
  );
}
