// The runner sends on behalf of the campaign's owner (whoever created it): the owner's own scope
// reaches the campaign's session and media, and nothing of another tenant. Its name is the owner's:
// the dashboard shows it on each sent bubble.
import type { Caller } from "@/lib/auth/caller";

export function ownerCaller(ownerId: string, ownerName: string): Caller {
  return { id: ownerId, role: "OWNER", name: ownerName, email: "", username: "", ownerId: null, tenantId: ownerId, via: "apiKey" };
}
