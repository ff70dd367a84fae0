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
import { useT } from "@/components/shell/i18n";

export type ApiKeySummary = { apiKey: string; createdAt: Date | string; lastUsedAt: Date | string | null } | { apiKey: null };

/**
 * The caller's API key: masked when it exists; the full key only right after it is created, since
 * the gateway keeps nothing but its hash.
 */
export function ApiKeyPanel({ summary }: { summary: ApiKeySummary }) {
  const router = useRouter();
  const t = useT();
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
            <h2 className="text-base font-semibold text-slate-900">{t("keys.newKeyTitle")}</h2>
            <p className="mt-1 text-sm text-slate-600">{t("keys.newKeyCopy")}</p>
            <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-start">
              {/* A wrapping block rather than an input, so the whole key is visible on a phone too. */}
              <code
                className="block min-w-0 flex-1 rounded-lg bg-slate-50 px-3 py-2.5 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200 select-all ring-inset"
                aria-label={t("keys.newKeyLabel")}
                data-testid="full-api-key"
              >
                {fullKey}
              </code>
              <CopyButton text={fullKey} data-testid="copy-api-key" />
            </div>
            <div className="mt-4">
              <Alert tone="warning">
                <strong className="font-semibold">{t("keys.wontSeeAgain")}</strong> {t("keys.wontSeeAgainDetail")}
              </Alert>
            </div>
            <div className="mt-4 flex justify-end">
              <Button variant="ghost" size="sm" onClick={() => setFullKey(null)}>
                {t("keys.saved")}
              </Button>
            </div>
          </div>
        </Card>
      )}

      <Card>
        <CardHeader title={t("keys.apiKey")} description={t("keys.apiKeyDescription")} />
        <div className="space-y-4 p-5">
          {error && !confirm && <Alert>{error}</Alert>}
          {summary.apiKey !== null ? (
            <dl className="grid gap-4 sm:grid-cols-3">
              <div>
                <dt className="text-sm text-slate-500">{t("keys.key")}</dt>
                <dd className="mt-1 font-mono text-sm text-slate-900" data-testid="masked-api-key">
                  {summary.apiKey}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-500">{t("keys.created")}</dt>
                <dd className="mt-1 text-sm text-slate-900">
                  <LocalTime value={summary.createdAt} />
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-500">{t("keys.lastUsed")}</dt>
                <dd className="mt-1 text-sm text-slate-900" data-testid="api-key-last-used">
                  {summary.lastUsedAt ? <LocalTime value={summary.lastUsedAt} /> : t("keys.never")}
                </dd>
              </div>
            </dl>
          ) : (
            <p className="text-sm text-slate-600" data-testid="no-api-key">
              {t("keys.noKey")}
            </p>
          )}
          <div className="flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:justify-end">
            {hasKey ? (
              <>
                <Button variant="secondary" className="text-red-700!" onClick={() => (setError(null), setConfirm("revoke"))} data-testid="revoke-api-key">
                  {t("keys.revoke")}
                </Button>
                <Button onClick={() => (setError(null), setConfirm("regenerate"))} data-testid="regenerate-api-key">
                  {t("keys.regenerate")}
                </Button>
              </>
            ) : (
              <Button onClick={create} pending={pending} data-testid="create-api-key">
                {t("keys.createKey")}
              </Button>
            )}
          </div>
        </div>
      </Card>

      <Card>
        <CardHeader title={t("keys.usingTitle")} />
        <div className="space-y-2 p-5 text-sm text-slate-600">
          <p>
            {/* The sentence's order differs by language; its two code samples slot in where its placeholders stand. */}
            {t("keys.usingHeader")
              .split(/(\{header\}|\{bearer\})/)
              .map((part, i) =>
                part === "{header}" || part === "{bearer}" ? (
                  <code key={i} className="rounded bg-slate-100 px-1 font-mono text-slate-800">
                    {part === "{header}" ? "X-API-Key" : "Authorization: Bearer <key>"}
                  </code>
                ) : (
                  part
                ),
              )}
          </p>
          <CurlExample />
          <p>{t("keys.actsAsYou")}</p>
          <p>
            <a href="/docs" className="font-medium text-blue-700 hover:underline dark:text-blue-400">
              {t("keys.linkDocs")}
            </a>
            {" · "}
            <a href="/ws-test" className="font-medium text-blue-700 hover:underline dark:text-blue-400">
              {t("keys.linkWsTest")}
            </a>
          </p>
        </div>
      </Card>

      <ConfirmDialog
        open={confirm === "regenerate"}
        onCancel={() => setConfirm(null)}
        onConfirm={create}
        title={t("keys.regenerateTitle")}
        description={t("keys.regenerateDescription")}
        confirmLabel={t("keys.regenerateKey")}
        pending={pending}
        error={error}
      />
      <ConfirmDialog
        open={confirm === "revoke"}
        onCancel={() => setConfirm(null)}
        onConfirm={revoke}
        title={t("keys.revokeTitle")}
        description={t("keys.revokeDescription")}
        confirmLabel={t("keys.revokeKey")}
        pending={pending}
        error={error}
      />
    </div>
  );
}

/** A command that can be pasted and run: this gateway's own address, known only in the browser. */
function CurlExample() {
  const hydrated = useHydrated();
  const t = useT();
  const base = hydrated ? window.location.origin : "";
  const command = `curl -H "X-API-Key: YOUR_KEY" ${base}/api/sessions`;
  return (
    <div className="flex items-start gap-2">
      <pre className="min-w-0 flex-1 overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100" data-testid="curl-example" tabIndex={0}>
        {command}
      </pre>
      <CopyButton text={command} label={t("keys.copyCommand")} />
    </div>
  );
}
