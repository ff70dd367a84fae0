import { hasPermission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
}

/** The top bar's links; Webhooks and Users only for callers allowed to manage them. */
export function navItemsFor(role: string): NavItem[] {
  return [
    { href: "/sessions", label: "Sessions" },
    ...(hasPermission(role, "webhooks.manage") ? [{ href: "/webhooks", label: "Webhooks" }] : []),
    { href: "/api-key", label: "API key" },
    ...(hasPermission(role, "users.read") ? [{ href: "/users", label: "Users" }] : []),
    // The interactive API reference (Swagger UI over /api/openapi.json).
    { href: "/docs", label: "API docs" },
  ];
}
