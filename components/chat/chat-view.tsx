"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import { fetchChats } from "@/components/chat/chat-api";
import { chatTitle, isGroupJid, normalizeJid, previewText } from "@/components/chat/chat-format";
import { ChatBubblesIcon } from "@/components/chat/chat-icons";
import { ChatList } from "@/components/chat/chat-list";
import { ChatPageHeader } from "@/components/chat/chat-page-header";
import { ChatThread } from "@/components/chat/chat-thread";
import type {
  ChatSession,
  ChatSummary,
  ChatUpdateEvent,
  ConnectionEvent,
  MessageEvent,
  MessageReactionEvent,
  MessageRevokeEvent,
  MessageType,
  MessageUpdateEvent,
  PresenceEvent,
  ThreadEvent,
  ThreadListener,
} from "@/components/chat/chat-types";
import { NewChatDialog } from "@/components/chat/new-chat-dialog";
import { NotificationToggle } from "@/components/chat/notification-toggle";
import { useMessageNotifications } from "@/components/chat/use-message-notifications";
import { useSessionSocket } from "@/components/chat/use-session-socket";
import { useT } from "@/components/shell/i18n";
import { Alert } from "@/components/ui/alert";
import type { MessageKey } from "@/lib/i18n/messages";

/** Statuses the offline banner has a sentence for; any other is named as it is. */
const OFFLINE_STATUSES = new Set(["DISCONNECTED", "CONNECTING", "QR", "ZOMBIE", "LOGGED_OUT"]);

/** A contact who stopped typing without saying so stops being shown as typing after this. */
const TYPING_TIMEOUT_MS = 20_000;

/** The `?chat=` of the URL as a JID: a JID, or a phone number in international form. */
function jidFromParam(value: string | null): string | null {
  if (!value) return null;
  if (value.includes("@")) return normalizeJid(value);
  const digits = value.replace(/\D/g, "");
  return digits ? `${digits}@s.whatsapp.net` : null;
}

/**
 * The session's chats beside the open thread (one pane at a time on a phone). Everything live comes
 * from the session's Socket.io room; the REST API is read again whenever the room was away.
 */
export function ChatView({ session }: { session: ChatSession }) {
  const { sessionId } = session;
  const t = useT();
  const notifications = useMessageNotifications();
  const pathname = usePathname();
  const selected = jidFromParam(useSearchParams().get("chat"));
  const selectedRef = useRef(selected);
  useEffect(() => {
    selectedRef.current = selected;
  }, [selected]);

  const [status, setStatus] = useState(session.status);
  const [chats, setChats] = useState<ChatSummary[]>([]);
  const [phase, setPhase] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [newChatOpen, setNewChatOpen] = useState(false);
  const [typing, setTyping] = useState<ReadonlySet<string>>(new Set());
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const connected = status === "CONNECTED";
  const chatsRef = useRef(chats);
  useEffect(() => {
    chatsRef.current = chats;
  }, [chats]);

  // --- the chat list -----------------------------------------------------------------------------

  const loadChats = useCallback(async () => {
    try {
      const list = await fetchChats(sessionId);
      setChats(list);
      setPhase("ready");
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
      setPhase((current) => (current === "ready" ? current : "error"));
    }
  }, [sessionId]);

  useEffect(() => {
    void loadChats();
  }, [loadChats]);

  const listTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleListRefresh = useCallback(() => {
    if (listTimer.current) clearTimeout(listTimer.current);
    listTimer.current = setTimeout(() => void loadChats(), 400);
  }, [loadChats]);

  /** A message went by: its chat moves to the top with it as the preview, and counts it if unread. */
  const bump = useCallback(
    (jid: string, last: NonNullable<ChatSummary["lastMessage"]>, incoming: { pushName: string | null } | null) => {
      const known = chatsRef.current.some((c) => c.jid === jid);
      setChats((current) => {
        const existing = current.find((c) => c.jid === jid);
        const unreadCount = (existing?.unreadCount ?? 0) + (incoming && jid !== selectedRef.current ? 1 : 0);
        const chat: ChatSummary = existing
          ? { ...existing, lastMessage: last, unreadCount }
          : {
              jid,
              name: null,
              notify: isGroupJid(jid) ? null : (incoming?.pushName ?? null),
              profilePic: null,
              isGroup: isGroupJid(jid),
              unreadCount,
              archived: false,
              lastMessage: last,
            };
        return [chat, ...current.filter((c) => c.jid !== jid)];
      });
      // A chat we did not know: its name and details come from the API.
      if (!known) scheduleListRefresh();
    },
    [scheduleListRefresh],
  );

  const stopTyping = useCallback((jid: string) => {
    const timer = typingTimers.current.get(jid);
    if (timer) clearTimeout(timer);
    typingTimers.current.delete(jid);
    setTyping((current) => {
      if (!current.has(jid)) return current;
      const next = new Set(current);
      next.delete(jid);
      return next;
    });
  }, []);

  // --- live events -------------------------------------------------------------------------------

  const threadListeners = useRef(new Set<ThreadListener>());
  const subscribe = useCallback((listener: ThreadListener) => {
    threadListeners.current.add(listener);
    return () => void threadListeners.current.delete(listener);
  }, []);
  const toThread = (event: ThreadEvent) => {
    for (const listener of threadListeners.current) listener(event);
  };

  const onMessage = (own: boolean) => (data: MessageEvent) => {
    if (!data.remoteJid || data.remoteJid === "status@broadcast") return;
    const jid = normalizeJid(data.remoteJid);
    bump(
      jid,
      { content: data.text, timestamp: data.timestamp, type: data.type, fromMe: own, status: own ? "SENT" : "DELIVERED" },
      own ? null : { pushName: data.pushName },
    );
    if (!own) {
      stopTyping(jid);
      // Only while the tab is hidden and the user turned them on (use-message-notifications).
      const chat = chatsRef.current.find((c) => c.jid === jid);
      const title = chatTitle(chat ?? { jid, notify: isGroupJid(jid) ? null : data.pushName }, t);
      const body = previewText(data.type, data.text, t) || t("chat.notify.newMessage");
      notifications.notify({ title, body, tag: data.messageId, onClick: () => select(jid) });
    }
    toThread({ event: own ? "message.sent" : "message", data });
  };

  const live = useSessionSocket(
    sessionId,
    {
      message: onMessage(false),
      "message.sent": onMessage(true),
      "message.update": (data: MessageUpdateEvent) => {
        scheduleListRefresh();
        toThread({ event: "message.update", data });
      },
      "message.revoke": (data: MessageRevokeEvent) => {
        scheduleListRefresh();
        toThread({ event: "message.revoke", data });
      },
      "message.reaction": (data: MessageReactionEvent) => {
        scheduleListRefresh();
        toThread({ event: "message.reaction", data });
      },
      "chat.update": (data: ChatUpdateEvent) => {
        const jid = normalizeJid(data.jid);
        setChats((current) =>
          current.map((c) =>
            c.jid === jid
              ? { ...c, ...(data.name ? { name: data.name } : {}), ...(typeof data.unreadCount === "number" ? { unreadCount: data.unreadCount } : {}) }
              : c,
          ),
        );
      },
      "chat.upsert": scheduleListRefresh,
      "chat.delete": scheduleListRefresh,
      "contact.update": scheduleListRefresh,
      "presence.update": (data: PresenceEvent) => {
        if (!data.jid) return;
        const jid = normalizeJid(data.jid);
        const active = Object.values(data.presences ?? {}).some((p) => p.lastKnownPresence === "composing" || p.lastKnownPresence === "recording");
        if (!active) return stopTyping(jid);
        const timer = typingTimers.current.get(jid);
        if (timer) clearTimeout(timer);
        typingTimers.current.set(
          jid,
          setTimeout(() => stopTyping(jid), TYPING_TIMEOUT_MS),
        );
        setTyping((current) => (current.has(jid) ? current : new Set(current).add(jid)));
      },
      "connection.update": (data: ConnectionEvent) => {
        if (!data.status) return;
        setStatus(data.status);
        if (data.status === "CONNECTED") scheduleListRefresh();
      },
      "logged.out": () => setStatus("LOGGED_OUT"),
    },
    () => {
      void loadChats();
      toThread({ event: "resync" });
    },
  );

  useEffect(() => {
    const timers = typingTimers.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
      if (listTimer.current) clearTimeout(listTimer.current);
    };
  }, []);

  // Unread messages in the tab's title ("(3) Chats · Wagate"), so a background tab shows them.
  const unread = chats.reduce((n, c) => n + (c.archived ? 0 : c.unreadCount), 0);
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, "");
    document.title = unread > 0 ? `(${unread}) ${base}` : base;
    return () => {
      document.title = document.title.replace(/^\(\d+\) /, "");
    };
  }, [unread]);

  // --- navigation --------------------------------------------------------------------------------

  // The open chat lives in the URL (?chat=), so it survives a reload and the phone's back button
  // returns to the list. Next's router follows history.pushState without a server round trip.
  const select = useCallback(
    (jid: string | null) => {
      if (jid) setChats((current) => current.map((c) => (c.jid === jid ? { ...c, unreadCount: 0 } : c)));
      window.history.pushState(null, "", jid ? `${pathname}?chat=${encodeURIComponent(jid)}` : pathname);
    },
    [pathname],
  );

  const onSent = useCallback(
    (jid: string, preview: { type: MessageType; content: string | null }) => {
      bump(jid, { ...preview, timestamp: new Date().toISOString(), fromMe: true, status: "PENDING" }, null);
    },
    [bump],
  );

  const current = useMemo(() => (selected ? chats.find((c) => c.jid === selected) : undefined), [chats, selected]);
  const title = selected ? chatTitle(current ?? { jid: selected }, t) : "";

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <ChatPageHeader sessionId={sessionId} name={session.name} status={status} live={live} actions={<NotificationToggle notifications={notifications} />} />
      {!connected && (
        <Alert tone="warning" data-testid="session-offline-banner">
          <strong className="font-semibold">
            {OFFLINE_STATUSES.has(status) ? t(`chat.offline.${status}` as MessageKey) : t("chat.offline.other", { status: status.toLowerCase() })}
          </strong>{" "}
          {t("chat.offlineCanWrite")}
        </Alert>
      )}
      <div className="flex min-h-0 flex-1 overflow-hidden rounded-xl border border-slate-200 bg-surface shadow-sm">
        <aside
          className={`${selected ? "hidden md:flex" : "flex"} w-full min-w-0 flex-col border-slate-200 md:w-80 md:border-r lg:w-96`}
          aria-label={t("chat.chatsPane")}
        >
          <ChatList
            chats={chats}
            phase={phase}
            error={error}
            selected={selected}
            typing={typing}
            search={search}
            onSearch={setSearch}
            onSelect={select}
            onNewChat={() => setNewChatOpen(true)}
            onRetry={() => void loadChats()}
          />
        </aside>
        <section className={`${selected ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`} aria-label={t("chat.conversationPane")}>
          {selected ? (
            <ChatThread
              key={selected}
              sessionId={sessionId}
              jid={selected}
              title={title}
              isGroup={isGroupJid(selected)}
              connected={connected}
              typing={typing.has(selected)}
              subscribe={subscribe}
              onBack={() => select(null)}
              onSent={onSent}
            />
          ) : (
            <div className="grid flex-1 place-items-center bg-slate-50 p-8 text-center">
              <div>
                <span aria-hidden className="mx-auto mb-3 grid size-12 place-items-center rounded-full bg-blue-50 text-blue-700">
                  <ChatBubblesIcon />
                </span>
                <p className="text-sm font-medium text-slate-900">{t("chat.pickChat")}</p>
                <p className="mt-1 text-sm text-slate-500">{t("chat.pickChatHint")}</p>
              </div>
            </div>
          )}
        </section>
      </div>
      <NewChatDialog open={newChatOpen} onClose={() => setNewChatOpen(false)} sessionId={sessionId} connected={connected} onOpenChat={select} />
    </div>
  );
}
