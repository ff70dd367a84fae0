// The catalogue of public endpoints the OpenAPI document is built from. Request schemas are the
// very zod schemas the routes parse with, so the document cannot drift from the validation.
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { broadcastSchema, createCampaignSchema, previewCampaignSchema } from "@/lib/campaigns/campaigns.schema";
import { chateryBulkJobsSchema, chaterySendBulkDocumentSchema, chaterySendBulkImageSchema, chaterySendBulkSchema } from "@/lib/compat/chatery/bulk.schema";
import { v1CreateCampaignSchema } from "@/lib/compat/campaign-api/campaign-api.schema";
import { addOptOutSchema } from "@/lib/opt-outs/opt-outs.schema";
import { cloneRecipientListSchema, createRecipientListSchema, updateRecipientListSchema } from "@/lib/recipient-lists/recipient-lists.schema";
import { STICKER_FIELDS, UPLOAD_MEDIA_FIELDS } from "@/lib/media/media.schema";
import {
  chateryChatSchema,
  chateryContactsSchema,
  chateryMessagesSchema,
  chateryOverviewSchema,
  chateryPhoneSchema,
  chateryPresenceSchema,
  chaterySendAudioSchema,
  chaterySendButtonSchema,
  chaterySendContactSchema,
  chaterySendDocumentSchema,
  chaterySendImageSchema,
  chaterySendLocationSchema,
  chaterySendPollSchema,
  chaterySendTextSchema,
} from "@/lib/compat/chatery/chatery.schema";
import { checkNumberSchema, markReadSchema, presenceSchema, profilePictureSchema, sendBodySchema } from "@/lib/messages/messages.schema";
import { createAutoReplySchema, testAutoReplySchema, updateAutoReplySchema } from "@/lib/autoreplies/autoreplies.schema";
import { automationScheduleSchema } from "@/lib/compat/automation-api/automation-api.schema";
import { createScheduleSchema, updateScheduleSchema } from "@/lib/schedules/schedules.schema";
import { variationPreviewSchema } from "@/lib/variation/variation.schema";
import { contactMessageSchema, createContactSchema, faultSchema, scanSchema } from "@/lib/sandbox/sandbox.schema";
// Groups, statuses and message actions (issue 11)
import {
  chateryCreateSchema,
  chateryDescriptionSchema,
  chateryGroupSchema,
  chateryJoinSchema,
  chateryParticipantsSchema,
  chateryPictureSchema,
  chaterySessionSchema,
  chaterySettingsSchema,
  chaterySubjectSchema,
  createGroupSchema,
  descriptionSchema,
  joinApprovalSchema,
  joinGroupSchema,
  participantsSchema,
  pictureSchema,
  settingsSchema,
  subjectSchema,
} from "@/lib/groups/groups.schema";
import { messageActionBody } from "@/lib/messages/message-actions.schema";
import { contactAddressingSchema, contactGroupActionSchema, contactStatusSchema } from "@/lib/sandbox/sandbox-groups.schema";
import { postStatusSchema } from "@/lib/status/status.schema";
import { connectSessionSchema, createSessionSchema, pairingCodeSchema, renameSessionSchema, updateSessionSettingsSchema } from "@/lib/sessions/sessions.schema";
import { assignSessionsSchema, createUserSchema, loginSchema, registerSchema, updateMeSchema, updateUserSchema } from "@/lib/users/users.schema";
import { createWebhookSchema, removeSessionWebhookSchema, replayDeliveriesSchema, sessionWebhookSchema, sessionWebhookUrlSchema, updateWebhookSchema } from "@/lib/webhooks/webhooks.schema";

export interface Endpoint {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  /** null: no credentials needed. */
  permission: Permission | null;
  body?: z.ZodType;
  /** Field names of a multipart/form-data body ("name?" = optional; "file" is the file part). */
  multipart?: string[];
  /** What a successful answer looks like, in words (shown on /docs). */
  returns: string;
}

export const API_CATALOGUE: Endpoint[] = [
  { method: "get", path: "/api/health", tag: "System", summary: "Health check (database reachable)", permission: null, returns: '{ "status": "ok" } or 503' },
  { method: "get", path: "/api/openapi.json", tag: "System", summary: "This document", permission: null, returns: "OpenAPI 3.1 JSON" },
  { method: "get", path: "/metrics", tag: "System", summary: "Prometheus metrics of this process; also `Authorization: Bearer <METRICS_TOKEN>`", permission: "metrics.read", returns: "Prometheus text format" },

  { method: "post", path: "/api/auth/register", tag: "Auth", summary: "Sign up as a new owner (sets the session cookie)", permission: null, body: registerSchema, returns: '{ "message", "user" }' },
  { method: "post", path: "/api/auth/login", tag: "Auth", summary: "Sign in with username or email (sets the session cookie); rate-limited", permission: null, body: loginSchema, returns: '{ "message", "user" }; 401 wrong credentials; 429 too many attempts' },
  { method: "post", path: "/api/auth/logout", tag: "Auth", summary: "Sign out: ends this session cookie server-side (a copy stops working too) and clears it", permission: null, returns: '{ "message" }' },

  { method: "get", path: "/api/users/me", tag: "Users", summary: "The caller's profile", permission: "profile.read", returns: "user" },
  { method: "patch", path: "/api/users/me", tag: "Users", summary: "Change the caller's own name, phone or password (a new password ends the user's other cookies; this browser gets a fresh one)", permission: "profile.read", body: updateMeSchema, returns: "user" },
  { method: "post", path: "/api/users/me/sign-out-everywhere", tag: "Users", summary: "End every dashboard session (cookie) of the caller, this one included; API keys are not affected", permission: "profile.read", returns: '{ "success": true, "message" }' },
  { method: "get", path: "/api/users", tag: "Users", summary: "All users (superadmin) or the caller's staff (owner)", permission: "users.read", returns: "user[] with assigned sessions" },
  { method: "post", path: "/api/users", tag: "Users", summary: "Create a user (superadmin) or a staff member (owner)", permission: "users.write", body: createUserSchema, returns: "user (201)" },
  { method: "patch", path: "/api/users/{id}", tag: "Users", summary: "Change a user within reach; `suspended: true` blocks sign-in, cookies and API key (password, role and suspension changes end the user's cookies)", permission: "users.write", body: updateUserSchema, returns: "user" },
  { method: "delete", path: "/api/users/{id}", tag: "Users", summary: "Remove a user within reach (cascades)", permission: "users.write", returns: '{ "success": true }' },
  { method: "get", path: "/api/users/{id}/sessions", tag: "Users", summary: "Sessions assigned to a staff member", permission: "users.read", returns: "{ id, sessionId, name }[]" },
  { method: "put", path: "/api/users/{id}/sessions", tag: "Users", summary: "Replace a staff member's assigned sessions", permission: "users.write", body: assignSessionsSchema, returns: "{ id, sessionId, name }[]" },

  { method: "get", path: "/api/user/api-key", tag: "API key", summary: "The caller's API key, masked", permission: "apiKey.manage", returns: '{ "apiKey": "wag_…abcd" | null }' },
  { method: "post", path: "/api/user/api-key", tag: "API key", summary: "Create a new key (shown once; the old one stops working)", permission: "apiKey.manage", returns: '{ "apiKey": "wag_…" }' },
  { method: "delete", path: "/api/user/api-key", tag: "API key", summary: "Revoke the key", permission: "apiKey.manage", returns: '{ "success": true }' },

  { method: "get", path: "/api/sessions", tag: "Sessions", summary: "Sessions the caller may see", permission: "sessions.read", returns: "session[]" },
  { method: "post", path: "/api/sessions", tag: "Sessions", summary: "Create a session", permission: "sessions.create", body: createSessionSchema, returns: "session (status DISCONNECTED)" },
  { method: "get", path: "/api/sessions/{id}", tag: "Sessions", summary: "One session (by public sessionId or id)", permission: "sessions.read", returns: "session" },
  { method: "patch", path: "/api/sessions/{id}", tag: "Sessions", summary: "Rename a session", permission: "sessions.manage", body: renameSessionSchema, returns: "session" },
  { method: "delete", path: "/api/sessions/{id}", tag: "Sessions", summary: "Delete a session", permission: "sessions.manage", returns: '{ "success": true }' },
  { method: "patch", path: "/api/sessions/{id}/settings", tag: "Sessions", summary: "Change the session's toggles (merged)", permission: "sessions.manage", body: updateSessionSettingsSchema, returns: "{ id, sessionId, name, config }" },
  { method: "delete", path: "/api/sessions/{id}/settings", tag: "Sessions", summary: "Delete a session (Ultimate WhatsApp Gateway's path)", permission: "sessions.manage", returns: '{ "success": true }' },
  { method: "post", path: "/api/sessions/{id}/connect", tag: "Sessions", summary: "Start the WhatsApp connection (alias: /init); waits briefly for a QR", permission: "sessions.manage", body: connectSessionSchema, returns: "session with status QR and qr (PNG data URL), or CONNECTED" },
  { method: "post", path: "/api/sessions/{id}/init", tag: "Sessions", summary: "Clevio's name for /connect: the same operation", permission: "sessions.manage", body: connectSessionSchema, returns: "as /connect" },
  { method: "get", path: "/api/sessions/{id}/qr", tag: "Sessions", summary: "The current QR code", permission: "sessions.manage", returns: '{ "qr": "data:image/png;base64,…" | null, "status" }' },
  { method: "get", path: "/api/sessions/{id}/qr/image", tag: "Sessions", summary: "The current QR code as a PNG", permission: "sessions.manage", returns: "image/png; 404 when no QR is waiting" },
  { method: "post", path: "/api/sessions/{id}/pairing-code", tag: "Sessions", summary: "Pair by an 8-character code instead of a QR", permission: "sessions.manage", body: pairingCodeSchema, returns: '{ "code", "phone", "status" }' },
  { method: "get", path: "/api/sessions/{id}/status", tag: "Sessions", summary: "Live status, phone, profile name, since, reason, last error, status history", permission: "sessions.read", returns: "status object" },
  { method: "post", path: "/api/sessions/{id}/restart", tag: "Sessions", summary: "Close and reopen the connection (no QR once paired)", permission: "sessions.manage", returns: "session" },
  { method: "post", path: "/api/sessions/{id}/logout", tag: "Sessions", summary: "Unlink from the phone and wipe the credentials", permission: "sessions.manage", returns: '{ "success": true, "status": "LOGGED_OUT" }' },
  { method: "get", path: "/api/sessions/{id}/events", tag: "Sessions", summary: "The session's recent events (newest first)", permission: "sessions.read", returns: "{ id, event, timestamp, data }[]" },
  { method: "get", path: "/api/websocket/stats", tag: "Sessions", summary: "Socket.io clients per session room (Chatery)", permission: "sessions.read", returns: '{ "success": true, "data": { "totalConnections", "sessionRooms" } }' },
  { method: "get", path: "/api/sessions/{id}/events", tag: "Sessions", summary: "The session's recent events, newest first in the order they were recorded (seq)", permission: "sessions.read", returns: "{ id, seq, event, timestamp, data }[]" },
  { method: "get", path: "/api/websocket/stats", tag: "Sessions", summary: "Socket.io clients per session room (seed 003)", permission: "sessions.read", returns: '{ "success": true, "data": { "totalConnections", "sessionRooms" } }' },

  { method: "post", path: "/api/sandbox/sessions/{sessionId}/scan", tag: "Sandbox", summary: "The sandbox phone scans the session's QR (sandbox mode only)", permission: "sessions.manage", body: scanSchema, returns: '{ "success", "phone", "status" }' },
  { method: "post", path: "/api/sandbox/sessions/{sessionId}/fault", tag: "Sandbox", summary: "Make the emulated network drop, log out, conflict, restart or stall the session", permission: "sessions.manage", body: faultSchema, returns: '{ "success", "kind", "connections" }' },
  { method: "get", path: "/api/sandbox/contacts", tag: "Sandbox", summary: "Emulated contacts", permission: "sessions.read", returns: "{ phone, jid, name, echo }[]" },
  { method: "post", path: "/api/sandbox/contacts", tag: "Sandbox", summary: "Add an emulated contact", permission: "sessions.manage", body: createContactSchema, returns: "contact (201)" },
  { method: "post", path: "/api/sandbox/contacts/{phone}/messages", tag: "Sandbox", summary: "The contact sends a message to one of your sessions", permission: "sessions.send", body: contactMessageSchema, returns: '{ "success", "messageId", "to" }' },
  { method: "get", path: "/api/sandbox/contacts/{phone}/messages", tag: "Sandbox", summary: "What the contact received from your sessions, decrypted, with its receipts", permission: "sessions.read", returns: "message[]" },

  { method: "post", path: "/api/media", tag: "Media", summary: "Upload a file to send later by mediaId: JPEG, PNG, GIF, WebP, PDF, Word, Excel, audio (Ogg/Opus, MP3, M4A/AAC, WAV) or video (MP4, 3GP, WebM); the type is read from the bytes. Staff must name one of their sessions", permission: "sessions.send", multipart: UPLOAD_MEDIA_FIELDS, returns: '{ "mediaId", "mimetype", "size", "fileName", "url" } (201); 413 over MEDIA_MAX_BYTES; 415 unsupported type' },
  { method: "get", path: "/api/media/{id}", tag: "Media", summary: "The bytes of an uploaded, received (auto-saved) or sticker file within reach", permission: "sessions.read", returns: "the file, with its detected Content-Type; documents as attachments" },
  { method: "post", path: "/api/messages/sticker", tag: "Messages", summary: "Make a 512×512 WebP sticker (pack and author metadata) from a PNG, JPEG or WebP image and send it (Ultimate WhatsApp Gateway); honours Idempotency-Key", permission: "sessions.send", multipart: STICKER_FIELDS, returns: '{ "success": true, "messageId", "mediaId" }; 415 not an image' },
  { method: "get", path: "/api/sandbox/contacts/{phone}/messages/{id}/media", tag: "Sandbox", summary: "The decrypted media a contact received from your sessions", permission: "sessions.read", returns: "the bytes, with the message's declared mimetype" },

  // --- messaging (lib/messages) ---
  { method: "post", path: "/api/chat/send", tag: "Messages", summary: "Send a message, or a batch of up to 100 (one result each, in order): text, image/video/audio/document/sticker by { url } or { mediaId }, location, contacts/contact, poll, react, edit, delete; typingTime, replyTo. Queued durably and sent paced; Idempotency-Key makes retries safe (batch item i: key:i); wait:false or ?wait=false answers 503 when the session is not connected", permission: "sessions.send", body: sendBodySchema, returns: '{ "success": true, "messageId", "status": "PENDING" } or one such result per item ({ "success": false, "error", "statusCode" } for a refused item); 503 not connected with wait:false' },
  { method: "post", path: "/api/chat/presence", tag: "Messages", summary: "Show typing, recording or paused in a chat, or go available/unavailable", permission: "sessions.send", body: presenceSchema, returns: '{ "success": true, "jid", "presence" }; 503 not connected' },
  { method: "post", path: "/api/chat/check-number", tag: "Messages", summary: "Which phone numbers are on WhatsApp", permission: "sessions.send", body: checkNumberSchema, returns: '[{ "phone", "exists", "jid" }]; 503 not connected' },
  { method: "post", path: "/api/chat/profile-picture", tag: "Messages", summary: "A contact's or group's profile picture URL", permission: "sessions.send", body: profilePictureSchema, returns: '{ "url" } (null when none or private); 503 not connected' },
  { method: "post", path: "/api/chat/mark-read", tag: "Messages", summary: "Send read receipts for a chat's unread messages and reset its unread count", permission: "sessions.send", body: markReadSchema, returns: '{ "markedCount" }; 503 not connected' },
  { method: "get", path: "/api/chat/{sessionId}", tag: "Messages", summary: "The session's chats, newest first; ?type=individual|group, ?search, ?limit (100), ?offset", permission: "sessions.send", returns: '[{ "jid", "name", "notify", "profilePic", "isGroup", "unreadCount", "lastMessage": { "content", "timestamp", "type" } | null }]' },
  { method: "get", path: "/api/chat/{sessionId}/{jid}", tag: "Messages", summary: "A chat's messages (Ultimate WhatsApp Gateway's shape), newest first; ?limit (50, max 200); the next page: ?cursor= the X-Next-Cursor header", permission: "sessions.send", returns: "message[]; X-Next-Cursor header when there are older messages" },

  // --- Chatery compatibility: { success, message, data }; errors { success: false, message, error } ---
  { method: "post", path: "/api/whatsapp/chats/send-text", tag: "Chatery compatibility", summary: "Send a text message", permission: "sessions.send", body: chaterySendTextSchema, returns: '{ "success": true, "message", "data": { "messageId", "chatId", "status" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-image", tag: "Chatery compatibility", summary: "Send an image from a URL", permission: "sessions.send", body: chaterySendImageSchema, returns: '{ "success": true, "message", "data": { "messageId", "chatId", "status" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-document", tag: "Chatery compatibility", summary: "Send a document from a URL", permission: "sessions.send", body: chaterySendDocumentSchema, returns: '{ "success": true, "message", "data": { "messageId", "chatId", "status" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-audio", tag: "Chatery compatibility", summary: "Send OGG/Opus audio from a URL (ptt: as a voice note)", permission: "sessions.send", body: chaterySendAudioSchema, returns: '{ "success": true, "message", "data": { "messageId", "chatId", "status" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-location", tag: "Chatery compatibility", summary: "Send a location", permission: "sessions.send", body: chaterySendLocationSchema, returns: '{ "success": true, "message", "data": { "messageId", "chatId", "status" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-contact", tag: "Chatery compatibility", summary: "Send a contact card", permission: "sessions.send", body: chaterySendContactSchema, returns: '{ "success": true, "message", "data": { "messageId", "chatId", "status" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-poll", tag: "Chatery compatibility", summary: "Send a poll (2–12 options)", permission: "sessions.send", body: chaterySendPollSchema, returns: '{ "success": true, "message", "data": { "messageId", "chatId", "status" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-button", tag: "Chatery compatibility", summary: "Deprecated by WhatsApp: sent as a text with the buttons as numbered lines and the footer", permission: "sessions.send", body: chaterySendButtonSchema, returns: '{ "success": true, "message", "data": { "messageId", "chatId", "status" } }' },
  { method: "post", path: "/api/whatsapp/chats/presence", tag: "Chatery compatibility", summary: "Typing, recording, paused, available or unavailable", permission: "sessions.send", body: chateryPresenceSchema, returns: '{ "success": true, "message", "data": { "chatId", "presence" } }' },
  { method: "post", path: "/api/whatsapp/chats/check-number", tag: "Chatery compatibility", summary: "Whether a phone number is on WhatsApp", permission: "sessions.send", body: chateryPhoneSchema, returns: '{ "success": true, "message", "data": { "phone", "exists", "jid" } }' },
  { method: "post", path: "/api/whatsapp/chats/profile-picture", tag: "Chatery compatibility", summary: "A number's profile picture URL", permission: "sessions.send", body: chateryPhoneSchema, returns: '{ "success": true, "message", "data": { "phone", "jid", "url" } }' },
  { method: "post", path: "/api/whatsapp/chats/overview", tag: "Chatery compatibility", summary: "The session's chats, newest first; type all|personal|group, limit, offset", permission: "sessions.send", body: chateryOverviewSchema, returns: '{ "success": true, "message", "data": chat[] }' },
  { method: "post", path: "/api/whatsapp/contacts", tag: "Chatery compatibility", summary: "The session's contacts; search, limit, offset", permission: "sessions.send", body: chateryContactsSchema, returns: '{ "success": true, "message", "data": { "total", "limit", "offset", "contacts" } }' },
  { method: "post", path: "/api/whatsapp/chats/messages", tag: "Chatery compatibility", summary: "A chat's messages, newest first, with a cursor", permission: "sessions.send", body: chateryMessagesSchema, returns: '{ "success": true, "message", "data": { "chatId", "messages", "nextCursor", "hasMore" } }' },
  { method: "post", path: "/api/whatsapp/chats/info", tag: "Chatery compatibility", summary: "One chat's details", permission: "sessions.send", body: chateryChatSchema, returns: '{ "success": true, "message", "data": chat }' },
  { method: "post", path: "/api/whatsapp/chats/mark-read", tag: "Chatery compatibility", summary: "Mark a chat's unread messages as read", permission: "sessions.send", body: chateryChatSchema, returns: '{ "success": true, "message": "Chat marked as read", "data": { "chatId", "isGroup", "markedCount" } }' },

  // --- webhooks (lib/webhooks) ---
  { method: "get", path: "/api/webhooks", tag: "Webhooks", summary: "The caller's webhooks (Ultimate WhatsApp Gateway); the secret is never listed, only hasSecret", permission: "sessions.manage", returns: '[{ "id", "name", "url", "hasSecret", "sessionId", "events", "isActive", "replyEnabled", "origin", "deliveries": { "PENDING", "DELIVERED", "FAILED", "DEAD" } }]' },
  { method: "post", path: "/api/webhooks", tag: "Webhooks", summary: "Create a webhook (Ultimate WhatsApp Gateway). Events: internal, Ultimate WhatsApp Gateway or Chatery names, `*`/`all`, `prefix.*`. No secret given: one is generated (secret: null for unsigned). Private/loopback URLs are refused unless ALLOW_PRIVATE_NETWORK_URLS=true", permission: "sessions.manage", body: createWebhookSchema, returns: "webhook; 400 naming the field (e.g. url: … private address); 404 unknown session" },
  { method: "get", path: "/api/webhooks/{id}", tag: "Webhooks", summary: "One webhook", permission: "sessions.manage", returns: "webhook" },
  { method: "patch", path: "/api/webhooks/{id}", tag: "Webhooks", summary: "Change a webhook (Ultimate WhatsApp Gateway; every field optional; secret: null stops signing)", permission: "sessions.manage", body: updateWebhookSchema, returns: "webhook" },
  { method: "delete", path: "/api/webhooks/{id}", tag: "Webhooks", summary: "Delete a webhook with its deliveries and delivery log", permission: "sessions.manage", returns: '{ "success": true }' },
  { method: "get", path: "/api/webhooks/{id}/secret", tag: "Webhooks", summary: "Reveal the signing secret", permission: "sessions.manage", returns: '{ "id", "secret" } (secret null when unsigned)' },
  { method: "post", path: "/api/webhooks/{id}/secret", tag: "Webhooks", summary: "Replace the signing secret with a new random one", permission: "sessions.manage", returns: '{ "id", "secret" }' },
  { method: "post", path: "/api/webhooks/{id}/test", tag: "Webhooks", summary: "Deliver a webhook.test event to this webhook only (in its turn) and show the outcome", permission: "sessions.manage", returns: '{ "id", "eventId", "status", "attempts", "lastStatusCode", "lastError", "lastAttempt": { "statusCode", "latencyMs", "responseBytes", "error" } } — the answer\'s status and size, never its text; 409 the owner has no session' },
  { method: "get", path: "/api/webhooks/{id}/deliveries", tag: "Webhooks", summary: "The delivery log, newest first, with each delivery's attempts; ?status=PENDING|DELIVERED|FAILED|DEAD, ?limit (25, max 100), ?cursor= the previous page's nextCursor", permission: "sessions.manage", returns: '{ "deliveries": [{ "id", "eventId", "event", "sessionId", "status", "attempts", "nextAttemptAt", "lastStatusCode", "lastError", "deliveredAt", "attemptLog": [{ "statusCode", "latencyMs", "responseSnippet", "responseBytes", "error", "createdAt" }] }], "nextCursor" }; responseSnippet is null for test sends' },
  { method: "post", path: "/api/webhooks/{id}/deliveries/{deliveryId}/replay", tag: "Webhooks", summary: "Send one delivery again from scratch (attempts back to 0)", permission: "sessions.manage", returns: '{ "id", "status": "PENDING", "replayed": 1 }; 409 already pending' },
  { method: "post", path: "/api/webhooks/{id}/replay", tag: "Webhooks", summary: "Send every DEAD (or FAILED: retry now) delivery of the webhook again", permission: "sessions.manage", body: replayDeliveriesSchema, returns: '{ "replayed": n }' },
  { method: "get", path: "/api/sessions/{id}/webhooks", tag: "Webhooks", summary: "The webhooks bound to this session (Chatery)", permission: "sessions.manage", returns: '{ "sessionId", "webhooks": webhook[] }' },
  { method: "post", path: "/api/sessions/{id}/webhooks", tag: "Webhooks", summary: "Add a webhook URL to the session, or change its events (Chatery; events default to all)", permission: "sessions.manage", body: sessionWebhookSchema, returns: '{ "sessionId", "webhooks": webhook[] }' },
  { method: "delete", path: "/api/sessions/{id}/webhooks", tag: "Webhooks", summary: "Remove the session's webhook with this URL (Chatery)", permission: "sessions.manage", body: removeSessionWebhookSchema, returns: '{ "sessionId", "webhooks": webhook[] }; 404 no such URL' },
  { method: "get", path: "/api/sessions/{id}/webhook", tag: "Webhooks", summary: "The session's one webhook URL (Clevio / Campaign API)", permission: "sessions.manage", returns: '{ "sessionId", "url" | null, "webhook" | null }' },
  { method: "put", path: "/api/sessions/{id}/webhook", tag: "Webhooks", summary: "Set the session's one webhook URL ({ url } or Clevio's { webhookUrl }): incoming messages, and its answer is sent back as the reply unless replyEnabled: false", permission: "sessions.manage", body: sessionWebhookUrlSchema, returns: '{ "message", "sessionId", "url", "webhook" }' },
  { method: "delete", path: "/api/sessions/{id}/webhook", tag: "Webhooks", summary: "Remove the session's webhook URL", permission: "sessions.manage", returns: '{ "success": true }; 404 none set' },
  // --- automation (lib/autoreplies, lib/schedules, lib/variation, lib/compat/automation-api) ---
  { method: "get", path: "/api/autoreplies", tag: "Automation", summary: "Auto-reply rules in the order they are tried (?sessionId=: those that apply to that session, including rules for all sessions)", permission: "automation.manage", returns: '[{ "id", "sessionId" | null, "keyword", "matchType", "caseSensitive", "response", "mediaUrl", "mediaId", "mediaType", "quote", "priority", "scope", "enabled", "cooldownSeconds", "hitCount", "lastHitAt" }]' },
  { method: "post", path: "/api/autoreplies", tag: "Automation", summary: "Create a rule: EXACT, CONTAINS or REGEX (RE2 syntax, at most 200 characters; no backreferences or lookaround), case-insensitive unless caseSensitive; {{name}} {{phone}} {{message}} in the reply. Rules answer only while the session's autoReplyEnabled is on", permission: "automation.manage", body: createAutoReplySchema, returns: "rule; 400 naming the field (keyword: … for a pattern RE2 refuses); 404 unknown session" },
  { method: "get", path: "/api/autoreplies/{id}", tag: "Automation", summary: "One rule, with its hit count", permission: "automation.manage", returns: "rule" },
  { method: "patch", path: "/api/autoreplies/{id}", tag: "Automation", summary: "Change a rule (order: priority, lowest first)", permission: "automation.manage", body: updateAutoReplySchema, returns: "rule" },
  { method: "delete", path: "/api/autoreplies/{id}", tag: "Automation", summary: "Delete a rule", permission: "automation.manage", returns: '{ "success": true }' },
  { method: "post", path: "/api/autoreplies/test", tag: "Automation", summary: "Which rule would answer a sample message, and the rendered reply (nothing is sent)", permission: "automation.manage", body: testAutoReplySchema, returns: '{ "matched", "rule" | null, "reply" | null }' },
  { method: "get", path: "/api/scheduler", tag: "Automation", summary: "Scheduled and recurring messages (?sessionId=, ?when=upcoming|past|all)", permission: "automation.manage", returns: '[{ "id", "sessionId", "jid", "content", "mediaUrl", "sendAt", "status", "recurring", "cron", "timeZone", "endAt", "nextFirings", "firedCount", "messageId", "error" }]' },
  { method: "post", path: "/api/scheduler", tag: "Automation", summary: "Schedule a message: sendAt (once; without an offset it is read in timeZone, default the user's) or cron (recurring; six fields for seconds) with an optional endAt; aiModifications and {a|b} spintax vary each message", permission: "automation.manage", body: createScheduleSchema, returns: "schedule (sendAt: the resolved instant); 400 naming the field (past time, bad jid, bad cron, unknown time zone); 404 unknown session" },
  { method: "get", path: "/api/scheduler/{id}", tag: "Automation", summary: "One schedule with its next five firings", permission: "automation.manage", returns: "schedule" },
  { method: "patch", path: "/api/scheduler/{id}", tag: "Automation", summary: "Pause or resume a recurring schedule", permission: "automation.manage", body: updateScheduleSchema, returns: "schedule" },
  { method: "delete", path: "/api/scheduler/{id}", tag: "Automation", summary: "Cancel: a one-time message not yet on its way is withdrawn (409 once it is being sent); a recurring one stops", permission: "automation.manage", returns: '{ "success": true }' },
  { method: "post", path: "/api/messages/variations/preview", tag: "Automation", summary: "What `count` recipients would get from a text with spintax and aiModifications (deterministic for a seed)", permission: "sessions.send", body: variationPreviewSchema, returns: '{ "variants": string[], "seed" }' },
  { method: "post", path: "/api/messages/send", tag: "Automation API compatibility", summary: "WhatsApp Automation API send on the default session (the oldest; created when there is none): phoneId, message, mediaFile?, scheduledTime?", permission: "sessions.send", multipart: ["phoneId", "message?", "mediaFile?", "scheduledTime?"], returns: '{ "success", "messageId", "scheduledFor" | null }' },
  { method: "post", path: "/api/messages/schedule", tag: "Automation API compatibility", summary: "WhatsApp Automation API scheduled send with aiModifications, on the default session", permission: "automation.manage", body: automationScheduleSchema, returns: '{ "success", "messageId", "scheduleId", "scheduledFor" }' },
  { method: "get", path: "/api/messages/queue", tag: "Automation API compatibility", summary: "WhatsApp Automation API queue of the default session (?page=1&limit=10, limit ≤ 100)", permission: "sessions.send", returns: '{ "messages": [{ "id", "to", "message", "status", "scheduledFor", "sentAt" }], "pagination": { "page", "limit", "total", "pages" } }' },

  // --- groups, statuses, message actions (issue 11) ---
  { method: "get", path: "/api/groups", tag: "Groups", summary: "A session's groups from the store; ?sessionId (default: first connected session), ?search", permission: "sessions.read", returns: '[{ "id", "sessionId", "jid", "subject", "description", "ownerJid", "participants": [{ "id", "phone", "lid", "admin" }], "size", "creation", "restrict", "announce", "inviteCode" }]' },
  { method: "post", path: "/api/groups/create", tag: "Groups", summary: "Create a group (participants as phone numbers or JIDs)", permission: "groups.manage", body: createGroupSchema, returns: '{ "success": true, "group": { "id", "subject" } }' },
  { method: "post", path: "/api/groups/join", tag: "Groups", summary: "Join a group by invite code or https://chat.whatsapp.com/ link", permission: "groups.manage", body: joinGroupSchema, returns: '{ "success": true, "groupJid" }' },
  { method: "get", path: "/api/groups/{sessionId}/{groupJid}", tag: "Groups", summary: "One group's metadata and participants; ?refresh=true asks WhatsApp first", permission: "sessions.read", returns: "group (as in GET /api/groups)" },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/participants/{action}", tag: "Groups", summary: "add | remove | promote | demote participants; a result per participant with WhatsApp's code", permission: "groups.manage", body: participantsSchema, returns: '{ "success", "action", "groupJid", "results": [{ "jid", "status", "success", "message" }] }; 403 not an admin' },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/subject", tag: "Groups", summary: "Change the subject", permission: "groups.manage", body: subjectSchema, returns: '{ "success": true, "groupJid" }; 403 not allowed' },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/description", tag: "Groups", summary: "Change (empty: clear) the description", permission: "groups.manage", body: descriptionSchema, returns: '{ "success": true, "groupJid" }; 403 not allowed' },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/settings", tag: "Groups", summary: "announcement | not_announcement | locked | unlocked", permission: "groups.manage", body: settingsSchema, returns: '{ "success": true, "groupJid" }; 403 not an admin' },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/picture", tag: "Groups", summary: "Set the picture from { mediaId } or { url } (fetched SSRF-guarded)", permission: "groups.manage", body: pictureSchema, returns: '{ "success": true, "groupJid" }' },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/leave", tag: "Groups", summary: "Leave the group", permission: "groups.manage", returns: '{ "success": true, "groupJid" }' },
  { method: "get", path: "/api/groups/{sessionId}/{groupJid}/invite-code", tag: "Groups", summary: "The invite code and link (admins only)", permission: "groups.manage", returns: '{ "groupJid", "inviteCode", "inviteLink" }' },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/invite-code/revoke", tag: "Groups", summary: "A new invite code; the old link stops working", permission: "groups.manage", returns: '{ "groupJid", "inviteCode", "inviteLink" }' },
  { method: "get", path: "/api/groups/{sessionId}/{groupJid}/join-requests", tag: "Groups", summary: "Who asked to join by invite link and waits for approval (admins only)", permission: "groups.manage", returns: '[{ "id", "phone", "lid", "requestMethod", "requestedAt" }]' },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/join-requests/{action}", tag: "Groups", summary: "approve | reject join requests; a result per person", permission: "groups.manage", body: participantsSchema, returns: '{ "success", "action", "groupJid", "results": [{ "jid", "status", "success" }] }' },
  { method: "post", path: "/api/groups/{sessionId}/{groupJid}/join-approval", tag: "Groups", summary: "Whether joining by invite link needs an admin's approval", permission: "groups.manage", body: joinApprovalSchema, returns: '{ "success", "groupJid", "joinApproval" }' },
  { method: "post", path: "/api/status/update", tag: "Status", summary: "Post a status: TEXT (backgroundColor, font), IMAGE or VIDEO (mediaUrl or mediaId); recipients default to the stored contacts", permission: "sessions.send", body: postStatusSchema, returns: '{ "success": true, "messageId", "status": "PENDING", "recipients" }' },
  { method: "get", path: "/api/status", tag: "Status", summary: "Recent statuses of a session (?sessionId, ?limit, ?fromMe)", permission: "sessions.send", returns: '[{ "id", "fromMe", "from", "fromLid", "pushName", "type", "content", "mediaId", "timestamp" }]' },
  { method: "post", path: "/api/chat/{sessionId}/{jid}/messages/{id}/{action}", tag: "Messages", summary: "react ({ emoji }), edit ({ text }), delete (for everyone) or forward ({ to }) one message", permission: "sessions.send", body: messageActionBody, returns: '{ "success": true, "messageId", "status": "PENDING" }' },
  { method: "get", path: "/api/sandbox/contacts/{phone}/groups", tag: "Sandbox", summary: "The groups an emulated contact is in (with one of your sessions)", permission: "sessions.read", returns: "group[] as the contact's phone sees them" },
  { method: "post", path: "/api/sandbox/contacts/{phone}/groups", tag: "Sandbox", summary: "The contact creates, joins, leaves, administers or writes in a group", permission: "sessions.send", body: contactGroupActionSchema, returns: '{ "jid", "results"? }' },
  { method: "post", path: "/api/sandbox/contacts/{phone}/status", tag: "Sandbox", summary: "The contact posts a text status your sessions see", permission: "sessions.send", body: contactStatusSchema, returns: '{ "messageId" }' },
  { method: "put", path: "/api/sandbox/contacts/{phone}/addressing", tag: "Sandbox", summary: "Whether the contact's 1:1 messages come addressed by LID", permission: "sessions.manage", body: contactAddressingSchema, returns: '{ "phone", "jid", "lid", "lidAddressing" }' },
  { method: "get", path: "/api/whatsapp/groups", tag: "Automation API compatibility", summary: "The default session's groups", permission: "sessions.read", returns: '[{ "id", "name", "participants": ["+<phone>"] }]' },
  { method: "post", path: "/api/whatsapp/groups", tag: "Chatery compatibility", summary: "A session's groups", permission: "sessions.read", body: chaterySessionSchema, returns: '{ "success": true, "message", "data": { "count", "groups": [{ "id", "subject", "participantsCount", "creation" }] } }' },
  { method: "post", path: "/api/whatsapp/groups/create", tag: "Chatery compatibility", summary: "Create a group ({ name, participants })", permission: "groups.manage", body: chateryCreateSchema, returns: '{ "success": true, "message", "data": { "id", "subject" } }' },
  { method: "post", path: "/api/whatsapp/groups/metadata", tag: "Chatery compatibility", summary: "One group's metadata", permission: "sessions.read", body: chateryGroupSchema, returns: '{ "success": true, "message", "data": { "id", "subject", "description", "participants", "size" } }' },
  { method: "post", path: "/api/whatsapp/groups/participants/add", tag: "Chatery compatibility", summary: "Add participants", permission: "groups.manage", body: chateryParticipantsSchema, returns: '{ "success", "message", "data": { "results" } }' },
  { method: "post", path: "/api/whatsapp/groups/participants/remove", tag: "Chatery compatibility", summary: "Remove participants", permission: "groups.manage", body: chateryParticipantsSchema, returns: '{ "success", "message", "data": { "results" } }' },
  { method: "post", path: "/api/whatsapp/groups/participants/promote", tag: "Chatery compatibility", summary: "Promote participants", permission: "groups.manage", body: chateryParticipantsSchema, returns: '{ "success", "message", "data": { "results" } }' },
  { method: "post", path: "/api/whatsapp/groups/participants/demote", tag: "Chatery compatibility", summary: "Demote participants", permission: "groups.manage", body: chateryParticipantsSchema, returns: '{ "success", "message", "data": { "results" } }' },
  { method: "post", path: "/api/whatsapp/groups/subject", tag: "Chatery compatibility", summary: "Change the subject", permission: "groups.manage", body: chaterySubjectSchema, returns: '{ "success": true, "message", "data" }' },
  { method: "post", path: "/api/whatsapp/groups/description", tag: "Chatery compatibility", summary: "Change the description", permission: "groups.manage", body: chateryDescriptionSchema, returns: '{ "success": true, "message", "data" }' },
  { method: "post", path: "/api/whatsapp/groups/settings", tag: "Chatery compatibility", summary: "announcement | not_announcement | locked | unlocked", permission: "groups.manage", body: chaterySettingsSchema, returns: '{ "success": true, "message", "data" }' },
  { method: "post", path: "/api/whatsapp/groups/picture", tag: "Chatery compatibility", summary: "Set the picture from imageUrl", permission: "groups.manage", body: chateryPictureSchema, returns: '{ "success": true, "message", "data" }' },
  { method: "post", path: "/api/whatsapp/groups/leave", tag: "Chatery compatibility", summary: "Leave the group", permission: "groups.manage", body: chateryGroupSchema, returns: '{ "success": true, "message", "data" }' },
  { method: "post", path: "/api/whatsapp/groups/join", tag: "Chatery compatibility", summary: "Join by invite code or link", permission: "groups.manage", body: chateryJoinSchema, returns: '{ "success": true, "message", "data" }' },
  { method: "post", path: "/api/whatsapp/groups/invite-code", tag: "Chatery compatibility", summary: "The invite code and link", permission: "groups.manage", body: chateryGroupSchema, returns: '{ "success": true, "message", "data" }' },
  { method: "post", path: "/api/whatsapp/groups/revoke-invite", tag: "Chatery compatibility", summary: "Revoke the invite code", permission: "groups.manage", body: chateryGroupSchema, returns: '{ "success": true, "message", "data" }' },

  // --- campaigns, recipient lists, opt-outs (lib/campaigns, lib/recipient-lists, lib/opt-outs) ---
  { method: "get", path: "/api/campaigns", tag: "Campaigns", summary: "The caller's campaigns, newest first, with statistics; ?status, ?sessionId, ?search (name), ?page, ?limit (50, max 200)", permission: "sessions.read", returns: '{ "campaigns": [{ "id", "name", "sessionId", "status", "message", "settings", "scheduledAt", "startedAt", "completedAt", "recipientCount", "statistics": { "total", "pending", "queued", "sent", "delivered", "read", "failed", "skipped", "replied", "progress", "deliveryRate", "readRate", "replyRate", "failureRate" } }], "total", "page", "limit" }' },
  { method: "post", path: "/api/campaigns", tag: "Campaigns", summary: "Create a campaign: recipients inline ({ number, …fields } or a number) and/or listIds; text or caption is a template ({{Name}}, {{Name|there}}); settings: delayMs+jitterMs or minDelayMs..maxDelayMs, maxRetries, typingTime, variation. start: true runs it now, scheduledAt schedules it, else a draft. Invalid numbers are reported per row, opted-out and incomplete rows skipped", permission: "sessions.send", body: createCampaignSchema, returns: '201 campaign with "report": { "accepted", "invalid": [{ "origin", "phone", "error" }], "duplicates", "optedOut", "missingFields" }' },
  { method: "post", path: "/api/campaigns/preview", tag: "Campaigns", summary: "What each of up to 50 recipients would receive", permission: "sessions.send", body: previewCampaignSchema, returns: '{ "previews": [{ "number", "ok", "text" | "reason" }] }' },
  { method: "get", path: "/api/campaigns/{id}", tag: "Campaigns", summary: "One campaign with statistics", permission: "sessions.read", returns: "campaign" },
  { method: "delete", path: "/api/campaigns/{id}", tag: "Campaigns", summary: "Delete a campaign and its recipients (a queued send not yet in hand is taken back)", permission: "sessions.send", returns: '{ "success": true, "message" }' },
  { method: "post", path: "/api/campaigns/{id}/start", tag: "Campaigns", summary: "Start a draft or scheduled campaign now", permission: "sessions.send", returns: "campaign; 409 when not draft or scheduled" },
  { method: "post", path: "/api/campaigns/{id}/pause", tag: "Campaigns", summary: "Pause: sending stops within one message", permission: "sessions.send", returns: "campaign; 409 when not running or scheduled" },
  { method: "post", path: "/api/campaigns/{id}/resume", tag: "Campaigns", summary: "Resume a paused campaign where it stopped", permission: "sessions.send", returns: "campaign; 409 when not paused" },
  { method: "post", path: "/api/campaigns/{id}/cancel", tag: "Campaigns", summary: "Cancel: pending recipients are skipped", permission: "sessions.send", returns: "campaign" },
  { method: "post", path: "/api/campaigns/{id}/retry-failed", tag: "Campaigns", summary: "Send again to the recipients whose send failed (a finished campaign runs again)", permission: "sessions.send", returns: '{ "retried", "campaign" }' },
  { method: "get", path: "/api/campaigns/{id}/recipients", tag: "Campaigns", summary: "Recipients in sending order; ?status=pending|queued|sent|delivered|read|failed|skipped, ?search (number or field), ?page, ?limit (50, max 500)", permission: "sessions.read", returns: '{ "recipients": [{ "id", "number", "phone", "fields", "status", "reason", "messageId", "sentAt", "deliveredAt", "readAt", "repliedAt" }], "total", "page", "limit" }' },
  { method: "get", path: "/api/campaigns/{id}/stats", tag: "Campaigns", summary: "Statistics and a cumulative sent/delivered/read time series; ?bucket seconds", permission: "sessions.read", returns: '{ "statistics", "bucketSeconds", "series": [{ "at", "sent", "delivered", "read" }] }' },
  { method: "post", path: "/api/messages/broadcast", tag: "Campaigns", summary: "Broadcast one text to many recipients in the background (a campaign); without delay a random 10–20 s gap", permission: "sessions.send", body: broadcastSchema, returns: '{ "success": true, "message": "Broadcast started in background", "campaignId", "total", "statusUrl", "report" }' },
  { method: "get", path: "/api/recipient-lists", tag: "Recipient lists", summary: "The tenant's lists; ?search (name, description), ?tag", permission: "sessions.send", returns: '[{ "id", "name", "description", "tags", "recipientCount", "usageCount", "lastUsed", "createdAt" }]' },
  { method: "post", path: "/api/recipient-lists", tag: "Recipient lists", summary: "Create a list with its recipients", permission: "sessions.send", body: createRecipientListSchema, returns: '201 list with "report": { "added", "duplicates", "invalid" }; 409 name taken' },
  { method: "get", path: "/api/recipient-lists/{id}", tag: "Recipient lists", summary: "A list with its recipients; ?limit, ?offset, ?search", permission: "sessions.send", returns: 'list with "recipients": [{ "number", "name", …fields }]' },
  { method: "put", path: "/api/recipient-lists/{id}", tag: "Recipient lists", summary: "Change name, description, tags; recipients replaces them all", permission: "sessions.send", body: updateRecipientListSchema, returns: "list" },
  { method: "delete", path: "/api/recipient-lists/{id}", tag: "Recipient lists", summary: "Delete a list", permission: "sessions.send", returns: '{ "success": true, "message" }' },
  { method: "post", path: "/api/recipient-lists/{id}/clone", tag: "Recipient lists", summary: "Copy a list under a new name", permission: "sessions.send", body: cloneRecipientListSchema, returns: "201 list" },
  { method: "post", path: "/api/recipient-lists/{id}/import", tag: "Recipient lists", summary: "Import a CSV body (text/csv, streamed, up to 20 MB): a number/phone column, other columns become fields; ?mode=append|replace, ?dryRun=true previews", permission: "sessions.send", returns: '{ "dryRun", "list"?, "report": { "rows", "added", "duplicates", "invalid": [{ "origin": "line N", "phone", "error" }], "truncated" }, "preview", "columns" }' },
  { method: "get", path: "/api/recipient-lists/{id}/export", tag: "Recipient lists", summary: "The list as CSV: number, name, then every field", permission: "sessions.send", returns: "text/csv" },
  { method: "get", path: "/api/opt-outs", tag: "Recipient lists", summary: "Numbers that opted out (STOP replies, CAMPAIGN_STOP_WORDS) or were added; skipped by every campaign; ?search, ?page, ?limit", permission: "sessions.send", returns: '{ "optOuts": [{ "id", "phone", "jid", "reason", "source", "createdAt" }], "total", "page", "limit" }' },
  { method: "post", path: "/api/opt-outs", tag: "Recipient lists", summary: "Add a number to the opt-out list", permission: "sessions.manage", body: addOptOutSchema, returns: "201 opt-out" },
  { method: "delete", path: "/api/opt-outs/{id}", tag: "Recipient lists", summary: "Remove an opt-out (by id or number)", permission: "sessions.manage", returns: '{ "success": true }' },
  { method: "post", path: "/api/whatsapp/chats/send-bulk", tag: "Chatery compatibility", summary: "Chatery: a text to up to 100 recipients as a background job (a campaign)", permission: "sessions.send", body: chaterySendBulkSchema, returns: '{ "success": true, "message", "data": { "jobId", "total", "statusUrl" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-bulk-image", tag: "Chatery compatibility", summary: "Chatery: an image (URL, fetched once) to up to 100 recipients", permission: "sessions.send", body: chaterySendBulkImageSchema, returns: '{ "success": true, "message", "data": { "jobId", "total", "statusUrl" } }' },
  { method: "post", path: "/api/whatsapp/chats/send-bulk-document", tag: "Chatery compatibility", summary: "Chatery: a document (URL, fetched once) to up to 100 recipients", permission: "sessions.send", body: chaterySendBulkDocumentSchema, returns: '{ "success": true, "message", "data": { "jobId", "total", "statusUrl" } }' },
  { method: "get", path: "/api/whatsapp/chats/bulk-status/{jobId}", tag: "Chatery compatibility", summary: "Chatery: a bulk job's progress with per-recipient details", permission: "sessions.read", returns: '{ "success": true, "data": { "sessionId", "type", "status": "processing|paused|completed|cancelled|failed", "total", "sent", "failed", "progress", "details": [{ "recipient", "status", "messageId"?, "error"?, "timestamp" }], "createdAt", "completedAt" } }' },
  { method: "post", path: "/api/whatsapp/chats/bulk-jobs", tag: "Chatery compatibility", summary: "Chatery: the bulk jobs (campaigns) of a session", permission: "sessions.read", body: chateryBulkJobsSchema, returns: '{ "success": true, "data": [{ "jobId", "type", "status", "total", "sent", "failed", "progress", "createdAt", "completedAt" }] }' },
  { method: "post", path: "/api/v1/campaigns", tag: "Campaign API compatibility", summary: "Campaign API: create a campaign ({ name, sessionId, scheduledAt, message: { type, content }, recipients, recipientListIds, settings: { delayBetweenMessages, maxRetries } }); a draft until started. Authenticated with the API key or cookie for now", permission: "sessions.send", body: v1CreateCampaignSchema, returns: '201 { "id", "name", "status", "createdAt", "scheduledAt", "recipientCount", "statistics": { "total", "sent", "failed", "pending" } }; errors { "status": "error", "message" }' },
  { method: "get", path: "/api/v1/campaigns", tag: "Campaign API compatibility", summary: "Campaign API: the caller's campaigns", permission: "sessions.read", returns: "[campaign]" },
  { method: "get", path: "/api/v1/campaigns/{campaignId}", tag: "Campaign API compatibility", summary: "Campaign API: a campaign with every recipient's delivery status", permission: "sessions.read", returns: 'campaign with "recipients"' },
  { method: "delete", path: "/api/v1/campaigns/{campaignId}", tag: "Campaign API compatibility", summary: "Campaign API: delete a campaign", permission: "sessions.send", returns: '{ "status": "success", "message" }' },
  { method: "post", path: "/api/v1/campaigns/{campaignId}/start", tag: "Campaign API compatibility", summary: "Campaign API: start now", permission: "sessions.send", returns: '{ "status": "success", "message", "campaign" }' },
  { method: "post", path: "/api/v1/campaigns/{campaignId}/pause", tag: "Campaign API compatibility", summary: "Campaign API: pause", permission: "sessions.send", returns: '{ "status": "success", "message", "campaign" }' },
  { method: "post", path: "/api/v1/campaigns/{campaignId}/resume", tag: "Campaign API compatibility", summary: "Campaign API: resume", permission: "sessions.send", returns: '{ "status": "success", "message", "campaign" }' },
  { method: "post", path: "/api/v1/recipient-lists", tag: "Campaign API compatibility", summary: "Campaign API: create a recipient list", permission: "sessions.send", body: createRecipientListSchema, returns: "201 list" },
  { method: "get", path: "/api/v1/recipient-lists", tag: "Campaign API compatibility", summary: "Campaign API: lists; ?search, ?tag", permission: "sessions.send", returns: "[list]" },
  { method: "get", path: "/api/v1/recipient-lists/{listId}", tag: "Campaign API compatibility", summary: "Campaign API: a list with all its recipients", permission: "sessions.send", returns: 'list with "recipients"' },
  { method: "put", path: "/api/v1/recipient-lists/{listId}", tag: "Campaign API compatibility", summary: "Campaign API: change a list", permission: "sessions.send", body: updateRecipientListSchema, returns: "list" },
  { method: "delete", path: "/api/v1/recipient-lists/{listId}", tag: "Campaign API compatibility", summary: "Campaign API: delete a list", permission: "sessions.send", returns: '{ "status": "success", "message" }' },
  { method: "post", path: "/api/v1/recipient-lists/{listId}/clone", tag: "Campaign API compatibility", summary: "Campaign API: copy a list under { newName }", permission: "sessions.send", body: cloneRecipientListSchema, returns: "201 list" },
];
