// The chat view's calls to the messaging API. JSON calls go through requestJson; the two that need
// more than it offers (a response header, a multipart body) keep its error handling.
import { requestJson } from "@/components/api/request-json";
import type { ChatMessage, ChatSummary, UploadedFile } from "@/components/chat/chat-types";

const chatPath = (sessionId: string) => `/api/chat/${encodeURIComponent(sessionId)}`;

export function fetchChats(sessionId: string): Promise<ChatSummary[]> {
  return requestJson<ChatSummary[]>("GET", `${chatPath(sessionId)}?limit=500`);
}

async function failure(response: Response): Promise<Error> {
  const data = (await response.json().catch(() => null)) as { error?: string } | null;
  return new Error(data?.error ?? `Request failed (${response.status})`);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: "same-origin", cache: "no-store", ...init });
  } catch {
    throw new Error("Could not reach the gateway. Check your connection and try again.");
  }
}

/** A page of a chat's messages, newest first, and the cursor of the page before it. */
export async function fetchMessages(sessionId: string, jid: string, options: { cursor?: string | null; limit?: number } = {}) {
  const query = new URLSearchParams({ limit: String(options.limit ?? 50) });
  if (options.cursor) query.set("cursor", options.cursor);
  const response = await send(`${chatPath(sessionId)}/${encodeURIComponent(jid)}?${query}`, { method: "GET" });
  if (!response.ok) throw await failure(response);
  return { messages: (await response.json()) as ChatMessage[], nextCursor: response.headers.get("X-Next-Cursor") };
}

export type OutgoingContent =
  | { text: string }
  | { image: { mediaId: string }; caption?: string; mimetype?: string }
  | { video: { mediaId: string }; caption?: string; mimetype?: string }
  | { audio: { mediaId: string }; mimetype?: string }
  | { document: { mediaId: string }; caption?: string; fileName?: string; mimetype?: string };

/** Acting on an existing message (the API's send shapes): react (empty text removes), edit, delete for everyone. */
export type MessageAction = { react: { key: string; text: string } } | { edit: string; text: string } | { delete: string };

export function sendChatMessage(input: { sessionId: string; jid: string; message: OutgoingContent | MessageAction; replyTo?: string }) {
  return requestJson<{ success: boolean; messageId: string; status: ChatMessage["status"] }>("POST", "/api/chat/send", input);
}

/**
 * Uploads a file for a send. XMLHttpRequest rather than fetch: only it reports upload progress,
 * which the thread shows as a bar (`onProgress` gets the fraction sent, 0–1).
 */
export function uploadFile(sessionId: string, file: File, onProgress?: (fraction: number) => void): Promise<UploadedFile> {
  const form = new FormData();
  form.set("file", file, file.name);
  form.set("sessionId", sessionId);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media");
    xhr.withCredentials = true;
    xhr.responseType = "text";
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
      };
    }
    xhr.onerror = () => reject(new Error("Could not reach the gateway. Check your connection and try again."));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300 && data) resolve(data as UploadedFile);
      else reject(new Error((data as { error?: string } | null)?.error ?? `Request failed (${xhr.status})`));
    };
    xhr.send(form);
  });
}

export function sendPresence(sessionId: string, jid: string, presence: "composing" | "paused") {
  return requestJson("POST", "/api/chat/presence", { sessionId, jid, presence });
}

export function markChatRead(sessionId: string, jid: string) {
  return requestJson<{ markedCount: number }>("POST", "/api/chat/mark-read", { sessionId, jid });
}

/** Whether a number is on WhatsApp, and its JID (needs a connected session). */
export async function checkNumber(sessionId: string, phone: string): Promise<{ exists: boolean; jid: string | null }> {
  const [result] = await requestJson<Array<{ exists: boolean; jid: string | null }>>("POST", "/api/chat/check-number", { sessionId, phones: [phone] });
  return result;
}
