// Turns the simple content an emulated contact sends into WhatsApp protos, uploading and
// encrypting media the way the real app does.
import { randomBytes } from "node:crypto";
import { proto, type MediaType } from "@whiskeysockets/baileys";
import { encryptMedia } from "./media-crypto";
import type { MediaHost } from "./media-host";
import { encryptPollVote } from "./poll-votes";

/** A message key from the sending contact's point of view. */
export interface ContentKey {
  id: string;
  /** True when the referenced message was sent by this contact. */
  fromMe: boolean;
  /** Sender of the referenced message, for group chats. */
  participant?: string;
}

type MediaFields = { mimetype?: string; caption?: string; fileName?: string };

export type ContactContent =
  | string
  | { text: string; quoted?: ContentKey & { message?: proto.IMessage } }
  | ({ image: Uint8Array } & MediaFields)
  | ({ video: Uint8Array } & MediaFields)
  | ({ audio: Uint8Array; ptt?: boolean } & MediaFields)
  | ({ sticker: Uint8Array } & MediaFields)
  | ({ document: Uint8Array } & MediaFields)
  | { location: { degreesLatitude: number; degreesLongitude: number; name?: string; address?: string } }
  | { contact: { displayName: string; vcard: string } }
  | { poll: { name: string; values: string[]; selectableCount?: number } }
  /**
   * A vote in a poll this phone received or sent. WhatsApp derives the vote's key from the user
   * jids of the poll's creator and of the voter; clients have used both their LID and their PN
   * form during the LID migration (receivers try both). The emulator uses LIDs unless
   * `keyJids: 'pn'`.
   */
  | { pollVote: { poll: ContentKey; options: string[]; keyJids?: "lid" | "pn" } }
  | { react: { key: ContentKey; text: string } }
  | { edit: { key: ContentKey; text: string } }
  | { revoke: ContentKey }
  | { proto: proto.IMessage };

const MEDIA_KINDS = ["image", "video", "audio", "sticker", "document"] as const;
const DEFAULT_MIME: Record<(typeof MEDIA_KINDS)[number], string> = {
  image: "image/jpeg",
  video: "video/mp4",
  audio: "audio/ogg; codecs=opus",
  sticker: "image/webp",
  document: "application/octet-stream",
};

export interface BuiltContent {
  message: proto.IMessage;
  /** The stanza's edit attribute (1 = edit, 7 = revoke), when the content needs one. */
  edit?: string;
}

interface UserJids {
  pnJid: string;
  lidJid: string;
}

/** What a vote needs to know about the voting phone's polls. */
export interface PollLookup {
  voter: UserJids;
  /** The poll creation message with this id, as the voting phone holds it, and its creator. */
  find(id: string): { message: proto.IMessage; creator: UserJids } | undefined;
}

export async function buildContactMessage(content: ContactContent, chatJid: string, media: MediaHost, polls?: PollLookup): Promise<BuiltContent> {
  if (typeof content === "string") return { message: { conversation: content } };
  if ("proto" in content) return { message: content.proto };
  if ("text" in content) {
    if (!content.quoted) return { message: { conversation: content.text } };
    return {
      message: {
        extendedTextMessage: {
          text: content.text,
          contextInfo: {
            stanzaId: content.quoted.id,
            participant: content.quoted.participant ?? chatJid,
            quotedMessage: content.quoted.message ?? { conversation: "" },
          },
        },
      },
    };
  }
  for (const kind of MEDIA_KINDS) {
    if (kind in content) {
      const fields = content as MediaFields & Record<string, unknown>;
      const bytes = fields[kind] as Uint8Array;
      const mediaType: MediaType = kind;
      const encrypted = await encryptMedia(bytes, mediaType);
      const directPath = media.store(encrypted.body);
      const common = {
        url: media.urlFor(directPath),
        directPath,
        mediaKey: encrypted.mediaKey,
        mediaKeyTimestamp: Math.floor(Date.now() / 1000),
        fileSha256: encrypted.fileSha256,
        fileEncSha256: encrypted.fileEncSha256,
        fileLength: encrypted.fileLength,
        mimetype: fields.mimetype ?? DEFAULT_MIME[kind],
      };
      switch (kind) {
        case "image":
          return { message: { imageMessage: { ...common, caption: fields.caption } } };
        case "video":
          return { message: { videoMessage: { ...common, caption: fields.caption } } };
        case "audio":
          return { message: { audioMessage: { ...common, ptt: !!(content as { ptt?: boolean }).ptt } } };
        case "sticker":
          return { message: { stickerMessage: common } };
        case "document":
          return { message: { documentMessage: { ...common, fileName: fields.fileName ?? "file", caption: fields.caption } } };
      }
    }
  }
  if ("location" in content) return { message: { locationMessage: content.location } };
  if ("contact" in content) return { message: { contactMessage: content.contact } };
  if ("poll" in content) {
    return {
      message: {
        pollCreationMessageV3: {
          name: content.poll.name,
          options: content.poll.values.map((optionName) => ({ optionName })),
          selectableOptionsCount: content.poll.selectableCount ?? 0,
        },
        messageContextInfo: { messageSecret: randomBytes(32) },
      },
    };
  }
  const keyOf = (key: ContentKey): proto.IMessageKey => ({
    remoteJid: chatJid,
    fromMe: key.fromMe,
    id: key.id,
    ...(key.participant ? { participant: key.participant } : {}),
  });
  if ("pollVote" in content) {
    const { poll: key, options, keyJids = "lid" } = content.pollVote;
    const found = polls?.find(key.id);
    const creation = found && (found.message.pollCreationMessageV3 ?? found.message.pollCreationMessage ?? found.message.pollCreationMessageV2);
    const secret = found?.message.messageContextInfo?.messageSecret;
    if (!found || !creation || !secret) throw new Error(`the voting phone holds no poll ${key.id}`);
    const known = (creation.options ?? []).map((o) => o.optionName);
    const unknown = options.filter((o) => !known.includes(o));
    if (unknown.length) throw new Error(`poll ${key.id} has no option ${unknown.map((o) => `"${o}"`).join(", ")}`);
    const form = (jids: UserJids) => (keyJids === "pn" ? jids.pnJid : jids.lidJid);
    const vote = encryptPollVote(options, {
      pollSecret: secret,
      pollMessageId: key.id,
      pollCreatorJid: form(found.creator),
      voterJid: form(polls!.voter),
    });
    return { message: { pollUpdateMessage: { pollCreationMessageKey: keyOf(key), vote, senderTimestampMs: Date.now() } } };
  }
  if ("react" in content) {
    return { message: { reactionMessage: { key: keyOf(content.react.key), text: content.react.text, senderTimestampMs: Date.now() } } };
  }
  if ("edit" in content) {
    return {
      edit: "1",
      message: {
        protocolMessage: {
          key: keyOf(content.edit.key),
          type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
          editedMessage: { conversation: content.edit.text },
          timestampMs: Date.now(),
        },
      },
    };
  }
  if (!("revoke" in content)) throw new Error("unsupported contact content");
  return {
    edit: "7",
    message: { protocolMessage: { key: keyOf(content.revoke), type: proto.Message.ProtocolMessage.Type.REVOKE } },
  };
}
