"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { useT } from "@/components/shell/i18n";

export interface NamedKeyView {
  id: string;
  name: string;
  isDefault: boolean;
  apiKey: string;
  scopes: string[] | null;
  sessions: string[] | null;
  expiresAt: string | null;
  expired: boolean;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
}

const SCOPES = ["read", "send", "sessions", "webhooks"] as const;
type Scope = (typeof SCOPES)[number];
const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

/** Named keys beside the default one: each may be limited to some sessions, some scopes and a date. */
export function NamedApiKeys({ keys, sessions }: { keys: NamedKeyView[]; sessions: Array<{ sessionId: string; name: string }> }) {
  const router = useRouter();
  const t = useT();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [expires, setExpires] = useState("");
  const [fullKey, setFullKey] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<NamedKeyView | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const body = {
        name,
        ...(scopes.length ? { scopes } : {}),
        ...(picked.length ? { sessions: picked } : {}),
        ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}),
      };
      const created = await requestJson<{ apiKey: string }>("POST", "/api/api-keys", body);
      setFullKey(created.apiKey);
      setCreating(false);
      setName("");
      setScopes([]);
      setPicked([]);
      setExpires("");
      router.refresh();
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
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  const named = keys.filter((k) => !k.isDefault);

  return (
    <Card data-testid="named-api-keys">
      <CardHeader
        title={t("keys.namedTitle")}
        description={t("keys.namedDescription")}
        actions={
          <Button size="sm" onClick={() => (setError(null), setCreating(true))} data-testid="new-named-key">
            {t("keys.newKey")}
          </Button>
        }
      />
      <div className="space-y-4 p-5">
        {fullKey && (
          <div className="space-y-2" data-testid="new-named-key-value">
            <Alert tone="warning">{t("keys.shownOnce")}</Alert>
            <div className="flex flex-col gap-2 sm:flex-row">
              <code className="block min-w-0 flex-1 rounded-lg bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200 ring-inset dark:bg-slate-800 dark:text-slate-100">
                {fullKey}
              </code>
              <CopyButton text={fullKey} />
              <Button variant="ghost" size="sm" onClick={() => setFullKey(null)}>
                {t("keys.saved")}
              </Button>
            </div>
          </div>
        )}
        {named.length === 0 ? (
          <p className="text-sm text-slate-600">{t("keys.noNamed")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {named.map((key) => (
              <li key={key.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="named-key-row">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900 dark:text-slate-100">{key.name}</span>
                    <span className="font-mono text-xs text-slate-500">{key.apiKey}</span>
                    {key.expired && <Badge tone="red">{t("keys.expired")}</Badge>}
                  </div>
                  <div className="flex flex-wrap gap-1">
                    {(key.scopes ?? ["all"]).map((s) => (
                      <Badge key={s}>{isScope(s) ? t(`keys.scope.${s}`) : t("keys.scope.all")}</Badge>
                    ))}
                    <Badge tone="blue">
                      {key.sessions ? t("keys.sessionsList", { names: key.sessions.join(", ") || t("keys.noneLeft") }) : t("keys.allSessions")}
                    </Badge>
                  </div>
                  <p className="text-xs text-slate-500">
                    {key.expiresAt && (
                      <>
                        {t("keys.expires")} <LocalTime value={key.expiresAt} /> ·{" "}
                      </>
                    )}
                    {t("keys.lastUsed")}{" "}
                    {key.lastUsedAt ? (
                      <>
                        <LocalTime value={key.lastUsedAt} />
                        {key.lastUsedIp ? ` ${t("keys.lastUsedFrom", { ip: key.lastUsedIp })}` : ""}
                      </>
                    ) : (
                      t("keys.never").toLowerCase()
                    )}
                  </p>
                </div>
                <Button variant="secondary" size="sm" className="text-red-600!" onClick={() => (setError(null), setRevoking(key))}>
                  {t("keys.revoke")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <Dialog
        open={creating}
        onClose={() => setCreating(false)}
        title={t("keys.newNamedTitle")}
        footer={
          <>
            <Button variant="ghost" onClick={() => setCreating(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" form="named-key-form" pending={pending}>
              {t("keys.createKey")}
            </Button>
          </>
        }
      >
        <form id="named-key-form" onSubmit={create} className="space-y-4">
          {error && <Alert>{error}</Alert>}
          <Field label={t("keys.name")} required value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
          <fieldset>
            <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t("keys.scopesLegend")}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {SCOPES.map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={scopes.includes(value)} onChange={() => setScopes(toggle(scopes, value))} />
                  {t(`keys.scope.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {sessions.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t("keys.sessionsLegend")}</legend>
              <div className="mt-2 grid max-h-48 gap-2 overflow-y-auto sm:grid-cols-2">
                {sessions.map((s) => (
                  <label key={s.sessionId} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={picked.includes(s.sessionId)} onChange={() => setPicked(toggle(picked, s.sessionId))} />
                    {s.name} <span className="font-mono text-xs text-slate-500">{s.sessionId}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <Field label={t("keys.expires")} type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </form>
      </Dialog>

      <ConfirmDialog
        open={revoking !== null}
        onCancel={() => setRevoking(null)}
        onConfirm={revoke}
        title={t("keys.revokeNamedTitle", { name: revoking?.name ?? "" })}
        description={t("keys.revokeNamedDescription")}
        confirmLabel={t("keys.revokeKey")}
        pending={pending}
        error={error}
      />
    </Card>
  );
}
