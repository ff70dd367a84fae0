import type { Metadata } from "next";
import { AccountForms } from "@/components/account/account-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { getMe } from "@/lib/users/get-me";

export const metadata: Metadata = { title: "Account · Wagate" };

export default async function AccountPage() {
  const caller = await requirePageCaller();
  const [me, t] = await Promise.all([getMe(caller), pageTranslator(caller.id)]);
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.description")} />
      <AccountForms me={{ name: me.name, email: me.email, username: me.username, phone: me.phone, timeZone: me.timeZone, locale: me.locale }} />
    </>
  );
}
