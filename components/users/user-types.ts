import type { listUsers } from "@/lib/users/list-users";

/** A user row as listUsers returns it, with the sessions assigned to them. */
export type DashboardUser = Awaited<ReturnType<typeof listUsers>>[number];

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
