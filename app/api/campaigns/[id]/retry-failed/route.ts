// POST /api/campaigns/[id]/retry-failed – send again to the recipients whose send failed
import { withAuth } from "@/lib/api/with-auth";
import { campaignActionParams } from "@/lib/campaigns/campaigns.schema";
import { retryFailedRecipients } from "@/lib/campaigns/retry-failed-recipients";

export const POST = withAuth({ permission: "sessions.send", params: campaignActionParams }, ({ caller, params }) => retryFailedRecipients(caller, params.id));
