// Shared by the cluster test (tests/cluster/) and its benchmark (scripts/bench/cluster.ts): gateway
// nodes of one cluster as child processes, the emulator in its own process, pairing by code through
// a node, and where each session is held (read from the database, as an operator would).
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { expectOk, request } from "./api-client";
import type { Tenant } from "./sandbox";
import { waitFor } from "./wait";

export interface EmulatorProcess {
  wsUrl: string;
  /** SANDBOX_EMULATOR_ROOT for the nodes. */
  root: string;
  call<T = unknown>(
    op: "createContact" | "pairingCode" | "received" | "simultaneous" | "contactSends" | "receipts" | "groupsOf",
    ...args: string[]
  ): Promise<T>;
  stop(): void;
}

/** scripts/bench/emulator-process.ts in a child process, once it is listening. */
export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL("../../scripts/bench/emulator-process.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<{ wsUrl: string; publicKey: string; serial: number }>((resolve) =>
    child.once("message", (msg: { ready: { wsUrl: string; publicKey: string; serial: number } }) => resolve(msg.ready)),
  );
  let nextCall = 1;
  return {
    wsUrl: ready.wsUrl,
    root: `${ready.publicKey}:${ready.serial}`,
    call<T>(op: string, ...args: string[]) {
      const id = nextCall++;
      return new Promise<T>((resolve, reject) => {
        const onMessage = (msg: { answer?: number; result?: T; error?: string }) => {
          if (msg.answer !== id) return;
          child.off("message", onMessage);
          if (msg.error) reject(new Error(msg.error));
          else resolve(msg.result as T);
        };
        child.on("message", onMessage);
        child.send({ call: { id, op, args } });
      });
    },
    stop: () => void child.kill(),
  };
}

/** The environment of every node: sandbox sessions on the shared emulator, cluster on. */
export function clusterEnv(emulator: EmulatorProcess, timings: { heartbeatMs: number; leaseMs: number }): Record<string, string> {
  return {
    WA_MODE: "sandbox",
    SANDBOX_EMULATOR_URL: emulator.wsUrl,
    SANDBOX_EMULATOR_ROOT: emulator.root,
    CLUSTER_ENABLED: "true",
    CLUSTER_HEARTBEAT_MS: String(timings.heartbeatMs),
    CLUSTER_LEASE_MS: String(timings.leaseMs),
    WA_CONNECT_WAIT_MS: "10000",
    DEFAULT_COUNTRY_CODE: "1",
  };
}

export interface ClusterSession {
  id: string;
  sessionId: string;
  phone: string;
}

/** Creates a session through `base`, pacing off, and pairs it by code with the emulated phone `phone`. */
export async function pairByCode(base: string, tenant: Pick<Tenant, "key">, emulator: EmulatorProcess, phone: string): Promise<ClusterSession> {
  const as = { apiKey: tenant.key };
  const session = expectOk(await request("POST", "/api/sessions", { baseUrl: base, as, json: { name: `cluster-${phone}` } }), "create").body;
  expectOk(
    await request("PATCH", `/api/sessions/${session.sessionId}/settings`, { baseUrl: base, as, json: { config: { pacing: { enabled: false } } } }),
    "pacing",
  );
  expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, { baseUrl: base, as, json: {} }), "connect");
  const code = expectOk(await request("POST", `/api/sessions/${session.sessionId}/pairing-code`, { baseUrl: base, as, json: { phone } }), "pairing code").body
    .code as string;
  await acceptPairingCode(emulator, phone, code);
  return { id: session.id, sessionId: session.sessionId, phone };
}

/** The emulated phone `phone` types `code`. */
export async function acceptPairingCode(emulator: EmulatorProcess, phone: string, code: string): Promise<void> {
  // The phone can take the code once WhatsApp has the request, which the answer giving the code
  // implies; a retry covers the moment in between.
  await waitFor(
    `phone ${phone} to accept its code`,
    () =>
      emulator.call("pairingCode", phone, code).then(
        () => true,
        () => false,
      ),
    10_000,
  );
}

export interface Placement {
  id: string;
  nodeId: string | null;
  status: string;
  statusChangedAt: Date;
}

/** Every session of `ownerId` with the node holding its unexpired lease (null: nobody) and its status. */
export async function placement(database: pg.Client, ownerId: string): Promise<Placement[]> {
  const { rows } = await database.query<Placement>(
    `SELECT s.id, l."nodeId", s.status, s."statusChangedAt"
     FROM whatsapp_sessions s LEFT JOIN session_leases l ON l."sessionId" = s.id AND l."expiresAt" > (now() AT TIME ZONE 'UTC')
     WHERE s."ownerId" = $1`,
    [ownerId],
  );
  return rows;
}

export const nodeIdOf = async (baseUrl: string) => (await request("GET", "/api/health", { baseUrl })).body.node as string;
