// What a session's groups cost the gateway when it connects and when it sends to one of them:
// syncParticipatingGroups (every connect and restart stores every group the session is in) and
// loadCachedGroupMetadata (Baileys asks it before every send to a group), on a scratch database.
//   DATABASE_URL=… npx tsx --import ./scripts/hooks/register.mjs scripts/bench/group-store.ts [groups=20] [members=200] [rounds=5]
// The sync is timed twice per round: first with a member changed in every group (a session back
// after a while), then with nothing changed (a restart). WhatsApp's answer is made up here, the
// same every round; the database and the code storing it are real. Prints ms of CPU and wall time
// per call (medians) and asserts nothing. Runs unchanged on an older tree (the same exports), so
// two trees can be compared by copying this file into the other's worktree.
import type { GroupMetadata, WASocket } from "@whiskeysockets/baileys";
import pino from "pino";
import { loadCachedGroupMetadata, syncParticipatingGroups } from "../../lib/groups/handle-group-events";
import { scratchDatabase } from "./scratch-database";

const [groupCount = 20, memberCount = 200, rounds = 5] = process.argv.slice(2).map(Number).filter(Boolean);
const database = await scratchDatabase();
const { db, owner, session } = database;
const ref = { id: session.id, sessionId: session.sessionId, ownerId: owner.id };

const pn = (g: number, m: number) => `1${String(g).padStart(4, "0")}${String(m).padStart(6, "0")}@s.whatsapp.net`;
const lid = (g: number, m: number) => `9${String(g).padStart(4, "0")}${String(m).padStart(6, "0")}@lid`;
function groups(round: number): Record<string, GroupMetadata> {
  const all: Record<string, GroupMetadata> = {};
  for (let g = 0; g < groupCount; g++) {
    const id = `1203630000${String(g).padStart(8, "0")}@g.us`;
    const participants = Array.from({ length: memberCount }, (_, m) => ({
      // The last member is replaced every round; the rest stay, with their LIDs.
      id: m === memberCount - 1 ? pn(g, memberCount + round) : pn(g, m),
      lid: m === memberCount - 1 ? lid(g, memberCount + round) : lid(g, m),
      admin: m === 0 ? ("superadmin" as const) : null,
    }));
    all[id] = { id, subject: `Group ${g}`, owner: pn(g, 0), creation: 1_700_000_000, participants } as GroupMetadata;
  }
  return all;
}

let answer: Record<string, GroupMetadata> = {};
const sock = { groupFetchAllParticipating: async () => answer } as unknown as WASocket;
const ctx = { db, ref, sock, logger: pino({ level: "silent" }) };

async function timed(run: () => Promise<unknown>, times = 1) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < times; i++) await run();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000 / times, wall: (performance.now() - started) / times };
}

const results: Record<string, Array<{ cpu: number; wall: number }>> = { changed: [], unchanged: [], load: [] };
answer = groups(0);
await syncParticipatingGroups(ctx); // first store, and warm-up
const firstJid = Object.keys(answer)[0];
for (let i = 0; i < 100; i++) await loadCachedGroupMetadata(db, ref, firstJid);
for (let round = 1; round <= rounds; round++) {
  answer = groups(round);
  results.changed.push(await timed(() => syncParticipatingGroups(ctx)));
  results.unchanged.push(await timed(() => syncParticipatingGroups(ctx)));
  results.load.push(await timed(() => loadCachedGroupMetadata(db, ref, firstJid), 200));
}
const loaded = await loadCachedGroupMetadata(db, ref, firstJid);
if (loaded?.participants.length !== memberCount) throw new Error(`the stored group has ${loaded?.participants.length} members, not ${memberCount}`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const row = (name: string, figures: Array<{ cpu: number; wall: number }>) =>
  `| ${name} | ${median(figures.map((f) => f.cpu)).toFixed(2)} | ${median(figures.map((f) => f.wall)).toFixed(2)} |`;
console.log(`${groupCount} groups of ${memberCount} members, ${rounds} rounds (medians), PostgreSQL`);
console.log("| call | CPU ms | wall ms |");
console.log("| --- | --- | --- |");
console.log(row("sync on connect, one member changed in each group", results.changed));
console.log(row("sync on connect, nothing changed", results.unchanged));
console.log(row("cached metadata for one send to a group", results.load));
await database.drop();
