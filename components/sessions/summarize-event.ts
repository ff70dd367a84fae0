// One line per session event for the live log ("message from Echo Bot (+15550100001): hi"). Pure:
// the payload is whatever the gateway published (see lib/whatsapp/store/handle-store-events.ts).
type Data = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);

/** "15550100001@s.whatsapp.net" → "+15550100001"; groups and other jids stay as they are. */
export function shortJid(jid: unknown): string {
  const value = str(jid);
  if (!value) return "someone";
  const [user, server] = value.split("@");
  if (server === "s.whatsapp.net" || server === "c.us") return `+${user.split(":")[0]}`;
  if (server === "g.us") return `group ${user}`;
  return value;
}

function clip(text: string, max = 140): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function content(data: Data): string {
  const text = str(data.text);
  const type = str(data.type);
  if (text) return type && type !== "TEXT" ? `[${type.toLowerCase()}] ${text}` : text;
  return type ? `[${type.toLowerCase()}]` : "[message]";
}

function sender(data: Data): string {
  // The first non-empty one: in a 1:1 chat Baileys leaves `participant` (and so `from`) as "".
  const who = shortJid([data.participant, data.from, data.remoteJid].find((v) => str(v)));
  const name = str(data.pushName);
  return name ? `${name} (${who})` : who;
}

export function summarizeEvent(event: string, data: Data): string {
  switch (event) {
    case "connection.update": {
      const reason = str(data.reason);
      return `${str(data.status) ?? "?"}${reason ? ` – ${reason}` : ""}`;
    }
    case "qr":
      return "new QR code to scan";
    case "logged.out":
      return `logged out${str(data.reason) ? ` – ${data.reason}` : ""}`;
    case "message":
      return clip(`from ${sender(data)}: ${content(data)}`);
    case "message.sent":
      return clip(`to ${shortJid(data.remoteJid)}: ${content(data)}`);
    case "message.update":
      return `${str(data.id) ?? "message"} → ${str(data.status)?.toLowerCase() ?? "updated"}${data.participant ? ` by ${shortJid(data.participant)}` : ""}`;
    case "message.reaction": {
      const reaction = str(data.reaction);
      const who = data.fromMe ? "you" : sender(data);
      return reaction ? `${who} reacted ${reaction} to ${str(data.targetId) ?? "a message"}` : `${who} removed a reaction`;
    }
    case "message.revoke": {
      const kept = data.kept && str(data.content) ? `; kept: ${str(data.content)}` : "";
      return clip(`${data.fromMe ? "you" : shortJid(data.remoteJid)} deleted ${str(data.id) ?? "a message"} for everyone${kept}`);
    }
    case "chat.upsert":
    case "chat.update":
    case "chat.delete": {
      const name = str(data.name);
      const extra = Object.keys(data).filter((k) => k !== "jid" && k !== "name");
      return `${shortJid(data.jid)}${name ? ` (${name})` : ""}${extra.length ? ` – ${extra.map((k) => `${k}: ${String(data[k])}`).join(", ")}` : ""}`;
    }
    case "contact.update": {
      const name = str(data.name) ?? str(data.notify);
      return `${shortJid(data.jid)}${name ? ` is ${name}` : ""}${data.imgUrl ? " (picture changed)" : ""}`;
    }
    case "presence.update": {
      const presences = (data.presences ?? {}) as Record<string, { lastKnownPresence?: string }>;
      const states = Object.values(presences)
        .map((p) => p?.lastKnownPresence)
        .filter(Boolean);
      return `${shortJid(data.jid)} is ${states.length ? states.join(", ") : "present"}`;
    }
    case "group.upsert":
    case "group.update":
      return clip(`${shortJid(data.jid)}${str(data.subject) ? `: ${data.subject}` : ""}`);
    case "group.participants": {
      const people = Array.isArray(data.participants) ? data.participants.map((p) => shortJid(typeof p === "string" ? p : (p as Data)?.id)) : [];
      return clip(`${shortJid(data.jid)}: ${str(data.action) ?? "changed"} ${people.join(", ")}`);
    }
    case "call":
      return `${data.isVideo ? "video" : "voice"} call from ${shortJid(data.from)}: ${str(data.status) ?? "?"}`;
    case "history.sync":
      return `${Number(data.chats ?? 0)} chats, ${Number(data.contacts ?? 0)} contacts, ${Number(data.messages ?? 0)} messages`;
    case "profile.picture.restored":
      return `profile picture restored from ${str(data.url) ?? "the fallback URL"}`;
    default:
      return clip(compactJson(data));
  }
}

/** JSON for a human: byte arrays and buffers become "[n bytes]" instead of long lists of numbers. */
export function compactJson(data: unknown, space?: number): string {
  return (
    JSON.stringify(
      data,
      (_key, value: unknown) => {
        if (value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
        if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
        if (value && typeof value === "object" && (value as { type?: unknown }).type === "Buffer" && Array.isArray((value as { data?: unknown }).data)) {
          return `[${(value as { data: unknown[] }).data.length} bytes]`;
        }
        return value;
      },
      space,
    ) ?? ""
  );
}
