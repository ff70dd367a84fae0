"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { formatPhone, sentence, type LiveSession } from "@/components/sessions/live-session";
import type { DashboardSession } from "@/components/sessions/session-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useT } from "@/components/shell/i18n";

type Phase = "starting" | "qr" | "linking" | "expired" | "error";

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : 0);

interface ConnectDialogProps {
  session: LiveSession;
  sandbox: boolean;
  onClose: () => void;
}

/**
 * Linking a session to a phone. Mounted when opened: it asks the gateway to connect, shows the QR
 * code and follows it as WhatsApp rotates it (the parent's socket state says when), and closes itself
 * with a toast once the session is CONNECTED. A code that runs out shows why, with a way to get a new one.
 */
export function ConnectDialog({ session, sandbox, onClose }: ConnectDialogProps) {
  const toast = useToast();
  const t = useT();
  const [phase, setPhase] = useState<Phase>("starting");
  const [image, setImage] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<string | null>(null);

  const url = `/api/sessions/${encodeURIComponent(session.sessionId)}`;
  const latest = useRef(session);
  latest.current = session;
  // The parent passes a new onClose on every render; the connect request must not follow it.
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  /** The status change we last knew of when (re)starting; only later ones say anything about this attempt. */
  const startedAfter = useRef(time(session.since));
  const shownQr = useRef<string | null>(null);
  const finished = useRef(false);

  /** `phone` when the answer that said CONNECTED carried it; otherwise it is read fresh (a relink may change it). */
  const finish = useCallback(
    async (phone: string | null) => {
      if (finished.current) return;
      finished.current = true;
      const { name } = latest.current;
      onCloseRef.current();
      const number =
        phone ??
        (await requestJson<{ phoneNumber: string | null }>("GET", `${url}/status`)
          .then((status) => status.phoneNumber)
          .catch(() => null));
      toast(number ? t("sessions.connectedAs", { name, phone: formatPhone(number) ?? number }) : t("sessions.connected", { name }));
    },
    [toast, url, t],
  );

  const start = useCallback(async () => {
    startedAfter.current = time(latest.current.since);
    shownQr.current = null;
    setPhase("starting");
    setImage(null);
    setMessage(null);
    setScanError(null);
    try {
      const answer = await requestJson<DashboardSession>("POST", `${url}/connect`, {});
      if (answer.status === "CONNECTED") return void finish(answer.phoneNumber);
      if (answer.status === "QR" && answer.qr) {
        // A rotation the socket reported meanwhile may already have put a newer code up.
        setImage((current) => current ?? answer.qr);
        setPhase((current) => (current === "starting" ? "qr" : current));
      } else if (answer.status === "DISCONNECTED" || answer.status === "LOGGED_OUT") {
        setPhase("expired");
        setMessage(answer.statusReason);
      }
      // CONNECTING: WhatsApp has not answered yet; the socket brings the QR when it does.
    } catch (error) {
      setPhase("error");
      setMessage(errorMessage(error));
    }
  }, [finish, url]);

  // Once per opening: connecting again while WhatsApp finishes a link would restart the connection.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start();
  }, [start]);

  // Follow the session's live status while the dialog is open.
  const { status, qr, since, reason } = session;
  useEffect(() => {
    if (finished.current) return;
    if (status === "CONNECTED") return void finish(null);
    const changedSinceStart = time(since) > startedAfter.current;
    if (status === "QR" && qr && qr !== shownQr.current) {
      shownQr.current = qr;
      requestJson<{ qr: string | null; status: string }>("GET", `${url}/qr`)
        .then((answer) => {
          if (!answer.qr || finished.current || shownQr.current !== qr) return;
          setImage(answer.qr);
          setPhase("qr");
        })
        .catch(() => {});
    } else if (status === "CONNECTING" && changedSinceStart) {
      // After a scan WhatsApp restarts the connection once before it opens.
      setPhase((current) => (current === "qr" ? "linking" : current));
    } else if ((status === "DISCONNECTED" || status === "LOGGED_OUT") && changedSinceStart) {
      setPhase("expired");
      setMessage(reason);
    }
  }, [status, qr, since, reason, finish, url]);

  async function scanWithSandboxPhone() {
    setScanning(true);
    setScanError(null);
    try {
      const answer = await requestJson<{ success: boolean; phone: string; status: string }>(
        "POST",
        `/api/sandbox/sessions/${encodeURIComponent(session.sessionId)}/scan`,
        {},
      );
      if (answer.status === "CONNECTED") void finish(answer.phone);
      else setScanError(t("sessions.sandboxScanned", { status: answer.status }));
    } catch (error) {
      setScanError(errorMessage(error));
    } finally {
      setScanning(false);
    }
  }

  return (
    <Dialog open onClose={onClose} title={t("sessions.connectTitle", { name: session.name })} data-testid="connect-dialog">
      <div className="flex flex-col items-center text-center" data-phase={phase}>
        {phase === "starting" && <Waiting label={t("sessions.starting")} />}

        {phase === "linking" && <Waiting label={t("sessions.linking")} />}

        {phase === "qr" && image && (
          <>
            <p className="text-sm text-slate-600">
              {t("sessions.qrInstructions")
                .split("{path}")
                .flatMap((part, i) =>
                  i === 0
                    ? [part]
                    : [
                        <span key={i} className="font-medium text-slate-900">
                          {t("sessions.qrPath")}
                        </span>,
                        part,
                      ],
                )}
            </p>
            {/* A data URL: next/image would gain nothing here. */}
            <img
              src={image}
              alt={t("sessions.qrAlt")}
              width={320}
              height={320}
              className="mt-4 aspect-square w-full max-w-[320px] rounded-lg border border-slate-200"
              data-testid="qr-image"
            />
            <p className="mt-3 text-xs text-slate-500">{t("sessions.qrRotates")}</p>
          </>
        )}

        {phase === "expired" && (
          <div className="w-full space-y-4" data-testid="qr-expired">
            <Alert tone="warning">
              {!message || /expired/i.test(message) ? (
                <>
                  <p className="font-medium">{t("sessions.qrExpired")}</p>
                  <p className="mt-0.5">{t("sessions.qrExpiredHint")}</p>
                </>
              ) : (
                <>
                  <p className="font-medium">{t("sessions.stoppedBeforeLink")}</p>
                  <p className="mt-0.5">{sentence(message)}.</p>
                </>
              )}
            </Alert>
            <Button onClick={() => void start()} data-testid="qr-retry">
              {t("sessions.newQr")}
            </Button>
          </div>
        )}

        {phase === "error" && (
          <div className="w-full space-y-4">
            <Alert>{message ?? t("sessions.couldNotStart")}</Alert>
            <Button onClick={() => void start()}>{t("common.tryAgain")}</Button>
          </div>
        )}

        {scanError && (
          <div className="mt-4 w-full text-left">
            <Alert>{scanError}</Alert>
          </div>
        )}
      </div>

      <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("common.close")}
        </Button>
        {sandbox && phase === "qr" && (
          <Button onClick={scanWithSandboxPhone} pending={scanning} data-testid="sandbox-scan">
            <PhoneIcon />
            {t("sessions.scanSandbox")}
          </Button>
        )}
      </div>
    </Dialog>
  );
}

function Waiting({ label }: { label: string }) {
  return (
    <div className="flex min-h-48 flex-col items-center justify-center gap-3 py-8" role="status">
      <span aria-hidden className="size-8 animate-spin rounded-full border-[3px] border-blue-600 border-r-transparent" />
      <p className="text-sm text-slate-600">{label}</p>
    </div>
  );
}

function PhoneIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="size-4">
      <path d="M7 1.5A2.5 2.5 0 0 0 4.5 4v12A2.5 2.5 0 0 0 7 18.5h6a2.5 2.5 0 0 0 2.5-2.5V4A2.5 2.5 0 0 0 13 1.5H7ZM6 4a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4Zm3 11a1 1 0 1 0 2 0 1 1 0 0 0-2 0Z" />
    </svg>
  );
}
