"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrorsFromApi, validateForm, type FieldErrors } from "@/components/ui/form-errors";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useT } from "@/components/shell/i18n";
import { registerSchema } from "@/lib/users/users.schema";

/** Sign-up through POST /api/auth/register, which also sets the session cookie. */
export function RegisterForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const t = useT();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const values = {
      name: text("name"),
      email: text("email"),
      username: text("username"),
      password: String(form.get("password") ?? ""),
      ...(text("phone") ? { phone: text("phone") } : {}),
    };
    // Every problem at once, from the schema the API uses; the API's own answer can still add one
    // (a taken username).
    const checked = validateForm(registerSchema, values);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await requestJson("POST", "/api/auth/register", values);
      router.replace("/sessions");
      router.refresh();
    } catch (e) {
      setErrors(fieldErrorsFromApi(e, ["name", "email", "username", "password", "phone"]));
      setPending(false);
    }
  }

  return (
    // noValidate: the browser's bubbles show one problem at a time; the form shows them all.
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" data-testid="register-form">
      {errors[""] && <Alert data-testid="register-error">{errors[""]}</Alert>}
      <Field label={t("auth.name")} name="name" autoComplete="name" required error={errors.name} />
      <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label={t("auth.username")}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        hint={t("auth.usernameHint")}
        error={errors.username}
      />
      <Field
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        required
        hint={t("auth.passwordHint")}
        error={errors.password}
      />
      <Field label={t("auth.phone")} name="phone" type="tel" autoComplete="tel" error={errors.phone} />
      <Button type="submit" className="w-full" pending={pending} disabled={!hydrated}>
        {t("auth.createAccount")}
      </Button>
    </form>
  );
}
