// One WebSocket from a companion (a Baileys client): Noise handshake, then either the
// QR/pairing-code registration or a login with stored credentials, then stanza routing
// into the network. Faults are injected here because they are per-connection.
import { randomBytes } from "node:crypto";
import { decodeBinaryNode, encodeBinaryNode, type BinaryNode } from "@whiskeysockets/baileys";
import type { WebSocket } from "ws";
import type { CompanionDevice } from "./accounts";
import { NoiseServerSession } from "./noise-server";
import type { WaNetwork } from "./network";

/** What a connection needs of the network: its keys, and where to hand handshakes and stanzas. */
type ConnectionNetwork = Pick<WaNetwork, "serverStatic" | "certChain" | "reportError" | "emit" | "onHandshake" | "onCompanionNode" | "onConnectionClosed">;

export type FaultKind = "drop" | "logout" | "conflict" | "restart" | "stall-iq";

export interface PendingRegistration {
  noiseKey: Buffer;
  identityKey: Buffer;
  registrationId: number;
  signedPreKey: { keyId: number; publicKey: Buffer; signature: Buffer };
  platform: string;
  refs: string[];
  /** Set once requestPairingCode was called on this connection. */
  linkCode?: { wrappedCompanionEphemeral: Buffer; jid: string; ref: string };
}

export class CompanionConnection {
  private noise: NoiseServerSession;
  private stage: "hello" | "finish" | "open" = "hello";
  private closed = false;
  private chain: Promise<void> = Promise.resolve();
  private waiters = new Map<string, (node: BinaryNode) => void>();
  registration?: PendingRegistration;
  device?: CompanionDevice;
  /** While set, iq requests get no answer (the 'stall-iq' fault). */
  stallIqs = false;
  private nextId = 1;

  constructor(
    private readonly ws: WebSocket,
    private readonly network: ConnectionNetwork,
  ) {
    this.noise = new NoiseServerSession(network.serverStatic);
    ws.on("message", (data: Buffer) => {
      // Frames must be handled strictly in order: Noise counters and stanza order depend on it.
      this.chain = this.chain.then(() => this.onData(data)).catch((err) => this.network.reportError(err, { connection: this }));
    });
    ws.on("close", () => this.onClosed());
    ws.on("error", () => this.onClosed());
  }

  get isOpen() {
    return !this.closed && this.stage === "open";
  }

  private async onData(data: Buffer) {
    for (const frame of this.noise.push(data)) {
      if (this.closed) return;
      if (this.stage === "hello") {
        this.ws.send(this.noise.serverHello(frame, (pub) => this.network.certChain(pub)));
        this.stage = "finish";
      } else if (this.stage === "finish") {
        const { clientStaticPublic, payload } = this.noise.clientFinish(frame);
        this.stage = "open";
        await this.network.onHandshake(this, clientStaticPublic, payload);
      } else {
        const node = await decodeBinaryNode(frame);
        await this.onNode(node);
      }
    }
  }

  private async onNode(node: BinaryNode) {
    this.network.emit("stanza", { direction: "in", node, connection: this });
    const waiter = node.attrs.id ? this.waiters.get(node.attrs.id) : undefined;
    if (waiter && node.tag === "iq" && (node.attrs.type === "result" || node.attrs.type === "error")) {
      this.waiters.delete(node.attrs.id!);
      waiter(node);
      return;
    }
    if (node.tag === "iq" && (node.attrs.type === "result" || node.attrs.type === "error")) return;
    if (node.tag === "iq" && this.stallIqs) return;
    await this.network.onCompanionNode(this, node);
  }

  send(node: BinaryNode) {
    if (this.closed) return;
    this.network.emit("stanza", { direction: "out", node, connection: this });
    this.ws.send(this.noise.frame(encodeBinaryNode(node)));
  }

  /** Sends an iq from the server and resolves with the client's answer. */
  request(node: BinaryNode): Promise<BinaryNode> {
    const id = node.attrs.id ?? this.generateId();
    node.attrs.id = id;
    return new Promise((resolve) => {
      this.waiters.set(id, resolve);
      this.send(node);
    });
  }

  generateId() {
    return `${randomBytes(4).toString("hex")}.${this.nextId++}`;
  }

  reply(request: BinaryNode, content?: BinaryNode[], attrs: Record<string, string> = {}) {
    this.send({
      tag: "iq",
      attrs: { id: request.attrs.id!, type: "result", from: request.attrs.to ?? "s.whatsapp.net", ...attrs },
      content,
    });
  }

  replyError(request: BinaryNode, code: number, text: string) {
    this.send({
      tag: "iq",
      attrs: { id: request.attrs.id!, type: "error", from: request.attrs.to ?? "s.whatsapp.net" },
      content: [{ tag: "error", attrs: { code: String(code), text } }],
    });
  }

  /** Ends the stream the way the server does (stream:error), then closes the socket. */
  streamError(attrs: Record<string, string>, content?: BinaryNode[]) {
    this.send({ tag: "stream:error", attrs, content });
    this.close();
  }

  failure(reason: number) {
    this.send({ tag: "failure", attrs: { reason: String(reason), location: "emulator" } });
    this.close();
  }

  inject(fault: FaultKind) {
    switch (fault) {
      case "drop":
        // No closing handshake: the client sees the TCP connection vanish.
        this.closed = true;
        this.ws.terminate();
        break;
      case "logout":
        this.streamError({ code: "401" }, [{ tag: "conflict", attrs: { type: "device_removed" } }]);
        break;
      case "conflict":
        this.streamError({}, [{ tag: "conflict", attrs: { type: "replaced" } }]);
        break;
      case "restart":
        this.streamError({ code: "515" });
        break;
      case "stall-iq":
        this.stallIqs = true;
        break;
    }
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    // Let the stream:error frame flush before the close frame.
    setImmediate(() => this.ws.close());
    this.onClosed();
  }

  private onClosed() {
    this.closed = true;
    this.network.onConnectionClosed(this);
  }
}
