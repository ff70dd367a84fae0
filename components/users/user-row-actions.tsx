"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import type { AssignableSession } from "@/components/users/user-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { fieldErrorsFromApi, validateForm, type FieldErrors } from "@/components/ui/form-errors";
import { updateUserSchema, type AssignSessionsInput, type UpdateUserInput } from "@/lib/users/users.schema";

interface UserRowActionsProps {
  user: { id: string; name: string; email: string; role: string; ownerId: string | null; suspendedAt: Date | string | null };
  assignedSessionIds: string[];
  /** Sessions of this user's owner, for staff; empty for others. */
  assignable: AssignableSession[];
  canChangeRole: boolean;
}

type Open = "edit" | "sessions" | "role" | "suspend" | "delete" | null;

export function UserRowActions({ user, assignedSessionIds, assignable, canChangeRole }: UserRowActionsProps) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>(assignedSessionIds);
  const [role, setRole] = useState(user.role);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const url = `/api/users/${encodeURIComponent(user.id)}`;

  function show(which: Open) {
    setError(null);
    setFieldErrors({});
    setSelected(assignedSessionIds);
    setRole(user.role);
    setOpen(which);
  }

  async function run(action: () => Promise<unknown>) {
    setPending(true);
    setError(null);
    try {
      await action();
      setOpen(null);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  function saveSessions(event: React.FormEvent) {
    event.preventDefault();
    const body: AssignSessionsInput = { sessionIds: selected };
    void run(() => requestJson("PUT", `${url}/sessions`, body));
  }

  function saveRole(event: React.FormEvent) {
    event.preventDefault();
    const body: UpdateUserInput = { role: role as NonNullable<UpdateUserInput["role"]> };
    void run(() => requestJson("PATCH", url, body));
  }

  /** Name, email and a password reset: only what changed is sent, checked with the API's schema first. */
  function saveEdit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const body: Record<string, string> = {};
    if (name !== user.name) body.name = name;
    if (email !== user.email) body.email = email;
    if (password) body.password = password;
    if (Object.keys(body).length === 0) {
      setOpen(null);
      return;
    }
    const checked = validateForm(updateUserSchema, body);
    if (checked.errors) {
      setFieldErrors(checked.errors);
      return;
    }
    setPending(true);
    setFieldErrors({});
    requestJson("PATCH", url, body)
      .then(() => {
        setOpen(null);
        router.refresh();
      })
      .catch((e) => setFieldErrors(fieldErrorsFromApi(e, ["name", "email", "password"])))
      .finally(() => setPending(false));
  }

  const toggle = (sessionId: string, on: boolean) =>
    setSelected((current) => (on ? [...new Set([...current, sessionId])] : current.filter((id) => id !== sessionId)));

  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" size="sm" onClick={() => show("edit")} data-testid="edit-user">
        Edit
      </Button>
      {user.role === "STAFF" && (
        <Button variant="secondary" size="sm" onClick={() => show("sessions")} data-testid="assign-sessions">
          Sessions
        </Button>
      )}
      {canChangeRole && (
        <Button variant="secondary" size="sm" onClick={() => show("role")} data-testid="change-role">
          Role
        </Button>
      )}
      {canChangeRole && (
        <Button variant="secondary" size="sm" onClick={() => show("suspend")} data-testid="suspend-user">
          {user.suspendedAt ? "Reactivate" : "Suspend"}
        </Button>
      )}
      <Button variant="secondary" size="sm" className="text-red-700! hover:bg-red-50!" onClick={() => show("delete")} data-testid="delete-user">
        Delete
      </Button>

      <Dialog
        open={open === "sessions"}
        onClose={() => setOpen(null)}
        title={`Sessions for ${user.name}`}
        description="They can open and use the checked sessions, and see nothing else."
        data-testid="assign-sessions-dialog"
      >
        <form onSubmit={saveSessions} className="space-y-4">
          {error && <Alert>{error}</Alert>}
          {assignable.length === 0 ? (
            <p className="text-sm text-slate-500">There are no sessions to assign yet.</p>
          ) : (
            <fieldset className="max-h-72 space-y-1 overflow-y-auto rounded-lg border border-slate-200 p-2">
              <legend className="sr-only">Sessions</legend>
              {assignable.map((session) => (
                <label key={session.sessionId} className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-2 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300 accent-blue-600"
                    checked={selected.includes(session.sessionId)}
                    onChange={(event) => toggle(session.sessionId, event.target.checked)}
                  />
                  <span className="min-w-0 flex-1 truncate text-sm text-slate-900">{session.name}</span>
                  <span className="font-mono text-xs text-slate-500">{session.sessionId}</span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(null)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending} data-testid="save-assignments">
              Save
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog open={open === "role"} onClose={() => setOpen(null)} title={`Change role of ${user.name}`}>
        <form onSubmit={saveRole} className="space-y-4">
          {error && <Alert>{error}</Alert>}
          <SelectField label="Role" value={role} onChange={(event) => setRole(event.target.value)}>
            <option value="OWNER">Owner</option>
            {/* Only someone who already has an owner can be staff. */}
            {user.ownerId && <option value="STAFF">Staff</option>}
            <option value="SUPERADMIN">Superadmin</option>
          </SelectField>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(null)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending} disabled={role === user.role}>
              Save
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog open={open === "edit"} onClose={() => setOpen(null)} title={`Edit ${user.name}`} data-testid="edit-user-dialog">
        <form onSubmit={saveEdit} noValidate className="space-y-4">
          {fieldErrors[""] && <Alert>{fieldErrors[""]}</Alert>}
          <Field label="Name" name="name" required defaultValue={user.name} error={fieldErrors.name} />
          <Field label="Email" name="email" type="email" required defaultValue={user.email} error={fieldErrors.email} />
          <Field
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="Leave empty to keep the current one. At least 8 characters."
            error={fieldErrors.password}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(null)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending} data-testid="save-user">
              Save
            </Button>
          </div>
        </form>
      </Dialog>

      <ConfirmDialog
        open={open === "suspend"}
        onCancel={() => setOpen(null)}
        onConfirm={() => void run(() => requestJson("PATCH", url, { suspended: !user.suspendedAt }))}
        title={user.suspendedAt ? `Reactivate ${user.name}?` : `Suspend ${user.name}?`}
        description={
          user.suspendedAt
            ? "They can sign in and use their API key again."
            : "They are signed out at once and can neither sign in nor use their API key until reactivated. Their sessions, staff and messages are kept."
        }
        confirmLabel={user.suspendedAt ? "Reactivate" : "Suspend"}
        pending={pending}
        error={error}
      />

      <ConfirmDialog
        open={open === "delete"}
        onCancel={() => setOpen(null)}
        onConfirm={() => void run(() => requestJson("DELETE", url))}
        title={`Delete ${user.name}?`}
        description={
          user.role === "OWNER"
            ? "Their sessions, staff and API key are deleted with them. This cannot be undone."
            : "They can no longer sign in, and their API key stops working. This cannot be undone."
        }
        confirmLabel="Delete user"
        pending={pending}
        error={error}
      />
    </div>
  );
}
