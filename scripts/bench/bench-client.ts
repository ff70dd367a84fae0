// What every gateway benchmark does with the gateway it started: call its API, sign up a user with
// an API key, pair sandbox sessions with pacing off and wait until they are CONNECTED, and read
// /metrics (and profile it). One place, so the benchmarks measure the same setup.
import { writeFileSync } from "node:fs";
import { Agent, request, type IncomingHttpHeaders } from "node:http";
import WebSocket from "ws";
import { startTestServer, type TestServer } from "../serve-test.mjs";

/**
 * JSON calls to the gateway at `base` (http://host:port); a non-2xx answer throws with its status
 * and body, and an answer that is not JSON reads as null. Through node:http with kept-alive
 * connections rather than fetch: the client shares the machine's two cores with the gateway and
 * PostgreSQL, and fetch cost it 1.7–1.9 ms of CPU per request against 0.6–1.4 ms this way
 * (compare.ts prints the client's CPU). The ceiling uses it too, for its contacts and its webhooks.
 */
export function benchApi(base: string) {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<{ res: BenchResponse; body: ReturnType<typeof JSON.parse> }>((resolve, reject) => {
      const req = request(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: { "Content-Type": "application/json", ...(payload === undefined ? {} : { "Content-Length": Buffer.byteLength(payload) }), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299) return reject(new Error(`${method} ${path}: ${status} ${text.slice(0, 300)}`));
            try {
              const json = text && res.headers["content-type"]?.includes("json");
              resolve({ res: new BenchResponse(status, res.headers), body: json ? JSON.parse(text) : null });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  };
}

/** The part of a fetch Response the benchmarks read: the status and a header. */
export class BenchResponse {
  constructor(
    readonly status: number,
    private readonly raw: IncomingHttpHeaders,
  ) {}
  readonly headers = {
    get: (name: string): string | null => {
      const value = this.raw[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : String(value);
    },
  };
}

export type BenchApi = ReturnType<typeof benchApi>;

/** A new owner with an API key: the key, and the header that carries it. */
export async function registerBenchUser(api: BenchApi, prefix = "bench"): Promise<{ key: string; auth: { "X-API-Key": string } }> {
  const name = `${prefix}${Date.now().toString(36)}`;
  const registered = await api("POST", "/api/auth/register", { name, email: `${name}@bench.local`, username: name, password: "password-123" });
  const cookie = registered.res.headers.get("set-cookie")!.split(";")[0];
  const key = (await api("POST", "/api/user/api-key", undefined, { Cookie: cookie })).body.apiKey as string;
  return { key, auth: { "X-API-Key": key } };
}

/** Polls each session's status until it is CONNECTED (100 ms apart, `maxPolls` at most each). */
export async function waitConnected(api: BenchApi, auth: Record<string, string>, sessionIds: string[], maxPolls = 300): Promise<void> {
  for (const sessionId of sessionIds) {
    for (let s = 0; (await api("GET", `/api/sessions/${sessionId}/status`, undefined, auth)).body.status !== "CONNECTED"; s++) {
      if (s > maxPolls) throw new Error(`${sessionId} did not connect`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** `count` sessions with pacing off, paired by the sandbox's QR scan, CONNECTED. */
export async function pairSandboxSessions(api: BenchApi, auth: Record<string, string>, count: number, maxPolls = 300): Promise<string[]> {
  const sessions: string[] = [];
  for (let i = 0; i < count; i++) {
    const { sessionId } = (await api("POST", "/api/sessions", { name: `bench ${i}` }, auth)).body;
    await api("PATCH", `/api/sessions/${sessionId}/settings`, { config: { pacing: { enabled: false } } }, auth);
    await api("POST", `/api/sessions/${sessionId}/connect`, undefined, auth);
    await api("POST", `/api/sandbox/sessions/${sessionId}/scan`, {}, auth);
    sessions.push(sessionId);
  }
  await waitConnected(api, auth, sessions, maxPolls);
  return sessions;
}

/** The gateway's /metrics text (null when it does not answer, or the token is refused). */
export async function metricsText(base: string, token: string): Promise<string | null> {
  const res = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${token}` } }).catch(() => null);
  return res?.ok ? res.text() : null;
}

/** The sum of every series of each named metric in a /metrics text (0 for a name not there). */
export function sumMetrics(text: string, ...names: string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  for (const line of text.split("\n")) {
    const name = line.split(/[ {]/, 1)[0];
    if (name in out) out[name] += Number(line.split(" ").at(-1));
  }
  return out;
}

/**
 * A CPU profiler attached to a gateway started with `--inspect=127.0.0.1:<port>` (in its
 * NODE_OPTIONS): start() and stop(file) profile a phase; read the file with cpuprofile-top.ts.
 */
export async function gatewayProfiler(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      pending.set(++id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  await call("Profiler.setSamplingInterval", { interval: 500 });
  return {
    start: (phase: string) => {
      console.error(`CPU profile of the ${phase} phase started`);
      return call("Profiler.start");
    },
    async stop(file: string) {
      const { profile } = (await call("Profiler.stop")) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      console.error(`CPU profile written: ${file}`);
    },
    close: () => socket.close(),
  };
}

/**
 * A sandbox gateway for a benchmark (real Baileys against the emulator, in the gateway's process) on
 * a fresh database, logging errors only; `env` adds to or overrides that. `nodeOptions`: flags for
 * the gateway's Node alone, after GATEWAY_NODE_OPTIONS from the environment (heap sizing, say).
 * `profile`: the gateway's inspector on port + 1, with a profiler attached (gatewayProfiler).
 */
export async function startBenchGateway({
  port,
  env = {},
  nodeOptions = [],
  profile = false,
}: {
  port?: number;
  env?: Record<string, string>;
  nodeOptions?: string[];
  profile?: boolean;
}): Promise<{ gateway: TestServer; profiler: Awaited<ReturnType<typeof gatewayProfiler>> | null }> {
  if (profile && !port) throw new Error("a profiled gateway needs a port (its inspector listens on port + 1)");
  const options = [process.env.NODE_OPTIONS, process.env.GATEWAY_NODE_OPTIONS, ...nodeOptions, profile ? `--inspect=127.0.0.1:${port! + 1}` : ""]
    .filter(Boolean)
    .join(" ");
  const gateway = await startTestServer({
    port,
    env: { WA_MODE: "sandbox", WA_CONNECT_WAIT_MS: "15000", LOG_LEVEL: "error", ...env, ...(options ? { NODE_OPTIONS: options } : {}) },
  });
  return { gateway, profiler: profile ? await gatewayProfiler(port! + 1) : null };
}
