"use client";

import { useCallback, useState } from "react";
import type { AutoReplyView, SessionOption } from "@/components/automation/automation-types";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { LiveIndicator } from "@/components/chat/live-indicator";
import { useSessionSocket } from "@/components/chat/use-session-socket";
import { useLocale, useT } from "@/components/shell/i18n";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, inputClasses, SelectField } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import type { MessageKey } from "@/lib/i18n/messages";

const ALL = "";
const MATCH_LABEL: Record<string, MessageKey> = { CONTAINS: "automation.matchContains", EXACT: "automation.matchExact", REGEX: "automation.matchRegex" };
const SCOPE_LABEL: Record<string, MessageKey> = { BOTH: "automation.scopeBoth", PRIVATE: "automation.scopePrivate", GROUPS: "automation.scopeGroups" };

interface Props {
  sessions: SessionOption[];
  initialRules: AutoReplyView[];
  canToggle: boolean;
  canMakeOwnerWide: boolean;
}

/** Auto-reply rules: the session's switch, the rules in the order they are tried, a tester and a form for new ones. */
export function AutoReplyManager({ sessions, initialRules, canToggle, canMakeOwnerWide }: Props) {
  const t = useT();
  const locale = useLocale();
  const [sessionId, setSessionId] = useState(sessions[0]?.sessionId ?? ALL);
  const [rules, setRules] = useState(initialRules);
  const [enabledBySession, setEnabledBySession] = useState(() => Object.fromEntries(sessions.map((s) => [s.sessionId, s.autoReplyEnabled])));
  const toast = useToast();

  const reload = useCallback(async () => {
    try {
      setRules(await requestJson<AutoReplyView[]>("GET", `/api/autoreplies${sessionId ? `?sessionId=${encodeURIComponent(sessionId)}` : ""}`));
    } catch (error) {
      toast(errorMessage(error), "error");
    }
  }, [sessionId, toast]);

  const visible = sessionId ? rules.filter((r) => r.sessionId === null || r.sessionId === sessionId) : rules;

  async function toggleSession(on: boolean) {
    try {
      await requestJson("PATCH", `/api/sessions/${encodeURIComponent(sessionId)}/settings`, { config: { autoReplyEnabled: on } });
      setEnabledBySession((m) => ({ ...m, [sessionId]: on }));
    } catch (error) {
      toast(errorMessage(error), "error");
    }
  }

  async function patch(id: string, data: Record<string, unknown>) {
    const updated = await requestJson<AutoReplyView>("PATCH", `/api/autoreplies/${id}`, data);
    setRules((list) => list.map((r) => (r.id === id ? updated : r)));
  }

  /** Moves a rule one place up or down: the list is renumbered 10, 20, 30… and the changed ones saved. */
  async function move(index: number, delta: -1 | 1) {
    const order = [...visible];
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target], order[index]];
    try {
      for (const [i, rule] of order.entries()) {
        const priority = (i + 1) * 10;
        if (rule.priority !== priority) await patch(rule.id, { priority });
      }
      await reload();
    } catch (error) {
      toast(errorMessage(error), "error");
    }
  }

  async function remove(rule: AutoReplyView) {
    try {
      await requestJson("DELETE", `/api/autoreplies/${rule.id}`);
      setRules((list) => list.filter((r) => r.id !== rule.id));
    } catch (error) {
      toast(errorMessage(error), "error");
    }
  }

  const live = useSessionSocket(
    sessionId || "__none__",
    {
      "autoreply.hit": ((data: { ruleId: string; hitCount: number; lastHitAt: string }) =>
        setRules((list) => list.map((r) => (r.id === data.ruleId ? { ...r, hitCount: data.hitCount, lastHitAt: data.lastHitAt } : r)))) as (
        data: never,
      ) => void,
    },
    () => void reload(),
  );

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card>
          <CardHeader title={t("automation.rules")} description={t("automation.rulesHint")} actions={sessionId ? <LiveIndicator state={live} /> : undefined} />
          <div className="space-y-3 px-5 py-4">
            <SelectField label={t("automation.session")} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
              {sessions.map((s) => (
                <option key={s.sessionId} value={s.sessionId}>
                  {s.name} ({s.sessionId})
                </option>
              ))}
              <option value={ALL}>{t("automation.allSessions")}</option>
            </SelectField>
            {sessionId && canToggle && (
              <Switch
                checked={Boolean(enabledBySession[sessionId])}
                onChange={(on) => void toggleSession(on)}
                label={t("automation.switchLabel")}
                description={t("automation.switchHint")}
              />
            )}
            {sessionId && !enabledBySession[sessionId] && (
              <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="autoreply-off">
                {t("automation.offWarning")}
              </p>
            )}
          </div>
          <ol className="divide-y divide-slate-100" data-testid="autoreply-rules">
            {visible.length === 0 && <li className="px-5 py-6 text-sm text-slate-500">{t("automation.noRules")}</li>}
            {visible.map((rule, i) => (
              <li key={rule.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start" data-testid="autoreply-rule">
                <div className="flex gap-1 sm:flex-col">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={t("automation.moveUp", { keyword: rule.keyword })}
                    disabled={i === 0}
                    onClick={() => void move(i, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={t("automation.moveDown", { keyword: rule.keyword })}
                    disabled={i === visible.length - 1}
                    onClick={() => void move(i, 1)}
                  >
                    ↓
                  </Button>
                </div>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 text-sm break-all text-slate-900">{rule.keyword}</code>
                    <Badge tone="blue">{MATCH_LABEL[rule.matchType] ? t(MATCH_LABEL[rule.matchType]) : rule.matchType}</Badge>
                    <Badge>{t(SCOPE_LABEL[rule.scope] ?? "automation.scopeGroups")}</Badge>
                    <Badge tone="violet">{rule.sessionName ?? t("automation.allSessions")}</Badge>
                    {!rule.enabled && <Badge tone="amber">{t("automation.disabled")}</Badge>}
                  </div>
                  <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-700">{rule.response ?? `(${rule.mediaType})`}</p>
                  <p className="mt-1 text-xs text-slate-500" data-testid="autoreply-hits">
                    {t(rule.hitCount === 1 ? "automation.hitsOne" : "automation.hitsMany", { count: rule.hitCount.toLocaleString(locale) })} ·{" "}
                    {t("automation.lastHit")} <LocalTime value={rule.lastHitAt} /> ·{" "}
                    {t("automation.cooldownShort", { seconds: rule.cooldownSeconds.toLocaleString(locale) })}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => void patch(rule.id, { enabled: !rule.enabled }).catch((e) => toast(errorMessage(e), "error"))}
                  >
                    {rule.enabled ? t("automation.disable") : t("automation.enable")}
                  </Button>
                  <Button variant="danger" size="sm" aria-label={t("automation.deleteRule", { keyword: rule.keyword })} onClick={() => void remove(rule)}>
                    {t("common.delete")}
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <div className="space-y-6">
        <RuleTester sessionId={sessionId} />
        <NewRuleForm
          sessions={sessions}
          defaultSession={sessionId}
          canMakeOwnerWide={canMakeOwnerWide}
          onCreated={(rule) => setRules((list) => [...list, rule])}
        />
      </div>
    </div>
  );
}

function RuleTester({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ matched: boolean; rule: AutoReplyView | null; reply: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      setResult(await requestJson("POST", "/api/autoreplies/test", { text, ...(sessionId ? { sessionId } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }
  return (
    <Card>
      <CardHeader title={t("automation.tryTitle")} description={t("automation.tryHint")} />
      <form onSubmit={run} className="space-y-3 px-5 py-4">
        <label className="block text-sm font-medium text-slate-700" htmlFor="tester-text">
          {t("automation.sample")}
        </label>
        <textarea id="tester-text" required rows={3} value={text} onChange={(e) => setText(e.target.value)} className={inputClasses} />
        <Button type="submit" pending={pending}>
          {t("automation.test")}
        </Button>
        <div role="status" data-testid="tester-result" className="text-sm">
          {error && <p className="text-red-700">{error}</p>}
          {result && !result.matched && <p className="text-slate-600">{t("automation.noMatch")}</p>}
          {result?.matched && result.rule && (
            <p className="text-slate-800">
              {t("automation.matches")} <code className="rounded bg-slate-100 px-1">{result.rule.keyword}</code>: “{result.reply ?? result.rule.mediaType}”
            </p>
          )}
        </div>
      </form>
    </Card>
  );
}

function NewRuleForm({
  sessions,
  defaultSession,
  canMakeOwnerWide,
  onCreated,
}: {
  sessions: SessionOption[];
  defaultSession: string;
  canMakeOwnerWide: boolean;
  onCreated: (rule: AutoReplyView) => void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      const rule = await requestJson<AutoReplyView>("POST", "/api/autoreplies", {
        sessionId: (data.get("sessionId") as string) || null,
        keyword: data.get("keyword"),
        matchType: data.get("matchType"),
        response: data.get("response"),
        scope: data.get("scope"),
        caseSensitive: data.get("caseSensitive") === "on",
        quote: data.get("quote") === "on",
        cooldownSeconds: Number(data.get("cooldownSeconds") || 60),
      });
      onCreated(rule);
      form.reset();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }
  return (
    <Card>
      <CardHeader title={t("automation.newRule")} description={t("automation.newRuleHint")} />
      <form onSubmit={submit} className="space-y-3 px-5 py-4" aria-label={t("automation.newRuleForm")}>
        <SelectField label={t("automation.appliesTo")} name="sessionId" defaultValue={defaultSession}>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {s.name}
            </option>
          ))}
          {canMakeOwnerWide && <option value="">{t("automation.allSessions")}</option>}
        </SelectField>
        <Field label={t("automation.keyword")} name="keyword" required maxLength={1000} />
        <SelectField label={t("automation.match")} name="matchType" defaultValue="CONTAINS">
          <option value="CONTAINS">{t("automation.matchContains")}</option>
          <option value="EXACT">{t("automation.matchExact")}</option>
          <option value="REGEX">{t("automation.matchRegex")}</option>
        </SelectField>
        <div>
          <label htmlFor="rule-response" className="block text-sm font-medium text-slate-700">
            {t("automation.reply")}
          </label>
          <textarea id="rule-response" name="response" required rows={3} maxLength={4096} className={`mt-1 ${inputClasses}`} />
        </div>
        <SelectField label={t("automation.where")} name="scope" defaultValue="BOTH">
          <option value="BOTH">{t("automation.whereBoth")}</option>
          <option value="PRIVATE">{t("automation.wherePrivate")}</option>
          <option value="GROUPS">{t("automation.whereGroups")}</option>
        </SelectField>
        <Field label={t("automation.cooldown")} name="cooldownSeconds" type="number" min={0} defaultValue={60} />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="caseSensitive" /> {t("automation.matchCase")}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="quote" /> {t("automation.quote")}
        </label>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" pending={pending}>
          {t("automation.addRule")}
        </Button>
      </form>
    </Card>
  );
}
