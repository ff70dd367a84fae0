"use client";

import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import { fetchMessages, markChatRead, sendChatMessage, uploadFile, type OutgoingContent } from "@/components/chat/chat-api";
import { ChatAvatar } from "@/components/chat/chat-avatar";
import { attachmentKindOf, dayKey, dayLabel, normalizeJid, phoneOf } from "@/components/chat/chat-format";
import { BackIcon } from "@/components/chat/chat-icons";
import type { MessageType, MessageUpdateEvent, ThreadMessage } from "@/components/chat/chat-types";
import { MessageBubble } from "@/components/chat/message-bubble";
import { MessageActions } from "@/components/chat/message-actions";
import { MessageComposer } from "@/components/chat/message-composer";
import { acceptLocal, applyStatus, collectReactions, failLocal, mergeNewest, mergeOlder } from "@/components/chat/thread-messages";
import { useTypingPresence } from "@/components/chat/use-typing-presence";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Events of the session that the open thread cares about; the chat view forwards them. */
export type ThreadListener = (event: string, data: { remoteJid?: string | null; jid?: string | null }) => void;

interface ChatThreadProps {
  sessionId: string;
  jid: string;
  title: string;
  isGroup: boolean;
  connected: boolean;
  typing: boolean;
  subscribe: (listener: ThreadListener) => () => void;
  onBack: () => void;
  /** The user sent something: the chat list shows it as the chat's last message. */
  onSent: (jid: string, preview: { type: MessageType; content: string | null }) => void;
}

const PAGE = 40;
const MEDIA_TYPES = new Set<MessageType>(["IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "STICKER"]);

function newLocalId(): string {
  // crypto.randomUUID exists on secure origins only; the gateway is often plain http on a LAN.
  return `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function ChatThread({ sessionId, jid, title, isGroup, connected, typing, subscribe, onBack, onSent }: ChatThreadProps) {
  const [messages, setMessages] = useState<ThreadMessage[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [phase, setPhase] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [replyTo, setReplyTo] = useState<ThreadMessage | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [awayFromBottom, setAwayFromBottom] = useState(false);

  const messagesRef = useRef<ThreadMessage[]>([]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const stickToBottom = useRef(true);
  const keepFromBottom = useRef<number | null>(null);
  const retries = useRef(new Map<string, () => Promise<{ messageId: string }>>());
  const objectUrls = useRef<string[]>([]);
  const connectedRef = useRef(connected);
  useEffect(() => {
    connectedRef.current = connected;
  }, [connected]);

  // Every change goes through here, so async work always builds on the latest list.
  const update = useCallback((change: (current: ThreadMessage[]) => ThreadMessage[]) => {
    const next = change(messagesRef.current);
    if (next === messagesRef.current) return;
    messagesRef.current = next;
    setMessages(next);
  }, []);

  const load = useCallback(async () => {
    setPhase("loading");
    setError(null);
    try {
      const page = await fetchMessages(sessionId, jid, { limit: PAGE });
      stickToBottom.current = true;
      update((current) => mergeNewest(current, page.messages, false).messages);
      setCursor(page.nextCursor);
      setPhase("ready");
    } catch (failure) {
      setError(errorMessage(failure));
      setPhase("error");
    }
  }, [sessionId, jid, update]);

  useEffect(() => {
    void load();
  }, [load]);

  // Socket events say *that* something changed; the newest page says what. One read at a time.
  const refresh = useRef({ timer: null as ReturnType<typeof setTimeout> | null, running: false, again: false });
  const refreshNewest = useCallback(async () => {
    const r = refresh.current;
    if (r.running) {
      r.again = true;
      return;
    }
    r.running = true;
    try {
      const page = await fetchMessages(sessionId, jid, { limit: PAGE });
      let restarted = false;
      update((current) => {
        const merged = mergeNewest(current, page.messages, page.nextCursor !== null);
        restarted = merged.restarted;
        return merged.messages;
      });
      if (restarted) setCursor(page.nextCursor);
    } catch {
      // The next event or the next reconnect reads again.
    } finally {
      r.running = false;
      if (r.again) {
        r.again = false;
        void refreshNewest();
      }
    }
  }, [sessionId, jid, update]);
  const scheduleRefresh = useCallback(() => {
    const r = refresh.current;
    if (r.timer) clearTimeout(r.timer);
    r.timer = setTimeout(() => {
      r.timer = null;
      void refreshNewest();
    }, 120);
  }, [refreshNewest]);

  // Opening the chat reads it: WhatsApp gets read receipts and the unread count goes to zero.
  const readTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const markReadSoon = useCallback(() => {
    if (readTimer.current) clearTimeout(readTimer.current);
    readTimer.current = setTimeout(() => {
      if (connectedRef.current && document.visibilityState === "visible") markChatRead(sessionId, jid).catch(() => {});
    }, 500);
  }, [sessionId, jid]);
  useEffect(() => {
    if (!connected) return;
    markReadSoon();
    // What arrived while the tab was in the background is read when the user comes back to it.
    const onVisible = () => document.visibilityState === "visible" && markReadSoon();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [connected, markReadSoon]);

  useEffect(
    () =>
      subscribe((event, data) => {
        if (event === "resync") return void refreshNewest();
        const remote = data.remoteJid ?? data.jid;
        if (!remote || normalizeJid(remote) !== jid) return;
        if (event === "message.update") {
          const { messageId, status, reason } = data as MessageUpdateEvent;
          // An update without a status is an edit: the refresh shows the new text.
          if (status && messagesRef.current.some((m) => m.keyId === messageId)) update((current) => applyStatus(current, messageId, status, reason));
          else scheduleRefresh();
          return;
        }
        if (event === "message") markReadSoon();
        if (event === "message" || event === "message.sent" || event === "message.revoke" || event === "message.reaction") scheduleRefresh();
      }),
    [subscribe, jid, update, scheduleRefresh, refreshNewest, markReadSoon],
  );

  // Incoming media is saved after its message is stored, without an event of its own: a recent
  // media message without a file is read again a few times.
  const mediaChecks = useRef(new Map<string, number>());
  useEffect(() => {
    const checks = mediaChecks.current;
    const waiting = messages.filter(
      (m) =>
        !m.fromMe && MEDIA_TYPES.has(m.type) && !m.mediaUrl && !m.revokedAt && Date.now() - Date.parse(m.timestamp) < 120_000 && (checks.get(m.keyId) ?? 0) < 5,
    );
    if (waiting.length === 0) return;
    const timer = setTimeout(() => {
      for (const m of waiting) checks.set(m.keyId, (checks.get(m.keyId) ?? 0) + 1);
      void refreshNewest();
    }, 2_500);
    return () => clearTimeout(timer);
  }, [messages, refreshNewest]);

  useEffect(() => {
    const r = refresh.current;
    const urls = objectUrls.current;
    return () => {
      if (r.timer) clearTimeout(r.timer);
      if (readTimer.current) clearTimeout(readTimer.current);
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);

  // --- scrolling ---------------------------------------------------------------------------------

  const scrollToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (keepFromBottom.current !== null) {
      // Older messages went in above: the ones the user was reading stay where they were.
      el.scrollTop = el.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else if (stickToBottom.current || atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    stickToBottom.current = false;
  }, [messages, phase]);

  const onMediaLoad = useCallback(() => {
    if (atBottom.current) scrollToBottom();
  }, [scrollToBottom]);

  const loadOlder = useCallback(async () => {
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await fetchMessages(sessionId, jid, { cursor, limit: PAGE });
      const el = scrollRef.current;
      if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
      update((current) => mergeOlder(current, page.messages));
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoadingOlder(false);
    }
  }, [cursor, loadingOlder, sessionId, jid, update]);

  // Reaching the top of the thread loads the page before it.
  useEffect(() => {
    const root = scrollRef.current;
    const top = topRef.current;
    if (!root || !top || phase !== "ready" || !cursor || loadingOlder) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void loadOlder(), {
      root,
      rootMargin: "200px 0px 0px 0px",
    });
    observer.observe(top);
    return () => observer.disconnect();
  }, [phase, cursor, loadingOlder, loadOlder]);

  // --- sending -----------------------------------------------------------------------------------

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
        ...fields,
      };
      stickToBottom.current = true;
      update((current) => [...current, message]);
      return localId;
    },
    [sessionId, jid, update],
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
        const uploaded = await uploadFile(sessionId, file);
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
    [appendLocal, deliver, onSent, sendText, sessionId, jid],
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

  const setTyping = useTypingPresence(sessionId, jid, connected);

  // --- rendering ---------------------------------------------------------------------------------

  const byKey = useMemo(() => new Map(messages.map((m) => [m.keyId, m])), [messages]);
  const reactions = useMemo(() => collectReactions(messages), [messages]);
  const lines = useMemo(() => messages.filter((m) => m.type !== "REACTION"), [messages]);
  const senderName = useCallback(
    (m: ThreadMessage) => (m.fromMe ? "You" : isGroup ? m.pushName || phoneOf(m.senderJid ?? m.remoteJid) : title),
    [isGroup, title],
  );

  function jumpTo(keyId: string) {
    const target = document.getElementById(`msg-${keyId}`);
    if (!target) return;
    target.scrollIntoView({ block: "center", behavior: "smooth" });
    setHighlight(keyId);
    setTimeout(() => setHighlight((current) => (current === keyId ? null : current)), 1600);
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="chat-thread" data-jid={jid}>
      <header className="flex items-center gap-3 border-b border-slate-200 bg-surface px-2 py-2 sm:px-4">
        <button
          type="button"
          onClick={onBack}
          className="grid size-9 place-items-center rounded-full text-slate-600 hover:bg-slate-100 md:hidden"
          aria-label="Back to chats"
          data-testid="thread-back"
        >
          <BackIcon />
        </button>
        <ChatAvatar jid={jid} title={title} className="size-10 text-sm" />
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold text-slate-900" data-testid="thread-title">
            {title}
          </h2>
          {(typing || isGroup || title !== phoneOf(jid)) && (
            <p className="truncate text-xs text-slate-500" data-testid="thread-subtitle">
              {typing ? <span className="font-medium text-blue-700">typing…</span> : isGroup ? "Group" : phoneOf(jid)}
            </p>
          )}
        </div>
      </header>

      <div className="relative min-h-0 flex-1">
        <div
          ref={scrollRef}
          onScroll={(event) => {
            const el = event.currentTarget;
            const near = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
            atBottom.current = near;
            if (near === awayFromBottom) setAwayFromBottom(!near);
          }}
          className="absolute inset-0 overflow-y-auto bg-slate-50 px-3 py-3 sm:px-6"
          data-testid="thread-scroll"
          role="log"
          aria-label="Messages"
        >
          <div ref={topRef} />
          {phase === "ready" && (
            <p className="py-2 text-center text-xs text-slate-500">
              {loadingOlder ? "Loading older messages…" : cursor ? "\u00a0" : lines.length ? "Start of the conversation" : ""}
            </p>
          )}
          {phase === "loading" && <p className="py-10 text-center text-sm text-slate-500">Loading messages…</p>}
          {phase === "error" && (
            <div className="mx-auto max-w-sm space-y-2 py-6">
              <Alert>{error}</Alert>
              <Button variant="secondary" size="sm" onClick={() => void load()}>
                Try again
              </Button>
            </div>
          )}
          {phase === "ready" && lines.length === 0 && (
            <p className="py-10 text-center text-sm text-slate-500" data-testid="thread-empty">
              No messages yet. Write the first one below.
            </p>
          )}
          {lines.map((message, i) => {
            const previous = lines[i - 1];
            const newDay = !previous || dayKey(previous.timestamp) !== dayKey(message.timestamp);
            const sameSide = previous && !newDay && previous.fromMe === message.fromMe && previous.senderJid === message.senderJid;
            return (
              <Fragment key={message.localId ?? message.keyId}>
                {newDay && (
                  <div className="sticky top-0 z-10 flex justify-center py-2" data-testid="day-separator">
                    <span className="rounded-full bg-white/95 px-3 py-0.5 text-xs font-medium text-slate-600 shadow-sm ring-1 ring-slate-200">
                      {dayLabel(message.timestamp)}
                    </span>
                  </div>
                )}
                <div className={`${sameSide ? "mt-0.5" : "mt-2"} rounded-2xl transition-colors ${highlight === message.keyId ? "bg-blue-200/50" : ""}`}>
                  <MessageBubble
                    message={message}
                    quoted={message.quoteId ? (byKey.get(message.quoteId) ?? null) : undefined}
                    senderName={senderName}
                    showSender={isGroup && !sameSide}
                    reactions={reactions.get(message.keyId)}
                    onReply={message.localId && message.keyId === message.localId ? undefined : setReplyTo}
                    onJumpTo={jumpTo}
                    onRetry={retry}
                    onMediaLoad={onMediaLoad}
                    actions={<MessageActions message={message} sessionId={sessionId} jid={jid} />}
                  />
                </div>
              </Fragment>
            );
          })}
        </div>
        {awayFromBottom && (
          <button
            type="button"
            onClick={scrollToBottom}
            className="absolute right-4 bottom-3 rounded-full bg-surface px-3 py-1.5 text-xs font-medium text-slate-700 shadow-md ring-1 ring-slate-200 hover:bg-slate-50"
          >
            ↓ Latest
          </button>
        )}
      </div>

      <MessageComposer
        replyTo={replyTo}
        replyName={replyTo ? senderName(replyTo) : ""}
        onCancelReply={() => setReplyTo(null)}
        onSendText={(text) => {
          sendText(text, replyTo);
          setReplyTo(null);
        }}
        onSendFile={(file, caption) => {
          sendFile(file, caption, replyTo);
          setReplyTo(null);
        }}
        onTyping={setTyping}
      />
    </div>
  );
}
