"use client";

import { useState } from "react";
import { AlertIcon, DocumentIcon, PinIcon, ReplyIcon } from "@/components/chat/chat-icons";
import { formatTime, ownMediaUrl, parseLocation, previewText } from "@/components/chat/chat-format";
import { linkify } from "@/components/chat/linkify";
import type { ThreadMessage } from "@/components/chat/chat-types";
import { MessageKindIcon } from "@/components/chat/message-kind-icon";
import { MessageStatus } from "@/components/chat/message-status";

interface MessageBubbleProps {
  message: ThreadMessage;
  /** The message this one replies to: the message, null when it is not loaded, undefined for none. */
  quoted?: ThreadMessage | null;
  /** How to call the sender of a message that is not ours (the contact, or a group member). */
  senderName: (message: ThreadMessage) => string;
  showSender: boolean;
  reactions?: Array<{ emoji: string; fromMe: boolean }>;
  onReply?: (message: ThreadMessage) => void;
  onJumpTo: (keyId: string) => void;
  onRetry?: (message: ThreadMessage) => void;
  /** A picture finished loading and changed the thread's height. */
  onMediaLoad: () => void;
  /** The "⋯" menu (react, edit, delete, forward), shown like Reply: on hover or after a tap. */
  actions?: React.ReactNode;
}

export function MessageBubble({ message, quoted, senderName, showSender, reactions, onReply, onJumpTo, onRetry, onMediaLoad, actions }: MessageBubbleProps) {
  const mine = message.fromMe;
  // Touch screens have no hover: a tap on the bubble shows its Reply button.
  const [revealed, setRevealed] = useState(false);
  const sticker = message.type === "STICKER" && !message.revokedAt;
  const uploading = Boolean(message.localId && message.keyId === message.localId && message.status === "PENDING");
  const localFailure = Boolean(message.localId && message.status === "FAILED");
  const tone = sticker ? "bg-transparent" : mine ? "bg-blue-100 text-slate-900 ring-1 ring-blue-200/70" : "bg-surface text-slate-900 ring-1 ring-slate-200";

  return (
    <div
      id={`msg-${message.keyId}`}
      className={`group flex items-center gap-1 ${mine ? "flex-row-reverse" : ""} ${reactions?.length ? "mb-3" : ""}`}
      data-testid="message-bubble"
      data-key-id={message.keyId}
      data-from-me={mine}
      data-type={message.type}
      data-status={message.status}
    >
      <div
        onClick={(event) => {
          if (!(event.target as HTMLElement).closest("a, button, audio, video")) setRevealed((shown) => !shown);
        }}
        className={`relative max-w-[85%] rounded-2xl px-2.5 pt-1.5 pb-1 shadow-sm sm:max-w-[70%] ${mine ? "rounded-br-md" : "rounded-bl-md"} ${tone}`}
      >
        {showSender && !mine && <p className="px-0.5 text-xs font-semibold text-blue-700">{senderName(message)}</p>}
        {quoted !== undefined && <QuotePreview quoted={quoted} senderName={senderName} onJumpTo={onJumpTo} />}
        <MessageBody message={message} onMediaLoad={onMediaLoad} />
        <div className={`mt-0.5 flex items-center justify-end gap-1 text-[11px] leading-4 ${sticker ? "rounded-full bg-white/90 px-1.5" : ""} text-slate-600`}>
          {uploading && message.preview && <span>Uploading…</span>}
          <time dateTime={message.timestamp}>{formatTime(message.timestamp)}</time>
          {mine && <MessageStatus status={message.status} reason={message.failureReason} />}
        </div>
        {message.status === "FAILED" && mine && (
          <p className="mt-0.5 flex items-center gap-1 text-xs text-red-700" data-testid="message-failure">
            <span className="min-w-0">{message.failureReason ? `Not sent: ${message.failureReason}` : "Not sent"}</span>
            {localFailure && onRetry && (
              <button type="button" className="shrink-0 font-semibold underline underline-offset-2 hover:text-red-900" onClick={() => onRetry(message)}>
                Retry
              </button>
            )}
          </p>
        )}
        {reactions && reactions.length > 0 && (
          <div
            className={`absolute -bottom-3 ${mine ? "right-2" : "left-2"} flex gap-0.5 rounded-full bg-surface px-1.5 py-0.5 text-xs shadow ring-1 ring-slate-200`}
            data-testid="message-reactions"
          >
            {reactions.map((r, i) => (
              <span key={i} title={r.fromMe ? "Your reaction" : "Their reaction"}>
                {r.emoji}
              </span>
            ))}
          </div>
        )}
      </div>
      {onReply && !message.revokedAt && (
        <button
          type="button"
          onClick={() => onReply(message)}
          className={`grid size-8 shrink-0 place-items-center rounded-full text-slate-500 transition-opacity group-hover:opacity-100 hover:bg-slate-200/70 hover:text-slate-800 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-600 ${revealed ? "opacity-100" : "opacity-0"}`}
          aria-label="Reply"
          title="Reply"
          data-testid="reply-button"
        >
          <ReplyIcon />
        </button>
      )}
      {actions && (
        <div className={`shrink-0 transition-opacity group-hover:opacity-100 focus-within:opacity-100 ${revealed ? "opacity-100" : "opacity-0"}`}>
          {actions}
        </div>
      )}
    </div>
  );
}

function QuotePreview({
  quoted,
  senderName,
  onJumpTo,
}: {
  quoted: ThreadMessage | null;
  senderName: (m: ThreadMessage) => string;
  onJumpTo: (keyId: string) => void;
}) {
  if (!quoted) {
    return <div className="mb-1 rounded-lg border-l-4 border-slate-300 bg-black/5 px-2 py-1 text-xs text-slate-500 italic">Replying to an earlier message</div>;
  }
  return (
    <button
      type="button"
      onClick={() => onJumpTo(quoted.keyId)}
      className="mb-1 block w-full rounded-lg border-l-4 border-blue-500 bg-black/5 px-2 py-1 text-left hover:bg-black/10"
      data-testid="quoted-message"
    >
      <span className="block text-xs font-semibold text-blue-700">{quoted.fromMe ? "You" : senderName(quoted)}</span>
      <span className="flex items-start gap-1 text-xs text-slate-600">
        {!quoted.revokedAt && <MessageKindIcon type={quoted.type} className="mt-px size-3.5" />}
        <span className="line-clamp-2 break-words">{quoted.revokedAt ? "Deleted message" : previewText(quoted.type, quoted.content) || "Message"}</span>
      </span>
    </button>
  );
}

const MEDIA_NAME: Record<string, string> = { IMAGE: "Photo", VIDEO: "Video", AUDIO: "Audio", STICKER: "Sticker", DOCUMENT: "Document" };

function MessageBody({ message, onMediaLoad }: { message: ThreadMessage; onMediaLoad: () => void }) {
  if (message.revokedAt && !message.content) {
    return <p className="px-0.5 text-sm text-slate-500 italic">This message was deleted</p>;
  }
  const deletedNote = message.revokedAt ? <p className="px-0.5 text-xs text-slate-500 italic">Deleted for everyone · kept by anti-delete</p> : null;
  const src = message.preview?.url ?? ownMediaUrl(message.mediaUrl);
  const caption = message.content ? <Text text={message.content} /> : null;

  switch (message.type) {
    case "IMAGE":
      return (
        <>
          {deletedNote}
          {src ? (
            <a href={ownMediaUrl(message.mediaUrl) ?? undefined} target="_blank" rel="noopener" className="block">
              <img
                src={src}
                alt={message.content ?? "Photo"}
                onLoad={onMediaLoad}
                className="max-h-80 min-h-16 w-auto max-w-full min-w-32 rounded-lg bg-slate-100 object-contain"
                data-testid="message-image"
              />
            </a>
          ) : (
            <MissingMedia kind="Photo" />
          )}
          {caption && <div className="mt-1">{caption}</div>}
        </>
      );
    case "STICKER":
      return src ? (
        <img src={src} alt="Sticker" onLoad={onMediaLoad} className="size-32 object-contain" data-testid="message-sticker" />
      ) : (
        <MissingMedia kind="Sticker" />
      );
    case "VIDEO":
      return (
        <>
          {deletedNote}
          {src ? (
            <video src={src} controls preload="metadata" onLoadedMetadata={onMediaLoad} className="max-h-80 w-full max-w-sm rounded-lg bg-black" />
          ) : (
            <MissingMedia kind="Video" />
          )}
          {caption && <div className="mt-1">{caption}</div>}
        </>
      );
    case "AUDIO":
      return (
        <>
          {deletedNote}
          {src ? <audio src={src} controls preload="metadata" className="h-10 w-64 max-w-full" /> : <MissingMedia kind="Audio" />}
        </>
      );
    case "DOCUMENT": {
      const name = message.preview?.fileName ?? message.content ?? "Document";
      const href = ownMediaUrl(message.mediaUrl);
      const inner = (
        <>
          <DocumentIcon className="size-8 shrink-0 text-blue-700" />
          <span className="min-w-0">
            <span className="block truncate text-sm font-medium text-slate-900" data-testid="document-name">
              {name}
            </span>
            <span className="block text-xs text-slate-500">{href ? "Open or download" : "Not saved on the gateway"}</span>
          </span>
        </>
      );
      return (
        <>
          {deletedNote}
          {href ? (
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              className="flex min-w-48 items-center gap-2 rounded-lg bg-black/5 p-2 hover:bg-black/10"
              data-testid="message-document"
            >
              {inner}
            </a>
          ) : (
            <div className="flex min-w-48 items-center gap-2 rounded-lg bg-black/5 p-2" data-testid="message-document">
              {inner}
            </div>
          )}
        </>
      );
    }
    case "LOCATION": {
      const place = parseLocation(message.content);
      return (
        <div className="flex items-start gap-2 px-0.5 py-0.5" data-testid="message-location">
          <PinIcon className="mt-0.5 size-5 shrink-0 text-red-700" />
          <div className="min-w-0 text-sm">
            {place ? (
              <>
                <p className="font-medium">{place.name ?? "Location"}</p>
                <p className="font-mono text-xs text-slate-600">
                  {place.latitude.toFixed(5)}, {place.longitude.toFixed(5)}
                </p>
                {/* A plain link: no map tiles are loaded into the dashboard. */}
                <a
                  href={`https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=16/${place.latitude}/${place.longitude}`}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-xs font-medium text-blue-700 hover:underline"
                >
                  Open in a map ↗
                </a>
              </>
            ) : (
              <p>{message.content ?? "Location"}</p>
            )}
          </div>
        </div>
      );
    }
    case "CONTACT":
      return (
        <p className="flex items-center gap-1.5 px-0.5 py-0.5 text-sm">
          <MessageKindIcon type="CONTACT" className="size-5 text-blue-700" />
          {message.content ?? "Contact card"}
        </p>
      );
    case "POLL":
      return (
        <p className="flex items-center gap-1.5 px-0.5 py-0.5 text-sm">
          <MessageKindIcon type="POLL" className="size-5 text-blue-700" />
          <span>
            <span className="text-slate-500">Poll:</span> {message.content}
          </span>
        </p>
      );
    case "TEXT":
      return (
        <>
          {deletedNote}
          {caption}
        </>
      );
    default:
      return <p className="px-0.5 text-sm text-slate-500 italic">{message.content ?? "A message this dashboard cannot show"}</p>;
  }
}

function Text({ text }: { text: string }) {
  return (
    <p className="px-0.5 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="message-text">
      {linkify(text).map((part, i) =>
        part.kind === "link" ? (
          // A contact's link opens in a new tab that gets neither a handle on this page nor its URL.
          <a
            key={i}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-blue-700 underline underline-offset-2 hover:text-blue-800"
            data-testid="message-link"
          >
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

function MissingMedia({ kind }: { kind: string }) {
  return (
    <p className="flex items-center gap-1.5 rounded-lg bg-black/5 px-2 py-3 text-xs text-slate-500">
      <AlertIcon />
      {MEDIA_NAME[kind.toUpperCase()] ?? kind} not saved on the gateway
    </p>
  );
}
