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
    toast(`Restarting “${session.name}”…`, "info");
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
        toast(`“${session.name}” is logged out.`);
        onChanged?.();
      },
    );
  }

  function onDelete() {
    void run(
      () => requestJson("DELETE", url),
      () => {
        toast(`“${session.name}” is deleted, with its chats and messages.`);
        if (afterDelete === "list") router.replace("/sessions");
        router.refresh();
      },
    );
  }

  const connectButton = canConnect && (
    <Button size="sm" onClick={() => open("connect")} data-testid="connect-session">
      {status === "QR" ? "Show QR code" : "Connect"}
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

      <Dialog open={dialog === "rename"} onClose={() => setDialog(null)} title="Rename session">
        <form onSubmit={onRename} className="space-y-4" data-testid="rename-session-form">
          {error && <Alert>{error}</Alert>}
          <Field label="Name" name="name" required maxLength={100} defaultValue={session.name} autoFocus />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setDialog(null)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Save
            </Button>
          </div>
        </form>
      </Dialog>

      <ConfirmDialog
        open={dialog === "logout"}
        onCancel={() => setDialog(null)}
        onConfirm={onLogout}
        title={`Log out “${session.name}”?`}
        description="WhatsApp on the phone forgets this device and the gateway deletes its credentials. To use the number again, connect and scan a new QR code."
        confirmLabel="Log out"
        pending={pending}
        error={error}
      />

      <ConfirmDialog
        open={dialog === "delete"}
        onCancel={() => setDialog(null)}
        onConfirm={onDelete}
        title={`Delete “${session.name}”?`}
        description={
          <>
            This deletes the session <strong>{session.name}</strong> ({session.sessionId}) with everything in it: its chats, messages and media, its webhooks
            set up for this session, its WhatsApp link and its staff assignments. This cannot be undone.
          </>
        }
        confirmLabel="Delete session"
        pending={pending}
        error={error}
      />
    </>
  );

  if (layout === "card" || layout === "row") {
    const items: MenuItem[] = [
      ...(canRestart ? [{ label: "Restart", onSelect: () => void restart(), "data-testid": "restart-session" }] : []),
      ...(canLogout ? [{ label: "Log out", onSelect: () => open("logout"), danger: true, "data-testid": "logout-session" }] : []),
      { label: "Rename", onSelect: () => open("rename"), "data-testid": "rename-session" },
      { label: "Delete", onSelect: () => open("delete"), danger: true, "data-testid": "delete-session" },
    ];
    return (
      <div className="flex items-center gap-2">
        {connectButton}
        <Menu label={`Actions for ${session.name}`} items={items} placement={layout === "row" ? "down" : "up"} data-testid="session-menu" />
        {dialogs}
      </div>
    );
  }

  return (
    <div className="flex flex-wrap gap-2">
      {connectButton}
      {canRestart && (
        <Button variant="secondary" size="sm" onClick={() => void restart()} pending={restarting} data-testid="restart-session">
          Restart
        </Button>
      )}
      {canLogout && (
        <Button variant="secondary" size="sm" className="text-red-700! hover:bg-red-50!" onClick={() => open("logout")} data-testid="logout-session">
          Log out
        </Button>
      )}
      <Button variant="secondary" size="sm" onClick={() => open("rename")} data-testid="rename-session">
        Rename
      </Button>
      <Button variant="secondary" size="sm" className="text-red-700! hover:bg-red-50!" onClick={() => open("delete")} data-testid="delete-session">
        Delete
      </Button>
      {dialogs}
    </div>
  );
}
