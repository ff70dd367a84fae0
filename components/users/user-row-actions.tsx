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
import { useT } from "@/components/shell/i18n";
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
  const t = useT();
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
        {t("common.edit")}
      </Button>
      {user.role === "STAFF" && (
        <Button variant="secondary" size="sm" onClick={() => show("sessions")} data-testid="assign-sessions">
          {t("users.sessions")}
        </Button>
      )}
      {canChangeRole && (
        <Button variant="secondary" size="sm" onClick={() => show("role")} data-testid="change-role">
          {t("users.role")}
        </Button>
      )}
      {canChangeRole && (
        <Button variant="secondary" size="sm" onClick={() => show("suspend")} data-testid="suspend-user">
          {user.suspendedAt ? t("users.reactivate") : t("users.suspend")}
        </Button>
      )}
      <Button variant="secondary" size="sm" className="text-red-700! hover:bg-red-50!" onClick={() => show("delete")} data-testid="delete-user">
        {t("common.delete")}
      </Button>

      <Dialog
        open={open === "sessions"}
        onClose={() => setOpen(null)}
        title={t("users.sessionsFor", { name: user.name })}
        description={t("users.sessionsForDescription")}
        data-testid="assign-sessions-dialog"
      >
        <form onSubmit={saveSessions} className="space-y-4">
          {error && <Alert>{error}</Alert>}
          {assignable.length === 0 ? (
            <p className="text-sm text-slate-500">{t("users.nothingToAssign")}</p>
          ) : (
            <fieldset className="max-h-72 space-y-1 overflow-y-auto rounded-lg border border-slate-200 p-2">
              <legend className="sr-only">{t("users.sessions")}</legend>
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
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={pending} data-testid="save-assignments">
              {t("common.save")}
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog open={open === "role"} onClose={() => setOpen(null)} title={t("users.changeRoleOf", { name: user.name })}>
        <form onSubmit={saveRole} className="space-y-4">
          {error && <Alert>{error}</Alert>}
          <SelectField label={t("users.role")} value={role} onChange={(event) => setRole(event.target.value)}>
            <option value="OWNER">{t("users.role.OWNER")}</option>
            {/* Only someone who already has an owner can be staff. */}
            {user.ownerId && <option value="STAFF">{t("users.role.STAFF")}</option>}
            <option value="SUPERADMIN">{t("users.role.SUPERADMIN")}</option>
          </SelectField>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(null)} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={pending} disabled={role === user.role}>
              {t("common.save")}
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog open={open === "edit"} onClose={() => setOpen(null)} title={t("users.editName", { name: user.name })} data-testid="edit-user-dialog">
        <form onSubmit={saveEdit} noValidate className="space-y-4">
          {fieldErrors[""] && <Alert>{fieldErrors[""]}</Alert>}
          <Field label={t("users.name")} name="name" required defaultValue={user.name} error={fieldErrors.name} />
          <Field label={t("users.email")} name="email" type="email" required defaultValue={user.email} error={fieldErrors.email} />
          <Field
            label={t("users.newPassword")}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={t("users.newPasswordHint")}
            error={fieldErrors.password}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(null)} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={pending} data-testid="save-user">
              {t("common.save")}
            </Button>
          </div>
        </form>
      </Dialog>

      <ConfirmDialog
        open={open === "suspend"}
        onCancel={() => setOpen(null)}
        onConfirm={() => void run(() => requestJson("PATCH", url, { suspended: !user.suspendedAt }))}
        title={user.suspendedAt ? t("users.reactivateTitle", { name: user.name }) : t("users.suspendTitle", { name: user.name })}
        description={user.suspendedAt ? t("users.reactivateDescription") : t("users.suspendDescription")}
        confirmLabel={user.suspendedAt ? t("users.reactivate") : t("users.suspend")}
        pending={pending}
        error={error}
      />

      <ConfirmDialog
        open={open === "delete"}
        onCancel={() => setOpen(null)}
        onConfirm={() => void run(() => requestJson("DELETE", url))}
        title={t("users.deleteTitle", { name: user.name })}
        description={user.role === "OWNER" ? t("users.deleteOwnerDescription") : t("users.deleteOtherDescription")}
        confirmLabel={t("users.deleteUser")}
        pending={pending}
        error={error}
      />
    </div>
  );
}
