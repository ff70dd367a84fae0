"use server";
// The dashboard's sign-in: next-auth's Credentials provider (lib/auth/next-auth.ts) checks the
// password and sets the session cookie; this action only turns its errors into form messages.
import { AuthError, CredentialsSignin } from "next-auth";
import type { LoginFormState } from "@/components/auth/login-form-state";
import { signIn } from "@/lib/auth/next-auth";
import { translate } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/page-locale";

export async function signInWithCredentials(_previous: LoginFormState, formData: FormData): Promise<LoginFormState> {
  const identifier = String(formData.get("identifier") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const locale = await requestLocale();
  if (!identifier || !password) return { error: translate(locale, "auth.missingCredentials"), identifier };
  try {
    // On success this throws Next's redirect to /sessions, which must propagate.
    await signIn("credentials", { identifier, password, redirectTo: "/sessions" });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { error: translate(locale, "auth.rateLimited"), identifier };
    }
    return { error: translate(locale, "auth.invalidCredentials"), identifier };
  }
  return {};
}
