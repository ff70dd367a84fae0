"use client";

import { Fragment, useCallback, useMemo, useState } from "react";
import { ChatAvatar } from "@/components/chat/chat-avatar";
import { dayKey, dayLabel, phoneOf } from "@/components/chat/chat-format";
import { BackIcon } from "@/components/chat/chat-icons";
import type { MessageType, ThreadListener, ThreadMessage } from "@/components/chat/chat-types";
import { MessageBubble } from "@/components/chat/message-bubble";
import { MessageActions } from "@/components/chat/message-actions";
import { MessageComposer } from "@/components/chat/message-composer";
import { collectReactions } from "@/components/chat/thread-messages";
import { useOptimisticSends } from "@/components/chat/use-optimistic-sends";
import { useScrollAnchor } from "@/components/chat/use-scroll-anchor";
import { useThreadMessages } from "@/components/chat/use-thread-messages";
import { useTypingPresence } from "@/components/chat/use-typing-presence";
import { useT } from "@/components/shell/i18n";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

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

/**
 * One open chat: its header, the messages and the composer. The work is in the hooks: the messages
 * and their live updates (use-thread-messages), where the scroll position goes (use-scroll-anchor),
 * and what the user sends before the server has it (use-optimistic-sends).
 */
export function ChatThread({ sessionId, jid, title, isGroup, connected, typing, subscribe, onBack, onSent }: ChatThreadProps) {
  const t = useT();
  const [replyTo, setReplyTo] = useState<ThreadMessage | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const anchor = useScrollAnchor();
  const { scrollRef, topRef, onScroll, awayFromBottom, scrollToBottom, onMediaLoad, stickToBottom } = anchor;
  const { messages, phase, error, hasOlder, loadingOlder, reload, update, scheduleRefresh } = useThreadMessages({
    sessionId,
    jid,
    connected,
    subscribe,
    scroll: anchor,
  });
  const { sendText, sendFile, retry, uploads } = useOptimisticSends({ sessionId, jid, update, scheduleRefresh, onAppend: stickToBottom, onSent });
  const setTyping = useTypingPresence(sessionId, jid, connected);

  // --- rendering ---------------------------------------------------------------------------------

  const byKey = useMemo(() => new Map(messages.map((m) => [m.keyId, m])), [messages]);
  const reactions = useMemo(() => collectReactions(messages), [messages]);
  const lines = useMemo(() => messages.filter((m) => m.type !== "REACTION"), [messages]);
  const senderName = useCallback(
    (m: ThreadMessage) => (m.fromMe ? t("chat.you") : isGroup ? m.pushName || phoneOf(m.senderJid ?? m.remoteJid) : title),
    [isGroup, title, t],
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
          aria-label={t("chat.back")}
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
              {typing ? <span className="font-medium text-blue-700">{t("chat.typing")}</span> : isGroup ? t("chat.group") : phoneOf(jid)}
            </p>
          )}
        </div>
      </header>

      <div className="relative min-h-0 flex-1">
        <div
          ref={scrollRef}
          onScroll={onScroll}
          className="absolute inset-0 overflow-y-auto bg-slate-50 px-3 py-3 sm:px-6"
          data-testid="thread-scroll"
          role="log"
          aria-label={t("chat.messages")}
        >
          <div ref={topRef} />
          {phase === "ready" && (
            <p className="py-2 text-center text-xs text-slate-500">
              {loadingOlder ? t("chat.loadingOlder") : hasOlder ? "\u00a0" : lines.length ? t("chat.start") : ""}
            </p>
          )}
          {phase === "loading" && <p className="py-10 text-center text-sm text-slate-500">{t("chat.loadingMessages")}</p>}
          {phase === "error" && (
            <div className="mx-auto max-w-sm space-y-2 py-6">
              <Alert>{error}</Alert>
              <Button variant="secondary" size="sm" onClick={reload}>
                {t("chat.tryAgain")}
              </Button>
            </div>
          )}
          {phase === "ready" && lines.length === 0 && (
            <p className="py-10 text-center text-sm text-slate-500" data-testid="thread-empty">
              {t("chat.threadEmpty")}
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
                      {dayLabel(message.timestamp, t)}
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
                    uploadProgress={message.localId ? uploads.get(message.localId) : undefined}
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
            {t("chat.latest")}
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
