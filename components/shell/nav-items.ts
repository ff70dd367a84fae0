import { hasPermission } from "@/lib/auth/permissions";
import { translate, type Locale, type MessageKey } from "@/lib/i18n/messages";

/** Icons drawn by components/shell/nav-icon.tsx; a new page picks one or adds its path there. */
export type NavIconName =
  "overview" | "sessions" | "chats" | "groups" | "campaigns" | "lists" | "automation" | "webhooks" | "apiKey" | "users" | "logs" | "audit" | "docs";

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
export function navSectionsFor(role: string, locale: Locale = "en"): NavSection[] {
  const t = (key: MessageKey) => translate(locale, key);
  const can = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(role, permission);
  const sections: NavSection[] = [
    {
      label: t("nav.messaging"),
      items: [
        { href: "/overview", label: t("nav.overview"), icon: "overview" },
        { href: "/sessions", label: t("nav.sessions"), icon: "sessions" },
        { href: "/chats", label: t("nav.chats"), icon: "chats" },
        { href: "/groups", label: t("nav.groups"), icon: "groups" },
        // Staff run campaigns and automation on the sessions assigned to them.
        ...(can("sessions.send") ? [{ href: "/campaigns", label: t("nav.campaigns"), icon: "campaigns" } as const] : []),
        ...(can("sessions.send") ? [{ href: "/recipient-lists", label: t("nav.lists"), icon: "lists" } as const] : []),
        ...(can("automation.manage") ? [{ href: "/automation", label: t("nav.automation"), icon: "automation" } as const] : []),
        { href: "/logs", label: t("nav.logs"), icon: "logs" },
      ],
    },
    {
      label: t("nav.settings"),
      items: [
        ...(can("webhooks.manage") ? [{ href: "/webhooks", label: t("nav.webhooks"), icon: "webhooks" } as const] : []),
        { href: "/api-key", label: t("nav.apiKeys"), icon: "apiKey" },
        ...(can("users.read") ? [{ href: "/users", label: t("nav.users"), icon: "users" } as const] : []),
        ...(can("audit.read") ? [{ href: "/audit", label: t("nav.audit"), icon: "audit" } as const] : []),
        { href: "/docs", label: t("nav.docs"), icon: "docs", external: true },
      ],
    },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** The flat list, for callers that need no grouping. */
export function navItemsFor(role: string, locale: Locale = "en"): NavItem[] {
  return navSectionsFor(role, locale).flatMap((s) => s.items);
}

/** A link is current on its own page and on the pages below it (`/sessions/abc` → Sessions). */
export function isActiveHref(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
