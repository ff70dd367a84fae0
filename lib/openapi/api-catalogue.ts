// The catalogue of public endpoints the OpenAPI document is built from. Request schemas are the
// very zod schemas the routes parse with, so the document cannot drift from the validation.
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { contactMessageSchema, createContactSchema, faultSchema, scanSchema } from "@/lib/sandbox/sandbox.schema";
import { connectSessionSchema, createSessionSchema, pairingCodeSchema, renameSessionSchema, updateSessionSettingsSchema } from "@/lib/sessions/sessions.schema";
import { assignSessionsSchema, createUserSchema, loginSchema, registerSchema, updateMeSchema, updateUserSchema } from "@/lib/users/users.schema";

export interface Endpoint {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  /** null: no credentials needed. */
  permission: Permission | null;
  body?: z.ZodType;
  /** What a successful answer looks like, in words (shown on /docs). */
  returns: string;
}

export const API_CATALOGUE: Endpoint[] = [
  { method: "get", path: "/api/health", tag: "System", summary: "Health check (database reachable)", permission: null, returns: '{ "status": "ok" } or 503' },
  { method: "get", path: "/api/openapi.json", tag: "System", summary: "This document", permission: null, returns: "OpenAPI 3.1 JSON" },

  { method: "post", path: "/api/auth/register", tag: "Auth", summary: "Sign up as a new owner (sets the session cookie)", permission: null, body: registerSchema, returns: '{ "message", "user" }' },
  { method: "post", path: "/api/auth/login", tag: "Auth", summary: "Sign in with username or email (sets the session cookie); rate-limited", permission: null, body: loginSchema, returns: '{ "message", "user" }; 401 wrong credentials; 429 too many attempts' },
  { method: "post", path: "/api/auth/logout", tag: "Auth", summary: "Sign out (clears the session cookie)", permission: null, returns: '{ "message" }' },

  { method: "get", path: "/api/users/me", tag: "Users", summary: "The caller's profile", permission: "profile.read", returns: "user" },
  { method: "patch", path: "/api/users/me", tag: "Users", summary: "Change the caller's own name, phone or password", permission: "profile.read", body: updateMeSchema, returns: "user" },
  { method: "get", path: "/api/users", tag: "Users", summary: "All users (superadmin) or the caller's staff (owner)", permission: "users.read", returns: "user[] with assigned sessions" },
  { method: "post", path: "/api/users", tag: "Users", summary: "Create a user (superadmin) or a staff member (owner)", permission: "users.write", body: createUserSchema, returns: "user (201)" },
  { method: "patch", path: "/api/users/{id}", tag: "Users", summary: "Change a user within reach", permission: "users.write", body: updateUserSchema, returns: "user" },
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
  { method: "delete", path: "/api/sessions/{id}/settings", tag: "Sessions", summary: "Delete a session (seed 001's path)", permission: "sessions.manage", returns: '{ "success": true }' },
  { method: "post", path: "/api/sessions/{id}/connect", tag: "Sessions", summary: "Start the WhatsApp connection (alias: /init); waits briefly for a QR", permission: "sessions.manage", body: connectSessionSchema, returns: "session with status QR and qr (PNG data URL), or CONNECTED" },
  { method: "get", path: "/api/sessions/{id}/qr", tag: "Sessions", summary: "The current QR code", permission: "sessions.manage", returns: '{ "qr": "data:image/png;base64,…" | null, "status" }' },
  { method: "get", path: "/api/sessions/{id}/qr/image", tag: "Sessions", summary: "The current QR code as a PNG", permission: "sessions.manage", returns: "image/png; 404 when no QR is waiting" },
  { method: "post", path: "/api/sessions/{id}/pairing-code", tag: "Sessions", summary: "Pair by an 8-character code instead of a QR", permission: "sessions.manage", body: pairingCodeSchema, returns: '{ "code", "phone", "status" }' },
  { method: "get", path: "/api/sessions/{id}/status", tag: "Sessions", summary: "Live status, phone, profile name, since, reason, last error, status history", permission: "sessions.read", returns: "status object" },
  { method: "post", path: "/api/sessions/{id}/restart", tag: "Sessions", summary: "Close and reopen the connection (no QR once paired)", permission: "sessions.manage", returns: "session" },
  { method: "post", path: "/api/sessions/{id}/logout", tag: "Sessions", summary: "Unlink from the phone and wipe the credentials", permission: "sessions.manage", returns: '{ "success": true, "status": "LOGGED_OUT" }' },
  { method: "get", path: "/api/sessions/{id}/events", tag: "Sessions", summary: "The session's recent events (newest first)", permission: "sessions.read", returns: "{ id, event, timestamp, data }[]" },
  { method: "get", path: "/api/websocket/stats", tag: "Sessions", summary: "Socket.io clients per session room (seed 003)", permission: "sessions.read", returns: '{ "success": true, "data": { "totalConnections", "sessionRooms" } }' },

  { method: "post", path: "/api/sandbox/sessions/{sessionId}/scan", tag: "Sandbox", summary: "The sandbox phone scans the session's QR (sandbox mode only)", permission: "sessions.manage", body: scanSchema, returns: '{ "success", "phone", "status" }' },
  { method: "post", path: "/api/sandbox/sessions/{sessionId}/fault", tag: "Sandbox", summary: "Make the emulated network drop, log out, conflict, restart or stall the session", permission: "sessions.manage", body: faultSchema, returns: '{ "success", "kind", "connections" }' },
  { method: "get", path: "/api/sandbox/contacts", tag: "Sandbox", summary: "Emulated contacts", permission: "sessions.read", returns: "{ phone, jid, name, echo }[]" },
  { method: "post", path: "/api/sandbox/contacts", tag: "Sandbox", summary: "Add an emulated contact", permission: "sessions.manage", body: createContactSchema, returns: "contact (201)" },
  { method: "post", path: "/api/sandbox/contacts/{phone}/messages", tag: "Sandbox", summary: "The contact sends a message to one of your sessions", permission: "sessions.send", body: contactMessageSchema, returns: '{ "success", "messageId", "to" }' },
  { method: "get", path: "/api/sandbox/contacts/{phone}/messages", tag: "Sandbox", summary: "What the contact received from your sessions, decrypted, with its receipts", permission: "sessions.read", returns: "message[]" },
];
