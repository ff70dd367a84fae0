import "server-only";
// Which webhooks want a session's events, cached per owner (issue 10: recording used to look them
// up once per recorded batch). Every write to `webhooks` calls webhooksChanged(ownerId)
// (lib/events/webhooks-changed.ts), which drops the owner's entry in this process and, on a cluster
// (CLUSTER_ENABLED), in the other nodes through NOTIFY; the short TTL bounds how long another
// process can miss a change when that notification is lost or processes run without the cluster.
import type { Db } from "@/lib/db/create-prisma-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionRef } from "@/lib/sessions/session-ref";

export interface CachedWebhook {
  id: string;
  events: string[];
  /** null: every session of the owner. */
  sessionId: string | null;
}

const TTL_MS = 5000;

export class WebhookCache {
  private readonly byOwner = new Map<string, { at: number; hooks: CachedWebhook[] }>();
  /** Bumped by every invalidation, so that a load that started before it does not store stale rows. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly db: Db) {}

  /**
   * The active webhooks of the session's owner that cover this session. `runner`: the transaction
   * the caller is in, which a miss reads through — a read on another pooled connection while the
   * transaction holds one waits for a free one, and with a pool of one (the embedded database) or a
   * pool full of such transactions nothing ever frees one.
   */
  async forSession(session: Pick<SessionRef, "id" | "ownerId">, runner: Pick<Prisma.TransactionClient, "$queryRaw"> = this.db): Promise<CachedWebhook[]> {
    const hooks = await this.forOwner(session.ownerId, runner);
    return hooks.filter((h) => h.sessionId === null || h.sessionId === session.id);
  }

  async forOwner(ownerId: string, runner: Pick<Prisma.TransactionClient, "$queryRaw"> = this.db): Promise<CachedWebhook[]> {
    const cached = this.byOwner.get(ownerId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.hooks;
    const generation = this.generations.get(ownerId) ?? 0;
    const hooks = await runner.$queryRaw<CachedWebhook[]>`
      SELECT id, events, "sessionId" FROM webhooks WHERE "ownerId" = ${ownerId} AND "isActive" ORDER BY "createdAt", id`;
    if ((this.generations.get(ownerId) ?? 0) === generation) this.byOwner.set(ownerId, { at: Date.now(), hooks });
    return hooks;
  }

  /** Forgets one owner's webhooks (or everyone's). */
  invalidate(ownerId?: string): void {
    if (ownerId === undefined) {
      this.byOwner.clear();
      for (const key of this.generations.keys()) this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      return;
    }
    this.byOwner.delete(ownerId);
    this.generations.set(ownerId, (this.generations.get(ownerId) ?? 0) + 1);
  }
}
