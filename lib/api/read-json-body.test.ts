import { describe, expect, it } from "vitest";
import { attachEagerBody } from "@/lib/api/eager-body";
import { readJsonBody } from "@/lib/api/read-json-body";

/** A request whose body arrives in `chunks`, without a Content-Length (as a chunked upload does). */
function streamed(chunks: string[], onPull?: () => void, headers: Record<string, string> = {}): Request {
  let i = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        onPull?.();
        if (i < chunks.length) controller.enqueue(new TextEncoder().encode(chunks[i++]));
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  ); // pulled only when read
  return new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readJsonBody", () => {
  it("parses a body within the limit, streamed or not; an empty body is {}", async () => {
    expect(await readJsonBody(streamed(['{"a":', '"héllo"}']), 100)).toEqual({ a: "héllo" });
    expect(await readJsonBody(new Request("http://localhost/", { method: "POST", body: "\uFEFF[1,2]" }), 100)).toEqual([1, 2]);
    expect(await readJsonBody(new Request("http://localhost/", { method: "POST" }), 100)).toEqual({});
  });

  it("refuses a declared Content-Length over the limit before reading a byte (413)", async () => {
    let pulled = 0;
    const declared = streamed(['{"a":1}'], () => pulled++, { "content-length": "101" });
    await expect(readJsonBody(declared, 100)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "Request body is larger than the limit of 100 bytes",
    });
    expect(pulled).toBe(0);
  });

  it("cuts off a body that passes the limit without declaring it, and reads no further (413)", async () => {
    let pulled = 0;
    const chunk = "x".repeat(40);
    await expect(
      readJsonBody(
        streamed(Array(1000).fill(chunk), () => pulled++),
        100,
      ),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // 3 chunks reach 120 bytes; the stream is cancelled there, not drained (a pull may be in flight).
    expect(pulled).toBeLessThan(6);
  });

  it("a body cut off by the client is a 400, not a failure of the gateway", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.error(new Error("aborted"));
      },
    });
    const req = new Request("http://localhost/", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readJsonBody(req, 100)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Request body was cut off before its end" });
  });

  it("takes a body the server read beforehand (a route served directly), under the same limit", async () => {
    // Built without a body, as lib/server/serve-route-directly.ts builds it; the bytes go beside it.
    const eager = (body: string) => {
      const req = new Request("http://localhost/api/x", { method: "POST" });
      attachEagerBody(req, Buffer.from(body));
      return req;
    };
    expect(await readJsonBody(eager('{"a":"héllo"}'), 100)).toEqual({ a: "héllo" });
    await expect(readJsonBody(eager(`{"a":"${"x".repeat(100)}"}`), 100)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "Request body is larger than the limit of 100 bytes",
    });
    await expect(readJsonBody(eager('{"a":'), 100)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
