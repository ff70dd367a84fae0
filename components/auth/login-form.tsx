"use client";

import { useActionState } from "react";
import type { LoginFormState } from "@/components/auth/login-form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useT } from "@/components/shell/i18n";

type SignInAction = (state: LoginFormState, formData: FormData) => Promise<LoginFormState>;

export function LoginForm({ action }: { action: SignInAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useT();
  return (
    <form action={formAction} className="space-y-4" data-testid="login-form">
      {state.error && <Alert data-testid="login-error">{state.error}</Alert>}
      <Field
        label={t("auth.identifier")}
        name="identifier"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state.identifier}
        key={state.identifier ?? ""}
      />
      <Field label={t("auth.password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" pending={pending}>
        {t("auth.signIn")}
      </Button>
    </form>
  );
}
