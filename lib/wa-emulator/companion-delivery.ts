// Handing stanzas to companions: sent at once on an open connection, otherwise queued on the
// device until it logs in again (as WhatsApp's offline queue does).
import { encodeBinaryNode, type BinaryNode } from "@whiskeysockets/baileys";
import type { CompanionDevice, EmulatedAccount } from "./accounts";
import type { SessionSetupOrder } from "./session-setup";
import { b64 } from "./state-encoding";

export class CompanionDelivery {
  constructor(private readonly sessionSetup: SessionSetupOrder) {}

  /** Sends a stanza to a companion, or queues it until the companion logs in again. */
  deliverToCompanion(device: CompanionDevice, node: BinaryNode, fromPhone?: EmulatedAccount) {
    if (fromPhone && node.tag === "message") this.sessionSetup.delivered(fromPhone, device, node.attrs.id);
    const connection = device.connection;
    if (connection?.isOpen) connection.send(node);
    else device.state.pending.push(b64(encodeBinaryNode(node)));
  }

  /** Every linked companion of an account (queued for those offline), except one device. */
  deliverToCompanionsOf(account: EmulatedAccount, node: BinaryNode, except?: number) {
    for (const device of account.companions.values()) {
      if (device.deviceId !== except) this.deliverToCompanion(device, structuredClone(node));
    }
  }

  /** Only the companions online now: for what is stale later (presence, typing, pictures). */
  sendToOnlineCompanions(account: EmulatedAccount, node: BinaryNode) {
    for (const device of account.companions.values()) {
      if (device.connection?.isOpen) device.connection.send(structuredClone(node));
    }
  }
}
