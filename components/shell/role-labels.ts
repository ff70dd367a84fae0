export const ROLE_LABELS: Record<string, string> = { SUPERADMIN: "Superadmin", OWNER: "Owner", STAFF: "Staff" };
