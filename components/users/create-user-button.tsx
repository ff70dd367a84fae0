"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import type { OwnerOption } from "@/components/users/user-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import type { CreateUserInput } from "@/lib/users/users.schema";

type Role = NonNullable<CreateUserInput["role"]>;

interface CreateUserButtonProps {
  /** A superadmin picks any role (and an owner for staff); an owner always creates their own staff. */
  mode: "superadmin" | "owner";
  owners: OwnerOption[];
}

export function CreateUserButton({ mode, owners }: CreateUserButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>(mode === "owner" ? "STAFF" : "OWNER");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = mode === "owner" ? "Add staff member" : "Add user";

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
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        description={mode === "owner" ? "Staff can use the sessions you assign to them, but cannot create, change or delete sessions." : undefined}
      >
        <form onSubmit={onSubmit} className="space-y-4" data-testid="create-user-form">
          {error && <Alert>{error}</Alert>}
          {mode === "superadmin" && (
            <SelectField label="Role" name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              <option value="OWNER">Owner – a tenant with their own sessions</option>
              <option value="STAFF">Staff – works on an owner&apos;s sessions</option>
              <option value="SUPERADMIN">Superadmin – manages the whole gateway</option>
            </SelectField>
          )}
          {mode === "superadmin" &&
            role === "STAFF" &&
            (owners.length > 0 ? (
              <SelectField label="Owner" name="ownerId" required defaultValue="">
                <option value="" disabled>
                  Choose the owner they work for
                </option>
                {owners.map((owner) => (
                  <option key={owner.id} value={owner.id}>
                    {owner.name} (@{owner.username})
                  </option>
                ))}
              </SelectField>
            ) : (
              <Alert tone="info">There are no owners yet. Create an owner first, then their staff.</Alert>
            ))}
          <Field label="Name" name="name" required autoComplete="off" />
          <Field label="Email" name="email" type="email" required autoComplete="off" />
          <Field label="Username" name="username" required autoCapitalize="none" spellCheck={false} autoComplete="off" />
          <Field
            label="Password"
            name="password"
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            hint="At least 8 characters. Share it with them securely."
          />
          <Field label="Phone" name="phone" type="tel" autoComplete="off" />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending} disabled={mode === "superadmin" && role === "STAFF" && owners.length === 0}>
              Create
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
