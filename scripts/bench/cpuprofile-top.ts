// Reads a V8 .cpuprofile (node --cpu-prof, or compare.ts with CPU_PROFILE_DIR) and prints where the
// time went: self time by area (Next.js, Prisma, pg, Baileys/libsignal, our own code, GC, …), then
// the top functions by self time and by inclusive time. Prints figures, asserts nothing.
//   npx tsx scripts/bench/cpuprofile-top.ts FILE.cpuprofile [top=30]
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: cpuprofile-top.ts FILE.cpuprofile [top=30]");
  process.exit(2);
}
const top = Number(topArg) || 30;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

// Self time per node: each sample's delta goes to the node sampled.
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i + 1] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + delta);
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** Which part of the system a frame belongs to, by its script URL (the bundles by function name too). */
function area(frame: ProfileNode["callFrame"]): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "(program: V8/native, unattributed)";
    return `native: ${functionName || "(anonymous)"}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    const name = pkg[1];
    if (name === "next") return "Next.js";
    if (name.startsWith("@prisma") || name === "prisma") return "Prisma";
    if (name === "pg" || name.startsWith("pg-")) return "pg";
    if (name === "@whiskeysockets/baileys" || name === "libsignal" || name.startsWith("@whiskeysockets")) return "Baileys/libsignal";
    if (name === "pino" || name.startsWith("pino-") || name === "sonic-boom" || name === "thread-stream") return "pino";
    if (name === "zod") return "zod";
    if (name === "socket.io" || name === "engine.io" || name.startsWith("socket.io-") || name === "ws") return "socket.io/ws";
    if (name === "protobufjs" || name.startsWith("@protobufjs")) return "protobufjs";
    return `node_modules: ${name}`;
  }
  if (url.startsWith("node:")) return "Node.js core";
  if (/\/\.next[^/]*\//.test(url)) return "Next.js bundles (.next: Next runtime + our routes)";
  if (/\/lib\/wa-emulator\//.test(url)) return "emulator";
  if (/\/lib\/|\/server\.ts/.test(url)) return "our code (lib/, server.ts)";
  return `other: ${url.split("/").slice(-2).join("/")}`;
}

/**
 * A WebAssembly frame's area is its nearest JavaScript caller's: the wasm URL names no package
 * (Prisma's query compiler and Baileys' whatsapp-rust-bridge both run as wasm).
 */
function areaOf(id: number): string {
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const frame = byId.get(n)!.callFrame;
    if (!frame.url.startsWith("wasm://") && !frame.functionName.startsWith("js-to-wasm") && !frame.functionName.startsWith("wasm-to-js")) {
      return n === id ? area(frame) : `${area(frame)} (wasm)`;
    }
  }
  return area(byId.get(id)!.callFrame);
}

const fmt = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %`;
const label = (f: ProfileNode["callFrame"]) =>
  `${f.functionName || "(anonymous)"} ${f.url ? `${f.url.replace(/^.*?(node_modules\/|\/\.next[^/]*\/|\/lib\/)/, "$1")}:${f.lineNumber + 1}` : ""}`;

const areas = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of self) {
  const frame = byId.get(id)!.callFrame;
  areas.set(areaOf(id), (areas.get(areaOf(id)) ?? 0) + us);
  functions.set(label(frame), (functions.get(label(frame)) ?? 0) + us);
}

// Inclusive time: a sample counts once for every distinct function on its stack.
const inclusive = new Map<string, number>();
const areaInclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  const seenAreas = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const frame = byId.get(n)!.callFrame;
    const l = label(frame);
    if (!seen.has(l)) {
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
    const a = areaOf(n);
    if (!seenAreas.has(a)) {
      seenAreas.add(a);
      areaInclusive.set(a, (areaInclusive.get(a) ?? 0) + us);
    }
  }
}

const busy = total - (areas.get("idle") ?? 0);
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms not idle`);
console.log("\nSelf time by area (inclusive: on the stack at all):");
for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).filter(([, us]) => us >= total / 500))
  console.log(`${fmt(us)}  incl ${fmt(areaInclusive.get(a) ?? 0)}  ${a}`);
console.log(`\nTop ${top} functions by self time:`);
for (const [f, us] of [...functions].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${fmt(us)}  ${f}`);
console.log(`\nTop ${top} functions by inclusive time:`);
for (const [f, us] of [...inclusive].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${fmt(us)}  ${f}`);
