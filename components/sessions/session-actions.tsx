"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";

interface SessionActionsProps {
  session: { sessionId: string; name: string };
  /** Where to go once the session is deleted: stay on the list, or leave its own page for the list. */
  afterDelete: "refresh" | "list";
}

/** Rename and delete, for callers with sessions.manage. */
export function SessionActions({ session, afterDelete }: SessionActionsProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/sessions/${encodeURIComponent(session.sessionId)}`;

  function open(which: "rename" | "delete") {
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

  function onRename(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    void run(() => requestJson("PATCH", url, { name }), () => router.refresh());
  }

  function onDelete() {
    void run(
      () => requestJson("DELETE", url),
      () => {
        if (afterDelete === "list") router.replace("/sessions");
        router.refresh();
      },
    );
  }

  return (
    <div className="flex gap-2">
      <Button variant="secondary" size="sm" onClick={() => open("rename")} data-testid="rename-session">
        Rename
      </Button>
      <Button variant="secondary" size="sm" className="text-red-600! hover:bg-red-50!" onClick={() => open("delete")} data-testid="delete-session">
        Delete
      </Button>

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
        open={dialog === "delete"}
        onCancel={() => setDialog(null)}
        onConfirm={onDelete}
        title={`Delete “${session.name}”?`}
        description="The session, its WhatsApp link and its staff assignments are removed. This cannot be undone."
        confirmLabel="Delete session"
        pending={pending}
        error={error}
      />
    </div>
  );
}
