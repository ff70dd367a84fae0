// POST /api/login – username and password → { token }, a 12-hour API key for Authorization: Bearer (Clevio)
import { withAuth } from "@/lib/api/with-auth";
import { clevioLogin } from "@/lib/compat/clevio/clevio-login";
import { clevioLoginSchema } from "@/lib/compat/clevio/clevio.schema";
import { clientIp } from "@/lib/server/client-ip";

export const POST = withAuth({ permission: null, body: clevioLoginSchema }, ({ req, body }) =>
  clevioLogin(body.username, body.password, clientIp(req.headers)),
);
