"use client";

import { useState } from "react";
import { AlertIcon, DocumentIcon, PinIcon, ReplyIcon } from "@/components/chat/chat-icons";
import { formatTime, kindLabel, ownMediaUrl, parseLocation, previewText, type Translate } from "@/components/chat/chat-format";
import { linkify } from "@/components/chat/linkify";
import type { ThreadMessage } from "@/components/chat/chat-types";
import { MessageKindIcon } from "@/components/chat/message-kind-icon";
import { MessageStatus } from "@/components/chat/message-status";
import { useT } from "@/components/shell/i18n";

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
  /** An attachment of this send is uploading: how much is sent (0–1). */
  uploadProgress?: number;
}

export function MessageBubble({
  message,
  quoted,
  senderName,
  showSender,
  reactions,
  onReply,
  onJumpTo,
  onRetry,
  onMediaLoad,
  actions,
  uploadProgress,
}: MessageBubbleProps) {
  const t = useT();
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
        {quoted !== undefined && <QuotePreview quoted={quoted} senderName={senderName} onJumpTo={onJumpTo} t={t} />}
        <MessageBody message={message} onMediaLoad={onMediaLoad} t={t} />
        {uploadProgress !== undefined && <UploadProgress fraction={uploadProgress} name={message.preview?.fileName ?? ""} t={t} />}
        <div className={`mt-0.5 flex items-center justify-end gap-1 text-[11px] leading-4 ${sticker ? "rounded-full bg-white/90 px-1.5" : ""} text-slate-600`}>
          {uploading && message.preview && <span>{t("chat.uploading")}</span>}
          {mine && message.sentBy && <Author author={message.sentBy} t={t} />}
          <time dateTime={message.timestamp}>{formatTime(message.timestamp)}</time>
          {mine && <MessageStatus status={message.status} reason={message.failureReason} />}
        </div>
        {message.status === "FAILED" && mine && (
          <p className="mt-0.5 flex items-center gap-1 text-xs text-red-700" data-testid="message-failure">
            <span className="min-w-0">{message.failureReason ? t("chat.notSentBecause", { reason: message.failureReason }) : t("chat.notSent")}</span>
            {localFailure && onRetry && (
              <button type="button" className="shrink-0 font-semibold underline underline-offset-2 hover:text-red-900" onClick={() => onRetry(message)}>
                {t("chat.retry")}
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
              <span key={i} title={r.fromMe ? t("chat.yourReaction") : t("chat.theirReaction")}>
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
          aria-label={t("chat.reply")}
          title={t("chat.reply")}
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
  t,
}: {
  quoted: ThreadMessage | null;
  senderName: (m: ThreadMessage) => string;
  onJumpTo: (keyId: string) => void;
  t: Translate;
}) {
  if (!quoted) {
    return <div className="mb-1 rounded-lg border-l-4 border-slate-300 bg-black/5 px-2 py-1 text-xs text-slate-500 italic">{t("chat.replyingToEarlier")}</div>;
  }
  return (
    <button
      type="button"
      onClick={() => onJumpTo(quoted.keyId)}
      className="mb-1 block w-full rounded-lg border-l-4 border-blue-500 bg-black/5 px-2 py-1 text-left hover:bg-black/10"
      data-testid="quoted-message"
    >
      <span className="block text-xs font-semibold text-blue-700">{quoted.fromMe ? t("chat.you") : senderName(quoted)}</span>
      <span className="flex items-start gap-1 text-xs text-slate-600">
        {!quoted.revokedAt && <MessageKindIcon type={quoted.type} className="mt-px size-3.5" />}
        <span className="line-clamp-2 break-words">
          {quoted.revokedAt ? t("chat.deletedMessage") : previewText(quoted.type, quoted.content, t) || t("chat.message")}
        </span>
      </span>
    </button>
  );
}

function MessageBody({ message, onMediaLoad, t }: { message: ThreadMessage; onMediaLoad: () => void; t: Translate }) {
  if (message.revokedAt && !message.content) {
    return <p className="px-0.5 text-sm text-slate-500 italic">{t("chat.wasDeleted")}</p>;
  }
  const deletedNote = message.revokedAt ? <p className="px-0.5 text-xs text-slate-500 italic">{t("chat.keptByAntiDelete")}</p> : null;
  const missing = <MissingMedia kind={kindLabel(message.type, t) ?? t("chat.message")} t={t} />;
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
                alt={message.content ?? t("chat.kind.IMAGE")}
                onLoad={onMediaLoad}
                className="max-h-80 min-h-16 w-auto max-w-full min-w-32 rounded-lg bg-slate-100 object-contain"
                data-testid="message-image"
              />
            </a>
          ) : (
            missing
          )}
          {caption && <div className="mt-1">{caption}</div>}
        </>
      );
    case "STICKER":
      return src ? (
        <img src={src} alt={t("chat.kind.STICKER")} onLoad={onMediaLoad} className="size-32 object-contain" data-testid="message-sticker" />
      ) : (
        missing
      );
    case "VIDEO":
      return (
        <>
          {deletedNote}
          {src ? (
            <video src={src} controls preload="metadata" onLoadedMetadata={onMediaLoad} className="max-h-80 w-full max-w-sm rounded-lg bg-black" />
          ) : (
            missing
          )}
          {caption && <div className="mt-1">{caption}</div>}
        </>
      );
    case "AUDIO":
      return (
        <>
          {deletedNote}
          {src ? <audio src={src} controls preload="metadata" className="h-10 w-64 max-w-full" /> : missing}
        </>
      );
    case "DOCUMENT": {
      const name = message.preview?.fileName ?? message.content ?? t("chat.kind.DOCUMENT");
      const href = ownMediaUrl(message.mediaUrl);
      const inner = (
        <>
          <DocumentIcon className="size-8 shrink-0 text-blue-700" />
          <span className="min-w-0">
            <span className="block truncate text-sm font-medium text-slate-900" data-testid="document-name">
              {name}
            </span>
            <span className="block text-xs text-slate-500">{href ? t("chat.openOrDownload") : t("chat.notSaved")}</span>
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
                <p className="font-medium">{place.name ?? t("chat.kind.LOCATION")}</p>
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
                  {t("chat.openMap")}
                </a>
              </>
            ) : (
              <p>{message.content ?? t("chat.kind.LOCATION")}</p>
            )}
          </div>
        </div>
      );
    }
    case "CONTACT":
      return (
        <p className="flex items-center gap-1.5 px-0.5 py-0.5 text-sm">
          <MessageKindIcon type="CONTACT" className="size-5 text-blue-700" />
          {message.content ?? t("chat.contactCard")}
        </p>
      );
    case "POLL":
      return (
        <p className="flex items-center gap-1.5 px-0.5 py-0.5 text-sm">
          <MessageKindIcon type="POLL" className="size-5 text-blue-700" />
          <span>
            <span className="text-slate-500">{t("chat.pollLabel")}</span> {message.content}
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
      return <p className="px-0.5 text-sm text-slate-500 italic">{message.content ?? t("chat.unknownKind")}</p>;
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

function MissingMedia({ kind, t }: { kind: string; t: Translate }) {
  return (
    <p className="flex items-center gap-1.5 rounded-lg bg-black/5 px-2 py-3 text-xs text-slate-500">
      <AlertIcon />
      {t("chat.kindNotSaved", { kind })}
    </p>
  );
}

/** Who sent one of our messages (a team member, an API key's owner, a campaign), so a team sees who answered. */
function Author({ author, t }: { author: NonNullable<ThreadMessage["sentBy"]>; t: Translate }) {
  const full = t(`chat.sentByVia.${author.via}`, { name: author.name });
  return (
    <span className="max-w-40 truncate font-medium" title={full} data-testid="message-author" data-via={author.via}>
      <span className="sr-only">{full}</span>
      <span aria-hidden>
        {author.name}
        {author.via === "dashboard" ? "" : ` · ${t(`chat.via.${author.via}`)}`}
      </span>
    </span>
  );
}

/** The bar under an attachment while its bytes go up to the gateway. */
function UploadProgress({ fraction, name, t }: { fraction: number; name: string; t: Translate }) {
  const percent = Math.round(fraction * 100);
  return (
    <div
      role="progressbar"
      aria-label={t("chat.uploadProgress", { name })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      className="mt-1 h-1.5 w-full min-w-32 overflow-hidden rounded-full bg-blue-200"
      data-testid="upload-progress"
    >
      <div className="h-full rounded-full bg-blue-600 transition-[width] duration-150" style={{ width: `${percent}%` }} />
    </div>
  );
}
