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
import { formatDateTime } from "@/components/ui/format-date";

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

const SCOPE_LABELS: Record<string, string> = {
  read: "Read only",
  send: "Send only",
  sessions: "Manage sessions",
  webhooks: "Manage webhooks",
};

/** Named keys beside the default one: each may be limited to some sessions, some scopes and a date. */
export function NamedApiKeys({ keys, sessions }: { keys: NamedKeyView[]; sessions: Array<{ sessionId: string; name: string }> }) {
  const router = useRouter();
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
        title="Named keys"
        description="Extra keys for single integrations: limit each to some sessions, to read or send only, or to a date. A key never does more than you can."
        actions={
          <Button size="sm" onClick={() => (setError(null), setCreating(true))} data-testid="new-named-key">
            New key
          </Button>
        }
      />
      <div className="space-y-4 p-5">
        {fullKey && (
          <div className="space-y-2" data-testid="new-named-key-value">
            <Alert tone="warning">Copy this key now: it is shown only once.</Alert>
            <div className="flex flex-col gap-2 sm:flex-row">
              <code className="block min-w-0 flex-1 rounded-lg bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200 ring-inset dark:bg-slate-800 dark:text-slate-100">
                {fullKey}
              </code>
              <CopyButton text={fullKey} />
              <Button variant="ghost" size="sm" onClick={() => setFullKey(null)}>
                I’ve saved it
              </Button>
            </div>
          </div>
        )}
        {named.length === 0 ? (
          <p className="text-sm text-slate-600">No named keys yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {named.map((key) => (
              <li key={key.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="named-key-row">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900 dark:text-slate-100">{key.name}</span>
                    <span className="font-mono text-xs text-slate-500">{key.apiKey}</span>
                    {key.expired && <Badge tone="red">Expired</Badge>}
                  </div>
                  <div className="flex flex-wrap gap-1">
                    {(key.scopes ?? ["all"]).map((s) => (
                      <Badge key={s}>{SCOPE_LABELS[s] ?? "Everything you can do"}</Badge>
                    ))}
                    <Badge tone="blue">{key.sessions ? `Sessions: ${key.sessions.join(", ") || "none left"}` : "All your sessions"}</Badge>
                  </div>
                  <p className="text-xs text-slate-500">
                    {key.expiresAt ? `Expires ${formatDateTime(key.expiresAt)} · ` : ""}
                    Last used {key.lastUsedAt ? `${formatDateTime(key.lastUsedAt)}${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ""}` : "never"}
                  </p>
                </div>
                <Button variant="secondary" size="sm" className="text-red-600!" onClick={() => (setError(null), setRevoking(key))}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <Dialog
        open={creating}
        onClose={() => setCreating(false)}
        title="New named key"
        footer={
          <>
            <Button variant="ghost" onClick={() => setCreating(false)}>
              Cancel
            </Button>
            <Button type="submit" form="named-key-form" pending={pending}>
              Create key
            </Button>
          </>
        }
      >
        <form id="named-key-form" onSubmit={create} className="space-y-4">
          {error && <Alert>{error}</Alert>}
          <Field label="Name" required value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
          <fieldset>
            <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">What it may do (none ticked: everything you can)</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {Object.entries(SCOPE_LABELS).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={scopes.includes(value)} onChange={() => setScopes(toggle(scopes, value))} />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          {sessions.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Sessions (none ticked: all of yours)</legend>
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
          <Field label="Expires" type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </form>
      </Dialog>

      <ConfirmDialog
        open={revoking !== null}
        onCancel={() => setRevoking(null)}
        onConfirm={revoke}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        description="Integrations using this key stop working immediately, including open live connections."
        confirmLabel="Revoke key"
        pending={pending}
        error={error}
      />
    </Card>
  );
}
