import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { optionalPageCaller } from "@/lib/auth/page-caller";
import { signInWithCredentials } from "./actions";

export const metadata: Metadata = { title: "Sign in · Wagate" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await optionalPageCaller()) redirect("/sessions");
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back to your WhatsApp gateway."
      footer={
        <>
          New to Wagate?{" "}
          <Link href="/register" className="font-medium text-blue-700 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm action={signInWithCredentials} />
    </AuthCard>
  );
}
