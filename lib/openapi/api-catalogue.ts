// The catalogue of public endpoints the OpenAPI document is built from. Request schemas are the
// very zod schemas the routes parse with, so the document cannot drift from the validation.
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
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
import { createNamedApiKeySchema, updateApiKeySchema } from "@/lib/api-keys/api-keys.schema";
import { v1CreateSessionSchema, v1DeleteMessageSchema, v1DeleteWebhookSchema, v1MessagesDocSchema, v1SetWebhookSchema } from "@/lib/compat/campaign-api/campaign-api-messaging.schema";
import { chateryAddWebhookSchema, chateryConfigSchema, chateryConnectSchema, chateryRemoveWebhookSchema } from "@/lib/compat/chatery/chatery.schema";
import { clevioLoginSchema, clevioUpsertSessionSchema, clevioWebhookSchema } from "@/lib/compat/clevio/clevio.schema";
import { STICKER_FIELDS, UPLOAD_MEDIA_FIELDS } from "@/lib/media/media.schema";
import { checkNumberSchema, markReadSchema, presenceSchema, profilePictureSchema, sendBodySchema } from "@/lib/messages/messages.schema";
import { contactMessageSchema, createContactSchema, faultSchema, scanSchema } from "@/lib/sandbox/sandbox.schema";
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
  { method: "get", path: "/api/sessions/{id}/qr", tag: "Sessions", summary: "The current QR code", permission: "sessions.manage", returns: '{ "qr": "data:image/png;base64,…" | null, "status" }' },
  { method: "get", path: "/api/sessions/{id}/qr/image", tag: "Sessions", summary: "The current QR code as a PNG", permission: "sessions.manage", returns: "image/png; 404 when no QR is waiting" },
  { method: "post", path: "/api/sessions/{id}/pairing-code", tag: "Sessions", summary: "Pair by an 8-character code instead of a QR", permission: "sessions.manage", body: pairingCodeSchema, returns: '{ "code", "phone", "status" }' },
  { method: "get", path: "/api/sessions/{id}/status", tag: "Sessions", summary: "Live status, phone, profile name, since, reason, last error, status history", permission: "sessions.read", returns: "status object" },
  { method: "post", path: "/api/sessions/{id}/restart", tag: "Sessions", summary: "Close and reopen the connection (no QR once paired)", permission: "sessions.manage", returns: "session" },
  { method: "post", path: "/api/sessions/{id}/logout", tag: "Sessions", summary: "Unlink from the phone and wipe the credentials", permission: "sessions.manage", returns: '{ "success": true, "status": "LOGGED_OUT" }' },
  { method: "get", path: "/api/sessions/{id}/events", tag: "Sessions", summary: "The session's recent events (newest first)", permission: "sessions.read", returns: "{ id, event, timestamp, data }[]" },
  { method: "get", path: "/api/websocket/stats", tag: "Sessions", summary: "Socket.io clients per session room (Chatery)", permission: "sessions.read", returns: '{ "success": true, "data": { "totalConnections", "sessionRooms" } }' },

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
  { method: "get", path: "/api/webhooks", tag: "Webhooks", summary: "The caller's webhooks (Ultimate WhatsApp Gateway); the secret is never listed, only hasSecret", permission: "webhooks.manage", returns: '[{ "id", "name", "url", "hasSecret", "sessionId", "events", "isActive", "replyEnabled", "origin", "deliveries": { "PENDING", "DELIVERED", "FAILED", "DEAD" } }]' },
  { method: "post", path: "/api/webhooks", tag: "Webhooks", summary: "Create a webhook (Ultimate WhatsApp Gateway). Events: internal, Ultimate WhatsApp Gateway or Chatery names, `*`/`all`, `prefix.*`. No secret given: one is generated (secret: null for unsigned). Private/loopback URLs are refused unless ALLOW_PRIVATE_NETWORK_URLS=true", permission: "webhooks.manage", body: createWebhookSchema, returns: "webhook; 400 naming the field (e.g. url: … private address); 404 unknown session" },
  { method: "get", path: "/api/webhooks/{id}", tag: "Webhooks", summary: "One webhook", permission: "webhooks.manage", returns: "webhook" },
  { method: "patch", path: "/api/webhooks/{id}", tag: "Webhooks", summary: "Change a webhook (Ultimate WhatsApp Gateway; every field optional; secret: null stops signing)", permission: "webhooks.manage", body: updateWebhookSchema, returns: "webhook" },
  { method: "delete", path: "/api/webhooks/{id}", tag: "Webhooks", summary: "Delete a webhook with its deliveries and delivery log", permission: "webhooks.manage", returns: '{ "success": true }' },
  { method: "get", path: "/api/webhooks/{id}/secret", tag: "Webhooks", summary: "Reveal the signing secret", permission: "webhooks.manage", returns: '{ "id", "secret" } (secret null when unsigned)' },
  { method: "post", path: "/api/webhooks/{id}/secret", tag: "Webhooks", summary: "Replace the signing secret with a new random one", permission: "webhooks.manage", returns: '{ "id", "secret" }' },
  { method: "post", path: "/api/webhooks/{id}/test", tag: "Webhooks", summary: "Deliver a webhook.test event to this webhook only (in its turn) and show the outcome", permission: "webhooks.manage", returns: '{ "id", "eventId", "status", "attempts", "lastStatusCode", "lastError", "lastAttempt": { "statusCode", "latencyMs", "responseBytes", "error" } } — the answer\'s status and size, never its text; 409 the owner has no session' },
  { method: "get", path: "/api/webhooks/{id}/deliveries", tag: "Webhooks", summary: "The delivery log, newest first, with each delivery's attempts; ?status=PENDING|DELIVERED|FAILED|DEAD, ?limit (25, max 100), ?cursor= the previous page's nextCursor", permission: "webhooks.manage", returns: '{ "deliveries": [{ "id", "eventId", "event", "sessionId", "status", "attempts", "nextAttemptAt", "lastStatusCode", "lastError", "deliveredAt", "attemptLog": [{ "statusCode", "latencyMs", "responseSnippet", "responseBytes", "error", "createdAt" }] }], "nextCursor" }; responseSnippet is null for test sends' },
  { method: "post", path: "/api/webhooks/{id}/deliveries/{deliveryId}/replay", tag: "Webhooks", summary: "Send one delivery again from scratch (attempts back to 0)", permission: "webhooks.manage", returns: '{ "id", "status": "PENDING", "replayed": 1 }; 409 already pending' },
  { method: "post", path: "/api/webhooks/{id}/replay", tag: "Webhooks", summary: "Send every DEAD (or FAILED: retry now) delivery of the webhook again", permission: "webhooks.manage", body: replayDeliveriesSchema, returns: '{ "replayed": n }' },
  { method: "get", path: "/api/sessions/{id}/webhooks", tag: "Webhooks", summary: "The webhooks bound to this session (Chatery)", permission: "webhooks.manage", returns: '{ "sessionId", "webhooks": webhook[] }' },
  { method: "post", path: "/api/sessions/{id}/webhooks", tag: "Webhooks", summary: "Add a webhook URL to the session, or change its events (Chatery; events default to all)", permission: "webhooks.manage", body: sessionWebhookSchema, returns: '{ "sessionId", "webhooks": webhook[] }' },
  { method: "delete", path: "/api/sessions/{id}/webhooks", tag: "Webhooks", summary: "Remove the session's webhook with this URL (Chatery)", permission: "webhooks.manage", body: removeSessionWebhookSchema, returns: '{ "sessionId", "webhooks": webhook[] }; 404 no such URL' },
  { method: "get", path: "/api/sessions/{id}/webhook", tag: "Webhooks", summary: "The session's one webhook URL (Clevio / Campaign API)", permission: "webhooks.manage", returns: '{ "sessionId", "url" | null, "webhook" | null }' },
  { method: "put", path: "/api/sessions/{id}/webhook", tag: "Webhooks", summary: "Set the session's one webhook URL ({ url } or Clevio's { webhookUrl }): incoming messages, and its answer is sent back as the reply unless replyEnabled: false", permission: "webhooks.manage", body: sessionWebhookUrlSchema, returns: '{ "message", "sessionId", "url", "webhook" }' },
  { method: "delete", path: "/api/sessions/{id}/webhook", tag: "Webhooks", summary: "Remove the session's webhook URL", permission: "webhooks.manage", returns: '{ "success": true }; 404 none set' },
  // --- Named, scoped API keys (issue 14) ---
  { method: "get", path: "/api/api-keys", tag: "API key", summary: "The caller's keys (default first), masked, with scopes, sessions, expiry, last use and address", permission: "apiKey.manage", returns: '{ "apiKeys": [{ "id", "name", "isDefault", "apiKey": "wag_…abcd", "scopes", "sessions", "expiresAt", "expired", "lastUsedAt", "lastUsedIp", "createdAt" }] }' },
  { method: "post", path: "/api/api-keys", tag: "API key", summary: "A new named key; scopes (read, send, sessions, webhooks) and sessions narrow it, never beyond the user's role; expiresAt ends it", permission: "apiKey.manage", body: createNamedApiKeySchema, returns: "201 the key with its full apiKey (shown once); 404 a session the caller cannot reach" },
  { method: "patch", path: "/api/api-keys/{id}", tag: "API key", summary: "Rename or narrow a key (null lifts a restriction); open sockets are re-checked at once", permission: "apiKey.manage", body: updateApiKeySchema, returns: "the key, masked" },
  { method: "delete", path: "/api/api-keys/{id}", tag: "API key", summary: "Revoke a key; its open Socket.io connections end at once", permission: "apiKey.manage", returns: '{ "success": true }' },
  // --- Campaign API (/api/v1): success shapes as it documents; errors { status: "error", message, error } ---
  { method: "post", path: "/api/v1/sessions", tag: "Campaign API", summary: "Create a session with X-Master-Key (a key of an owner or superadmin); answers its per-session token (a key restricted to it)", permission: "sessions.create", body: v1CreateSessionSchema, returns: '{ "status": "success", "message": "Session mySession created.", "token": "wag_…" }' },
  { method: "get", path: "/api/v1/sessions", tag: "Campaign API", summary: "The caller's sessions (authenticated — the original is public; token is always null)", permission: "sessions.read", returns: '[{ "sessionId", "status", "detail", "qr", "token": null }]' },
  { method: "delete", path: "/api/v1/sessions/{sessionId}", tag: "Campaign API", summary: "Delete a session and its data", permission: "sessions.manage", returns: '{ "status": "success", "message" }' },
  { method: "post", path: "/api/v1/webhook", tag: "Campaign API", summary: "Set a session's webhook URL", permission: "webhooks.manage", body: v1SetWebhookSchema, returns: '{ "status": "success", "message" }' },
  { method: "get", path: "/api/v1/webhook", tag: "Campaign API", summary: "A session's webhook URL (?sessionId=)", permission: "webhooks.manage", returns: '{ "status": "success", "sessionId", "url" }' },
  { method: "delete", path: "/api/v1/webhook", tag: "Campaign API", summary: "Remove a session's webhook URL", permission: "webhooks.manage", body: v1DeleteWebhookSchema, returns: '{ "status": "success", "message" }' },
  { method: "post", path: "/api/v1/media", tag: "Campaign API", summary: "Upload an image or document (JPEG, PNG, GIF, WebP, PDF, Word, Excel; 25 MB)", permission: "sessions.send", multipart: ["file", "sessionId?"], returns: '201 { "status": "success", "message", "mediaId", "url" }; 415 other types' },
  { method: "post", path: "/api/v1/messages", tag: "Campaign API", summary: "Send one message or a batch (?sessionId=): recipient_type, to, type text|image|document with text.body, image.link|id, document.link|id", permission: "sessions.send", body: v1MessagesDocSchema, returns: '{ "status": "success", "message", "to", "messageId" } or, for a batch, { "status", "message", "results": [{ "to", "status", "messageId", "message"? }] }' },
  { method: "delete", path: "/api/v1/message", tag: "Campaign API", summary: "Delete a sent message for everyone", permission: "sessions.send", body: v1DeleteMessageSchema, returns: '{ "status": "success", "message": "Message deleted." }' },
  // --- Chatery sessions (its envelope; an invalid key is 403) ---
  { method: "get", path: "/api/whatsapp/sessions", tag: "Chatery compatibility", summary: "Sessions in Chatery's shape", permission: "sessions.read", returns: '{ "success": true, "message", "data": [{ "sessionId", "status", "isConnected", "phoneNumber", "name", "webhooks", "metadata" }] }' },
  { method: "post", path: "/api/whatsapp/sessions/{sessionId}/connect", tag: "Chatery compatibility", summary: "Create the session if missing (metadata, webhooks) and connect it", permission: "sessions.manage", body: chateryConnectSchema, returns: '{ "success": true, "message": "Session created", "data": { "sessionId", "status", "qrCode", "metadata", "webhooks" } }' },
  { method: "patch", path: "/api/whatsapp/sessions/{sessionId}/config", tag: "Chatery compatibility", summary: "Merge metadata, replace webhooks", permission: "sessions.manage", body: chateryConfigSchema, returns: '{ "success": true, "message": "Session config updated", "data": { "sessionId", "metadata", "webhooks" } }' },
  { method: "post", path: "/api/whatsapp/sessions/{sessionId}/webhooks", tag: "Chatery compatibility", summary: "Add a webhook", permission: "webhooks.manage", body: chateryAddWebhookSchema, returns: "envelope" },
  { method: "delete", path: "/api/whatsapp/sessions/{sessionId}/webhooks", tag: "Chatery compatibility", summary: "Remove a webhook by URL", permission: "webhooks.manage", body: chateryRemoveWebhookSchema, returns: "envelope" },
  { method: "get", path: "/api/whatsapp/sessions/{sessionId}/status", tag: "Chatery compatibility", summary: "Status, phone number and name", permission: "sessions.read", returns: '{ "success": true, "data": { "sessionId", "status", "isConnected", "phoneNumber", "name" } }' },
  { method: "get", path: "/api/whatsapp/sessions/{sessionId}/qr", tag: "Chatery compatibility", summary: "The QR code as a data URL", permission: "sessions.manage", returns: '{ "success": true, "data": { "sessionId", "status", "qrCode" } }' },
  { method: "get", path: "/api/whatsapp/sessions/{sessionId}/qr/image", tag: "Chatery compatibility", summary: "The QR code as a PNG", permission: "sessions.manage", returns: "image/png" },
  { method: "delete", path: "/api/whatsapp/sessions/{sessionId}", tag: "Chatery compatibility", summary: "Delete the session", permission: "sessions.manage", returns: '{ "success": true, "message": "Session deleted", "data": { "sessionId" } }' },
  // --- Clevio ---
  { method: "post", path: "/api/login", tag: "Clevio", summary: "Username and password → { token }: a 12-hour API key for Authorization: Bearer", permission: null, body: clevioLoginSchema, returns: '{ "token": "wag_…" }' },
  { method: "get", path: "/api/clevio/sessions", tag: "Clevio", summary: "Sessions with their webhook URLs", permission: "sessions.read", returns: '[{ "id", "session_id", "webhook_url", "created_at", "updated_at" }]' },
  { method: "post", path: "/api/clevio/sessions", tag: "Clevio", summary: "Create a session or update its webhook URL (Clevio's payload format)", permission: "sessions.manage", body: clevioUpsertSessionSchema, returns: '{ "message", "session" }' },
  { method: "put", path: "/api/clevio/sessions/{sessionId}/webhook", tag: "Clevio", summary: "Set the session's webhook URL (Clevio's payload; its answer is the reply)", permission: "webhooks.manage", body: clevioWebhookSchema, returns: '{ "message", "session" }' },
  { method: "delete", path: "/api/clevio/sessions/{sessionId}", tag: "Clevio", summary: "Remove a session", permission: "sessions.manage", returns: '{ "message": "Session removed successfully" }' },
  { method: "post", path: "/api/clevio/sessions/{sessionId}/init", tag: "Clevio", summary: "Start the session", permission: "sessions.manage", returns: '{ "message": "Session initialization triggered" }' },
  { method: "get", path: "/api/clevio/sessions/{sessionId}/qr", tag: "Clevio", summary: "QR code (data URL) and status", permission: "sessions.manage", returns: '{ "qrCode", "status" }' },
  { method: "get", path: "/api/clevio/sessions/{sessionId}/status", tag: "Clevio", summary: "Status and info { name, number }", permission: "sessions.read", returns: '{ "status", "info": { "name", "number" } }' },
  { method: "get", path: "/api/clevio/sessions/{sessionId}/logs", tag: "Clevio", summary: "The latest 100 messages as a log", permission: "sessions.send", returns: '[{ "type": "incoming"|"outgoing", "from", "to", "body", "timestamp" }]' },
  // --- Automation API ---
  { method: "get", path: "/api/whatsapp/createqr", tag: "Automation API", summary: "Connect the default session; qrCodeUrl is this gateway's QR image URL", permission: "sessions.manage", returns: '{ "qrCodeUrl", "status", "sessionId" }' },
  { method: "get", path: "/api/whatsapp/status", tag: "Automation API", summary: "The default session's status, phone number and name", permission: "sessions.read", returns: '{ "status": "authenticated"|"qr"|"connecting"|"disconnected", "phoneNumber", "name", "sessionId" }' },
];
