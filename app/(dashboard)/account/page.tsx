import type { Metadata } from "next";
import { AccountForms } from "@/components/account/account-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getMe } from "@/lib/users/get-me";

export const metadata: Metadata = { title: "Account · Wagate" };

export default async function AccountPage() {
  const caller = await requirePageCaller();
  const me = await getMe(caller);
  return (
    <>
      <PageHeader title="Account" description="Your profile, how times and the dashboard are shown to you, and your password." />
      <AccountForms me={{ name: me.name, email: me.email, username: me.username, phone: me.phone, timeZone: me.timeZone, locale: me.locale }} />
    </>
  );
}
