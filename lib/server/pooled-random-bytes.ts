// Random bytes for the hot path's small draws (row ids, credential IVs), taken from a block filled
// once per 4 KiB instead of one `crypto.randomBytes` call per draw.
//
// Why (issue 10): every `randomBytes(n)` call makes a native job object, and while any
// AsyncLocalStorage is active (Next.js keeps several) each one also runs the async-hook callbacks.
// A sent message drew random bytes four or five times (its row ids, the sealed Signal session's
// IV): ~50 ms of CPU in a 300-message profile. Node's own `crypto.randomUUID()` caches its random
// bytes the same way. The bytes are the same CSPRNG output either way, and no byte is handed out
// twice: each block is a new buffer, and a draw never spans two blocks.
import { randomBytes, randomFillSync } from "node:crypto";

const BLOCK = 4096;
let block = Buffer.alloc(0);
let offset = 0;

/** `size` fresh random bytes (a view on this process's current block; the caller may keep it). */
export function pooledRandomBytes(size: number): Buffer {
  if (size > BLOCK / 4) return randomBytes(size);
  if (offset + size > block.length) {
    block = randomFillSync(Buffer.allocUnsafeSlow(BLOCK));
    offset = 0;
  }
  const bytes = block.subarray(offset, offset + size);
  offset += size;
  return bytes;
}
