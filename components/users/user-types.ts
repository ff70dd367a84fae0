import type { searchUsers } from "@/lib/users/search-users";

/** A user row as searchUsers returns it, with the sessions assigned to them. */
export type DashboardUser = Awaited<ReturnType<typeof searchUsers>>["users"][number];

/** A session offered in the assignment picker; `userId` is its owner. */
export interface AssignableSession {
  sessionId: string;
  name: string;
  userId: string;
}

export interface OwnerOption {
  id: string;
  name: string;
  username: string;
}
