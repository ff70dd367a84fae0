"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import { sendChatMessage, uploadFile, type OutgoingContent } from "@/components/chat/chat-api";
import { attachmentKindOf } from "@/components/chat/chat-format";
import type { MessageType, ThreadMessage } from "@/components/chat/chat-types";
import { acceptLocal, failLocal } from "@/components/chat/thread-messages";

interface Options {
  sessionId: string;
  jid: string;
  update: (change: (current: ThreadMessage[]) => ThreadMessage[]) => void;
  /** The server has the send: read the newest page to pick up its stored version. */
  scheduleRefresh: () => void;
  /** A send went in at the bottom: the thread scrolls to it. */
  onAppend: () => void;
  /** The user sent something: the chat list shows it as the chat's last message. */
  onSent: (jid: string, preview: { type: MessageType; content: string | null }) => void;
}

export interface OptimisticSends {
  sendText: (text: string, quote: ThreadMessage | null) => void;
  sendFile: (file: File, caption: string, quote: ThreadMessage | null) => void;
  /** Sends a failed local message again, the same way. */
  retry: (message: ThreadMessage) => void;
  /** How much of each attachment being uploaded has been sent (0–1), by localId. */
  uploads: ReadonlyMap<string, number>;
}

function newLocalId(): string {
  // crypto.randomUUID exists on secure origins only; the gateway is often plain http on a LAN.
  return `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * What the user sends shows at once, marked by a `localId`, and takes its WhatsApp id when the
 * server accepts it; a send that fails stays with a Retry. Attachments upload first, with progress.
 */
export function useOptimisticSends({ sessionId, jid, update, scheduleRefresh, onAppend, onSent }: Options): OptimisticSends {
  const retries = useRef(new Map<string, () => Promise<{ messageId: string }>>());
  const objectUrls = useRef<string[]>([]);
  const [uploads, setUploads] = useState<ReadonlyMap<string, number>>(new Map());

  useEffect(() => {
    const urls = objectUrls.current;
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);

  const setUpload = useCallback((localId: string, fraction: number | null) => {
    setUploads((current) => {
      if (fraction === null && !current.has(localId)) return current;
      const next = new Map(current);
      if (fraction === null) next.delete(localId);
      else next.set(localId, fraction);
      return next;
    });
  }, []);

  const deliver = useCallback(
    (localId: string, send: () => Promise<{ messageId: string }>) => {
      retries.current.set(localId, send);
      send().then(
        (result) => {
          retries.current.delete(localId);
          update((current) => acceptLocal(current, localId, result.messageId));
          scheduleRefresh();
        },
        (failure: unknown) => update((current) => failLocal(current, localId, errorMessage(failure))),
      );
    },
    [update, scheduleRefresh],
  );

  const appendLocal = useCallback(
    (fields: Partial<ThreadMessage>): string => {
      const localId = newLocalId();
      const message: ThreadMessage = {
        id: localId,
        localId,
        keyId: localId,
        sessionId,
        remoteJid: jid,
        senderJid: null,
        remoteLid: null,
        senderLid: null,
        fromMe: true,
        pushName: null,
        type: "TEXT",
        content: null,
        mediaUrl: null,
        status: "PENDING",
        timestamp: new Date().toISOString(),
        quoteId: null,
        failureReason: null,
        revokedAt: null,
        // The stored version names the author; until then the bubble has none.
        sentBy: null,
        ...fields,
      };
      onAppend();
      update((current) => [...current, message]);
      return localId;
    },
    [sessionId, jid, update, onAppend],
  );

  const sendText = useCallback(
    (text: string, quote: ThreadMessage | null) => {
      const localId = appendLocal({ type: "TEXT", content: text, quoteId: quote?.keyId ?? null });
      onSent(jid, { type: "TEXT", content: text });
      deliver(localId, () => sendChatMessage({ sessionId, jid, message: { text }, ...(quote ? { replyTo: quote.keyId } : {}) }));
    },
    [appendLocal, deliver, onSent, sessionId, jid],
  );

  const sendFile = useCallback(
    (file: File, caption: string, quote: ThreadMessage | null) => {
      const guessed = attachmentKindOf(file.type);
      const url = URL.createObjectURL(file);
      objectUrls.current.push(url);
      const type = guessed.toUpperCase() as MessageType;
      const content = guessed === "document" ? caption || file.name : guessed === "audio" ? null : caption || null;
      const localId = appendLocal({ type, content, quoteId: quote?.keyId ?? null, preview: { url, mimetype: file.type, fileName: file.name } });
      onSent(jid, { type, content });
      deliver(localId, async () => {
        setUpload(localId, 0);
        const uploaded = await uploadFile(sessionId, file, (fraction) => setUpload(localId, fraction)).finally(() => setUpload(localId, null));
        const media = { mediaId: uploaded.mediaId };
        const withCaption = caption ? { caption } : {};
        // The gateway reads the real type from the bytes; that decides how the file goes out.
        const kind = attachmentKindOf(uploaded.mimetype);
        const message: OutgoingContent =
          kind === "image"
            ? { image: media, mimetype: uploaded.mimetype, ...withCaption }
            : kind === "video"
              ? { video: media, mimetype: uploaded.mimetype, ...withCaption }
              : kind === "audio"
                ? { audio: media, mimetype: uploaded.mimetype }
                : { document: media, mimetype: uploaded.mimetype, fileName: uploaded.fileName ?? file.name, ...withCaption };
        return sendChatMessage({ sessionId, jid, message, ...(quote ? { replyTo: quote.keyId } : {}) });
      });
      // WhatsApp has no caption on audio: it follows as a text.
      if (guessed === "audio" && caption) sendText(caption, null);
    },
    [appendLocal, deliver, onSent, sendText, setUpload, sessionId, jid],
  );

  const retry = useCallback(
    (message: ThreadMessage) => {
      const send = message.localId ? retries.current.get(message.localId) : undefined;
      if (!message.localId || !send) return;
      const localId = message.localId;
      update((current) => current.map((m) => (m.localId === localId ? { ...m, status: "PENDING" as const, failureReason: null } : m)));
      deliver(localId, send);
    },
    [update, deliver],
  );

  return { sendText, sendFile, retry, uploads };
}
