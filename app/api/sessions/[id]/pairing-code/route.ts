// POST /api/sessions/[id]/pairing-code – pair by code instead of QR ({ phone } → { code })
import { withAuth } from "@/lib/api/with-auth";
import { requestPairingCode } from "@/lib/sessions/request-pairing-code";
import { pairingCodeSchema, sessionIdParams } from "@/lib/sessions/sessions.schema";

export const POST = withAuth({ permission: "sessions.manage", params: sessionIdParams, body: pairingCodeSchema }, ({ caller, params, body }) =>
  requestPairingCode(caller, params.id, body.phone),
);
