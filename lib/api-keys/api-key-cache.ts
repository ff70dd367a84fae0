import "server-only";
// API keys already checked, by the key's hash (issue 10): looking the key and its user up cost two
// statements through Prisma's query compiler on every API request. An entry is dropped the moment
// its user's authority changes — key revoked, rotated, deleted or narrowed, user renamed, demoted,
// suspended or deleted (an owner's change covers its staff) — through the caller-change bus
// (lib/realtime/caller-change-bus.ts), which reaches every node: the writes that change a caller
// already announce it there, after their commit. A read that overlapped such a change is not kept
// (generation check), so a stale record cannot be cached behind an invalidation. Entries also age
// out after ENTRY_TTL_MS: the backstop for a notification another node missed while its LISTEN
// connection was being re-established. Expiry (expiresAt) is checked on every use, not cached.
import type { CallerChangeBus } from "@/lib/realtime/caller-change-bus";

const ENTRY_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

export interface CachedApiKey {
  id: string;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  expiresAt: Date | null;
  scopes: string[];
  sessionRestricted: boolean;
  sessionIds: string[];
  user: { id: string; role: "SUPERADMIN" | "OWNER" | "STAFF"; name: string; email: string; username: string; ownerId: string | null; suspendedAt: Date | null };
}

interface CacheState {
  entries: Map<string, { record: CachedApiKey; at: number }>;
  /** Bumped by every caller change: a look-up that started before one does not fill the cache. */
  generation: number;
  /** Whether the cache listens to the caller-change bus (forgetApiKeysOnCallerChanges); until then it keeps nothing. */
  subscribed: boolean;
}

// On globalThis: Next's bundles and server.ts load their own copies of this module, and a change
// delivered to one copy must empty the cache every route handler reads.
const holder = globalThis as unknown as { __wagateApiKeyCache?: CacheState };
const state: CacheState = (holder.__wagateApiKeyCache ??= { entries: new Map(), generation: 0, subscribed: false });

/**
 * Called by server.ts right after the bus starts, before anything else subscribes: the bus calls its
 * listeners in order, and the open sockets' re-check (lib/realtime/create-socket-server.ts) resolves
 * callers again — it must not be answered from entries about to be dropped. Without it (a process
 * not started by server.ts), nothing is cached.
 */
export function forgetApiKeysOnCallerChanges(bus: CallerChangeBus): void {
  if (state.subscribed) return;
  state.subscribed = true;
  bus.subscribe((userIds) => forgetApiKeysOf(userIds));
}

/** Drops every entry of these users, and of the staff of these owners. */
export function forgetApiKeysOf(userIds: string[]): void {
  state.generation++;
  const ids = new Set(userIds);
  for (const [hash, { record }] of state.entries) {
    if (ids.has(record.user.id) || (record.user.ownerId !== null && ids.has(record.user.ownerId))) state.entries.delete(hash);
  }
}

/** The record cached for this key hash, if fresh. */
export function cachedApiKey(keyHash: string): CachedApiKey | null {
  if (!state.subscribed) return null;
  const entry = state.entries.get(keyHash);
  if (!entry) return null;
  if (Date.now() - entry.at > ENTRY_TTL_MS) {
    state.entries.delete(keyHash);
    return null;
  }
  return entry.record;
}

/** The generation to hand to `cacheApiKey` after reading the key from the database. */
export function apiKeyCacheGeneration(): number {
  return state.generation;
}

/** Keeps a record read from the database, unless a caller change happened since `generation`. */
export function cacheApiKey(keyHash: string, record: CachedApiKey, generation: number): void {
  if (generation !== state.generation || !state.subscribed) return;
  state.entries.delete(keyHash);
  state.entries.set(keyHash, { record, at: Date.now() });
  if (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
}
