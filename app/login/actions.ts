"use server";
// The dashboard's sign-in: next-auth's Credentials provider (lib/auth/next-auth.ts) checks the
// password and sets the session cookie; this action only turns its errors into form messages.
import { AuthError, CredentialsSignin } from "next-auth";
import type { LoginFormState } from "@/components/auth/login-form-state";
import { signIn } from "@/lib/auth/next-auth";

export async function signInWithCredentials(_previous: LoginFormState, formData: FormData): Promise<LoginFormState> {
  const identifier = String(formData.get("identifier") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!identifier || !password) return { error: "Enter your username or email and your password.", identifier };
  try {
    // On success this throws Next's redirect to /sessions, which must propagate.
    await signIn("credentials", { identifier, password, redirectTo: "/sessions" });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { error: "Too many failed sign-in attempts. Wait a few minutes and try again.", identifier };
    }
    return { error: "Invalid username/email or password", identifier };
  }
  return {};
}
