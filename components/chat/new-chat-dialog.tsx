"use client";

import { useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import { checkNumber } from "@/components/chat/chat-api";
import { looksLikePhone, normalizeJid } from "@/components/chat/chat-format";
import { useT } from "@/components/shell/i18n";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";

interface NewChatDialogProps {
  open: boolean;
  onClose: () => void;
  sessionId: string;
  connected: boolean;
  onOpenChat: (jid: string) => void;
}

/** The JID of a number written in international form, without asking WhatsApp (session offline). */
function offlineJid(input: string): string | null {
  const value = input.trim();
  if (value.includes("@")) return normalizeJid(value);
  if (/^0(?!0)/.test(value)) return null; // a local number: only the gateway knows its country
  const digits = value.replace(/\D/g, "").replace(/^00/, "");
  return digits.length >= 7 && digits.length <= 15 ? `${digits}@s.whatsapp.net` : null;
}

/** Starts a chat with a phone number: WhatsApp is asked whether the number exists first. */
export function NewChatDialog({ open, onClose, sessionId, connected, onOpenChat }: NewChatDialogProps) {
  const t = useT();
  const [phone, setPhone] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    setPhone("");
    setError(null);
    onClose();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    if (!looksLikePhone(phone)) {
      setError(t("chat.phoneInvalid"));
      return;
    }
    if (!connected) {
      const jid = offlineJid(phone);
      if (!jid) {
        setError(t("chat.phoneOffline"));
        return;
      }
      onOpenChat(jid);
      close();
      return;
    }
    setPending(true);
    try {
      const result = await checkNumber(sessionId, phone);
      if (!result.exists || !result.jid) {
        setError(t("chat.notOnWhatsApp"));
        return;
      }
      onOpenChat(normalizeJid(result.jid));
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onClose={close} title={t("chat.newChat")} description={t("chat.newChatDescription")} data-testid="new-chat-dialog">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field
          label={t("chat.phone")}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          required
          autoFocus
          placeholder="+1 555 010 0001"
          hint={t("chat.phoneHint")}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={pending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" pending={pending} data-testid="start-chat">
            {t("chat.startChat")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
