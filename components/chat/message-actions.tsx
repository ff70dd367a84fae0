"use client";
// The "⋯" menu beside a message (shown on hover, or after a tap on touch screens like Reply):
// react, edit and delete for everyone (own messages), forward (text) to another number. Each goes
// through POST /api/chat/send with the API's own shapes; the thread updates from the events that
// follow (message.reaction, message.update, message.revoke), so nothing is changed here optimistically.
import { useState } from "react";
import { sendChatMessage } from "@/components/chat/chat-api";
import type { ThreadMessage } from "@/components/chat/chat-types";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Menu, type MenuItem } from "@/components/ui/menu";
import { useT } from "@/components/shell/i18n";
import { useToast } from "@/components/ui/toast";

const QUICK_REACTIONS = ["👍", "❤️", "😂", "🙏"];

export function MessageActions({ message, sessionId, jid }: { message: ThreadMessage; sessionId: string; jid: string }) {
  const t = useT();
  const toast = useToast();
  const [open, setOpen] = useState<"edit" | "delete" | "forward" | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (message.revokedAt || (message.localId && message.keyId === message.localId)) return null;

  async function act(what: string, call: () => Promise<unknown>) {
    setPending(true);
    setError(null);
    try {
      await call();
      setOpen(null);
      toast(what);
    } catch (e) {
      setError(e instanceof Error ? e.message : t("chat.somethingWrong"));
    } finally {
      setPending(false);
    }
  }
  const react = (emoji: string) =>
    void sendChatMessage({ sessionId, jid, message: { react: { key: message.keyId, text: emoji } } }).catch((e) =>
      toast(e instanceof Error ? e.message : t("chat.reactionNotSent"), "error"),
    );

  const text = message.type === "TEXT" ? (message.content ?? "") : "";
  const items: MenuItem[] = [
    ...QUICK_REACTIONS.map((emoji) => ({ label: t("chat.react", { emoji }), onSelect: () => react(emoji), "data-testid": `react-${emoji}` })),
    ...(message.fromMe && message.type === "TEXT" ? [{ label: t("chat.edit"), onSelect: () => setOpen("edit"), "data-testid": "edit-message" }] : []),
    ...(text ? [{ label: t("chat.forward"), onSelect: () => setOpen("forward"), "data-testid": "forward-message" }] : []),
    ...(message.fromMe ? [{ label: t("chat.deleteForEveryone"), onSelect: () => setOpen("delete"), danger: true, "data-testid": "delete-message" }] : []),
  ];

  return (
    <>
      {/* Downwards: inside the scrolling thread an upward menu of the top message would be cut off. */}
      <Menu label={t("chat.messageActions")} items={items} placement="down" data-testid="message-actions" />
      <Dialog open={open === "edit"} onClose={() => setOpen(null)} title={t("chat.editTitle")} data-testid="edit-message-dialog">
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            const next = String(new FormData(event.currentTarget).get("text") ?? "").trim();
            if (!next) return setError(t("chat.newTextRequired"));
            void act(t("chat.edited"), () => sendChatMessage({ sessionId, jid, message: { edit: message.keyId, text: next } }));
          }}
        >
          <Field label={t("chat.newText")} name="text" defaultValue={text} required error={error ?? undefined} autoFocus />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(null)} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={pending} data-testid="save-edit">
              {t("common.save")}
            </Button>
          </div>
        </form>
      </Dialog>
      <Dialog
        open={open === "forward"}
        onClose={() => setOpen(null)}
        title={t("chat.forwardTitle")}
        description={t("chat.forwardDescription")}
        data-testid="forward-dialog"
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            const to = String(new FormData(event.currentTarget).get("to") ?? "").trim();
            if (!to) return setError(t("chat.forwardToRequired"));
            void act(t("chat.forwarded"), () => sendChatMessage({ sessionId, jid: to, message: { text } }));
          }}
        >
          <Field
            label={t("chat.forwardTo")}
            name="to"
            required
            inputMode="tel"
            placeholder="+62 812 3456 7890"
            hint={t("chat.forwardToHint")}
            error={error ?? undefined}
            autoFocus
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(null)} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={pending} data-testid="send-forward">
              {t("chat.forward")}
            </Button>
          </div>
        </form>
      </Dialog>
      <ConfirmDialog
        open={open === "delete"}
        onCancel={() => setOpen(null)}
        onConfirm={() => void act(t("chat.deleted"), () => sendChatMessage({ sessionId, jid, message: { delete: message.keyId } }))}
        title={t("chat.deleteTitle")}
        description={t("chat.deleteDescription")}
        confirmLabel={t("chat.deleteForEveryone")}
        pending={pending}
        error={error}
      />
    </>
  );
}
