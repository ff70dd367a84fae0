"use client";

import { useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import { checkNumber } from "@/components/chat/chat-api";
import { looksLikePhone, normalizeJid } from "@/components/chat/chat-format";
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
      setError("Enter a phone number with its country code, for example +1 555 010 0001.");
      return;
    }
    if (!connected) {
      const jid = offlineJid(phone);
      if (!jid) {
        setError("While the session is offline, write the number in international form (with + and the country code).");
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
        setError("This number is not on WhatsApp.");
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
    <Dialog open={open} onClose={close} title="New chat" description="Start a conversation with any WhatsApp number." data-testid="new-chat-dialog">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field
          label="Phone number"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          required
          autoFocus
          placeholder="+1 555 010 0001"
          hint="International format, with the country code."
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" pending={pending} data-testid="start-chat">
            Start chat
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
