"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import type { OwnerOption } from "@/components/users/user-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { useT } from "@/components/shell/i18n";
import type { CreateUserInput } from "@/lib/users/users.schema";

type Role = NonNullable<CreateUserInput["role"]>;

interface CreateUserButtonProps {
  /** A superadmin picks any role (and an owner for staff); an owner always creates their own staff. */
  mode: "superadmin" | "owner";
  owners: OwnerOption[];
}

export function CreateUserButton({ mode, owners }: CreateUserButtonProps) {
  const router = useRouter();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>(mode === "owner" ? "STAFF" : "OWNER");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = mode === "owner" ? t("users.addStaff") : t("users.addUser");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const input: CreateUserInput = {
      name: text("name"),
      email: text("email"),
      username: text("username"),
      password: String(form.get("password") ?? ""),
      ...(text("phone") ? { phone: text("phone") } : {}),
      ...(mode === "superadmin" ? { role } : {}),
      ...(mode === "superadmin" && role === "STAFF" ? { ownerId: text("ownerId") } : {}),
    };
    setPending(true);
    setError(null);
    try {
      await requestJson("POST", "/api/users", input);
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button onClick={() => (setError(null), setOpen(true))} data-testid="create-user">
        {title}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title} description={mode === "owner" ? t("users.addStaffDescription") : undefined}>
        <form onSubmit={onSubmit} className="space-y-4" data-testid="create-user-form">
          {error && <Alert>{error}</Alert>}
          {mode === "superadmin" && (
            <SelectField label={t("users.role")} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              <option value="OWNER">{t("users.roleOwnerLong")}</option>
              <option value="STAFF">{t("users.roleStaffLong")}</option>
              <option value="SUPERADMIN">{t("users.roleSuperadminLong")}</option>
            </SelectField>
          )}
          {mode === "superadmin" &&
            role === "STAFF" &&
            (owners.length > 0 ? (
              <SelectField label={t("users.owner")} name="ownerId" required defaultValue="">
                <option value="" disabled>
                  {t("users.chooseOwner")}
                </option>
                {owners.map((owner) => (
                  <option key={owner.id} value={owner.id}>
                    {owner.name} (@{owner.username})
                  </option>
                ))}
              </SelectField>
            ) : (
              <Alert tone="info">{t("users.noOwners")}</Alert>
            ))}
          <Field label={t("users.name")} name="name" required autoComplete="off" />
          <Field label={t("users.email")} name="email" type="email" required autoComplete="off" />
          <Field label={t("users.username")} name="username" required autoCapitalize="none" spellCheck={false} autoComplete="off" />
          <Field
            label={t("users.password")}
            name="password"
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            hint={t("users.passwordHint")}
          />
          <Field label={t("users.phone")} name="phone" type="tel" autoComplete="off" />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={pending} disabled={mode === "superadmin" && role === "STAFF" && owners.length === 0}>
              {t("common.create")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
