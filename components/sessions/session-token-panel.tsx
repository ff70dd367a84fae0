"use client";

import { useCallback, useEffect, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";

interface TokenView {
  id: string;
  name: string;
  apiKey: string;
  sessions: string[] | null;
  expired: boolean;
  lastUsedAt: string | null;
  createdAt: string;
}

/**
 * The Campaign API's "per-session token" (issue 14): an API key restricted to this one session —
 * the kind POST /api/v1/sessions answers as `token`. Keys are stored as fingerprints, so a token
 * is shown in full only in the answer that creates it; afterwards it is listed masked, to revoke.
 * Built on the named-key API (/api/api-keys), so the API key page lists the same keys.
 */
export function SessionTokenPanel({ sessionId }: { sessionId: string }) {
  const [tokens, setTokens] = useState<TokenView[] | null>(null);
  const [fullToken, setFullToken] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const { apiKeys } = await requestJson<{ apiKeys: TokenView[] }>("GET", "/api/api-keys");
      // A key for this session alone; keys that also reach other sessions are not its token.
      setTokens(apiKeys.filter((k) => k.sessions?.length === 1 && k.sessions[0] === sessionId));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [sessionId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create() {
    setPending(true);
    setError(null);
    try {
      const created = await requestJson<{ apiKey: string }>("POST", "/api/api-keys", { name: `Session token: ${sessionId}`, sessions: [sessionId] });
      setFullToken(created.apiKey);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  async function revoke() {
    if (!revoking) return;
    setPending(true);
    setError(null);
    try {
      await requestJson("DELETE", `/api/api-keys/${revoking.id}`);
      setRevoking(null);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card data-testid="session-token-panel">
      <CardHeader
        title="Session token"
        description="An API key that reaches this session only (the Campaign API's per-session token). Use it as X-API-Key or Authorization: Bearer."
        actions={
          <Button size="sm" onClick={create} pending={pending && !revoking} data-testid="create-session-token">
            Create token
          </Button>
        }
      />
      <div className="space-y-4 p-5">
        {error && !revoking && <Alert>{error}</Alert>}
        {fullToken && (
          <div className="space-y-2" data-testid="session-token-value">
            <Alert tone="warning">Copy this token now: it is shown only once.</Alert>
            <div className="flex flex-col gap-2 sm:flex-row">
              <code className="block min-w-0 flex-1 rounded-lg bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200 ring-inset dark:bg-slate-800 dark:text-slate-100">
                {fullToken}
              </code>
              <CopyButton text={fullToken} />
              <Button variant="ghost" size="sm" onClick={() => setFullToken(null)}>
                I’ve saved it
              </Button>
            </div>
          </div>
        )}
        {tokens === null ? (
          <p className="text-sm text-slate-600">Loading…</p>
        ) : tokens.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="session-token-empty">
            No token for this session yet.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="session-token-row">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900 dark:text-slate-100">{token.name}</span>
                    <span className="font-mono text-xs text-slate-600" data-testid="session-token-masked">
                      {token.apiKey}
                    </span>
                    {token.expired && <Badge tone="red">Expired</Badge>}
                  </div>
                  <p className="text-xs text-slate-600">
                    Created <LocalTime value={token.createdAt} /> · Last used <LocalTime value={token.lastUsedAt} fallback="never" />
                  </p>
                </div>
                <Button variant="secondary" size="sm" className="text-red-600!" onClick={() => (setError(null), setRevoking(token))}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ConfirmDialog
        open={revoking !== null}
        onCancel={() => setRevoking(null)}
        onConfirm={revoke}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        description="Integrations using this token lose this session immediately, including open live connections."
        confirmLabel="Revoke token"
        pending={pending}
        error={error}
      />
    </Card>
  );
}
