"use client";

import { useEffect, useId, useRef, useState } from "react";
import { CloseIcon, DocumentIcon, PaperclipIcon, SendIcon } from "@/components/chat/chat-icons";
import { formatBytes, previewText } from "@/components/chat/chat-format";
import type { ThreadMessage } from "@/components/chat/chat-types";
import { MessageKindIcon } from "@/components/chat/message-kind-icon";
import { useT } from "@/components/shell/i18n";
import { useHydrated } from "@/components/ui/use-hydrated";

const ACCEPT = "image/jpeg,image/png,image/gif,image/webp,video/*,audio/*,application/pdf,.doc,.docx,.xls,.xlsx";

interface MessageComposerProps {
  replyTo: ThreadMessage | null;
  replyName: string;
  onCancelReply: () => void;
  onSendText: (text: string) => void;
  onSendFile: (file: File, caption: string) => void;
  /** Called on every keystroke that changes the text, and when the user stops (sends or clears). */
  onTyping: (typing: boolean) => void;
}

/** Text (Enter sends, Shift+Enter breaks the line), one attachment with a caption, and the quote bar. */
export function MessageComposer({ replyTo, replyName, onCancelReply, onSendText, onSendFile, onTyping }: MessageComposerProps) {
  const t = useT();
  const hydrated = useHydrated();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [thumb, setThumb] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  // The preview of a picture to attach lives as long as the choice does.
  useEffect(() => {
    if (!file || !file.type.startsWith("image/")) {
      setThumb(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setThumb(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  useEffect(() => {
    if (replyTo) textRef.current?.focus();
  }, [replyTo]);

  // The box grows with its text, up to about six lines.
  useEffect(() => {
    const box = textRef.current;
    if (!box) return;
    box.style.height = "auto";
    box.style.height = `${Math.min(box.scrollHeight, 160)}px`;
  }, [text]);

  const canSend = hydrated && (text.trim().length > 0 || file !== null);

  function submit() {
    if (!canSend) return;
    if (file) onSendFile(file, text.trim());
    else onSendText(text.trim());
    setText("");
    setFile(null);
    onTyping(false);
    textRef.current?.focus();
  }

  return (
    <div className="border-t border-slate-200 bg-surface px-2 py-2 sm:px-3" data-testid="composer">
      {replyTo && (
        <div className="mb-2 flex items-start gap-2 rounded-lg border-l-4 border-blue-500 bg-slate-100 px-3 py-1.5" data-testid="reply-bar">
          <div className="min-w-0 flex-1">
            <p className="text-xs font-semibold text-blue-700">{replyTo.fromMe ? t("chat.replyingToYourself") : t("chat.replyingTo", { name: replyName })}</p>
            <p className="flex items-center gap-1 text-sm text-slate-600">
              <MessageKindIcon type={replyTo.type} />
              <span className="truncate">{previewText(replyTo.type, replyTo.content, t) || t("chat.message")}</span>
            </p>
          </div>
          <button
            type="button"
            onClick={onCancelReply}
            className="rounded-full p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
            aria-label={t("chat.cancelReply")}
          >
            <CloseIcon />
          </button>
        </div>
      )}
      {file && (
        <div className="mb-2 flex items-center gap-3 rounded-lg bg-slate-100 px-3 py-2" data-testid="attachment-preview">
          {thumb ? <img src={thumb} alt="" className="size-12 rounded object-cover" /> : <DocumentIcon className="size-10 text-blue-700" />}
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-900">{file.name}</p>
            <p className="text-xs text-slate-500">
              {formatBytes(file.size)} · {t("chat.captionHint")}
            </p>
          </div>
          <button
            type="button"
            onClick={() => setFile(null)}
            className="rounded-full p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
            aria-label={t("chat.removeAttachment")}
          >
            <CloseIcon />
          </button>
        </div>
      )}
      <div className="flex items-end gap-1.5">
        <input
          ref={fileRef}
          type="file"
          accept={ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-label={t("chat.attach")}
          data-testid="attach-input"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) setFile(chosen);
            event.target.value = "";
            textRef.current?.focus();
          }}
        />
        <button
          type="button"
          onClick={() => fileRef.current?.click()}
          disabled={!hydrated}
          className="grid size-10 shrink-0 place-items-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50"
          aria-label={t("chat.attach")}
          title={t("chat.attach")}
          data-testid="attach-button"
        >
          <PaperclipIcon />
        </button>
        <label htmlFor={inputId} className="sr-only">
          {file ? t("chat.caption") : t("chat.message")}
        </label>
        <textarea
          id={inputId}
          ref={textRef}
          rows={1}
          value={text}
          placeholder={file ? t("chat.addCaption") : t("chat.typeMessage")}
          data-testid="composer-input"
          className="max-h-40 min-h-10 flex-1 resize-none rounded-2xl border-0 bg-slate-100 px-4 py-2.5 text-sm leading-5 text-slate-900 placeholder:text-slate-500 focus:bg-surface focus:ring-2 focus:ring-blue-600 focus:outline-none"
          onChange={(event) => {
            setText(event.target.value);
            onTyping(event.target.value.length > 0);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
          onPaste={(event) => {
            const pasted = event.clipboardData.files?.[0];
            if (pasted) {
              event.preventDefault();
              setFile(pasted);
            }
          }}
          onBlur={() => onTyping(false)}
        />
        <button
          type="button"
          onClick={submit}
          disabled={!canSend}
          className="grid size-10 shrink-0 place-items-center rounded-full bg-blue-600 text-white shadow-sm hover:bg-blue-700 dark:hover:bg-[oklch(48.8%_0.243_264.376)] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:bg-slate-300"
          aria-label={t("chat.send")}
          title={t("chat.send")}
          data-testid="send-button"
        >
          <SendIcon />
        </button>
      </div>
    </div>
  );
}
