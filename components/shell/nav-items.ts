import { hasPermission } from "@/lib/auth/permissions";

/** Icons drawn by components/shell/nav-icon.tsx; a new page picks one or adds its path there. */
export type NavIconName =
  | "overview"
  | "sessions"
  | "chats"
  | "groups"
  | "campaigns"
  | "automation"
  | "webhooks"
  | "apiKey"
  | "users"
  | "logs"
  | "audit"
  | "docs";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIconName;
  /** Opens outside the dashboard shell (the API reference has its own layout). */
  external?: boolean;
}

export interface NavSection {
  /** Shown above the group in the expanded sidebar; read out as the group's name. */
  label: string;
  items: NavItem[];
}

/**
 * The sidebar, in order. A page added by another feature slots in by adding one entry here (with
 * the permission its page checks): the shell, the phone drawer and the active-link highlighting
 * follow. An entry whose page does not exist yet answers the dashboard's 404 panel.
 */
export function navSectionsFor(role: string): NavSection[] {
  const can = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(role, permission);
  const sections: NavSection[] = [
    {
      label: "Messaging",
      items: [
        { href: "/overview", label: "Overview", icon: "overview" },
        { href: "/sessions", label: "Sessions", icon: "sessions" },
        { href: "/chats", label: "Chats", icon: "chats" },
        { href: "/groups", label: "Groups", icon: "groups" },
        ...(can("sessions.manage") ? [{ href: "/campaigns", label: "Campaigns", icon: "campaigns" } as const] : []),
        ...(can("sessions.manage") ? [{ href: "/automation", label: "Automation", icon: "automation" } as const] : []),
        { href: "/logs", label: "Logs", icon: "logs" },
      ],
    },
    {
      label: "Settings",
      items: [
        ...(can("sessions.manage") ? [{ href: "/webhooks", label: "Webhooks", icon: "webhooks" } as const] : []),
        { href: "/api-key", label: "API keys", icon: "apiKey" },
        ...(can("users.read") ? [{ href: "/users", label: "Users", icon: "users" } as const] : []),
        ...(can("audit.read") ? [{ href: "/audit", label: "Audit log", icon: "audit" } as const] : []),
        { href: "/docs", label: "Docs", icon: "docs", external: true },
      ],
    },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** The flat list, for callers that need no grouping. */
export function navItemsFor(role: string): NavItem[] {
  return navSectionsFor(role).flatMap((s) => s.items);
}

/** A link is current on its own page and on the pages below it (`/sessions/abc` → Sessions). */
export function isActiveHref(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
