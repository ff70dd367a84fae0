"use client";

import { useT } from "@/components/shell/i18n";
import { useEffect, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { formatPhone } from "@/components/sessions/live-session";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";

interface SandboxContact {
  phone: string;
  name: string;
  echo: boolean;
}

// Each fault's name and description: "sessions.sandbox.fault.<kind>" and "….description".
const FAULTS = ["drop", "restart", "conflict", "logout"] as const;

type FaultKind = (typeof FAULTS)[number];

/**
 * Sandbox mode only: be one of the emulated contacts and write to this session, or make the emulated
 * network misbehave towards it, and watch the status and the live log react.
 */
export function SandboxTools({ sessionId, connected, canManage }: { sessionId: string; connected: boolean; canManage: boolean }) {
  const t = useT();
  const [contacts, setContacts] = useState<SandboxContact[] | null>(null);
  const [contactsError, setContactsError] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [sendResult, setSendResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fault, setFault] = useState<FaultKind>("drop");
  const [injecting, setInjecting] = useState(false);
  const [faultResult, setFaultResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  useEffect(() => {
    requestJson<SandboxContact[]>("GET", "/api/sandbox/contacts")
      .then((list) => {
        setContacts(list);
        setFrom((current) => current || list[0]?.phone || "");
      })
      .catch((error) => setContactsError(errorMessage(error)));
  }, []);

  async function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSending(true);
    setSendResult(null);
    try {
      await requestJson("POST", `/api/sandbox/contacts/${encodeURIComponent(from)}/messages`, { to: sessionId, text });
      const name = contacts?.find((c) => c.phone === from)?.name ?? formatPhone(from) ?? from;
      setSendResult({ tone: "success", text: t("sessions.sandbox.sent", { name }) });
      setText("");
    } catch (error) {
      setSendResult({ tone: "error", text: errorMessage(error) });
    } finally {
      setSending(false);
    }
  }

  async function inject() {
    setInjecting(true);
    setFaultResult(null);
    try {
      await requestJson("POST", `/api/sandbox/sessions/${encodeURIComponent(sessionId)}/fault`, { kind: fault });
      setFaultResult({ tone: "success", text: t("sessions.sandbox.injected") });
    } catch (error) {
      setFaultResult({ tone: "error", text: errorMessage(error) });
    } finally {
      setInjecting(false);
    }
  }

  return (
    <Card data-testid="sandbox-tools" className="border-amber-200">
      <CardHeader title={t("sessions.sandbox.title")} description={t("sessions.sandbox.description")} />
      <div className="divide-y divide-slate-100">
        <form onSubmit={send} className="space-y-3 px-5 py-4" data-testid="sandbox-send-form">
          <h3 className="text-sm font-semibold text-slate-900">{t("sessions.sandbox.messageAs")}</h3>
          {contactsError ? (
            <Alert>{contactsError}</Alert>
          ) : (
            <SelectField
              label={t("sessions.sandbox.from")}
              name="from"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              disabled={!contacts}
              data-testid="sandbox-contact"
            >
              {(contacts ?? []).map((c) => (
                <option key={c.phone} value={c.phone}>
                  {c.name} ({formatPhone(c.phone)}){c.echo ? " – echoes replies" : ""}
                </option>
              ))}
            </SelectField>
          )}
          <Field
            label={t("sessions.sandbox.text")}
            name="text"
            required
            maxLength={4096}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("sessions.sandbox.textPlaceholder")}
            autoComplete="off"
          />
          {!connected && <p className="text-xs text-slate-500">{t("sessions.sandbox.connectFirst")}</p>}
          {sendResult && (
            <Alert tone={sendResult.tone} data-testid="sandbox-send-result">
              {sendResult.text}
            </Alert>
          )}
          <div className="flex justify-end">
            <Button type="submit" size="sm" pending={sending} disabled={!connected || !from || !text.trim()} data-testid="sandbox-send">
              {t("sessions.sandbox.send")}
            </Button>
          </div>
        </form>

        {canManage && (
          <div className="space-y-3 px-5 py-4" data-testid="sandbox-fault">
            <h3 className="text-sm font-semibold text-slate-900">{t("sessions.sandbox.inject")}</h3>
            <SelectField
              label={t("sessions.sandbox.fault")}
              name="fault"
              value={fault}
              onChange={(e) => setFault(e.target.value as FaultKind)}
              data-testid="sandbox-fault-kind"
            >
              {FAULTS.map((f) => (
                <option key={f} value={f}>
                  {t(`sessions.sandbox.fault.${f}`)}
                </option>
              ))}
            </SelectField>
            <p className="text-xs text-slate-500">{t(`sessions.sandbox.fault.${fault}.description`)}</p>
            {faultResult && (
              <Alert tone={faultResult.tone} data-testid="sandbox-fault-result">
                {faultResult.text}
              </Alert>
            )}
            <div className="flex justify-end">
              <Button variant="secondary" size="sm" onClick={inject} pending={injecting} disabled={!connected} data-testid="sandbox-inject">
                {t("sessions.sandbox.injectButton")}
              </Button>
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}
