// Binary data in the emulator's saved state is base64 so the state is plain JSON.
import type { CurveKeyPair } from "./noise-certificates";

export interface KeyPairJson {
  public: string;
  private: string;
}

export const b64 = (data: Uint8Array) => Buffer.from(data).toString("base64");
export const fromB64 = (data: string) => Buffer.from(data, "base64");

export const keyPairToJson = (pair: CurveKeyPair): KeyPairJson => ({
  public: b64(pair.public),
  private: b64(pair.private),
});

export const keyPairFromJson = (pair: KeyPairJson): CurveKeyPair => ({
  public: fromB64(pair.public),
  private: fromB64(pair.private),
});
