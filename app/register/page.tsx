import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { optionalPageCaller } from "@/lib/auth/page-caller";

export const metadata: Metadata = { title: "Create account · Wagate" };
export const dynamic = "force-dynamic";

export default async function RegisterPage() {
  if (await optionalPageCaller()) redirect("/sessions");
  return (
    <AuthCard
      title="Create your account"
      subtitle="You get your own workspace for WhatsApp sessions and staff."
      footer={
        <>
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-blue-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <RegisterForm />
    </AuthCard>
  );
}
