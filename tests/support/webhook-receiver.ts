// A webhook receiver on loopback that records what it gets and answers as told, for the webhook
// tests and benchmarks.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import { until } from "./wait";

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; event: string; sessionId: string; timestamp: string; metadata: Record<string, unknown>; data: Record<string, any> };
  at: number;
}

export interface Answer {
  status?: number;
  body?: string;
  contentType?: string;
  /** Keep the request open until this resolves (a slow or hanging receiver). */
  hold?: Promise<void>;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How the next requests are answered (default 200 "ok"). */
  answer: (req: Received) => Answer | Promise<Answer>;
  /** Requests whose answer has been sent. */
  answered(): number;
  /** Resolves once `predicate` holds for what was received. */
  waitFor(predicate: (received: Received[]) => boolean, what: string, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let answered = 0;
  const open = new Set<ServerResponse>();
  const receiver: Receiver = {
    url: "",
    received: [],
    answer: () => ({ status: 200, body: "" }),
    answered: () => answered,
    waitFor: (predicate, what, timeoutMs = 30_000) =>
      until(
        () => receiver.received,
        predicate,
        () =>
          `${what} at the receiver; got ${receiver.received.length}: ${receiver.received.map((r) => `${r.body?.event}:${r.body?.data?.text ?? ""}`).join(", ")}`,
        timeoutMs,
        50,
      ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: Received["body"];
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined as never;
      }
      const entry: Received = { headers: req.headers, raw, body, at: Date.now() };
      receiver.received.push(entry);
      const answer = await receiver.answer(entry);
      if (answer.hold) await answer.hold;
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { "Content-Type": answer.contentType ?? "text/plain" });
      res.end(answer.body ?? "");
      answered++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
  return receiver;
}

/** Ultimate WhatsApp Gateway's verification snippet, as its README gives it. */
export function verifyWebhook(body: unknown, signature: string, secret: string): boolean {
  const expected = "sha256=" + createHmac("sha256", secret).update(JSON.stringify(body)).digest("hex");
  return signature === expected;
}

/** The texts of the received deliveries of one event. */
export const messageTexts = (received: Received[], event = "message.received") =>
  received.filter((r) => r.body?.event === event).map((r) => r.body.data.text as string);
