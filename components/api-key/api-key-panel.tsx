"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import { useHydrated } from "@/components/ui/use-hydrated";

export type ApiKeySummary = { apiKey: string; createdAt: Date | string; lastUsedAt: Date | string | null } | { apiKey: null };

/**
 * The caller's API key: masked when it exists; the full key only right after it is created, since
 * the gateway keeps nothing but its hash.
 */
export function ApiKeyPanel({ summary }: { summary: ApiKeySummary }) {
  const router = useRouter();
  const [fullKey, setFullKey] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"regenerate" | "revoke" | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setPending(true);
    setError(null);
    try {
      const { apiKey } = await requestJson<{ apiKey: string }>("POST", "/api/user/api-key");
      setFullKey(apiKey);
      setConfirm(null);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      await requestJson("DELETE", "/api/user/api-key");
      setFullKey(null);
      setConfirm(null);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  const hasKey = summary.apiKey !== null;

  return (
    <div className="space-y-6">
      {fullKey && (
        <Card className="border-blue-200 ring-1 ring-blue-100" data-testid="new-api-key">
          <div className="p-5">
            <h2 className="text-base font-semibold text-slate-900">Your new API key</h2>
            <p className="mt-1 text-sm text-slate-600">Copy it now and store it somewhere safe.</p>
            <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-start">
              {/* A wrapping block rather than an input, so the whole key is visible on a phone too. */}
              <code
                className="block min-w-0 flex-1 rounded-lg bg-slate-50 px-3 py-2.5 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200 select-all ring-inset"
                aria-label="New API key"
                data-testid="full-api-key"
              >
                {fullKey}
              </code>
              <CopyButton text={fullKey} data-testid="copy-api-key" />
            </div>
            <div className="mt-4">
              <Alert tone="warning">
                <strong className="font-semibold">You won’t see this key again.</strong> Wagate stores only a fingerprint of it; if you lose it, regenerate a
                new one.
              </Alert>
            </div>
            <div className="mt-4 flex justify-end">
              <Button variant="ghost" size="sm" onClick={() => setFullKey(null)}>
                I’ve saved it
              </Button>
            </div>
          </div>
        </Card>
      )}

      <Card>
        <CardHeader title="API key" description="Authenticates your scripts and integrations against the gateway's HTTP API." />
        <div className="space-y-4 p-5">
          {error && !confirm && <Alert>{error}</Alert>}
          {summary.apiKey !== null ? (
            <dl className="grid gap-4 sm:grid-cols-3">
              <div>
                <dt className="text-sm text-slate-500">Key</dt>
                <dd className="mt-1 font-mono text-sm text-slate-900" data-testid="masked-api-key">
                  {summary.apiKey}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-500">Created</dt>
                <dd className="mt-1 text-sm text-slate-900">
                  <LocalTime value={summary.createdAt} />
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-500">Last used</dt>
                <dd className="mt-1 text-sm text-slate-900" data-testid="api-key-last-used">
                  {summary.lastUsedAt ? <LocalTime value={summary.lastUsedAt} /> : "Never"}
                </dd>
              </div>
            </dl>
          ) : (
            <p className="text-sm text-slate-600" data-testid="no-api-key">
              You have no API key yet. Create one to call the API from your own code.
            </p>
          )}
          <div className="flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:justify-end">
            {hasKey ? (
              <>
                <Button variant="secondary" className="text-red-700!" onClick={() => (setError(null), setConfirm("revoke"))} data-testid="revoke-api-key">
                  Revoke
                </Button>
                <Button onClick={() => (setError(null), setConfirm("regenerate"))} data-testid="regenerate-api-key">
                  Regenerate
                </Button>
              </>
            ) : (
              <Button onClick={create} pending={pending} data-testid="create-api-key">
                Create key
              </Button>
            )}
          </div>
        </div>
      </Card>

      <Card>
        <CardHeader title="Using your key" />
        <div className="space-y-2 p-5 text-sm text-slate-600">
          <p>
            Send it with every request in the <code className="rounded bg-slate-100 px-1 font-mono text-slate-800">X-API-Key</code> header, or as{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-slate-800">Authorization: Bearer &lt;key&gt;</code>.
          </p>
          <CurlExample />
          <p>The key acts as you: it reaches exactly the sessions you can see here.</p>
        </div>
      </Card>

      <ConfirmDialog
        open={confirm === "regenerate"}
        onCancel={() => setConfirm(null)}
        onConfirm={create}
        title="Regenerate the API key?"
        description="A new key is created and the current one stops working immediately. Update your integrations with the new key."
        confirmLabel="Regenerate key"
        pending={pending}
        error={error}
      />
      <ConfirmDialog
        open={confirm === "revoke"}
        onCancel={() => setConfirm(null)}
        onConfirm={revoke}
        title="Revoke the API key?"
        description="Integrations using this key stop working immediately. You can create a new key afterwards."
        confirmLabel="Revoke key"
        pending={pending}
        error={error}
      />
    </div>
  );
}

/** A command that can be pasted and run: this gateway's own address, known only in the browser. */
function CurlExample() {
  const hydrated = useHydrated();
  const base = hydrated ? window.location.origin : "";
  const command = `curl -H "X-API-Key: YOUR_KEY" ${base}/api/sessions`;
  return (
    <div className="flex items-start gap-2">
      <pre className="min-w-0 flex-1 overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100" data-testid="curl-example" tabIndex={0}>
        {command}
      </pre>
      <CopyButton text={command} label="Copy command" />
    </div>
  );
}
