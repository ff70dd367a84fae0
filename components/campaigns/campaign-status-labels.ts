// A campaign's status as words, shared by the server-rendered list (its filter) and the client badge:
// kept out of the "use client" badge file, whose exports the server only sees as client references.
import type { MessageKey } from "@/lib/i18n/messages";

export const CAMPAIGN_STATUS_LABEL: Record<string, MessageKey> = {
  draft: "campaigns.statusDraft",
  scheduled: "campaigns.statusScheduled",
  running: "campaigns.statusRunning",
  paused: "campaigns.statusPaused",
  completed: "campaigns.statusCompleted",
  cancelled: "campaigns.statusCancelled",
  failed: "campaigns.statusFailed",
};
