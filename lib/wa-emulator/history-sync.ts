// A minimal initial history sync. On its first connection Baileys waits up to 20 s for the
// phone to push one; sending a small inline bootstrap makes a fresh pairing open at once.
import { promisify } from "node:util";
import { deflate } from "node:zlib";
import { proto } from "@whiskeysockets/baileys";

const deflateAsync = promisify(deflate);

export async function buildInitialHistorySync(ownPnJid: string, ownName: string): Promise<proto.IMessage> {
  const history = proto.HistorySync.encode({
    syncType: proto.HistorySync.HistorySyncType.INITIAL_BOOTSTRAP,
    conversations: [],
    pushnames: [{ id: ownPnJid, pushname: ownName }],
    progress: 100,
    chunkOrder: 0,
  }).finish();
  return {
    protocolMessage: {
      type: proto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION,
      historySyncNotification: {
        syncType: proto.HistorySync.HistorySyncType.INITIAL_BOOTSTRAP,
        chunkOrder: 0,
        progress: 100,
        initialHistBootstrapInlinePayload: await deflateAsync(history),
      },
    },
  };
}
