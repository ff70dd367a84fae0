import QRCode from "qrcode";

// QR codes rotate every ~20 s and are read by every list and status call: render each code once.
const holder = globalThis as unknown as { __wagateQrCache?: Map<string, Promise<Buffer>> };
const cache = (holder.__wagateQrCache ??= new Map());

export function qrPng(qr: string): Promise<Buffer> {
  let png = cache.get(qr);
  if (!png) {
    png = QRCode.toBuffer(qr, { type: "png", margin: 2, width: 320, errorCorrectionLevel: "M" });
    cache.set(qr, png);
    if (cache.size > 500) cache.delete(cache.keys().next().value!);
  }
  return png;
}

export async function qrDataUrl(qr: string | null): Promise<string | null> {
  return qr ? `data:image/png;base64,${(await qrPng(qr)).toString("base64")}` : null;
}
