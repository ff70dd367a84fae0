"use client";

import { ChatAvatar } from "@/components/chat/chat-avatar";
import { PlusIcon, SearchIcon } from "@/components/chat/chat-icons";
import { chatTitle, formatListTime, phoneOf, previewText } from "@/components/chat/chat-format";
import type { ChatSummary } from "@/components/chat/chat-types";
import { MessageKindIcon } from "@/components/chat/message-kind-icon";
import { MessageStatus } from "@/components/chat/message-status";
import { useT } from "@/components/shell/i18n";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface ChatListProps {
  chats: ChatSummary[];
  phase: "loading" | "ready" | "error";
  error: string | null;
  selected: string | null;
  typing: ReadonlySet<string>;
  search: string;
  onSearch: (value: string) => void;
  onSelect: (jid: string) => void;
  onNewChat: () => void;
  onRetry: () => void;
}

function matches(chat: ChatSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const digits = q.replace(/[\s+()-]/g, "");
  return [chat.name, chat.notify].some((v) => v?.toLowerCase().includes(q)) || (/^\d+$/.test(digits) && chat.jid.includes(digits));
}

export function ChatList({ chats, phase, error, selected, typing, search, onSearch, onSelect, onNewChat, onRetry }: ChatListProps) {
  const t = useT();
  const shown = chats.filter((chat) => matches(chat, search));
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-2 border-b border-slate-200 p-3">
        <div className="relative min-w-0 flex-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
          <input
            type="search"
            value={search}
            onChange={(event) => onSearch(event.target.value)}
            placeholder={t("chat.search")}
            aria-label={t("chat.search")}
            data-testid="chat-search"
            className="block h-9 w-full rounded-lg border-0 bg-slate-100 pr-3 pl-9 text-sm text-slate-900 placeholder:text-slate-500 focus:bg-surface focus:ring-2 focus:ring-blue-600 focus:outline-none"
          />
        </div>
        <Button size="sm" onClick={onNewChat} data-testid="new-chat" className="h-9">
          <PlusIcon />
          {t("chat.newChat")}
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" data-testid="chat-list">
        {phase === "loading" && chats.length === 0 && <ListSkeleton />}
        {phase === "error" && (
          <div className="space-y-2 p-3">
            <Alert>{error ?? t("chat.loadFailed")}</Alert>
            <Button variant="secondary" size="sm" onClick={onRetry}>
              {t("chat.tryAgain")}
            </Button>
          </div>
        )}
        {phase === "ready" && chats.length === 0 && (
          <div className="px-6 py-12 text-center" data-testid="chat-list-empty">
            <p className="text-sm font-medium text-slate-900">{t("chat.noChats")}</p>
            <p className="mt-1 text-sm text-slate-500">{t("chat.noChatsHint")}</p>
          </div>
        )}
        {chats.length > 0 && shown.length === 0 && (
          <p className="px-6 py-8 text-center text-sm text-slate-500">{t("chat.noMatch", { query: search.trim() })}</p>
        )}
        <ul className="divide-y divide-slate-100">
          {shown.map((chat) => (
            <li key={chat.jid}>
              <ChatRow chat={chat} active={chat.jid === selected} typing={typing.has(chat.jid)} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function ChatRow({ chat, active, typing, onSelect }: { chat: ChatSummary; active: boolean; typing: boolean; onSelect: (jid: string) => void }) {
  const t = useT();
  const title = chatTitle(chat, t);
  const unread = active ? 0 : chat.unreadCount;
  const last = chat.lastMessage;
  return (
    <button
      type="button"
      onClick={() => onSelect(chat.jid)}
      aria-current={active ? "true" : undefined}
      className={`flex w-full items-center gap-3 px-3 py-2.5 text-left transition-colors focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${active ? "bg-blue-50" : "hover:bg-slate-50"}`}
      data-testid="chat-row"
      data-jid={chat.jid}
    >
      <ChatAvatar jid={chat.jid} title={title} />
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline justify-between gap-2">
          <span className="truncate text-sm font-semibold text-slate-900" data-testid="chat-title">
            {title}
          </span>
          {last && (
            <time dateTime={last.timestamp} className={`shrink-0 text-xs ${unread > 0 ? "font-semibold text-blue-700" : "text-slate-500"}`}>
              {formatListTime(last.timestamp, t)}
            </time>
          )}
        </span>
        <span className="mt-0.5 flex items-center justify-between gap-2">
          <span className="flex min-w-0 items-center gap-1 text-sm text-slate-500" data-testid="chat-preview">
            {typing ? (
              <span className="font-medium text-blue-700">{t("chat.typing")}</span>
            ) : last ? (
              <>
                {last.fromMe && <MessageStatus status={last.status} className="shrink-0" />}
                <MessageKindIcon type={last.type} />
                <span className="truncate">{previewText(last.type, last.content, t) || "\u00a0"}</span>
              </>
            ) : (
              <span className="truncate">{chat.name || chat.notify ? phoneOf(chat.jid) : t("chat.noMessagesYet")}</span>
            )}
          </span>
          {unread > 0 && (
            <span
              className="grid h-5 min-w-5 shrink-0 place-items-center rounded-full bg-blue-600 px-1.5 text-[11px] font-semibold text-white"
              data-testid="unread-badge"
              aria-label={t("chat.unread", { count: unread })}
            >
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </span>
      </span>
    </button>
  );
}

function ListSkeleton() {
  const t = useT();
  return (
    <ul aria-label={t("chat.loadingChats")} className="animate-pulse">
      {[0, 1, 2, 3, 4].map((i) => (
        <li key={i} className="flex items-center gap-3 px-3 py-3">
          <span className="size-11 rounded-full bg-slate-200" />
          <span className="flex-1 space-y-2">
            <span className="block h-3 w-1/2 rounded bg-slate-200" />
            <span className="block h-3 w-3/4 rounded bg-slate-100" />
          </span>
        </li>
      ))}
    </ul>
  );
}
