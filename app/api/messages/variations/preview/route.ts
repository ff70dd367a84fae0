// POST /api/messages/variations/preview – what recipients would get from a text with spintax and aiModifications
import { withAuth } from "@/lib/api/with-auth";
import { previewVariations } from "@/lib/variation/preview-variations";
import { variationPreviewSchema } from "@/lib/variation/variation.schema";

export const POST = withAuth({ permission: "sessions.send", body: variationPreviewSchema }, async ({ body }) => previewVariations(body));
