import "server-only";
// Clevio's POST /login answers a bearer token. Ours is an API key, named and short-lived: it works
// everywhere a key does (Authorization: Bearer), expires by itself, and the user can see and revoke
// it on the API key page. Expired login keys are cleared at the next login.
import { generateApiKey, hashApiKey } from "@/lib/api-keys/api-key-format";
import { db } from "@/lib/server/runtime";
import { authenticateCredentials } from "@/lib/users/authenticate-credentials";

export const CLEVIO_TOKEN_NAME = "Clevio login";
export const CLEVIO_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export async function clevioLogin(username: string, password: string, ip: string): Promise<{ token: string }> {
  const user = await authenticateCredentials(username, password, ip);
  const now = new Date();
  const token = generateApiKey();
  await db().$transaction([
    db().apiKey.deleteMany({ where: { userId: user.id, name: CLEVIO_TOKEN_NAME, isDefault: false, expiresAt: { lte: now } } }),
    db().apiKey.create({
      data: {
        userId: user.id,
        keyHash: hashApiKey(token),
        last4: token.slice(-4),
        name: CLEVIO_TOKEN_NAME,
        isDefault: false,
        expiresAt: new Date(now.getTime() + CLEVIO_TOKEN_TTL_MS),
      },
    }),
  ]);
  return { token };
}
