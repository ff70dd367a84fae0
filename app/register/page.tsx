import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { optionalPageCaller } from "@/lib/auth/page-caller";
import { translate } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Create account · Wagate" };
export const dynamic = "force-dynamic";

export default async function RegisterPage() {
  if (await optionalPageCaller()) redirect("/sessions");
  const locale = await requestLocale();
  return (
    <AuthCard
      locale={locale}
      title={translate(locale, "auth.registerTitle")}
      subtitle={translate(locale, "auth.registerSubtitle")}
      footer={
        <>
          {translate(locale, "auth.haveAccount")}{" "}
          <Link href="/login" className="font-medium text-blue-700 hover:underline">
            {translate(locale, "auth.signIn")}
          </Link>
        </>
      }
    >
      <RegisterForm />
    </AuthCard>
  );
}
