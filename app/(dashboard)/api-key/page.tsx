import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeyPanel } from "@/components/api-key/api-key-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getApiKey } from "@/lib/api-keys/get-api-key";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "API key · Wagate" };

export default async function ApiKeyPage() {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "apiKey.manage")) notFound();
  return (
    <>
      <PageHeader title="API key" description="One key per account. Creating a new key replaces the old one." />
      <ApiKeyPanel summary={await getApiKey(caller)} />
    </>
  );
}
