import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { optionalPageCaller } from "@/lib/auth/page-caller";
import { translate } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/page-locale";
import { signInWithCredentials } from "./actions";

export const metadata: Metadata = { title: "Sign in · Wagate" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await optionalPageCaller()) redirect("/sessions");
  const locale = await requestLocale();
  return (
    <AuthCard
      locale={locale}
      title={translate(locale, "auth.signIn")}
      subtitle={translate(locale, "auth.signInSubtitle")}
      footer={
        <>
          {translate(locale, "auth.newHere")}{" "}
          <Link href="/register" className="font-medium text-blue-700 hover:underline">
            {translate(locale, "auth.createAnAccount")}
          </Link>
        </>
      }
    >
      <LoginForm action={signInWithCredentials} />
    </AuthCard>
  );
}
