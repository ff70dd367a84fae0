"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { ConnectDialog } from "@/components/sessions/connect-dialog";
import { isLinkable, type LiveSession } from "@/components/sessions/live-session";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Menu, type MenuItem } from "@/components/ui/menu";
import { useToast } from "@/components/ui/toast";
import { useT } from "@/components/shell/i18n";

interface SessionActionsProps {
  session: LiveSession;
  sandbox: boolean;
  /** A card has room for one button and a menu; the session's own page shows them all. */
  /** "card" and "row" put everything but Connect in a "⋯" menu (opening up on a card, down in a table row). */
  layout: "card" | "row" | "page";
  /** Where to go once the session is deleted: stay on the list, or leave its own page for the list. */
  afterDelete: "refresh" | "list";
  /** Re-read the session's status after an action (the socket usually says it first). */
  onChanged?: () => void;
}

type DialogName = "connect" | "rename" | "logout" | "delete";

/** Connect, restart, log out, rename and delete: for callers with sessions.manage. */
export function SessionActions({ session, sandbox, layout, afterDelete, onChanged }: SessionActionsProps) {
  const router = useRouter();
  const toast = useToast();
  const t = useT();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [pending, setPending] = useState(false);
  const [restarting, setRestarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/sessions/${encodeURIComponent(session.sessionId)}`;
  const { status } = session;

  const canConnect = isLinkable(status) || status === "QR";
  const canRestart = !isLinkable(status);
  // Something to unlink: a live connection, or a device paired earlier whose credentials are kept.
  const canLogout = status !== "LOGGED_OUT" && (status !== "DISCONNECTED" || Boolean(session.phoneNumber));

  function open(which: DialogName) {
    setError(null);
    setDialog(which);
  }

  async function run(action: () => Promise<unknown>, then: () => void) {
    setPending(true);
    setError(null);
    try {
      await action();
      setDialog(null);
      then();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  async function restart() {
    setRestarting(true);
    toast(t("sessions.restarting", { name: session.name }), "info");
    try {
      await requestJson("POST", `${url}/restart`);
    } catch (e) {
      toast(errorMessage(e), "error");
    } finally {
      setRestarting(false);
      onChanged?.();
    }
  }

  function onRename(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    void run(
      () => requestJson("PATCH", url, { name }),
      () => router.refresh(),
    );
  }

  function onLogout() {
    void run(
      () => requestJson("POST", `${url}/logout`),
      () => {
        toast(t("sessions.loggedOutToast", { name: session.name }));
        onChanged?.();
      },
    );
  }

  function onDelete() {
    void run(
      () => requestJson("DELETE", url),
      () => {
        toast(t("sessions.deletedToast", { name: session.name }));
        if (afterDelete === "list") router.replace("/sessions");
        router.refresh();
      },
    );
  }

  const connectButton = canConnect && (
    <Button size="sm" onClick={() => open("connect")} data-testid="connect-session">
      {status === "QR" ? t("sessions.showQr") : t("sessions.connect")}
    </Button>
  );

  const dialogs = (
    <>
      {dialog === "connect" && (
        <ConnectDialog
          session={session}
          sandbox={sandbox}
          onClose={() => {
            setDialog(null);
            onChanged?.();
          }}
        />
      )}

      <Dialog open={dialog === "rename"} onClose={() => setDialog(null)} title={t("sessions.renameTitle")}>
        <form onSubmit={onRename} className="space-y-4" data-testid="rename-session-form">
          {error && <Alert>{error}</Alert>}
          <Field label={t("sessions.name")} name="name" required maxLength={100} defaultValue={session.name} autoFocus />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setDialog(null)} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={pending}>
              {t("common.save")}
            </Button>
          </div>
        </form>
      </Dialog>

      <ConfirmDialog
        open={dialog === "logout"}
        onCancel={() => setDialog(null)}
        onConfirm={onLogout}
        title={t("sessions.logoutTitle", { name: session.name })}
        description={t("sessions.logoutDescription")}
        confirmLabel={t("sessions.logout")}
        pending={pending}
        error={error}
      />

      <ConfirmDialog
        open={dialog === "delete"}
        onCancel={() => setDialog(null)}
        onConfirm={onDelete}
        title={t("sessions.deleteTitle", { name: session.name })}
        description={
          <>
            {/* The session's name stands out in bold wherever the language puts it. */}
            {t("sessions.deleteDescription", { id: session.sessionId })
              .split("{name}")
              .flatMap((part, i) => (i === 0 ? [part] : [<strong key={i}>{session.name}</strong>, part]))}
          </>
        }
        confirmLabel={t("sessions.deleteSession")}
        pending={pending}
        error={error}
      />
    </>
  );

  if (layout === "card" || layout === "row") {
    const items: MenuItem[] = [
      ...(canRestart ? [{ label: t("sessions.restart"), onSelect: () => void restart(), "data-testid": "restart-session" }] : []),
      ...(canLogout ? [{ label: t("sessions.logout"), onSelect: () => open("logout"), danger: true, "data-testid": "logout-session" }] : []),
      { label: t("sessions.rename"), onSelect: () => open("rename"), "data-testid": "rename-session" },
      { label: t("common.delete"), onSelect: () => open("delete"), danger: true, "data-testid": "delete-session" },
    ];
    return (
      <div className="flex items-center gap-2">
        {connectButton}
        <Menu label={t("sessions.actionsFor", { name: session.name })} items={items} placement={layout === "row" ? "down" : "up"} data-testid="session-menu" />
        {dialogs}
      </div>
    );
  }

  return (
    <div className="flex flex-wrap gap-2">
      {connectButton}
      {canRestart && (
        <Button variant="secondary" size="sm" onClick={() => void restart()} pending={restarting} data-testid="restart-session">
          {t("sessions.restart")}
        </Button>
      )}
      {canLogout && (
        <Button variant="secondary" size="sm" className="text-red-700! hover:bg-red-50!" onClick={() => open("logout")} data-testid="logout-session">
          {t("sessions.logout")}
        </Button>
      )}
      <Button variant="secondary" size="sm" onClick={() => open("rename")} data-testid="rename-session">
        {t("sessions.rename")}
      </Button>
      <Button variant="secondary" size="sm" className="text-red-700! hover:bg-red-50!" onClick={() => open("delete")} data-testid="delete-session">
        {t("common.delete")}
      </Button>
      {dialogs}
    </div>
  );
}
