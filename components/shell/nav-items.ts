import { hasPermission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
}

/** The top bar's links; Users only for callers who can see users (owners and superadmins). */
export function navItemsFor(role: string): NavItem[] {
  return [
    { href: "/sessions", label: "Sessions" },
    { href: "/api-key", label: "API key" },
    ...(hasPermission(role, "users.read") ? [{ href: "/users", label: "Users" }] : []),
  ];
}
