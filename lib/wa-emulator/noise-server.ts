// Server half of WhatsApp Web's Noise_XX_25519_AESGCM_SHA256 handshake and the framed,
// encrypted transport that follows it (mirror image of Baileys' Utils/noise-handler.js).
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from "node:crypto";
import { Curve, NOISE_MODE, proto } from "@whiskeysockets/baileys";
import type { CurveKeyPair } from "./noise-certificates";

const INTRO_HEADER_LENGTH = 4;
const ROUTED_INTRO_PREFIX = Buffer.from("ED");

function gcm(encrypt: boolean, key: Uint8Array, counter: number, aad: Uint8Array, data: Uint8Array): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(counter, 8);
  if (encrypt) {
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(aad);
    return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  }
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
}

function hkdf64(ikm: Uint8Array, salt: Uint8Array): [Buffer, Buffer] {
  const out = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.alloc(0), 64));
  return [out.subarray(0, 32), out.subarray(32)];
}

export interface HandshakeResult {
  clientStaticPublic: Buffer;
  payload: proto.ClientPayload;
}

/**
 * One connection's Noise state. Feed it raw WebSocket bytes with `push`; it yields whole
 * frames (handshake protobufs before `finish`, decrypted node bytes after).
 */
export class NoiseServerSession {
  private hash: Buffer;
  private salt: Buffer;
  private key: Buffer;
  private counter = 0;
  private introSeen = false;
  private inBytes: Buffer = Buffer.alloc(0);
  private ephemeral: CurveKeyPair = Curve.generateKeyPair();
  private transport?: { enc: Buffer; dec: Buffer; readCounter: number; writeCounter: number };

  constructor(private readonly serverStatic: CurveKeyPair) {
    const mode = Buffer.from(NOISE_MODE);
    this.hash = mode.length === 32 ? mode : createHash("sha256").update(mode).digest();
    this.salt = this.hash;
    this.key = this.hash;
  }

  /** Splits incoming bytes into frames; the first chunk starts with the intro header. */
  push(data: Uint8Array): Buffer[] {
    this.inBytes = Buffer.concat([this.inBytes, data]);
    if (!this.introSeen) {
      let offset = 0;
      if (this.inBytes.subarray(0, 2).equals(ROUTED_INTRO_PREFIX)) {
        if (this.inBytes.length < 7) return [];
        const routingLength = (this.inBytes[4]! << 16) | this.inBytes.readUInt16BE(5);
        offset = 7 + routingLength;
      }
      if (this.inBytes.length < offset + INTRO_HEADER_LENGTH) return [];
      this.authenticate(this.inBytes.subarray(offset, offset + INTRO_HEADER_LENGTH));
      this.inBytes = this.inBytes.subarray(offset + INTRO_HEADER_LENGTH);
      this.introSeen = true;
    }
    const frames: Buffer[] = [];
    while (this.inBytes.length >= 3) {
      const size = (this.inBytes[0]! << 16) | (this.inBytes[1]! << 8) | this.inBytes[2]!;
      if (this.inBytes.length < size + 3) break;
      let frame: Buffer = Buffer.from(this.inBytes.subarray(3, size + 3));
      this.inBytes = this.inBytes.subarray(size + 3);
      if (this.transport) {
        frame = gcm(false, this.transport.dec, this.transport.readCounter++, Buffer.alloc(0), frame);
      }
      frames.push(frame);
    }
    return frames;
  }

  /** Answers the client hello with our ephemeral, encrypted static key and certificate chain. */
  serverHello(clientHelloFrame: Uint8Array, certChain: (staticPublic: Uint8Array) => Uint8Array): Buffer {
    const hello = proto.HandshakeMessage.decode(clientHelloFrame);
    const clientEphemeral = hello.clientHello?.ephemeral;
    if (!clientEphemeral) throw new Error("client hello without ephemeral key");
    this.clientEphemeral = Buffer.from(clientEphemeral);
    this.authenticate(this.clientEphemeral);
    this.authenticate(this.ephemeral.public);
    this.mixKey(Curve.sharedKey(this.ephemeral.private, this.clientEphemeral));
    const staticEnc = this.encryptHandshake(this.serverStatic.public);
    this.mixKey(Curve.sharedKey(this.serverStatic.private, this.clientEphemeral));
    const payloadEnc = this.encryptHandshake(certChain(this.serverStatic.public));
    const reply = proto.HandshakeMessage.encode({
      serverHello: { ephemeral: this.ephemeral.public, static: staticEnc, payload: payloadEnc },
    }).finish();
    return this.frame(reply);
  }

  private clientEphemeral?: Buffer;

  /** Reads the client finish, derives transport keys and returns the login/registration payload. */
  clientFinish(frame: Uint8Array): HandshakeResult {
    const finish = proto.HandshakeMessage.decode(frame).clientFinish;
    if (!finish?.static || !finish.payload) throw new Error("client finish incomplete");
    const clientStaticPublic = this.decryptHandshake(finish.static);
    this.mixKey(Curve.sharedKey(this.ephemeral.private, clientStaticPublic));
    const payload = proto.ClientPayload.decode(this.decryptHandshake(finish.payload));
    const [clientWrite, clientRead] = hkdf64(Buffer.alloc(0), this.salt);
    this.transport = { enc: clientRead, dec: clientWrite, readCounter: 0, writeCounter: 0 };
    return { clientStaticPublic, payload };
  }

  /** Wraps node bytes (already binary-encoded) for the wire. */
  frame(data: Uint8Array): Buffer {
    let body: Buffer = Buffer.from(data);
    if (this.transport) {
      body = gcm(true, this.transport.enc, this.transport.writeCounter++, Buffer.alloc(0), body);
    }
    const header = Buffer.from([(body.length >>> 16) & 0xff, (body.length >>> 8) & 0xff, body.length & 0xff]);
    return Buffer.concat([header, body]);
  }

  private authenticate(data: Uint8Array) {
    if (!this.transport) this.hash = createHash("sha256").update(this.hash).update(data).digest();
  }

  private mixKey(dh: Uint8Array) {
    const [write, read] = hkdf64(dh, this.salt);
    this.salt = write;
    this.key = read;
    this.counter = 0;
  }

  private encryptHandshake(plaintext: Uint8Array): Buffer {
    const result = gcm(true, this.key, this.counter++, this.hash, plaintext);
    this.authenticate(result);
    return result;
  }

  private decryptHandshake(ciphertext: Uint8Array): Buffer {
    const result = gcm(false, this.key, this.counter++, this.hash, ciphertext);
    this.authenticate(ciphertext);
    return result;
  }
}
