"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { RegisterInput } from "@/lib/users/users.schema";

/** Sign-up through POST /api/auth/register, which also sets the session cookie. */
export function RegisterForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const input: RegisterInput = {
      name: text("name"),
      email: text("email"),
      username: text("username"),
      password: String(form.get("password") ?? ""),
      ...(text("phone") ? { phone: text("phone") } : {}),
    };
    setPending(true);
    setError(null);
    try {
      await requestJson("POST", "/api/auth/register", input);
      router.replace("/sessions");
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" data-testid="register-form">
      {error && <Alert data-testid="register-error">{error}</Alert>}
      <Field label="Name" name="name" autoComplete="name" required />
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field label="Username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required hint="3–32 characters: letters, digits, dot, underscore or dash." />
      <Field label="Password" name="password" type="password" autoComplete="new-password" minLength={8} required hint="At least 8 characters." />
      <Field label="Phone" name="phone" type="tel" autoComplete="tel" />
      <Button type="submit" className="w-full" pending={pending} disabled={!hydrated}>
        Create account
      </Button>
    </form>
  );
}
