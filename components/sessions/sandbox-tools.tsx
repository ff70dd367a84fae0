"use client";

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

const FAULTS = [
  { kind: "drop", label: "Drop the connection", description: "The network cuts the link without warning; the session reconnects after a short backoff." },
  { kind: "restart", label: "Ask for a restart", description: "WhatsApp's server asks the session to reconnect at once (code 515)." },
  { kind: "conflict", label: "Conflict", description: "Another client takes over the credentials; the session stops and waits for you." },
  { kind: "logout", label: "Log out from the phone", description: "The phone unlinks this device; the session is logged out and needs a new QR scan." },
] as const;

type FaultKind = (typeof FAULTS)[number]["kind"];

/**
 * Sandbox mode only: be one of the emulated contacts and write to this session, or make the emulated
 * network misbehave towards it, and watch the status and the live log react.
 */
export function SandboxTools({ sessionId, connected, canManage }: { sessionId: string; connected: boolean; canManage: boolean }) {
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
      const name = contacts?.find((c) => c.phone === from)?.name ?? formatPhone(from);
      setSendResult({ tone: "success", text: `${name} sent it. Watch the live events.` });
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
      setFaultResult({ tone: "success", text: "Injected. The status and the live events show what the session does about it." });
    } catch (error) {
      setFaultResult({ tone: "error", text: errorMessage(error) });
    } finally {
      setInjecting(false);
    }
  }

  const chosenFault = FAULTS.find((f) => f.kind === fault)!;

  return (
    <Card data-testid="sandbox-tools" className="border-amber-200">
      <CardHeader title="Sandbox tools" description="Try the session without a phone: the contacts and the network here are emulated." />
      <div className="divide-y divide-slate-100">
        <form onSubmit={send} className="space-y-3 px-5 py-4" data-testid="sandbox-send-form">
          <h3 className="text-sm font-semibold text-slate-900">Message this session as a contact</h3>
          {contactsError ? (
            <Alert>{contactsError}</Alert>
          ) : (
            <SelectField label="From" name="from" value={from} onChange={(e) => setFrom(e.target.value)} disabled={!contacts} data-testid="sandbox-contact">
              {(contacts ?? []).map((c) => (
                <option key={c.phone} value={c.phone}>
                  {c.name} ({formatPhone(c.phone)}){c.echo ? " – echoes replies" : ""}
                </option>
              ))}
            </SelectField>
          )}
          <Field
            label="Text"
            name="text"
            required
            maxLength={4096}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Hello from the sandbox"
            autoComplete="off"
          />
          {!connected && <p className="text-xs text-slate-500">Connect the session first: only a linked session can receive messages.</p>}
          {sendResult && (
            <Alert tone={sendResult.tone} data-testid="sandbox-send-result">
              {sendResult.text}
            </Alert>
          )}
          <div className="flex justify-end">
            <Button type="submit" size="sm" pending={sending} disabled={!connected || !from || !text.trim()} data-testid="sandbox-send">
              Send to this session
            </Button>
          </div>
        </form>

        {canManage && (
          <div className="space-y-3 px-5 py-4" data-testid="sandbox-fault">
            <h3 className="text-sm font-semibold text-slate-900">Inject a fault</h3>
            <SelectField label="Fault" name="fault" value={fault} onChange={(e) => setFault(e.target.value as FaultKind)} data-testid="sandbox-fault-kind">
              {FAULTS.map((f) => (
                <option key={f.kind} value={f.kind}>
                  {f.label}
                </option>
              ))}
            </SelectField>
            <p className="text-xs text-slate-500">{chosenFault.description}</p>
            {faultResult && (
              <Alert tone={faultResult.tone} data-testid="sandbox-fault-result">
                {faultResult.text}
              </Alert>
            )}
            <div className="flex justify-end">
              <Button variant="secondary" size="sm" onClick={inject} pending={injecting} disabled={!connected} data-testid="sandbox-inject">
                Inject fault
              </Button>
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}
