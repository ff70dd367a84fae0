import "server-only";
// Webhook secrets at rest: sealed with APP_SECRET (AES-256-GCM, bound to the webhook's id), because
// the worker has to read them back to sign — a hash would not do.
import { env } from "@/lib/env";
import { createCredentialsCipher, type CredentialsCipher } from "@/lib/whatsapp/credentials-cipher";

let cipher: CredentialsCipher | undefined;
const box = () => (cipher ??= createCredentialsCipher(env.APP_SECRET));
const aad = (webhookId: string) => `webhook-secret:${webhookId}`;

export function sealWebhookSecret(webhookId: string, secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(box().seal(Buffer.from(secret, "utf8"), aad(webhookId)));
}

export function openWebhookSecret(webhookId: string, sealed: Uint8Array | null): string | null {
  return sealed ? box().open(sealed, aad(webhookId)).toString("utf8") : null;
}
