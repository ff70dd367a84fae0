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
import { useT } from "@/components/shell/i18n";

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
  const t = useT();
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
        title={t("sessions.token.title")}
        description={t("sessions.token.description")}
        actions={
          <Button size="sm" onClick={create} pending={pending && !revoking} data-testid="create-session-token">
            {t("sessions.token.create")}
          </Button>
        }
      />
      <div className="space-y-4 p-5">
        {error && !revoking && <Alert>{error}</Alert>}
        {fullToken && (
          <div className="space-y-2" data-testid="session-token-value">
            <Alert tone="warning">{t("sessions.token.copyNow")}</Alert>
            <div className="flex flex-col gap-2 sm:flex-row">
              <code className="block min-w-0 flex-1 rounded-lg bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200 ring-inset dark:bg-slate-800 dark:text-slate-100">
                {fullToken}
              </code>
              <CopyButton text={fullToken} />
              <Button variant="ghost" size="sm" onClick={() => setFullToken(null)}>
                {t("keys.saved")}
              </Button>
            </div>
          </div>
        )}
        {tokens === null ? (
          <p className="text-sm text-slate-600">{t("common.loading")}</p>
        ) : tokens.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="session-token-empty">
            {t("sessions.token.none")}
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
                    {token.expired && <Badge tone="red">{t("keys.expired")}</Badge>}
                  </div>
                  <p className="text-xs text-slate-600">
                    {t("keys.created")} <LocalTime value={token.createdAt} /> · {t("keys.lastUsed")}{" "}
                    <LocalTime value={token.lastUsedAt} fallback={t("keys.never")} />
                  </p>
                </div>
                <Button variant="secondary" size="sm" className="text-red-600!" onClick={() => (setError(null), setRevoking(token))}>
                  {t("keys.revoke")}
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
        title={t("sessions.token.revokeTitle", { name: revoking?.name ?? "" })}
        description={t("sessions.token.revokeDescription")}
        confirmLabel={t("sessions.token.revokeConfirm")}
        pending={pending}
        error={error}
      />
    </Card>
  );
}
