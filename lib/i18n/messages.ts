// The dashboard's words in English and Indonesian. A small typed dictionary rather than next-intl:
// next-intl wants its plugin in next.config.mjs and its locale handling in proxy.ts (both owned by
// the security work in flight), and the dashboard needs no locale in its URLs. The Indonesian table
// must have every English key (the type checks it), so a missing translation fails the build.

export const LOCALES = ["en", "id"] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  "nav.messaging": "Messaging",
  "nav.settings": "Settings",
  "nav.overview": "Overview",
  "nav.sessions": "Sessions",
  "nav.chats": "Chats",
  "nav.groups": "Groups",
  "nav.campaigns": "Campaigns",
  "nav.lists": "Recipient lists",
  "nav.automation": "Automation",
  "nav.logs": "Logs",
  "nav.webhooks": "Webhooks",
  "nav.apiKeys": "API keys",
  "nav.users": "Users",
  "nav.audit": "Audit log",
  "nav.docs": "Docs",
  "shell.skip": "Skip to content",
  "shell.collapse": "Collapse sidebar",
  "shell.expand": "Expand sidebar",
  "shell.openMenu": "Open menu",
  "shell.closeMenu": "Close menu",
  "shell.menu": "Menu",
  "shell.signOut": "Sign out",
  "shell.account": "Account",
  "shell.theme": "Theme",
  "shell.theme.system": "System",
  "shell.theme.light": "Light",
  "shell.theme.dark": "Dark",
  "overview.title": "Overview",
  "overview.description": "Your sessions and messages at a glance, updated as they happen.",
  "overview.sessionsOnline": "Sessions online",
  "overview.inToday": "Messages in today",
  "overview.outToday": "Messages out today",
  "overview.failedSends": "Failed sends (24 h)",
  "overview.failedDeliveries": "Failed webhook deliveries (24 h)",
  "overview.volume": "Message volume",
  "overview.period": "Period",
  "overview.days": "7 days",
  "overview.hours": "24 hours",
  "overview.noMessages": "No messages in this period.",
  "overview.health": "Session health",
  "overview.session": "Session",
  "overview.status": "Status",
  "overview.since": "Since",
  "overview.lastMessage": "Last message",
  "overview.reconnects": "Reconnects (24 h)",
  "overview.noneYet": "None yet",
  "overview.loading": "Loading…",
} as const;

export type MessageKey = keyof typeof en;

const id: Record<MessageKey, string> = {
  "nav.messaging": "Pesan",
  "nav.settings": "Pengaturan",
  "nav.overview": "Ringkasan",
  "nav.sessions": "Sesi",
  "nav.chats": "Obrolan",
  "nav.groups": "Grup",
  "nav.campaigns": "Kampanye",
  "nav.lists": "Daftar penerima",
  "nav.automation": "Otomatisasi",
  "nav.logs": "Log",
  "nav.webhooks": "Webhook",
  "nav.apiKeys": "Kunci API",
  "nav.users": "Pengguna",
  "nav.audit": "Log audit",
  "nav.docs": "Dokumentasi",
  "shell.skip": "Lewati ke konten",
  "shell.collapse": "Ciutkan bilah samping",
  "shell.expand": "Bentangkan bilah samping",
  "shell.openMenu": "Buka menu",
  "shell.closeMenu": "Tutup menu",
  "shell.menu": "Menu",
  "shell.signOut": "Keluar",
  "shell.account": "Akun",
  "shell.theme": "Tema",
  "shell.theme.system": "Sistem",
  "shell.theme.light": "Terang",
  "shell.theme.dark": "Gelap",
  "overview.title": "Ringkasan",
  "overview.description": "Sesi dan pesan Anda sekilas, diperbarui seketika.",
  "overview.sessionsOnline": "Sesi daring",
  "overview.inToday": "Pesan masuk hari ini",
  "overview.outToday": "Pesan keluar hari ini",
  "overview.failedSends": "Pengiriman gagal (24 jam)",
  "overview.failedDeliveries": "Pengiriman webhook gagal (24 jam)",
  "overview.volume": "Volume pesan",
  "overview.period": "Periode",
  "overview.days": "7 hari",
  "overview.hours": "24 jam",
  "overview.noMessages": "Tidak ada pesan pada periode ini.",
  "overview.health": "Kesehatan sesi",
  "overview.session": "Sesi",
  "overview.status": "Status",
  "overview.since": "Sejak",
  "overview.lastMessage": "Pesan terakhir",
  "overview.reconnects": "Sambung ulang (24 jam)",
  "overview.noneYet": "Belum ada",
  "overview.loading": "Memuat…",
};

const TABLES: Record<Locale, Record<MessageKey, string>> = { en, id };

export function translate(locale: Locale, key: MessageKey): string {
  return TABLES[locale][key] ?? en[key];
}

/** The account's choice, else the browser's first language we have, else English. */
export function resolveLocale(saved: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (saved === "en" || saved === "id") return saved;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0].trim().toLowerCase();
    if (tag === "id" || tag.startsWith("id-") || tag === "in") return "id";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}
