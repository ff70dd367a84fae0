import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignDetail } from "@/components/campaigns/campaign-detail";
import type { CampaignView } from "@/components/campaigns/campaign-types";
import { PageHeader } from "@/components/ui/page-header";
import { AppError } from "@/lib/errors/app-error";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { getCampaign } from "@/lib/campaigns/get-campaign";

export const metadata: Metadata = { title: "Campaign · Wagate" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "sessions.read")) notFound();
  const { id } = await params;
  const campaign = await getCampaign(caller, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const view = JSON.parse(JSON.stringify(campaign)) as CampaignView;
  const text = view.message.kind === "text" ? view.message.text : (view.message.caption ?? `(${view.message.mediaType})`);
  return (
    <>
      <PageHeader title={view.name} description={text} />
      <CampaignDetail initial={view} />
    </>
  );
}
